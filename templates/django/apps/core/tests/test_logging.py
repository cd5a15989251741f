import json
import logging
import logging.config
import runpy
from collections.abc import Iterator
from pathlib import Path

import pytest
import structlog
from django.conf import settings
from gunicorn.config import Config
from gunicorn.glogging import Logger

from apps.core.logging import configure_structlog, logging_config


@pytest.fixture(autouse=True)
def _restore_logging() -> Iterator[None]:
    yield
    logging.config.dictConfig(settings.LOGGING)


def test_structlog_and_stdlib_logs_are_json_lines(capsys: pytest.CaptureFixture[str]) -> None:
    logging.config.dictConfig(logging_config("INFO"))
    configure_structlog()
    with structlog.contextvars.bound_contextvars(request_id="abc123"):
        structlog.get_logger("apps.test").info("hello", answer=42)
        logging.getLogger("django.db").warning("from django")
    logging.getLogger("apps.test").debug("below the level")

    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(line["event"], line["level"]) for line in lines] == [("hello", "info"), ("from django", "warning")]
    assert {line["request_id"] for line in lines} == {"abc123"}
    assert lines[0]["answer"] == 42
    assert "timestamp" in lines[0]


def test_gunicorn_lines_are_json_lines_too(capsys: pytest.CaptureFixture[str]) -> None:
    config = Config()
    gunicorn_conf = runpy.run_path(str(Path(__file__).resolve().parents[3] / "gunicorn.conf.py"))
    config.set("logconfig_dict", gunicorn_conf["logconfig_dict"])
    Logger(config).info("Booting worker with pid: %s", 42)

    captured = capsys.readouterr()
    [line] = [json.loads(line) for line in captured.out.splitlines()]
    assert (line["event"], line["logger"], line["level"]) == ("Booting worker with pid: 42", "gunicorn.error", "info")
    assert captured.err == ""  # not also in gunicorn's own plain format
