from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import User
from app.repositories.base import paginate


class UserRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def get(self, user_id: int) -> User | None:
        return await self.session.get(User, user_id)

    async def get_by_email(self, email: str) -> User | None:
        return await self.session.scalar(select(User).where(User.email == email.lower()))

    async def list(self, *, limit: int, offset: int) -> tuple[Sequence[User], int]:
        return await paginate(self.session, select(User).order_by(User.id), limit=limit, offset=offset)

    async def save(self, user: User) -> User:
        self.session.add(user)
        await self.session.commit()
        return user

    async def rollback(self) -> None:
        await self.session.rollback()

    async def delete(self, user: User) -> None:
        await self.session.delete(user)
        await self.session.commit()
