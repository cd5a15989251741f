"""limit/offset pagination: every list endpoint answers {items, total, limit, offset}."""

from typing import Any

from django.db.models import Model, QuerySet
from drf_spectacular.utils import inline_serializer
from rest_framework import serializers
from rest_framework.response import Response

MAX_LIMIT = 100
# The offset reaches the database as a signed 64-bit integer: a larger one is a validation error, not a crash.
MAX_OFFSET = 2**63 - 1


class PaginationSerializer(serializers.Serializer[dict[str, int]]):
    """Query parameters of a list endpoint; out-of-range values are a validation error, not silently clamped."""

    limit = serializers.IntegerField(min_value=1, max_value=MAX_LIMIT, default=20)
    offset = serializers.IntegerField(min_value=0, max_value=MAX_OFFSET, default=0)


def page_serializer(name: str, item_serializer: type[serializers.BaseSerializer[Any]]) -> serializers.Serializer[Any]:
    """The response schema of a list endpoint, for extend_schema."""
    return inline_serializer(
        name,
        fields={
            "items": item_serializer(many=True),
            "total": serializers.IntegerField(help_text="Number of matching rows across all pages"),
            "limit": serializers.IntegerField(),
            "offset": serializers.IntegerField(),
        },
    )


def paginated_response(
    queryset: QuerySet[Any], serializer_class: type[serializers.BaseSerializer[Any]], query_params: Any
) -> Response:
    """Validate limit/offset from `query_params`, then answer one page of `queryset` with the total."""
    params = PaginationSerializer(data=query_params)
    params.is_valid(raise_exception=True)
    limit, offset = params.validated_data["limit"], params.validated_data["offset"]
    rows: list[Model] = list(queryset[offset : offset + limit])
    return Response(
        {"items": serializer_class(rows, many=True).data, "total": queryset.count(), "limit": limit, "offset": offset}
    )
