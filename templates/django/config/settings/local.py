"""Development: `make run` (manage.py reads .env first). Never deploy with these settings."""

from .base import *  # noqa: F403

DEBUG = True
