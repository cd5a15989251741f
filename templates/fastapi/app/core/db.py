"""Database engine and sessions: one engine per application, created by the app factory."""

from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy import event, text
from sqlalchemy.engine.interfaces import DBAPIConnection
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker, create_async_engine
from sqlalchemy.pool import ConnectionPoolEntry


def create_engine(url: str, pool_size: int) -> AsyncEngine:
    # No pool_pre_ping: it costs a round trip on every checkout. Connections are recycled before typical
    # server or proxy idle timeouts instead.
    engine = create_async_engine(url, pool_size=pool_size, max_overflow=0, pool_recycle=1800)
    if engine.dialect.name == "sqlite":
        event.listen(engine.sync_engine, "connect", _enable_sqlite_foreign_keys)
    return engine


def _enable_sqlite_foreign_keys(connection: DBAPIConnection, _: ConnectionPoolEntry) -> None:
    # SQLite ignores foreign keys (and ON DELETE CASCADE) unless each connection asks for them.
    cursor = connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def create_sessionmaker(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return async_sessionmaker(engine, expire_on_commit=False)


async def ping(engine: AsyncEngine) -> None:
    async with engine.connect() as connection:
        await connection.execute(text("SELECT 1"))


async def get_session(request: Request) -> AsyncIterator[AsyncSession]:
    sessionmaker: async_sessionmaker[AsyncSession] = request.app.state.sessionmaker
    async with sessionmaker() as session:
        yield session


# scope="function": the session (and its pooled connection) is released when the endpoint returns, not after the
# response has been sent, so connections are not held while responses are serialized and written.
SessionDep = Annotated[AsyncSession, Depends(get_session, scope="function")]
