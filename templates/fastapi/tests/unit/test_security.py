from datetime import UTC, datetime, timedelta

import jwt
import pytest

from app.core.security import create_access_token, decode_access_token, hash_password, verify_password

SECRET = "unit-test-secret-" + "x" * 48  # 64 bytes: long enough for HS512 too


def test_password_hash_verifies_only_the_right_password() -> None:
    hashed = hash_password("s3cret-password")
    assert hashed.startswith("$argon2")
    assert verify_password("s3cret-password", hashed)
    assert not verify_password("wrong-password", hashed)


def test_token_round_trip_keeps_subject_and_claims() -> None:
    token = create_access_token("42", "admin", SECRET, timedelta(minutes=5))
    claims = decode_access_token(token, SECRET)
    assert claims["sub"] == "42"
    assert claims["role"] == "admin"


def test_token_without_a_role_is_rejected() -> None:
    now = datetime.now(UTC)
    token = jwt.encode({"sub": "42", "iat": now, "exp": now + timedelta(minutes=5)}, SECRET, algorithm="HS256")
    with pytest.raises(jwt.MissingRequiredClaimError):
        decode_access_token(token, SECRET)


def test_expired_token_is_rejected() -> None:
    token = create_access_token("42", "user", SECRET, timedelta(seconds=-1))
    with pytest.raises(jwt.ExpiredSignatureError):
        decode_access_token(token, SECRET)


def test_token_signed_with_another_secret_is_rejected() -> None:
    token = create_access_token("42", "user", "another-secret-that-is-long-enough!", timedelta(minutes=5))
    with pytest.raises(jwt.InvalidSignatureError):
        decode_access_token(token, SECRET)


def test_only_hs256_is_accepted() -> None:
    now = datetime.now(UTC)
    claims = {"sub": "42", "role": "user", "iat": now, "exp": now + timedelta(minutes=5)}
    token = jwt.encode(claims, SECRET, algorithm="HS512")
    with pytest.raises(jwt.InvalidAlgorithmError):
        decode_access_token(token, SECRET)


def test_token_without_expiry_is_rejected() -> None:
    token = jwt.encode({"sub": "42", "role": "user", "iat": datetime.now(UTC)}, SECRET, algorithm="HS256")
    with pytest.raises(jwt.MissingRequiredClaimError):
        decode_access_token(token, SECRET)
