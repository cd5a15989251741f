import factory
from factory.django import DjangoModelFactory

from apps.items.models import Item
from apps.users.tests.factories import UserFactory


class ItemFactory(DjangoModelFactory[Item]):
    class Meta:
        model = Item

    owner = factory.SubFactory(UserFactory)
    name = factory.Sequence(lambda n: f"item {n}")
    description = "Warm light"
    price_cents = 2599
