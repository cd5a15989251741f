from typing import Annotated, Generic, TypeVar

from pydantic import BaseModel, Field

T = TypeVar("T")

# Every string a client sends. PostgreSQL cannot store NUL, and a lone surrogate (\ud800) has no UTF-8 form for the
# database or the password hasher: both are a 422 here (any constraint makes pydantic check the latter).
Text = Annotated[str, Field(pattern=r"^[^\x00]*$")]


class Page(BaseModel, Generic[T]):
    items: list[T]
    total: int = Field(description="Number of matching rows across all pages")
    limit: int
    offset: int


class Health(BaseModel):
    status: str
