from datetime import UTC, datetime, timedelta

import jwt
import pytest
from fastapi.testclient import TestClient

from app.core.config import API_PREFIX, Settings
from tests.conftest import PASSWORD, auth_headers, register


def test_register_returns_the_user_without_secrets(client: TestClient) -> None:
    body = register(client, "Alice@Example.com")
    assert body["email"] == "alice@example.com"
    assert body["role"] == "user"
    assert "password" not in str(body)


def test_register_twice_is_a_conflict(client: TestClient) -> None:
    register(client, "alice@example.com")
    response = client.post(f"{API_PREFIX}/auth/register", json={"email": "ALICE@example.com", "password": PASSWORD})
    assert response.status_code == 409
    assert response.json()["error"]["code"] == "conflict"


def test_login_issues_a_bearer_token(client: TestClient, settings: Settings) -> None:
    register(client, "alice@example.com")
    response = client.post(f"{API_PREFIX}/auth/login", json={"email": "alice@example.com", "password": PASSWORD})
    assert response.status_code == 200
    body = response.json()
    assert body["token_type"] == "bearer"
    assert body["expires_in"] == settings.jwt_expire_minutes * 60


def test_login_with_a_wrong_password_or_unknown_email_fails(client: TestClient) -> None:
    register(client, "alice@example.com")
    for email, password in [("alice@example.com", "wrong-password"), ("bob@example.com", PASSWORD)]:
        response = client.post(f"{API_PREFIX}/auth/login", json={"email": email, "password": password})
        assert response.status_code == 401
        assert response.json()["error"]["code"] == "unauthorized"


def test_me_returns_the_current_user(client: TestClient) -> None:
    register(client, "alice@example.com")
    response = client.get(f"{API_PREFIX}/users/me", headers=auth_headers(client, "alice@example.com"))
    assert response.status_code == 200
    assert response.json()["email"] == "alice@example.com"


def test_me_requires_a_valid_token(client: TestClient) -> None:
    missing = client.get(f"{API_PREFIX}/users/me")
    assert missing.status_code == 401
    assert missing.headers["WWW-Authenticate"] == "Bearer"
    invalid = client.get(f"{API_PREFIX}/users/me", headers={"Authorization": "Bearer not-a-jwt"})
    assert invalid.status_code == 401


@pytest.mark.parametrize(
    ("claims", "secret"),
    [
        ({"role": "admin"}, "another-secret-that-is-long-enough-for-hs256"),  # forged
        ({}, None),  # no role
        ({"role": "root"}, None),  # a role that does not exist
        ({"role": "user", "sub": "not-a-number"}, None),
    ],
    ids=["other-secret", "no-role", "unknown-role", "bad-subject"],
)
def test_tokens_must_be_signed_by_us_and_name_a_known_role(
    client: TestClient, settings: Settings, claims: dict[str, str], secret: str | None
) -> None:
    user_id = register(client, "alice@example.com")["id"]
    now = datetime.now(UTC)
    payload = {"sub": str(user_id), "iat": now, "exp": now + timedelta(minutes=5), **claims}
    token = jwt.encode(payload, secret or settings.jwt_secret.get_secret_value(), algorithm="HS256")
    response = client.get(f"{API_PREFIX}/items", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 401
    assert response.json()["error"]["message"] == "Invalid or expired token"
