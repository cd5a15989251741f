from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from app import cli
from app.core.config import get_settings
from tests.conftest import register


@pytest.fixture
def environment(monkeypatch: pytest.MonkeyPatch, database_url: str) -> Iterator[None]:
    monkeypatch.setenv("ENVIRONMENT", "test")
    monkeypatch.setenv("DATABASE_URL", database_url)
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


@pytest.mark.usefixtures("environment")
def test_promote_admin_changes_the_role(client: TestClient, capsys: pytest.CaptureFixture[str]) -> None:
    register(client, "boss@example.com")
    assert cli.main(["promote-admin", "boss@example.com"]) == 0
    assert "admin role" in capsys.readouterr().out


@pytest.mark.usefixtures("environment", "client")
def test_promote_admin_fails_for_an_unknown_email(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["promote-admin", "nobody@example.com"]) == 1
    assert "no user" in capsys.readouterr().err
