import pytest
from django.core.exceptions import ValidationError
from django.test import override_settings

from apps.users.models import User
from apps.users.services import EmailTakenError, user_create, user_delete, user_set_role
from apps.users.tests.factories import PASSWORD, UserFactory
from config.settings import base

pytestmark = pytest.mark.django_db


# The hasher every other environment uses; the test settings use a cheap one.
@override_settings(PASSWORD_HASHERS=base.PASSWORD_HASHERS)
def test_user_create_normalizes_the_email_and_hashes_the_password() -> None:
    user = user_create(email="Alice@Example.COM", password=PASSWORD)
    assert user.email == "alice@example.com"
    assert user.role == User.Role.USER
    assert user.password.startswith("argon2$")
    assert user.check_password(PASSWORD)


def test_user_create_refuses_a_taken_email_in_any_case() -> None:
    user_create(email="alice@example.com", password=PASSWORD)
    with pytest.raises(EmailTakenError):
        user_create(email="ALICE@example.com", password=PASSWORD)


def test_user_create_refuses_a_common_password() -> None:
    with pytest.raises(ValidationError):
        user_create(email="alice@example.com", password="password123")


def test_user_set_role_changes_the_role() -> None:
    user = UserFactory.create()
    updated = user_set_role(email=user.email.upper(), role=User.Role.ADMIN)
    assert updated is not None
    user.refresh_from_db()
    assert user.is_admin


def test_user_set_role_answers_none_for_an_unknown_email() -> None:
    assert user_set_role(email="nobody@example.com", role=User.Role.ADMIN) is None


def test_user_delete_removes_the_account() -> None:
    user = UserFactory.create()
    user_delete(user=user)
    assert not User.objects.filter(id=user.id).exists()
