from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models

MAX_PRICE_CENTS = 100_000_000


class Item(models.Model):
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="items")
    name = models.CharField(max_length=100)
    description = models.CharField(max_length=1000, blank=True)
    # Money as integer cents: exact on every database, no float rounding.
    price_cents = models.PositiveIntegerField(validators=[MaxValueValidator(MAX_PRICE_CENTS)])
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ("id",)

    def __str__(self) -> str:
        return self.name
