from typing import Any

import factory
from factory.django import DjangoModelFactory

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
