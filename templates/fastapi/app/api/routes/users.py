from fastapi import APIRouter, HTTPException, Response, status

from app.api.deps import AdminUser, CurrentUser, UsersDep, invalid_token
from app.api.params import Limit, Offset, RowId
from app.api.responses import errors
from app.schemas.users import UserPage, UserRead

router = APIRouter(prefix="/users", tags=["users"])


@router.get("/me", responses=errors(401))
async def read_me(principal: CurrentUser, users: UsersDep) -> UserRead:
    user = await users.get(principal.id)
    if user is None:  # deleted after the token was issued
        raise invalid_token()
    return UserRead.model_validate(user)


@router.get("", summary="List users (admin)", responses=errors(401, 403, 422))
async def list_users(
    _: AdminUser,
    users: UsersDep,
    limit: Limit = 20,
    offset: Offset = 0,
) -> UserPage:
    rows, total = await users.list(limit=limit, offset=offset)
    return UserPage(items=[UserRead.model_validate(u) for u in rows], total=total, limit=limit, offset=offset)


@router.delete(
    "/{user_id}",
    summary="Delete a user and their items (admin)",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=errors(401, 403, 404, 422),
)
async def delete_user(user_id: RowId, _: AdminUser, users: UsersDep) -> Response:
    user = await users.get(user_id)
    if user is None:
        raise HTTPException(404, "User not found")
    await users.delete(user)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
