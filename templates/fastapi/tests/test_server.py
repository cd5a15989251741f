import json
import urllib.request

from tests.conftest import Served


def test_the_server_runs_its_workers_and_logs_json(served: Served) -> None:
    with urllib.request.urlopen(served.url + "/health", timeout=10) as response:  # noqa: S310 - loopback only
        assert response.status == 200
    events = [json.loads(line)["event"] for line in served.log.read_text().splitlines()]
    assert any(event.startswith("Started parent process") for event in events)  # uvicorn's own lines are JSON too
    assert events.count("Application startup complete.") == 2
