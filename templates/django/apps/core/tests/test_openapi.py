from pathlib import Path

import pytest
import yaml
from rest_framework.test import APIClient

SPEC = Path(__file__).resolve().parents[3] / "openapi.yaml"


def test_openapi_yaml_matches_the_served_schema(api_client: APIClient) -> None:
    response = api_client.get("/api/schema/", {"format": "json"})
    assert response.status_code == 200
    committed = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
    assert committed == response.json(), "openapi.yaml is stale: run `make openapi` and commit it"


@pytest.mark.parametrize("path", ["/docs"])
def test_the_interactive_docs_are_served(api_client: APIClient, path: str) -> None:
    assert api_client.get(path).status_code == 200
