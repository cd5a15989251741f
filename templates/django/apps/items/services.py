"""Writes on items. Reads (and who may see what) live in selectors.py."""

from django.db import IntegrityError, transaction

from apps.items.models import Item

UPDATABLE_FIELDS = ("name", "description", "price_cents")


class OwnerNotFoundError(Exception):
    """The owner's account no longer exists (its token outlived it)."""


def item_create(*, owner_id: int, name: str, price_cents: int, description: str = "") -> Item:
    """A new item of the account `owner_id`. Raises OwnerNotFoundError when that account is gone."""
    item = Item(owner_id=owner_id, name=name, description=description, price_cents=price_cents)
    item.full_clean(exclude=["owner"])  # the foreign key checks the owner when the row is written
    try:
        # A transaction of its own, so its commit, where PostgreSQL and SQLite check that (deferred) foreign key,
        # happens inside this try.
        with transaction.atomic():
            item.save()
    except IntegrityError as exc:
        raise OwnerNotFoundError(owner_id) from exc
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
