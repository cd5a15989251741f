"""Writes on items. Reads (and who may see what) live in selectors.py."""

from django.db import transaction

from apps.items.models import Item
from apps.users.models import User

UPDATABLE_FIELDS = ("name", "description", "price_cents")


def item_create(*, owner: User, name: str, price_cents: int, description: str = "") -> Item:
    item = Item(owner=owner, name=name, description=description, price_cents=price_cents)
    item.full_clean()
    item.save()
    return item


@transaction.atomic
def item_update(*, item: Item, **changes: object) -> Item:
    """Change only the fields given (a partial update); other keys are refused."""
    unknown = set(changes) - set(UPDATABLE_FIELDS)
    if unknown:
        raise TypeError(f"not updatable: {', '.join(sorted(unknown))}")
    for field, value in changes.items():
        setattr(item, field, value)
    item.full_clean()
    item.save(update_fields=[*changes, "updated_at"])
    return item


def item_delete(*, item: Item) -> None:
    item.delete()
