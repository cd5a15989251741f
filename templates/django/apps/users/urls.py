from django.urls import path

from apps.users.apis import LoginApi, MeApi, RegisterApi, UserDetailApi, UserListApi

urlpatterns = [
    path("auth/register", RegisterApi.as_view(), name="auth-register"),
    path("auth/login", LoginApi.as_view(), name="auth-login"),
    path("users/me", MeApi.as_view(), name="users-me"),
    path("users", UserListApi.as_view(), name="users-list"),
    path("users/<int:user_id>", UserDetailApi.as_view(), name="users-detail"),
]
