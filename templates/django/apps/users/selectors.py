"""Reads on accounts. Writes live in services.py."""

from django.contrib.auth import authenticate
from django.db.models import QuerySet

from apps.users.models import User


def user_list() -> QuerySet[User]:
    return User.objects.order_by("id")


def user_get(*, user_id: int) -> User | None:
    return User.objects.filter(id=user_id).first()


def user_get_by_email(*, email: str) -> User | None:
    return User.objects.filter(email=email.lower()).first()


def user_authenticate(*, email: str, password: str) -> User | None:
    """The account these credentials belong to, or None. Takes as long whether or not the email is known."""
    user = authenticate(email=email.lower(), password=password)
    return user if isinstance(user, User) else None
