from collections.abc import Callable
from typing import Any

import pytest
from django.conf import settings
from rest_framework.test import APIClient

from apps.items.tests.factories import ItemFactory
from apps.users.models import User
from apps.users.services import user_set_role
from apps.users.tests.factories import PASSWORD, UserFactory, token_with

pytestmark = pytest.mark.django_db

API = settings.API_PREFIX


def login(email: str) -> APIClient:
    client = APIClient()
    response = client.post(f"{API}/auth/login", {"email": email, "password": PASSWORD}, format="json")
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {response.json()['access_token']}")
    return client


def without_request_id(body: dict[str, dict[str, Any]]) -> dict[str, Any]:
    return {name: value for name, value in body["error"].items() if name != "request_id"}


def register(client: APIClient, email: str, password: str = PASSWORD) -> dict[str, object]:
    response = client.post(f"{API}/auth/register", {"email": email, "password": password}, format="json")
    assert response.status_code == 201, response.content
    body: dict[str, object] = response.json()
    return body


def test_register_returns_the_user_without_secrets(api_client: APIClient) -> None:
    body = register(api_client, "Alice@Example.com")
    assert body["email"] == "alice@example.com"
    assert body["role"] == "user"
    assert "password" not in str(body)


def test_register_twice_is_a_conflict(api_client: APIClient) -> None:
    register(api_client, "alice@example.com")
    response = api_client.post(
        f"{API}/auth/register", {"email": "ALICE@example.com", "password": PASSWORD}, format="json"
    )
    assert response.status_code == 409
    assert response.json()["error"]["code"] == "conflict"


def test_register_refuses_a_common_password(api_client: APIClient) -> None:
    response = api_client.post(
        f"{API}/auth/register", {"email": "alice@example.com", "password": "password123"}, format="json"
    )
    assert response.status_code == 400
    assert response.json()["error"]["details"][0]["loc"] == ["password"]


def test_login_issues_a_bearer_token_that_works(api_client: APIClient, user: User) -> None:
    response = api_client.post(f"{API}/auth/login", {"email": user.email, "password": PASSWORD}, format="json")
    assert response.status_code == 200
    body = response.json()
    lifetime = settings.SIMPLE_JWT["ACCESS_TOKEN_LIFETIME"]
    assert (body["token_type"], body["expires_in"]) == ("bearer", lifetime.total_seconds())
    api_client.credentials(HTTP_AUTHORIZATION=f"Bearer {body['access_token']}")
    assert api_client.get(f"{API}/users/me").json()["email"] == user.email


@pytest.mark.parametrize(
    ("email", "password"), [("user0@example.com", "wrong-password"), ("bob@example.com", PASSWORD)]
)
def test_login_with_a_wrong_password_or_unknown_email_fails(api_client: APIClient, email: str, password: str) -> None:
    UserFactory.create(email="user0@example.com")
    response = api_client.post(f"{API}/auth/login", {"email": email, "password": password}, format="json")
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "unauthorized"


def test_me_requires_a_valid_token(api_client: APIClient) -> None:
    missing = api_client.get(f"{API}/users/me")
    assert missing.status_code == 401
    assert missing.headers["WWW-Authenticate"].startswith("Bearer")
    api_client.credentials(HTTP_AUTHORIZATION="Bearer not-a-jwt")
    invalid = api_client.get(f"{API}/users/me")
    assert invalid.status_code == 401
    assert invalid.json()["error"]["code"] == "unauthorized"


def test_only_admins_list_users(user_client: APIClient) -> None:
    response = user_client.get(f"{API}/users")
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "forbidden"


def test_admin_lists_users_page_by_page(admin_client: APIClient, admin: User) -> None:
    users = [UserFactory.create() for _ in range(3)]
    response = admin_client.get(f"{API}/users", {"limit": 2, "offset": 2})
    assert response.status_code == 200
    page = response.json()
    assert (page["total"], page["limit"], page["offset"]) == (4, 2, 2)
    assert [u["email"] for u in page["items"]] == [users[1].email, users[2].email]


# Creating an item needs a real commit: PostgreSQL and SQLite check the owner's foreign key only then.
@pytest.mark.django_db(transaction=True)
def test_admin_deletes_a_user_and_their_items(admin_client: APIClient, client_for: Callable[[User], APIClient]) -> None:
    item = ItemFactory.create()
    owner_client = client_for(item.owner)

    assert admin_client.delete(f"{API}/users/{item.owner.id}").status_code == 204
    assert admin_client.get(f"{API}/items").json()["total"] == 0
    assert admin_client.delete(f"{API}/users/{item.owner.id}").status_code == 404
    # The token stays valid until it expires, but where the account itself is needed it is refused like a bad token.
    invalid = APIClient()
    invalid.credentials(HTTP_AUTHORIZATION="Bearer not-a-jwt")
    refused = without_request_id(invalid.get(f"{API}/users/me").json())
    for response in (
        owner_client.get(f"{API}/users/me"),
        owner_client.post(f"{API}/items", {"name": "Desk lamp", "price_cents": 2599}, format="json"),
    ):
        assert response.status_code == 401
        assert without_request_id(response.json()) == refused
    assert owner_client.get(f"{API}/items").json()["total"] == 0


@pytest.mark.parametrize(
    "changes",
    [
        pytest.param({"key": "another-secret-that-is-long-enough-for-hs256"}, id="another secret"),
        pytest.param({"role": None}, id="no role"),
        pytest.param({"role": "superuser"}, id="unknown role"),
    ],
)
def test_tokens_not_issued_by_login_are_refused(api_client: APIClient, user: User, changes: dict[str, Any]) -> None:
    api_client.credentials(HTTP_AUTHORIZATION=f"Bearer {token_with(user, **changes)}")
    response = api_client.get(f"{API}/items")
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "unauthorized"


def test_a_promotion_takes_effect_at_the_next_login(user: User) -> None:
    before = login(user.email)
    user_set_role(email=user.email, role=User.Role.ADMIN)
    # The role is in the token: the one issued before still acts as a user, a new login's acts as an admin.
    assert before.get(f"{API}/users").status_code == 403
    assert login(user.email).get(f"{API}/users").status_code == 200
