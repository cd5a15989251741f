"""Administrative commands: `python -m app.cli promote-admin EMAIL`."""

import argparse
import asyncio
import sys

from app.core.config import get_settings
from app.core.db import create_engine, create_sessionmaker
from app.models import Role
from app.repositories.users import UserRepository
from app.services.users import set_role


async def _set_role(email: str, role: Role) -> bool:
    settings = get_settings()
    engine = create_engine(settings.async_database_url, settings.database_pool_size)
    try:
        async with create_sessionmaker(engine)() as session:
            return await set_role(UserRepository(session), email, role) is not None
    finally:
        await engine.dispose()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m app.cli")
    commands = parser.add_subparsers(dest="command", required=True)
    for name, role in (("promote-admin", Role.ADMIN), ("demote-admin", Role.USER)):
        command = commands.add_parser(name, help=f"give a registered user the {role.value} role")
        command.add_argument("email")
        command.set_defaults(role=role)
    args = parser.parse_args(argv)
    if not asyncio.run(_set_role(args.email, args.role)):
        print(f"no user with email {args.email}", file=sys.stderr)
        return 1
    print(f"{args.email} now has the {args.role.value} role")
    return 0


if __name__ == "__main__":
    sys.exit(main())
