from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import Item
from app.repositories.base import paginate


class ItemRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def get(self, item_id: int) -> Item | None:
        return await self.session.get(Item, item_id)

    async def list(self, *, owner_id: int | None, limit: int, offset: int) -> tuple[Sequence[Item], int]:
        """Items of one owner, or of everyone when owner_id is None; oldest first."""
        query = select(Item).order_by(Item.id)
        if owner_id is not None:
            query = query.where(Item.owner_id == owner_id)
        return await paginate(self.session, query, limit=limit, offset=offset)

    async def save(self, item: Item) -> Item:
        self.session.add(item)
        await self.session.commit()
        return item

    async def update(self, item: Item, changes: dict[str, Any]) -> Item:
        for field, value in changes.items():
            setattr(item, field, value)
        return await self.save(item)

    async def delete(self, item: Item) -> None:
        await self.session.delete(item)
        await self.session.commit()
