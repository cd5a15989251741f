from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from apps.users.models import User
from apps.users.services import user_set_role


class Command(BaseCommand):
    help = "Give a registered user the admin role (make admin EMAIL=you@example.com)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("email")
        parser.add_argument("--revoke", action="store_true", help="give the user role back instead")

    def handle(self, *args: Any, email: str, revoke: bool, **options: Any) -> None:
        role = User.Role.USER if revoke else User.Role.ADMIN
        if user_set_role(email=email, role=role) is None:
            raise CommandError(f"no user with email {email}")
        self.stdout.write(f"{email} now has the {role} role")
