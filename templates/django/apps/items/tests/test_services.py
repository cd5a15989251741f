import pytest
from django.core.exceptions import ValidationError

from apps.items.models import Item
from apps.items.services import OwnerNotFoundError, item_create, item_delete, item_update
from apps.items.tests.factories import ItemFactory
from apps.users.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_item_create_belongs_to_its_owner() -> None:
    owner = UserFactory.create()
    item = item_create(owner_id=owner.id, name="Desk lamp", price_cents=2599)
    assert (item.owner, item.name, item.description, item.price_cents) == (owner, "Desk lamp", "", 2599)


# A transaction of the test's own would hide the error: PostgreSQL and SQLite check the foreign key at commit.
@pytest.mark.django_db(transaction=True)
def test_item_create_refuses_an_owner_that_is_gone() -> None:
    owner = UserFactory.create()
    owner_id = owner.id
    owner.delete()
    with pytest.raises(OwnerNotFoundError):
        item_create(owner_id=owner_id, name="Desk lamp", price_cents=2599)
    assert not Item.objects.exists()


def test_item_create_keeps_any_unicode_text() -> None:
    item = item_create(owner_id=UserFactory.create().id, name="Lampe 💡 ünïcödé", price_cents=1)
    item.refresh_from_db()
    assert item.name == "Lampe 💡 ünïcödé"


def test_item_create_validates_the_model() -> None:
    with pytest.raises(ValidationError, match="price_cents"):
        item_create(owner_id=UserFactory.create().id, name="Too dear", price_cents=100_000_001)


def test_item_update_changes_only_the_given_fields() -> None:
    item = ItemFactory.create(description="Warm light")
    item_update(item=item, price_cents=1999)
    item.refresh_from_db()
    assert (item.price_cents, item.description) == (1999, "Warm light")


def test_item_update_refuses_fields_that_are_not_updatable() -> None:
    item = ItemFactory.create()
    with pytest.raises(TypeError, match="owner"):
        item_update(item=item, owner=UserFactory.create())


def test_item_delete_removes_the_item() -> None:
    item = ItemFactory.create()
    item_delete(item=item)
    assert not Item.objects.filter(id=item.id).exists()
