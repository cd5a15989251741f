"""All models, imported here so Base.metadata knows every table (Alembic reads it)."""

from app.models.base import Base
from app.models.item import Item
from app.models.user import Role, User

__all__ = ["Base", "Item", "Role", "User"]
