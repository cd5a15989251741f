"""The bare baseline: FastAPI running the same paginated query as the generated service, on the same driver,
with no middleware, no auth, no validation layer and no logging. Its pool is the generated service's default."""

import os
from typing import Any

from fastapi import FastAPI
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine

engine = create_async_engine(os.environ["BARE_DATABASE_URL"], pool_size=10, max_overflow=0)
OWNER = int(os.environ["BARE_OWNER_ID"])
app = FastAPI()

ROWS = text(
    "SELECT id, name, description, price_cents, owner_id, created_at, updated_at FROM items"
    " WHERE owner_id = :owner ORDER BY id LIMIT :limit OFFSET :offset"
)
TOTAL = text("SELECT count(*) FROM items WHERE owner_id = :owner")


@app.get("/api/v1/items")
async def items(limit: int = 20, offset: int = 0) -> dict[str, Any]:
    async with engine.connect() as conn:
        rows = (await conn.execute(ROWS, {"owner": OWNER, "limit": limit, "offset": offset})).mappings().all()
        total = (await conn.execute(TOTAL, {"owner": OWNER})).scalar_one()
    return {"items": [dict(row) for row in rows], "total": total, "limit": limit, "offset": offset}
