#!/usr/bin/env python
"""Django's command-line utility. Reads .env first (real environment variables win), then local settings."""

import os
import sys
from pathlib import Path

import environ


def main() -> None:
    environ.Env.read_env(Path(__file__).resolve().parent / ".env")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
