from typing import Any

import factory
import jwt
from django.conf import settings
from factory.django import DjangoModelFactory

from apps.users.authentication import Principal, access_token_for
from apps.users.models import User

PASSWORD = "correct-horse-battery"


class UserFactory(DjangoModelFactory[User]):
    class Meta:
        model = User

    email = factory.Sequence(lambda n: f"user{n}@example.com")
    full_name = factory.Faker("name")
    password = PASSWORD

    @classmethod
    def _create(cls, model_class: type[User], *args: Any, **kwargs: Any) -> User:
        # Through the manager, so the password is hashed as in production.
        return model_class.objects.create_user(*args, **kwargs)


def principal_of(user: User) -> Principal:
    """The principal that a token of `user` stands for."""
    return Principal(id=user.id, role=user.role)


def token_with(user: User, *, key: str | None = None, algorithm: str = "HS256", **claims: object) -> str:
    """The token login issues for `user` with `claims` changed (None drops one), signed with `key` (default: ours)."""
    payload = {name: value for name, value in {**access_token_for(user).payload, **claims}.items() if value is not None}
    return jwt.encode(payload, key or settings.SIMPLE_JWT["SIGNING_KEY"], algorithm=algorithm)
