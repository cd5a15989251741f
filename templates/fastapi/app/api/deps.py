from dataclasses import dataclass
from typing import Annotated

import jwt
from fastapi import Depends, HTTPException, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from app.core.config import Settings
from app.core.db import SessionDep
from app.core.security import decode_access_token
from app.models import Role
from app.repositories.items import ItemRepository
from app.repositories.users import UserRepository

_bearer = HTTPBearer(auto_error=False)

# Dependencies are `async def` even when they do not await: FastAPI runs plain `def` ones in a thread pool,
# a thread hop per dependency per request.


async def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


SettingsDep = Annotated[Settings, Depends(get_settings)]


async def get_user_repository(session: SessionDep) -> UserRepository:
    return UserRepository(session)


async def get_item_repository(session: SessionDep) -> ItemRepository:
    return ItemRepository(session)


UsersDep = Annotated[UserRepository, Depends(get_user_repository)]
ItemsDep = Annotated[ItemRepository, Depends(get_item_repository)]


def invalid_token(message: str = "Invalid or expired token") -> HTTPException:
    return HTTPException(401, message, headers={"WWW-Authenticate": "Bearer"})


@dataclass(frozen=True, slots=True)
class Principal:
    """The caller, as its access token names it. Requests are authorized from the token alone, without a
    database lookup: a role change or a deleted account takes effect when the token expires."""

    id: int
    role: Role


async def get_principal(
    settings: SettingsDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> Principal:
    if credentials is None:
        raise invalid_token("Not authenticated")
    try:
        claims = decode_access_token(credentials.credentials, settings.jwt_secret.get_secret_value())
        return Principal(id=int(claims["sub"]), role=Role(claims["role"]))
    except (jwt.InvalidTokenError, ValueError) as exc:
        raise invalid_token() from exc


CurrentUser = Annotated[Principal, Depends(get_principal)]


async def require_admin(user: CurrentUser) -> Principal:
    if user.role != Role.ADMIN:
        raise HTTPException(403, "Administrator role required")
    return user


AdminUser = Annotated[Principal, Depends(require_admin)]
