from typing import Annotated

import jwt
from fastapi import Depends, HTTPException, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from app.core.config import Settings
from app.core.db import SessionDep
from app.core.security import decode_access_token
from app.models import Role, User
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


def _unauthorized(message: str) -> HTTPException:
    return HTTPException(401, message, headers={"WWW-Authenticate": "Bearer"})


async def get_current_user(
    users: UsersDep,
    settings: SettingsDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> User:
    if credentials is None:
        raise _unauthorized("Not authenticated")
    try:
        claims = decode_access_token(credentials.credentials, settings.jwt_secret.get_secret_value())
        user = await users.get(int(claims["sub"]))
    except (jwt.InvalidTokenError, ValueError) as exc:
        raise _unauthorized("Invalid or expired token") from exc
    if user is None:
        raise _unauthorized("Invalid or expired token")
    return user


CurrentUser = Annotated[User, Depends(get_current_user)]


async def require_admin(user: CurrentUser) -> User:
    if user.role != Role.ADMIN:
        raise HTTPException(403, "Administrator role required")
    return user


AdminUser = Annotated[User, Depends(require_admin)]
