"""Reads on items, already limited to what the user may see. Writes live in services.py."""

from django.db.models import QuerySet

from apps.items.models import Item
from apps.users.models import User


def item_list(*, user: User) -> QuerySet[Item]:
    """The user's own items, or everyone's for an admin; oldest first."""
    items = Item.objects.order_by("id")
    return items if user.is_admin else items.filter(owner=user)


def item_get(*, user: User, item_id: int) -> Item | None:
    """The item if the user may see it (owner or admin); None otherwise, so ids of others' items are not revealed."""
    return item_list(user=user).filter(id=item_id).first()
