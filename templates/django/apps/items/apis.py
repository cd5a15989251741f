"""HTTP layer for items: validate, call one service or selector, serialize. No logic of its own."""

from typing import Any

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import exceptions, serializers, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView
from rest_framework_simplejwt.exceptions import InvalidToken

from apps.core.pagination import PaginationSerializer, page_serializer, paginated_response
from apps.core.schema import errors
from apps.items import selectors, services
from apps.items.models import MAX_PRICE_CENTS, Item
from apps.users.permissions import request_principal

ITEM_ID = OpenApiParameter("item_id", int, OpenApiParameter.PATH)


class ItemInputSerializer(serializers.Serializer[dict[str, Any]]):
    name = serializers.CharField(max_length=100)
    description = serializers.CharField(max_length=1000, required=False, allow_blank=True)
    price_cents = serializers.IntegerField(min_value=0, max_value=MAX_PRICE_CENTS, help_text="Price in cents")


class ItemSerializer(serializers.Serializer[Item]):
    # Declared rather than a ModelSerializer, whose fields DRF derives from the model again on every use.
    id = serializers.IntegerField(read_only=True)
    name = serializers.CharField(read_only=True)
    description = serializers.CharField(read_only=True)
    price_cents = serializers.IntegerField(read_only=True)
    owner_id = serializers.IntegerField(read_only=True)
    created_at = serializers.DateTimeField(read_only=True)
    updated_at = serializers.DateTimeField(read_only=True)


def _get_item(request: Request, item_id: int) -> Item:
    item = selectors.item_get(principal=request_principal(request), item_id=item_id)
    if item is None:
        raise exceptions.NotFound("Item not found")
    return item


class ItemListApi(APIView):
    @extend_schema(
        operation_id="items_list",
        summary="Your items (admins: all), paginated with total",
        tags=["items"],
        parameters=[PaginationSerializer],
        responses={200: page_serializer("ItemPage", ItemSerializer), **errors(400, 401)},
    )
    def get(self, request: Request) -> Response:
        items = selectors.item_list(principal=request_principal(request))
        return paginated_response(items, ItemSerializer, request.query_params)

    @extend_schema(
        operation_id="items_create",
        summary="Create an item",
        tags=["items"],
        request=ItemInputSerializer,
        responses={201: ItemSerializer, **errors(400, 401)},
    )
    def post(self, request: Request) -> Response:
        data = ItemInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            item = services.item_create(owner_id=request_principal(request).id, **data.validated_data)
        except services.OwnerNotFoundError as exc:
            raise InvalidToken from exc  # the account was deleted after the token was issued
        return Response(ItemSerializer(item).data, status=status.HTTP_201_CREATED)


class ItemDetailApi(APIView):
    @extend_schema(
        operation_id="items_read",
        summary="One item",
        tags=["items"],
        parameters=[ITEM_ID],
        responses={200: ItemSerializer, **errors(401, 404)},
    )
    def get(self, request: Request, item_id: int) -> Response:
        return Response(ItemSerializer(_get_item(request, item_id)).data)

    @extend_schema(
        operation_id="items_update",
        summary="Change some fields of an item",
        tags=["items"],
        parameters=[ITEM_ID],
        request=ItemInputSerializer(partial=True),
        responses={200: ItemSerializer, **errors(400, 401, 404)},
    )
    def patch(self, request: Request, item_id: int) -> Response:
        item = _get_item(request, item_id)
        data = ItemInputSerializer(data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        item = services.item_update(item=item, **data.validated_data)
        return Response(ItemSerializer(item).data)

    @extend_schema(
        operation_id="items_delete",
        summary="Delete an item",
        tags=["items"],
        parameters=[ITEM_ID],
        responses={204: None, **errors(401, 404)},
    )
    def delete(self, request: Request, item_id: int) -> Response:
        services.item_delete(item=_get_item(request, item_id))
        return Response(status=status.HTTP_204_NO_CONTENT)
