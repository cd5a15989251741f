from datetime import timedelta

from fastapi import APIRouter, HTTPException, status

from app.api.deps import SettingsDep, UsersDep
from app.api.responses import BODY_ERRORS, errors
from app.core.security import create_access_token
from app.schemas.auth import LoginRequest, Token
from app.schemas.users import UserCreate, UserRead
from app.services import users as user_service

router = APIRouter(prefix="/auth", tags=["auth"])


@router.post("/register", status_code=status.HTTP_201_CREATED, responses=errors(409, *BODY_ERRORS))
async def register(data: UserCreate, users: UsersDep) -> UserRead:
    try:
        user = await user_service.register(users, data)
    except user_service.EmailTakenError as exc:
        raise HTTPException(409, "Email already registered") from exc
    return UserRead.model_validate(user)


@router.post("/login", responses=errors(401, *BODY_ERRORS))
async def login(data: LoginRequest, users: UsersDep, settings: SettingsDep) -> Token:
    user = await user_service.authenticate(users, data.email, data.password)
    if user is None:
        raise HTTPException(401, "Incorrect email or password")
    expires_in = timedelta(minutes=settings.jwt_expire_minutes)
    token = create_access_token(str(user.id), user.role.value, settings.jwt_secret.get_secret_value(), expires_in)
    return Token(access_token=token, expires_in=int(expires_in.total_seconds()))
