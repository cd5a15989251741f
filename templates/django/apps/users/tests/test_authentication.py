import time
from typing import Any

import jwt
import pytest
from django.conf import settings
from pytest_django import DjangoAssertNumQueries
from rest_framework.request import Request
from rest_framework.test import APIRequestFactory
from rest_framework_simplejwt.exceptions import InvalidToken

from apps.users.authentication import Principal, StatelessJWTAuthentication, access_token_for
from apps.users.models import User
from apps.users.tests.factories import UserFactory, token_with

pytestmark = pytest.mark.django_db

ANOTHER_SECRET = "another-secret-that-is-long-enough-for-hs256"


def authenticate(authorization: str | None) -> tuple[Principal, object] | None:
    headers = {} if authorization is None else {"Authorization": authorization}
    return StatelessJWTAuthentication().authenticate(Request(APIRequestFactory().get("/", headers=headers)))


def test_the_login_token_carries_the_account_id_role_and_lifetime() -> None:
    user = UserFactory.create(role=User.Role.ADMIN)
    token = str(access_token_for(user))
    claims = jwt.decode(token, settings.SIMPLE_JWT["SIGNING_KEY"], algorithms=["HS256"])
    assert (claims["sub"], claims["role"]) == (str(user.id), "admin")
    assert claims["exp"] - claims["iat"] == settings.SIMPLE_JWT["ACCESS_TOKEN_LIFETIME"].total_seconds()
    assert jwt.get_unverified_header(token)["alg"] == "HS256"


def test_a_valid_token_becomes_a_principal_without_a_query(django_assert_num_queries: DjangoAssertNumQueries) -> None:
    user = UserFactory.create(role=User.Role.ADMIN)
    token = token_with(user)
    with django_assert_num_queries(0):
        authenticated = authenticate(f"Bearer {token}")
    assert authenticated is not None
    principal, _ = authenticated
    assert principal == Principal(id=user.id, role="admin")
    assert (principal.pk, principal.is_admin, principal.is_authenticated) == (user.id, True, True)


@pytest.mark.parametrize("authorization", [None, "", "Basic dXNlcjpwYXNz"])
def test_requests_without_a_bearer_token_stay_anonymous(authorization: str | None) -> None:
    assert authenticate(authorization) is None


@pytest.mark.parametrize(
    "changes",
    [
        pytest.param({"key": ANOTHER_SECRET}, id="another secret"),
        pytest.param(
            {"algorithm": "HS512"},
            id="another algorithm",
            marks=pytest.mark.filterwarnings("ignore:The HMAC key is"),  # our test key is short for HS512
        ),
        pytest.param({"exp": int(time.time()) - 1}, id="expired"),
        pytest.param({"role": None}, id="no role"),
        pytest.param({"role": "root"}, id="unknown role"),
        pytest.param({"sub": None}, id="no subject"),
        pytest.param({"sub": "alice"}, id="subject not an id"),
        pytest.param({"token_type": "refresh"}, id="not an access token"),
    ],
)
def test_unusable_tokens_are_refused(user: User, changes: dict[str, Any]) -> None:
    with pytest.raises(InvalidToken):
        authenticate(f"Bearer {token_with(user, **changes)}")


@pytest.mark.parametrize("token", ["not-a-jwt", "", "a b"])
def test_malformed_tokens_are_refused(token: str) -> None:
    with pytest.raises(InvalidToken):
        authenticate(f"Bearer {token}")


def test_unsigned_tokens_are_refused(user: User) -> None:
    unsigned = jwt.encode(access_token_for(user).payload, None, algorithm="none")
    with pytest.raises(InvalidToken):
        authenticate(f"Bearer {unsigned}")
