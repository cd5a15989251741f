import pytest
from django.conf import settings
from django.db import DatabaseError, connection
from rest_framework.test import APIClient

pytestmark = pytest.mark.django_db

API = settings.API_PREFIX
HEALTH = settings.HEALTH_PATH
READY = settings.READY_PATH


def test_health_answers(api_client: APIClient) -> None:
    response = api_client.get(HEALTH)
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_ready_checks_the_database(api_client: APIClient) -> None:
    assert api_client.get(READY).json() == {"status": "ok"}


def test_ready_fails_when_the_database_is_unreachable(api_client: APIClient, monkeypatch: pytest.MonkeyPatch) -> None:
    def unreachable() -> None:
        raise DatabaseError("connection refused")

    monkeypatch.setattr(connection, "cursor", unreachable)
    response = api_client.get(READY)
    assert response.status_code == 503
    assert response.json()["error"]["code"] == "service_unavailable"


def test_request_id_is_echoed_or_generated(api_client: APIClient) -> None:
    echoed = api_client.get(HEALTH, headers={"X-Request-ID": "0b9d7a3e4c2f4f6a8d1e2b3c4d5e6f70"})
    assert echoed.headers["X-Request-ID"] == "0b9d7a3e4c2f4f6a8d1e2b3c4d5e6f70"
    assert len(api_client.get(HEALTH).headers["X-Request-ID"]) == 32
    # Ids that could forge log lines or headers are replaced.
    forged = api_client.get(HEALTH, headers={"X-Request-ID": 'x" injected'})
    assert forged.headers["X-Request-ID"] != 'x" injected'


def test_security_headers_are_set(api_client: APIClient) -> None:
    headers = api_client.get(HEALTH).headers
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["Referrer-Policy"] == "no-referrer"
    assert "Strict-Transport-Security" not in headers  # only in production, behind TLS


def test_cors_allows_configured_origins(api_client: APIClient) -> None:
    response = api_client.options(
        f"{API}/items",
        headers={"Origin": "http://localhost:3000", "Access-Control-Request-Method": "GET"},
    )
    assert response.headers["Access-Control-Allow-Origin"] == "http://localhost:3000"


def test_access_log_carries_the_request_id(api_client: APIClient, caplog: pytest.LogCaptureFixture) -> None:
    api_client.get(HEALTH, headers={"X-Request-ID": "1b9d7a3e4c2f4f6a8d1e2b3c4d5e6f70"})
    [entry] = [record.msg for record in caplog.records if record.name == "apps.access"]
    assert isinstance(entry, dict)
    assert entry["request_id"] == "1b9d7a3e4c2f4f6a8d1e2b3c4d5e6f70"
    assert (entry["event"], entry["method"], entry["path"], entry["status"]) == ("request", "GET", HEALTH, 200)
    assert entry["duration_ms"] >= 0
