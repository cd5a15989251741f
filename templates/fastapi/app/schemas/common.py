from typing import Generic, TypeVar

from pydantic import BaseModel, Field

T = TypeVar("T")


class Page(BaseModel, Generic[T]):
    items: list[T]
    total: int = Field(description="Number of matching rows across all pages")
    limit: int
    offset: int


class Health(BaseModel):
    status: str
