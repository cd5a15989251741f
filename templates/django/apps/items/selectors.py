"""Reads on items, already limited to what the principal may see. Writes live in services.py."""

from django.db.models import QuerySet

from apps.items.models import Item
from apps.users.authentication import Principal


def item_list(*, principal: Principal) -> QuerySet[Item]:
    """The principal's own items, or everyone's for an admin; oldest first."""
    items = Item.objects.order_by("id")
    return items if principal.is_admin else items.filter(owner_id=principal.id)


def item_get(*, principal: Principal, item_id: int) -> Item | None:
    """The item if the principal may see it (owner or admin); None otherwise, so ids of others' items are not revealed."""
    return item_list(principal=principal).filter(id=item_id).first()
