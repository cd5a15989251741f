import pytest

from apps.users.selectors import user_authenticate, user_get, user_get_by_email, user_list
from apps.users.tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def test_user_list_is_oldest_first() -> None:
    first, second = UserFactory.create(), UserFactory.create()
    assert list(user_list()) == [first, second]


def test_user_get_finds_by_id_or_answers_none() -> None:
    user = UserFactory.create()
    assert user_get(user_id=user.id) == user
    assert user_get(user_id=user.id + 1) is None


def test_user_get_by_email_ignores_case() -> None:
    user = UserFactory.create(email="bob@example.com")
    assert user_get_by_email(email="BOB@example.com") == user


def test_user_authenticate_checks_the_password() -> None:
    user = UserFactory.create()
    assert user_authenticate(email=user.email, password=PASSWORD) == user
    assert user_authenticate(email=user.email, password="wrong-password") is None
    assert user_authenticate(email="nobody@example.com", password=PASSWORD) is None
