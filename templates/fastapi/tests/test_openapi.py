import json
from pathlib import Path

import yaml
from fastapi import FastAPI

SPEC = Path(__file__).resolve().parents[1] / "openapi.yaml"


def test_openapi_yaml_matches_the_app(app: FastAPI) -> None:
    served = json.loads(json.dumps(app.openapi()))
    committed = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
    assert committed == served, "openapi.yaml is stale: run `make openapi` and commit it"
