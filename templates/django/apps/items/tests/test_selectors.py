import pytest

from apps.items.selectors import item_get, item_list
from apps.items.tests.factories import ItemFactory
from apps.users.models import User
from apps.users.tests.factories import UserFactory, principal_of

pytestmark = pytest.mark.django_db


def test_item_list_holds_only_the_principals_own_items_oldest_first() -> None:
    first, second = ItemFactory.create(), ItemFactory.create()
    ItemFactory.create()  # someone else's
    second.owner = first.owner
    second.save()
    assert list(item_list(principal=principal_of(first.owner))) == [first, second]


def test_item_list_holds_every_item_for_an_admin() -> None:
    items = [ItemFactory.create(), ItemFactory.create()]
    assert list(item_list(principal=principal_of(UserFactory.create(role=User.Role.ADMIN)))) == items


def test_item_get_hides_items_of_others() -> None:
    item = ItemFactory.create()
    assert item_get(principal=principal_of(item.owner), item_id=item.id) == item
    assert item_get(principal=principal_of(UserFactory.create()), item_id=item.id) is None
    assert item_get(principal=principal_of(UserFactory.create(role=User.Role.ADMIN)), item_id=item.id) == item
