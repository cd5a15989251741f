from fastapi import FastAPI
from fastapi.testclient import TestClient

from app.core.config import API_PREFIX, HEALTH_PATH
from tests.conftest import assert_error


def test_unknown_path_uses_the_error_format(client: TestClient) -> None:
    response = client.get("/nope")
    assert response.status_code == 404
    assert_error(response.json(), "not_found")


def test_wrong_method_uses_the_error_format(client: TestClient) -> None:
    response = client.put(HEALTH_PATH)
    assert response.status_code == 405
    assert_error(response.json(), "method_not_allowed")
    assert response.headers["Allow"] == "GET"


def test_405_allows_every_method_of_the_path(client: TestClient) -> None:
    assert client.put(f"{API_PREFIX}/items").headers["Allow"] == "GET, POST"
    assert client.put(f"{API_PREFIX}/items/1").headers["Allow"] == "DELETE, GET, PATCH"


def test_validation_errors_list_each_field(client: TestClient) -> None:
    response = client.post(f"{API_PREFIX}/auth/register", json={"email": "not-an-email", "password": "short"})
    assert response.status_code == 422
    body = response.json()
    assert_error(body, "validation_error")
    assert {tuple(d["loc"]) for d in body["error"]["details"]} == {("body", "email"), ("body", "password")}


def test_unhandled_errors_hide_details(app: FastAPI) -> None:
    @app.get("/boom")
    async def boom() -> None:
        raise RuntimeError("secret internals")

    with TestClient(app, raise_server_exceptions=False) as client:
        response = client.get("/boom", headers={"X-Request-ID": "2b9d7a3e4c2f4f6a8d1e2b3c4d5e6f70"})
    assert response.status_code == 500
    assert_error(response.json(), "internal_server_error")
    assert "secret" not in response.text
    assert response.headers["X-Request-ID"] == "2b9d7a3e4c2f4f6a8d1e2b3c4d5e6f70"
