from collections.abc import Callable

import pytest
from rest_framework.test import APIClient

from apps.items.tests.factories import ItemFactory
from apps.users.models import User
from apps.users.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

ITEM = {"name": "Desk lamp", "description": "Warm light", "price_cents": 2599}


def create(client: APIClient, **changes: object) -> dict[str, object]:
    response = client.post("/api/v1/items", {**ITEM, **changes}, format="json")
    assert response.status_code == 201, response.content
    body: dict[str, object] = response.json()
    return body


def test_crud_round_trip(user_client: APIClient, user: User) -> None:
    item = create(user_client)
    assert item["owner_id"] == user.id
    url = f"/api/v1/items/{item['id']}"
    assert user_client.get(url).json()["name"] == "Desk lamp"

    updated = user_client.patch(url, {"price_cents": 1999}, format="json").json()
    assert updated["price_cents"] == 1999
    assert updated["description"] == "Warm light"  # fields not sent are kept

    assert user_client.delete(url).status_code == 204
    assert user_client.get(url).status_code == 404


def test_list_is_paginated_with_a_total(user_client: APIClient, user: User) -> None:
    for n in range(5):
        ItemFactory.create(owner=user, name=f"item {n}")
    page = user_client.get("/api/v1/items", {"limit": 2, "offset": 2}).json()
    assert (page["total"], page["limit"], page["offset"]) == (5, 2, 2)
    assert [i["name"] for i in page["items"]] == ["item 2", "item 3"]


def test_users_cannot_see_or_change_items_of_others(
    client_for: Callable[[User], APIClient], user_client: APIClient
) -> None:
    item = create(user_client)
    other = client_for(UserFactory.create())
    url = f"/api/v1/items/{item['id']}"
    assert other.get(url).status_code == 404
    assert other.patch(url, {"name": "mine"}, format="json").status_code == 404
    assert other.delete(url).status_code == 404
    assert other.get("/api/v1/items").json()["total"] == 0


def test_admins_see_every_item(admin_client: APIClient) -> None:
    item = ItemFactory.create()
    assert admin_client.get("/api/v1/items").json()["total"] == 1
    assert admin_client.get(f"/api/v1/items/{item.id}").status_code == 200


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"name": "", "price_cents": 1}, "name"),
        ({"name": "x" * 101, "price_cents": 1}, "name"),
        ({"name": "ok", "price_cents": -1}, "price_cents"),
        ({"name": "ok"}, "price_cents"),
    ],
)
def test_invalid_items_are_rejected(user_client: APIClient, payload: dict[str, object], field: str) -> None:
    response = user_client.post("/api/v1/items", payload, format="json")
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "validation_error"
    assert [d["loc"] for d in error["details"]] == [[field]]


def test_update_refuses_null_for_required_fields(user_client: APIClient) -> None:
    item = create(user_client)
    response = user_client.patch(f"/api/v1/items/{item['id']}", {"name": None}, format="json")
    assert response.status_code == 400


def test_items_require_authentication(api_client: APIClient) -> None:
    assert api_client.get("/api/v1/items").status_code == 401


@pytest.mark.parametrize("params", [{"limit": 0}, {"limit": 101}, {"offset": -1}, {"limit": "many"}])
def test_pagination_bounds_are_validated(user_client: APIClient, params: dict[str, int | str]) -> None:
    response = user_client.get("/api/v1/items", params)
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "validation_error"
