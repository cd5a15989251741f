"""Write copier.yml's `stack` and `database` questions from the stacks' manifests (templates/<stack>/stack.yml).

    python scripts/copier_choices.py [--check] [ROOT]

A new stack is a folder with its stack.yml: this script offers it in copier.yml, and `--check` (run by the tests)
fails when copier.yml says otherwise than the manifests.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import yaml

from agentgen.catalog import load_catalog, manifests

BEGIN = "# BEGIN stack choices: written by scripts/copier_choices.py from templates/*/stack.yml (`make regen`)\n"
END = "# END stack choices\n"
# How copier asks for each database a stack may offer, in this order.
DATABASES = {"postgresql": "PostgreSQL", "mysql": "MySQL / MariaDB", "sqlite": "SQLite"}


def _key(text: str) -> str:
    """A YAML mapping key: plain where YAML reads it back unchanged, else quoted."""
    return text if yaml.safe_load(f"{text}: x") == {text: "x"} else json.dumps(text)


def stack_questions(stacks: dict[str, dict[str, object]], default: str) -> str:
    """The two questions, the default stack first, then the others by name."""
    order = sorted(stacks, key=lambda stack: (stack != default, stack))
    offering = {db: [s for s in order if db in stacks[s]["databases"]] for db in DATABASES}  # type: ignore[operator]
    first = {s: stacks[s]["databases"][0] for s in order}  # type: ignore[index]
    lines = ["stack:", "  type: str", "  help: Backend stack to generate", "  choices:"]
    lines += [f"    {_key(str(stacks[s]['title']))}: {s}" for s in order]
    lines += [f"  default: {default}", "", "database:", "  type: str", "  help: Database the service runs on"]
    lines += ["  choices:"]
    for db, title in DATABASES.items():
        if offering[db] == order:
            lines.append(f"    {_key(title)}: {db}")
        elif offering[db]:
            refusal = f"the {{{{ stack }}}} stack does not offer {title}"
            check = f"{{% if stack not in {offering[db]} %}}{refusal}{{% endif %}}"
            lines += [f"    {_key(title)}:", f"      value: {db}", f"      validator: {json.dumps(check)}"]
    others = {s: db for s, db in first.items() if db != "postgresql"}
    lines.append(f"  default: {json.dumps(f'{{{{ {others}.get(stack, {chr(39)}postgresql{chr(39)}) }}}}')}")
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    check = "--check" in argv
    root = Path(next((a for a in argv if not a.startswith("--")), "."))
    copier_yml = root / "copier.yml"
    text = copier_yml.read_text(encoding="utf-8")
    if BEGIN not in text or END not in text:
        print(f"{copier_yml}: no {BEGIN.strip()!r} … {END.strip()!r} block", file=sys.stderr)
        return 2
    default = load_catalog().default_stack
    head, rest = text.split(BEGIN, 1)
    _, tail = rest.split(END, 1)
    wanted = f"{head}{BEGIN}{stack_questions(manifests(root / 'templates'), default)}{END}{tail}"
    if wanted == text:
        return 0
    if check:
        print(f"{copier_yml} differs from the stacks' manifests: run `make regen`", file=sys.stderr)
        return 1
    copier_yml.write_text(wanted, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
