from fastapi.testclient import TestClient

from app.core.config import API_PREFIX
from app.models import Role
from app.repositories.users import UserRepository
from app.services.users import set_role
from tests.conftest import auth_headers, register, run_in_db


def test_only_admins_list_users(client: TestClient, user_headers: dict[str, str]) -> None:
    response = client.get(f"{API_PREFIX}/users", headers=user_headers)
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "forbidden"


def test_admin_lists_users_page_by_page(client: TestClient, admin_headers: dict[str, str]) -> None:
    for n in range(3):
        register(client, f"user{n}@example.com")
    response = client.get(f"{API_PREFIX}/users", params={"limit": 2, "offset": 2}, headers=admin_headers)
    assert response.status_code == 200
    page = response.json()
    assert page["total"] == 4
    assert (page["limit"], page["offset"]) == (2, 2)
    assert [u["email"] for u in page["items"]] == ["user1@example.com", "user2@example.com"]


def test_admin_deletes_a_user_and_their_items(client: TestClient, admin_headers: dict[str, str]) -> None:
    user_id = register(client, "gone@example.com")["id"]
    headers = auth_headers(client, "gone@example.com")
    client.post(f"{API_PREFIX}/items", json={"name": "Lamp", "price_cents": 1200}, headers=headers)

    assert client.delete(f"{API_PREFIX}/users/{user_id}", headers=admin_headers).status_code == 204
    assert client.get(f"{API_PREFIX}/items", headers=admin_headers).json()["total"] == 0
    assert client.delete(f"{API_PREFIX}/users/{user_id}", headers=admin_headers).status_code == 404
    # The token outlives the account until it expires, but reading the account or creating items with it fails.
    for response in (
        client.get(f"{API_PREFIX}/users/me", headers=headers),
        client.post(f"{API_PREFIX}/items", json={"name": "Lamp", "price_cents": 1200}, headers=headers),
    ):
        assert response.status_code == 401
        assert response.json()["error"]["message"] == "Invalid or expired token"


def test_a_new_role_takes_effect_with_the_next_login(client: TestClient, database_url: str) -> None:
    register(client, "promoted@example.com")
    before = auth_headers(client, "promoted@example.com")
    run_in_db(database_url, lambda session: set_role(UserRepository(session), "promoted@example.com", Role.ADMIN))

    assert client.get(f"{API_PREFIX}/users", headers=before).status_code == 403
    after = auth_headers(client, "promoted@example.com")
    assert client.get(f"{API_PREFIX}/users", headers=after).status_code == 200
