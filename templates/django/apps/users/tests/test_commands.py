import pytest
from django.core.management import CommandError, call_command

from apps.users.models import User

pytestmark = pytest.mark.django_db


def test_promote_admin_gives_the_admin_role(user: User, capsys: pytest.CaptureFixture[str]) -> None:
    call_command("promote_admin", user.email)
    user.refresh_from_db()
    assert user.is_admin
    assert "admin role" in capsys.readouterr().out


def test_promote_admin_revoke_gives_the_user_role_back(admin: User) -> None:
    call_command("promote_admin", admin.email, "--revoke")
    admin.refresh_from_db()
    assert not admin.is_admin


def test_promote_admin_fails_for_an_unknown_email() -> None:
    with pytest.raises(CommandError, match="no user"):
        call_command("promote_admin", "nobody@example.com")
