"""Stateless bearer tokens. Login signs the account's id and role into the access token; a request is then
authorized from those claims alone, without loading the account. So a role change takes effect at the next login,
and the views that need the account itself (GET /users/me, creating an item) notice when it is gone."""

from dataclasses import dataclass
from typing import ClassVar

from drf_spectacular.contrib.rest_framework_simplejwt import SimpleJWTScheme
from rest_framework.authentication import BaseAuthentication, get_authorization_header
from rest_framework.request import Request
from rest_framework_simplejwt.exceptions import InvalidToken, TokenError
from rest_framework_simplejwt.settings import api_settings
from rest_framework_simplejwt.tokens import AccessToken as SimpleJWTAccessToken

from apps.users.models import User


@dataclass(frozen=True)
class Principal:
    """Who sends a request (request.user): the account id and role from a verified token. Not a database row."""

    id: int
    role: str

    # What DRF and its throttles ask of request.user.
    is_authenticated: ClassVar[bool] = True
    is_anonymous: ClassVar[bool] = False

    @property
    def pk(self) -> int:
        return self.id

    @property
    def is_admin(self) -> bool:
        return self.role == User.Role.ADMIN


class AccessToken(SimpleJWTAccessToken):
    """simplejwt's access token (HS256; exp, iat, jti; the account id in `sub`) that must also carry a known role."""

    def verify(self) -> None:
        super().verify()
        if not str(self.get(api_settings.USER_ID_CLAIM, "")).isdecimal() or self.get("role") not in User.Role.values:
            raise TokenError("Token names no account or no known role")

    @property
    def principal(self) -> Principal:
        return Principal(id=int(self[api_settings.USER_ID_CLAIM]), role=self["role"])


def access_token_for(user: User) -> AccessToken:
    """The token login issues: `sub` (the account id, a string), `role`, `iat` and `exp`, signed with JWT_SECRET."""
    token = AccessToken.for_user(user)
    token["role"] = user.role
    return token


class StatelessJWTAuthentication(BaseAuthentication):
    """`Authorization: Bearer <token>`: request.user becomes the token's Principal, request.auth the token."""

    def authenticate(self, request: Request) -> tuple[Principal, AccessToken] | None:
        scheme, _, raw_token = get_authorization_header(request).partition(b" ")
        if scheme != b"Bearer":
            return None  # not a bearer token: the request stays anonymous
        try:
            token = AccessToken(raw_token)  # type: ignore[arg-type]  # simplejwt annotates the encoded token as Token
        except TokenError as exc:
            # One answer whether the token is forged, expired or malformed.
            raise InvalidToken from exc
        return token.principal, token

    def authenticate_header(self, request: Request) -> str:
        return 'Bearer realm="api"'


class StatelessJWTScheme(SimpleJWTScheme):  # type: ignore[no-untyped-call]  # drf-spectacular's registration hook
    """Documents StatelessJWTAuthentication in the OpenAPI schema as simplejwt's bearer JWT scheme (jwtAuth)."""

    target_class = "apps.users.authentication.StatelessJWTAuthentication"
