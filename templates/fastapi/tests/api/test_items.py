from datetime import datetime, timedelta

import pytest
from fastapi.testclient import TestClient

from app.core.config import API_PREFIX
from tests.conftest import auth_headers, register

ITEM = {"name": "Desk lamp", "description": "Warm light", "price_cents": 2599}


def create(client: TestClient, headers: dict[str, str], **changes: object) -> dict[str, object]:
    response = client.post(f"{API_PREFIX}/items", json={**ITEM, **changes}, headers=headers)
    assert response.status_code == 201, response.text
    body: dict[str, object] = response.json()
    return body


def test_crud_round_trip(client: TestClient, user_headers: dict[str, str]) -> None:
    item = create(client, user_headers)
    url = f"{API_PREFIX}/items/{item['id']}"
    assert client.get(url, headers=user_headers).json()["name"] == "Desk lamp"

    updated = client.patch(url, json={"price_cents": 1999}, headers=user_headers).json()
    assert updated["price_cents"] == 1999
    assert updated["description"] == "Warm light"  # fields not sent are kept

    assert client.delete(url, headers=user_headers).status_code == 204
    assert client.get(url, headers=user_headers).status_code == 404


def test_list_is_paginated_with_a_total(client: TestClient, user_headers: dict[str, str]) -> None:
    for n in range(5):
        create(client, user_headers, name=f"item {n}")
    page = client.get(f"{API_PREFIX}/items", params={"limit": 2, "offset": 2}, headers=user_headers).json()
    assert page["total"] == 5
    assert [i["name"] for i in page["items"]] == ["item 2", "item 3"]


def test_users_cannot_see_or_change_items_of_others(client: TestClient, user_headers: dict[str, str]) -> None:
    item = create(client, user_headers)
    register(client, "other@example.com")
    other = auth_headers(client, "other@example.com")
    url = f"{API_PREFIX}/items/{item['id']}"
    assert client.get(url, headers=other).status_code == 404
    assert client.patch(url, json={"name": "mine"}, headers=other).status_code == 404
    assert client.delete(url, headers=other).status_code == 404
    assert client.get(f"{API_PREFIX}/items", headers=other).json()["total"] == 0


def test_admins_see_every_item(client: TestClient, user_headers: dict[str, str], admin_headers: dict[str, str]) -> None:
    item = create(client, user_headers)
    assert client.get(f"{API_PREFIX}/items", headers=admin_headers).json()["total"] == 1
    assert client.get(f"{API_PREFIX}/items/{item['id']}", headers=admin_headers).status_code == 200


@pytest.mark.parametrize(
    "payload",
    [
        {"name": "", "price_cents": 1},
        {"name": "x" * 101, "price_cents": 1},
        {"name": "ok", "price_cents": -1},
        {"name": "ok"},
    ],
)
def test_invalid_items_are_rejected(
    client: TestClient, user_headers: dict[str, str], payload: dict[str, object]
) -> None:
    response = client.post(f"{API_PREFIX}/items", json=payload, headers=user_headers)
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "validation_error"


def test_update_refuses_null_for_required_fields(client: TestClient, user_headers: dict[str, str]) -> None:
    item = create(client, user_headers)
    response = client.patch(f"{API_PREFIX}/items/{item['id']}", json={"name": None}, headers=user_headers)
    assert response.status_code == 422


def test_items_require_authentication(client: TestClient) -> None:
    assert client.get(f"{API_PREFIX}/items").status_code == 401


@pytest.mark.parametrize("params", [{"limit": 0}, {"limit": 101}, {"offset": -1}])
def test_pagination_bounds_are_validated(
    client: TestClient, user_headers: dict[str, str], params: dict[str, int]
) -> None:
    assert client.get(f"{API_PREFIX}/items", params=params, headers=user_headers).status_code == 422


def test_timestamps_keep_their_offset(client: TestClient, user_headers: dict[str, str]) -> None:
    item = create(client, user_headers)
    stored = client.get(f"{API_PREFIX}/items/{item['id']}", headers=user_headers).json()  # read back from the database
    assert datetime.fromisoformat(stored["created_at"]).utcoffset() == timedelta(0)
