from rest_framework.exceptions import NotAuthenticated
from rest_framework.permissions import BasePermission
from rest_framework.request import Request
from rest_framework.views import APIView

from apps.users.models import User


class IsAdmin(BasePermission):
    """Signed in with the admin role."""

    message = "Administrator role required"

    def has_permission(self, request: Request, view: APIView) -> bool:
        return isinstance(request.user, User) and request.user.is_admin


def request_user(request: Request) -> User:
    """The signed-in account of a view that requires authentication (the default permission)."""
    if not isinstance(request.user, User):
        raise NotAuthenticated
    return request.user
