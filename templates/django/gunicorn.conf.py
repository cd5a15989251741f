"""gunicorn's settings, read from the working directory: its own lines (start-up, workers, errors) are JSON too."""

import os

from apps.core.logging import logging_config

_level = os.environ.get("LOG_LEVEL", "INFO")
logconfig_dict = logging_config(_level)
# Without handlers of its own, gunicorn's logger passes its lines to the JSON handler of the root logger.
logconfig_dict["loggers"]["gunicorn.error"] = {"level": _level.upper(), "handlers": [], "propagate": True}
