from datetime import datetime

from pydantic import BaseModel, ConfigDict, EmailStr, Field

from app.models.user import Role
from app.schemas.common import Page, Text


class UserCreate(BaseModel):
    email: EmailStr
    password: Text = Field(min_length=8, max_length=128)
    full_name: Text | None = Field(default=None, max_length=100)


class UserRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    email: str
    full_name: str | None
    role: Role
    created_at: datetime


class UserPage(Page[UserRead]):
    pass
