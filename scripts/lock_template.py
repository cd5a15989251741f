"""Build a stack's `uv.lock.jinja` from one lock file per combination of toggles.

Every combination of the toggles that change dependencies (e.g. rate_limit x metrics) needs its own exact lock, so
`uv sync --locked` works in every generated project. This merges those locks line by line into one Jinja template
whose blocks are guarded by the toggles, then checks that rendering the template gives back each lock exactly.

    python scripts/lock_template.py OUT PROJECT_NAME TOGGLES LOCK=VALUES...
    e.g. ... templates/fastapi/uv.lock.jinja demo-svc rate_limit,metrics \\
             /tmp/l11/uv.lock=1,1 /tmp/l10/uv.lock=1,0 /tmp/l01/uv.lock=0,1 /tmp/l00/uv.lock=0,0

Each lock comes from `uv lock` in a project rendered with PROJECT_NAME and those toggle values; the first lock
should be the one with every toggle on (the largest).
"""

import difflib
import itertools
import sys
from pathlib import Path

import jinja2

Combo = tuple[bool, ...]


def merge(locks: dict[Combo, list[str]]) -> list[tuple[str, frozenset[Combo]]]:
    """One sequence of lines, each tagged with the combinations whose lock contains it."""
    combos = list(locks)
    merged = [(line, {combos[0]}) for line in locks[combos[0]]]
    for combo in combos[1:]:
        other = locks[combo]
        matcher = difflib.SequenceMatcher(None, [line for line, _ in merged], other, autojunk=False)
        result: list[tuple[str, set[Combo]]] = []
        for op, i1, i2, j1, j2 in matcher.get_opcodes():
            if op == "equal":
                result.extend((line, tags | {combo}) for line, tags in merged[i1:i2])
            else:
                result.extend(merged[i1:i2])
                result.extend((line, {combo}) for line in other[j1:j2])
        merged = result
    return [(line, frozenset(tags)) for line, tags in merged]


def condition(tags: frozenset[Combo], toggles: list[str]) -> str:
    """The simplest Jinja test true exactly for `tags`: one toggle, its negation, or a list of value tuples."""
    every = set(itertools.product([True, False], repeat=len(toggles)))
    for index, name in enumerate(toggles):
        for value, test in ((True, name), (False, f"not {name}")):
            if tags == {c for c in every if c[index] is value}:
                return test
    values = ", ".join("(" + ", ".join(str(v).lower() for v in c) + ",)" for c in sorted(tags, reverse=True))
    return f"({', '.join(toggles)},) in [{values}]"


def render_template(merged: list[tuple[str, frozenset[Combo]]], toggles: list[str], project_name: str) -> str:
    everywhere = frozenset().union(*(tags for _, tags in merged))
    out: list[str] = []
    for tags, group in itertools.groupby(merged, key=lambda pair: pair[1]):
        lines = [line.replace(f'"{project_name}"', '"{{ project_name }}"') for line, _ in group]
        if tags == everywhere:
            out.extend(lines)
        else:
            # "{%-" eats the newline before the tag, so the block's own lines keep theirs.
            out.append(f"{{%- if {condition(tags, toggles)} %}}")
            out.extend(lines)
            out.append("{%- endif %}")
    return "\n".join(out) + "\n"


def main() -> None:
    out, project_name, toggle_list, *pairs = sys.argv[1:]
    toggles = toggle_list.split(",")
    locks: dict[Combo, list[str]] = {}
    for pair in pairs:
        path, values = pair.split("=")
        locks[tuple(v == "1" for v in values.split(","))] = Path(path).read_text().splitlines()
    assert all("{{" not in line and "{%" not in line for lines in locks.values() for line in lines)
    template = render_template(merge(locks), toggles, project_name)
    environment = jinja2.Environment(keep_trailing_newline=True)  # noqa: S701 - renders a lock file, not HTML
    for combo, lines in locks.items():
        answers = dict(zip(toggles, combo, strict=True)) | {"project_name": project_name}
        rendered = environment.from_string(template).render(answers)
        assert rendered == "\n".join(lines) + "\n", f"template does not reproduce the lock for {answers}"
    Path(out).write_text(template)
    print(f"wrote {out}: {len(template.splitlines())} lines for {len(locks)} locks")


if __name__ == "__main__":
    main()
