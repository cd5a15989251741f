"""Write openapi.yaml from the application (`make openapi`)."""

from pathlib import Path

import yaml

from app.core.config import Settings
from app.main import create_app

SPEC = Path(__file__).resolve().parents[1] / "openapi.yaml"


def main() -> None:
    app = create_app(Settings(_env_file=None, environment="test"))
    SPEC.write_text(yaml.safe_dump(app.openapi(), sort_keys=False, allow_unicode=True), encoding="utf-8")
    print(f"wrote {SPEC.name}")


if __name__ == "__main__":
    main()
