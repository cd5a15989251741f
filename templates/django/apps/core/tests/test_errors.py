import pytest
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.test import Client
from django.urls import path
from rest_framework.test import APIClient

pytestmark = pytest.mark.django_db

API = settings.API_PREFIX


def assert_error(body: dict[str, object], code: str) -> None:
    error = body["error"]
    assert isinstance(error, dict)
    assert error["code"] == code
    assert error["message"]
    assert error["request_id"]


def test_unknown_path_uses_the_error_format(api_client: APIClient) -> None:
    response = api_client.get("/nope")
    assert response.status_code == 404
    assert_error(response.json(), "not_found")


def test_wrong_method_uses_the_error_format(api_client: APIClient) -> None:
    response = api_client.put(settings.HEALTH_PATH)
    assert response.status_code == 405
    assert_error(response.json(), "method_not_allowed")


def test_validation_errors_list_each_field(api_client: APIClient) -> None:
    response = api_client.post(f"{API}/auth/register", {"email": "not-an-email", "password": "short"}, format="json")
    assert response.status_code == 400
    body = response.json()
    assert_error(body, "validation_error")
    assert {tuple(d["loc"]) for d in body["error"]["details"]} == {("email",), ("password",)}


def boom(request: HttpRequest) -> HttpResponse:
    raise RuntimeError("secret internals")


# A URLconf of its own for this test, with the project's 500 handler.
urlpatterns = [path("boom", boom)]
handler500 = "apps.core.views.server_error"


@pytest.mark.urls(__name__)
def test_unhandled_errors_hide_details() -> None:
    client = Client(raise_request_exception=False)
    response = client.get("/boom", headers={"X-Request-ID": "2b9d7a3e4c2f4f6a8d1e2b3c4d5e6f70"})
    assert response.status_code == 500
    assert_error(response.json(), "internal_server_error")
    assert b"secret" not in response.content
    assert response.headers["X-Request-ID"] == "2b9d7a3e4c2f4f6a8d1e2b3c4d5e6f70"
