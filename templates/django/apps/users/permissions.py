from rest_framework.exceptions import NotAuthenticated
from rest_framework.permissions import BasePermission
from rest_framework.request import Request
from rest_framework.views import APIView

from apps.users.authentication import Principal


class IsAdmin(BasePermission):
    """Signed in with the admin role (the role in the token)."""

    message = "Administrator role required"

    def has_permission(self, request: Request, view: APIView) -> bool:
        return isinstance(request.user, Principal) and request.user.is_admin


def request_principal(request: Request) -> Principal:
    """Who signed in, in a view that requires authentication (the default permission)."""
    if not isinstance(request.user, Principal):
        raise NotAuthenticated
    return request.user
