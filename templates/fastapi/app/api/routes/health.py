from fastapi import APIRouter, HTTPException, Request
from sqlalchemy.exc import SQLAlchemyError

from app.api.responses import errors
from app.core.config import HEALTH_PATH, READY_PATH
from app.core.db import ping
from app.schemas.common import Health

router = APIRouter(tags=["health"])


@router.get(HEALTH_PATH, summary="Liveness: the process answers")
async def health() -> Health:
    return Health(status="ok")


@router.get(READY_PATH, summary="Readiness: the database answers", responses=errors(503))
async def ready(request: Request) -> Health:
    try:
        await ping(request.app.state.engine)
    except (SQLAlchemyError, OSError) as exc:
        raise HTTPException(503, "Database unavailable") from exc
    return Health(status="ok")
