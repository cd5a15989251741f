import pytest
from fastapi.testclient import TestClient

from app.core.config import API_PREFIX, HEALTH_PATH, READY_PATH, Settings
from app.main import create_app


def test_health_answers(client: TestClient) -> None:
    response = client.get(HEALTH_PATH)
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_ready_checks_the_database(client: TestClient) -> None:
    assert client.get(READY_PATH).json() == {"status": "ok"}


def test_ready_fails_when_the_database_is_unreachable(settings: Settings) -> None:
    broken = settings.model_copy(update={"database_url": "sqlite:////nonexistent-dir/db.sqlite"})
    with TestClient(create_app(broken)) as client:
        response = client.get(READY_PATH)
    assert response.status_code == 503
    assert response.json()["error"]["code"] == "service_unavailable"


def test_request_id_is_echoed_or_generated(client: TestClient) -> None:
    echoed = client.get(HEALTH_PATH, headers={"X-Request-ID": "0b9d7a3e4c2f4f6a8d1e2b3c4d5e6f70"})
    assert echoed.headers["X-Request-ID"] == "0b9d7a3e4c2f4f6a8d1e2b3c4d5e6f70"
    assert len(client.get(HEALTH_PATH).headers["X-Request-ID"]) == 32


def test_security_headers_are_set(client: TestClient) -> None:
    headers = client.get(HEALTH_PATH).headers
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["X-Frame-Options"] == "DENY"
    assert "Strict-Transport-Security" not in headers  # only in production, behind TLS


def test_cors_allows_configured_origins(client: TestClient) -> None:
    response = client.options(
        f"{API_PREFIX}/items",
        headers={"Origin": "http://localhost:3000", "Access-Control-Request-Method": "GET"},
    )
    assert response.headers["access-control-allow-origin"] == "http://localhost:3000"


def test_access_log_carries_the_request_id(client: TestClient, caplog: pytest.LogCaptureFixture) -> None:
    client.get(HEALTH_PATH, headers={"X-Request-ID": "1b9d7a3e4c2f4f6a8d1e2b3c4d5e6f70"})
    [entry] = [record.msg for record in caplog.records if record.name == "app.access"]
    assert isinstance(entry, dict)
    assert entry["request_id"] == "1b9d7a3e4c2f4f6a8d1e2b3c4d5e6f70"
    assert (entry["event"], entry["method"], entry["path"], entry["status"]) == ("request", "GET", HEALTH_PATH, 200)
    assert entry["duration_ms"] >= 0
