"""Writes on accounts: registration, roles, deletion. Reads live in selectors.py."""

from django.contrib.auth.password_validation import validate_password
from django.db import IntegrityError, transaction

from apps.users.models import User
from apps.users.selectors import user_get_by_email


class EmailTakenError(Exception):
    pass


def user_create(*, email: str, password: str, full_name: str = "") -> User:
    """A new account with the user role. Raises EmailTakenError, or Django's ValidationError for a weak password."""
    validate_password(password)
    # The unique index decides, so two concurrent registrations cannot both succeed.
    try:
        with transaction.atomic():
            return User.objects.create_user(email=email, password=password, full_name=full_name)
    except IntegrityError as exc:
        raise EmailTakenError(email) from exc


def user_set_role(*, email: str, role: User.Role) -> User | None:
    """Give the account with this email `role`; None when there is no such account."""
    user = user_get_by_email(email=email)
    if user is None:
        return None
    user.role = role
    user.save(update_fields=["role", "updated_at"])
    return user


@transaction.atomic
def user_delete(*, user: User) -> None:
    """Delete the account; its items go with it (ON DELETE CASCADE)."""
    user.delete()
