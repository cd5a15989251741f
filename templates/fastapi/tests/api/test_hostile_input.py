"""Input a careless or hostile client sends is a 4xx in the error format, never a 500. Several of these pass on
SQLite but failed on PostgreSQL: run them with TEST_DATABASE_URL too."""

import json
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from app.api.params import MAX_ID, MAX_OFFSET
from app.core.config import Settings
from app.main import create_app
from tests.conftest import PASSWORD, assert_error

NUL = "\x00"
DEEP = "[" * 3000 + "]" * 3000


@pytest.mark.parametrize("item_id", [MAX_ID + 1, 10**20, 0, -MAX_ID - 2])
@pytest.mark.parametrize("method", ["GET", "PATCH", "DELETE"])
def test_ids_outside_the_database_integer_are_422(
    client: TestClient, user_headers: dict[str, str], method: str, item_id: int
) -> None:
    response = client.request(method, f"/api/v1/items/{item_id}", json={"name": "x"}, headers=user_headers)
    assert response.status_code == 422
    assert_error(response.json(), "validation_error")


def test_user_ids_outside_the_database_integer_are_422(client: TestClient, admin_headers: dict[str, str]) -> None:
    response = client.delete(f"/api/v1/users/{MAX_ID + 1}", headers=admin_headers)
    assert response.status_code == 422
    assert_error(response.json(), "validation_error")


@pytest.mark.parametrize("path", ["/api/v1/items", "/api/v1/users"])
def test_offsets_past_bigint_are_422(client: TestClient, admin_headers: dict[str, str], path: str) -> None:
    response = client.get(path, params={"offset": MAX_OFFSET + 1}, headers=admin_headers)
    assert response.status_code == 422
    assert_error(response.json(), "validation_error")
    assert client.get(path, params={"offset": MAX_OFFSET}, headers=admin_headers).status_code == 200


@pytest.mark.parametrize(
    ("path", "payload"),
    [
        ("/api/v1/items", {"name": f"a{NUL}b", "price_cents": 1}),
        ("/api/v1/items", {"name": "ok", "description": NUL, "price_cents": 1}),
        ("/api/v1/auth/register", {"email": "nul@example.com", "password": PASSWORD, "full_name": NUL}),
        ("/api/v1/auth/register", {"email": "nul@example.com", "password": PASSWORD + NUL}),
        ("/api/v1/auth/login", {"email": "nul@example.com", "password": PASSWORD + NUL}),
        # A lone surrogate has no UTF-8 form: the password hasher failed on it.
        ("/api/v1/auth/login", {"email": "nul@example.com", "password": PASSWORD + "\ud800"}),
    ],
)
def test_strings_with_nul_are_422(
    client: TestClient, user_headers: dict[str, str], path: str, payload: dict[str, object]
) -> None:
    # json.dumps escapes what httpx would refuse to encode (the lone surrogate), as a hostile client can.
    body = json.dumps(payload)
    response = client.post(path, content=body, headers={**user_headers, "Content-Type": "application/json"})
    assert response.status_code == 422
    assert_error(response.json(), "validation_error")


def test_nul_is_refused_in_updates_too(client: TestClient, user_headers: dict[str, str]) -> None:
    item = client.post("/api/v1/items", json={"name": "ok", "price_cents": 1}, headers=user_headers).json()
    response = client.patch(f"/api/v1/items/{item['id']}", json={"name": NUL}, headers=user_headers)
    assert response.status_code == 422
    assert_error(response.json(), "validation_error")


@pytest.mark.parametrize("path", ["/api/v1/auth/login", "/api/v1/items"])
def test_deeply_nested_json_is_400(client: TestClient, user_headers: dict[str, str], path: str) -> None:
    body = '{"email": ' + DEEP + ', "name": ' + DEEP + "}"
    response = client.post(path, content=body, headers={**user_headers, "Content-Type": "application/json"})
    assert response.status_code == 400
    assert_error(response.json(), "bad_request")


def test_invalid_utf8_is_400_and_nothing_is_stored(client: TestClient, user_headers: dict[str, str]) -> None:
    body = b'{"name": "caf\xe9", "price_cents": 1}'
    headers = {**user_headers, "Content-Type": "application/json"}
    response = client.post("/api/v1/items", content=body, headers=headers)
    assert response.status_code == 400
    assert_error(response.json(), "bad_request")
    assert client.get("/api/v1/items", headers=user_headers).json()["total"] == 0


@pytest.fixture
def small_body_client(settings: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(settings.model_copy(update={"max_body_bytes": 64}))) as client:
        yield client


def test_bodies_over_max_body_bytes_are_413(small_body_client: TestClient) -> None:
    body = b'{"email": "a@example.com", "password": "' + b"x" * 64 + b'"}'
    headers = {"Content-Type": "application/json"}
    declared = small_body_client.post("/api/v1/auth/login", content=body, headers=headers)
    chunked = small_body_client.post("/api/v1/auth/login", content=iter([body[:32], body[32:]]), headers=headers)
    for response in (declared, chunked):
        assert response.status_code == 413
        assert_error(response.json(), "request_entity_too_large")
        assert response.json()["error"]["message"] == "Request body is larger than 64 bytes"


def test_bodies_within_max_body_bytes_pass(small_body_client: TestClient) -> None:
    response = small_body_client.post("/api/v1/auth/login", json={"email": "a@example.com", "password": "x"})
    assert response.status_code == 401
