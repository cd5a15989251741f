from fastapi import APIRouter, HTTPException, Response, status
from sqlalchemy.exc import IntegrityError

from app.api.deps import CurrentUser, ItemsDep, Principal, invalid_token
from app.api.params import Limit, Offset, RowId
from app.api.responses import BODY_ERRORS, errors
from app.models import Item, Role
from app.schemas.items import ItemCreate, ItemPage, ItemRead, ItemUpdate

router = APIRouter(prefix="/items", tags=["items"])


async def _get_visible_item(items: ItemsDep, item_id: int, user: Principal) -> Item:
    """The item, if the user owns it or is an admin; otherwise 404, so ids of others' items are not revealed."""
    item = await items.get(item_id)
    if item is None or (item.owner_id != user.id and user.role != Role.ADMIN):
        raise HTTPException(404, "Item not found")
    return item


@router.get("", summary="List your items (admins see all)", responses=errors(401, 422))
async def list_items(
    user: CurrentUser,
    items: ItemsDep,
    limit: Limit = 20,
    offset: Offset = 0,
) -> ItemPage:
    owner_id = None if user.role == Role.ADMIN else user.id
    rows, total = await items.list(owner_id=owner_id, limit=limit, offset=offset)
    return ItemPage(items=[ItemRead.model_validate(i) for i in rows], total=total, limit=limit, offset=offset)


@router.post("", status_code=status.HTTP_201_CREATED, responses=errors(401, *BODY_ERRORS))
async def create_item(data: ItemCreate, user: CurrentUser, items: ItemsDep) -> ItemRead:
    try:
        item = await items.save(Item(**data.model_dump(), owner_id=user.id))
    except IntegrityError as exc:  # the owner's account was deleted after the token was issued
        raise invalid_token() from exc
    return ItemRead.model_validate(item)


@router.get("/{item_id}", responses=errors(401, 404, 422))
async def read_item(item_id: RowId, user: CurrentUser, items: ItemsDep) -> ItemRead:
    return ItemRead.model_validate(await _get_visible_item(items, item_id, user))


@router.patch("/{item_id}", responses=errors(401, 404, *BODY_ERRORS))
async def update_item(item_id: RowId, data: ItemUpdate, user: CurrentUser, items: ItemsDep) -> ItemRead:
    item = await _get_visible_item(items, item_id, user)
    item = await items.update(item, data.model_dump(exclude_unset=True))
    return ItemRead.model_validate(item)


@router.delete("/{item_id}", status_code=status.HTTP_204_NO_CONTENT, responses=errors(401, 404, 422))
async def delete_item(item_id: RowId, user: CurrentUser, items: ItemsDep) -> Response:
    await items.delete(await _get_visible_item(items, item_id, user))
    return Response(status_code=status.HTTP_204_NO_CONTENT)
