"""Password hashing (Argon2 via pwdlib) and JWT access tokens (PyJWT, HS256 only)."""

from datetime import UTC, datetime, timedelta
from typing import Any

import jwt
from pwdlib import PasswordHash

ALGORITHM = "HS256"

_password_hash = PasswordHash.recommended()


def hash_password(password: str) -> str:
    return _password_hash.hash(password)


def verify_password(password: str, password_hash: str) -> bool:
    return _password_hash.verify(password, password_hash)


def create_access_token(subject: str, role: str, secret: str, expires_in: timedelta) -> str:
    """A token naming the user and their role: requests are authorized from these claims alone."""
    now = datetime.now(UTC)
    payload = {"sub": subject, "role": role, "iat": now, "exp": now + expires_in}
    return jwt.encode(payload, secret, algorithm=ALGORITHM)


def decode_access_token(token: str, secret: str) -> dict[str, Any]:
    """Return the claims of a valid token; raise jwt.InvalidTokenError otherwise (bad signature, expired, ...)."""
    # The algorithm list is fixed: never trust the token's own "alg" header.
    claims: dict[str, Any] = jwt.decode(
        token, secret, algorithms=[ALGORITHM], options={"require": ["exp", "iat", "sub", "role"]}
    )
    return claims
