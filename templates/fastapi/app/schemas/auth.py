from pydantic import BaseModel, EmailStr

from app.schemas.common import Text


class LoginRequest(BaseModel):
    email: EmailStr
    password: Text


class Token(BaseModel):
    access_token: str
    token_type: str = "bearer"  # noqa: S105 - the OAuth 2 token type, not a secret
    expires_in: int
