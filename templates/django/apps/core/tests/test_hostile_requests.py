"""Requests that once crashed the service (5xx) or slipped through: each now gets a 4xx in the error format."""

import pytest
from django.conf import settings
from rest_framework.test import APIClient

from apps.core.tests.test_errors import assert_error
from apps.items.models import Item

pytestmark = pytest.mark.django_db

DEEP_JSON = "[" * 3000 + "]" * 3000
ITEM = {"name": "Desk lamp", "price_cents": 2599}
ACCOUNT = {"email": "new@example.com", "password": "correct-horse-battery"}


@pytest.mark.parametrize("too_big", [2**31, 2**63, 10**20])
def test_ids_beyond_the_database_integer_range_are_not_found(admin_client: APIClient, too_big: int) -> None:
    for response in (admin_client.get(f"/api/v1/items/{too_big}"), admin_client.delete(f"/api/v1/users/{too_big}")):
        assert response.status_code == 404
        assert_error(response.json(), "not_found")


@pytest.mark.parametrize("offset", [2**63, 10**20])
def test_offsets_beyond_int64_are_a_validation_error(admin_client: APIClient, offset: int) -> None:
    for path in ("/api/v1/items", "/api/v1/users"):
        response = admin_client.get(path, {"offset": offset})
        assert response.status_code == 400, path
        assert_error(response.json(), "validation_error")


@pytest.mark.parametrize(
    ("path", "body"),
    [
        ("/api/v1/items", {**ITEM, "name": "Desk\x00lamp"}),
        ("/api/v1/items", {**ITEM, "description": "\x00"}),
        ("/api/v1/auth/register", {**ACCOUNT, "full_name": "Ada\x00"}),
        ("/api/v1/auth/register", {**ACCOUNT, "password": "correct-horse\x00"}),
        ("/api/v1/auth/login", {**ACCOUNT, "email": "new\x00@example.com"}),
    ],
)
def test_a_nul_byte_in_a_string_is_a_validation_error(
    user_client: APIClient, path: str, body: dict[str, object]
) -> None:
    # PostgreSQL cannot store NUL in text: it must never reach the database.
    response = user_client.post(path, body, format="json")
    assert response.status_code == 400
    assert_error(response.json(), "validation_error")


@pytest.mark.parametrize("path", ["/api/v1/auth/login", "/api/v1/items"])
def test_deeply_nested_json_is_a_bad_request(user_client: APIClient, path: str) -> None:
    response = user_client.generic("POST", path, DEEP_JSON, content_type="application/json")
    assert response.status_code == 400
    assert_error(response.json(), "validation_error")


def test_invalid_utf8_is_refused_not_stored(user_client: APIClient) -> None:
    body = b'{"name": "Desk \xff lamp", "price_cents": 2599}'
    response = user_client.post("/api/v1/items", body, content_type="application/json")
    assert response.status_code == 400
    assert_error(response.json(), "validation_error")
    assert not Item.objects.exists()


def test_a_body_over_max_body_bytes_is_refused_with_413(api_client: APIClient) -> None:
    limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    response = api_client.generic("POST", "/api/v1/auth/login", "x" * (limit + 1), content_type="application/json")
    assert response.status_code == 413
    assert_error(response.json(), "content_too_large")
    # One byte less is read, and refused only because it is not JSON.
    response = api_client.generic("POST", "/api/v1/auth/login", "x" * limit, content_type="application/json")
    assert response.status_code == 400


@pytest.mark.parametrize(
    ("method", "path", "allow"), [("PUT", "/api/v1/items", "GET, POST"), ("FOO", "/health", "GET")]
)
def test_an_unknown_method_is_405_with_allow(user_client: APIClient, method: str, path: str, allow: str) -> None:
    response = user_client.generic(method, path)
    assert response.status_code == 405
    assert response.headers["Allow"].startswith(allow)
    assert_error(response.json(), "method_not_allowed")
