"""JSON logs with structlog. Every line, Django's own included, carries the request id of its request."""

from typing import Any

import structlog

# Run on every line, structlog's and the standard library's: the request id comes from the context variables
# that RequestIdMiddleware binds.
SHARED_PROCESSORS: list[structlog.types.Processor] = [
    structlog.contextvars.merge_contextvars,
    structlog.stdlib.add_log_level,
    structlog.stdlib.add_logger_name,
    structlog.processors.TimeStamper(fmt="iso", utc=True),
]


def current_request_id() -> str | None:
    """The id RequestIdMiddleware bound for the request being answered."""
    request_id: str | None = structlog.contextvars.get_contextvars().get("request_id")
    return request_id


def logging_config(level: str) -> dict[str, Any]:
    """Django's LOGGING: one handler on stdout whose formatter renders JSON."""
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {
            "json": {
                "()": structlog.stdlib.ProcessorFormatter,
                "foreign_pre_chain": SHARED_PROCESSORS,
                "processors": [
                    structlog.stdlib.ProcessorFormatter.remove_processors_meta,
                    structlog.processors.format_exc_info,
                    structlog.processors.JSONRenderer(),
                ],
            }
        },
        "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "json", "stream": "ext://sys.stdout"}},
        "root": {"handlers": ["console"], "level": level.upper()},
        "loggers": {
            # The access line comes from RequestIdMiddleware, which knows the request id and the duration;
            # Django's own request loggers would repeat it without them.
            "django.server": {"handlers": ["console"], "level": "WARNING", "propagate": False},
            "django.request": {"level": "ERROR"},
        },
    }


def configure_structlog() -> None:
    structlog.configure(
        processors=[*SHARED_PROCESSORS, structlog.stdlib.ProcessorFormatter.wrap_for_formatter],
        logger_factory=structlog.stdlib.LoggerFactory(),
        wrapper_class=structlog.stdlib.BoundLogger,
        cache_logger_on_first_use=True,
    )
