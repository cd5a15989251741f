from datetime import datetime
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, field_validator

from app.schemas.common import Page, Text

ItemName = Annotated[Text, Field(min_length=1, max_length=100)]
ItemDescription = Annotated[Text | None, Field(max_length=1000)]
PriceCents = Annotated[int, Field(ge=0, le=100_000_000, description="Price in cents")]


class ItemCreate(BaseModel):
    name: ItemName
    description: ItemDescription = None
    price_cents: PriceCents


class ItemUpdate(BaseModel):
    """Partial update: only the fields sent are changed."""

    name: ItemName | None = None
    description: ItemDescription = None
    price_cents: PriceCents | None = None

    @field_validator("name", "price_cents")
    @classmethod
    def _not_null(cls, value: object) -> object:
        # Runs only for fields that were sent: omitting them is fine, sending null is not.
        if value is None:
            raise ValueError("may be omitted but not null")
        return value


class ItemRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    name: str
    description: str | None
    price_cents: int
    owner_id: int
    created_at: datetime
    updated_at: datetime


class ItemPage(Page[ItemRead]):
    pass
