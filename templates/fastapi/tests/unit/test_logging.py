import json
import logging

import pytest
import structlog

from app.core.logging import configure_logging


def test_structlog_and_stdlib_logs_are_json_lines(capsys: pytest.CaptureFixture[str]) -> None:
    configure_logging("INFO")
    structlog.get_logger("app.test").info("hello", answer=42)
    logging.getLogger("uvicorn.error").warning("from uvicorn")
    logging.getLogger("app.test").debug("below the level")

    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(line["event"], line["level"]) for line in lines] == [("hello", "info"), ("from uvicorn", "warning")]
    assert lines[0]["answer"] == 42
    assert "timestamp" in lines[0]
