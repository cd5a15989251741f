"""Alembic environment: runs migrations through the app's async engine configuration."""

import asyncio

from alembic import context
from sqlalchemy import pool
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import create_async_engine

from app.core.config import get_settings, to_async_url
from app.core.logging import configure_logging
from app.models import Base

config = context.config
target_metadata = Base.metadata


def _database_url() -> str:
    # Tests pass their database in config.attributes; the alembic CLI (make migrate) uses the app's settings.
    url: str | None = config.attributes.get("database_url")
    if url is None:
        settings = get_settings()
        configure_logging(settings.log_level)
        url = settings.database_url
    return to_async_url(url)


def _run(connection: Connection) -> None:
    # Batch mode lets later migrations alter tables on SQLite too (it copies the table).
    context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


async def _run_online() -> None:
    engine = create_async_engine(_database_url(), poolclass=pool.NullPool)
    async with engine.connect() as connection:
        await connection.run_sync(_run)
    await engine.dispose()


if context.is_offline_mode():
    context.configure(url=_database_url(), target_metadata=target_metadata, literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()
else:
    asyncio.run(_run_online())
