"""HTTP layer for accounts: validate, call one service or selector, serialize. No logic of its own."""

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError as DjangoValidationError
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import exceptions, serializers, status
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView
from rest_framework_simplejwt.exceptions import InvalidToken

from apps.core.exceptions import Conflict
from apps.core.pagination import PaginationSerializer, page_serializer, paginated_response
from apps.core.schema import errors
from apps.users import selectors, services
from apps.users.authentication import access_token_for
from apps.users.permissions import IsAdmin, request_principal
from apps.users.serializers import UserSerializer


class RegisterSerializer(serializers.Serializer[dict[str, Any]]):
    email = serializers.EmailField()
    password = serializers.CharField(min_length=8, max_length=128, write_only=True)
    full_name = serializers.CharField(max_length=100, required=False, allow_blank=True)


class LoginSerializer(serializers.Serializer[dict[str, Any]]):
    email = serializers.EmailField()
    password = serializers.CharField(write_only=True)


class TokenSerializer(serializers.Serializer[dict[str, Any]]):
    access_token = serializers.CharField()
    token_type = serializers.CharField(default="bearer")
    expires_in = serializers.IntegerField(help_text="Seconds until the token expires")


class RegisterApi(APIView):
    permission_classes = (AllowAny,)

    @extend_schema(
        operation_id="auth_register",
        summary="Create an account (role user)",
        tags=["auth"],
        request=RegisterSerializer,
        responses={201: UserSerializer, **errors(400, 409)},
    )
    def post(self, request: Request) -> Response:
        data = RegisterSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            user = services.user_create(**data.validated_data)
        except services.EmailTakenError as exc:
            raise Conflict("Email already registered") from exc
        except DjangoValidationError as exc:
            raise exceptions.ValidationError({"password": exc.messages}) from exc
        return Response(UserSerializer(user).data, status=status.HTTP_201_CREATED)


class LoginApi(APIView):
    permission_classes = (AllowAny,)

    @extend_schema(
        operation_id="auth_login",
        summary="Exchange email and password for a bearer token",
        tags=["auth"],
        request=LoginSerializer,
        responses={200: TokenSerializer, **errors(400, 401)},
    )
    def post(self, request: Request) -> Response:
        data = LoginSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        user = selectors.user_authenticate(**data.validated_data)
        if user is None:
            raise exceptions.AuthenticationFailed("Incorrect email or password")
        token = access_token_for(user)
        lifetime = settings.SIMPLE_JWT["ACCESS_TOKEN_LIFETIME"]
        body = {"access_token": str(token), "token_type": "bearer", "expires_in": int(lifetime.total_seconds())}
        return Response(TokenSerializer(body).data)


class MeApi(APIView):
    permission_classes = (IsAuthenticated,)

    @extend_schema(
        operation_id="users_me",
        summary="The current user",
        tags=["users"],
        responses={200: UserSerializer, **errors(401)},
    )
    def get(self, request: Request) -> Response:
        user = selectors.user_get(user_id=request_principal(request).id)
        if user is None:
            raise InvalidToken  # the account was deleted after the token was issued
        return Response(UserSerializer(user).data)


class UserListApi(APIView):
    permission_classes = (IsAdmin,)

    @extend_schema(
        operation_id="users_list",
        summary="All users, paginated (admin)",
        tags=["users"],
        parameters=[PaginationSerializer],
        responses={200: page_serializer("UserPage", UserSerializer), **errors(400, 401, 403)},
    )
    def get(self, request: Request) -> Response:
        return paginated_response(selectors.user_list(), UserSerializer, request.query_params)


class UserDetailApi(APIView):
    permission_classes = (IsAdmin,)

    @extend_schema(
        operation_id="users_delete",
        summary="Delete a user and their items (admin)",
        tags=["users"],
        parameters=[OpenApiParameter("user_id", int, OpenApiParameter.PATH)],
        responses={204: None, **errors(401, 403, 404)},
    )
    def delete(self, request: Request, user_id: int) -> Response:
        user = selectors.user_get(user_id=user_id)
        if user is None:
            raise exceptions.NotFound("User not found")
        services.user_delete(user=user)
        return Response(status=status.HTTP_204_NO_CONTENT)
