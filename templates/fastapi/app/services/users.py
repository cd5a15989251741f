"""User accounts: registration, authentication and roles."""

from sqlalchemy.exc import IntegrityError

from app.core.security import hash_password, verify_password
from app.models import Role, User
from app.repositories.users import UserRepository
from app.schemas.users import UserCreate

# Verified when the email is unknown, so a login takes as long whether or not the account exists.
_DUMMY_HASH = hash_password("not-a-real-password")


class EmailTakenError(Exception):
    pass


async def register(users: UserRepository, data: UserCreate) -> User:
    email = data.email.lower()
    user = User(email=email, password_hash=hash_password(data.password), full_name=data.full_name, role=Role.USER)
    # The unique index decides, so two concurrent registrations cannot both succeed.
    try:
        return await users.save(user)
    except IntegrityError as exc:
        await users.rollback()
        raise EmailTakenError(email) from exc


async def authenticate(users: UserRepository, email: str, password: str) -> User | None:
    user = await users.get_by_email(email)
    if user is None:
        verify_password(password, _DUMMY_HASH)
        return None
    return user if verify_password(password, user.password_hash) else None


async def set_role(users: UserRepository, email: str, role: Role) -> User | None:
    user = await users.get_by_email(email)
    if user is None:
        return None
    user.role = role
    return await users.save(user)
