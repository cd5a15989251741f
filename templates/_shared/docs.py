"""Write the project's documents from what the project itself holds, so they cannot drift from it.

    python scripts/docs.py           # write docs/API.md, docs/SECURITY.md, docs/DEPLOY.md
    python scripts/docs.py --check   # write nothing; fail naming each document `make docs` would change
    python scripts/docs.py --access URL   # ask the served app each row of SECURITY.md's matrix (make fuzz does)
    python scripts/docs.py --report DIR --embedded LABEL   # docs/TEST-REPORT.md from a run's results (make report)
    python scripts/docs.py --schema URL --migrations GLOBS [--skip TABLE]   # docs/SCHEMA.md from a migrated database
    python scripts/docs.py --check-schema   # fail when the migrations changed since docs/SCHEMA.md was read

docs/API.md comes from openapi.yaml (which a test keeps equal to the served spec), docs/SECURITY.md from
openapi.yaml, .copier-answers.yml and .env.example, docs/DEPLOY.md from .env.example and .copier-answers.yml.
docs/SCHEMA.md is read from a database that `make schema` migrated with the project's own migrations (PostgreSQL
through psycopg, MySQL/MariaDB through PyMySQL, SQLite); it records the digest of the migration files it was read
after, so the check needs no database. `make lint` runs the check. docs/TEST-REPORT.md is a run's record (date,
commit, database), written by `make report` from the test runner's own machine-readable output and not committed.
Needs Python 3.11 and PyYAML (and, for --schema, the database's driver).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

HEADER = "<!-- Written by `make docs` (scripts/docs.py) from {sources}: edit those, not this file. -->\n\n"
METHODS = ("get", "post", "put", "patch", "delete")
# PyYAML's safe loader in C where it was built with libyaml (its wheels are): the same documents, read faster.
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# The template's roles. A 403 in the spec marks an operation only the last of them may call: the app answers a
# user 403 there, and scripts/fuzz.py checks every row of SECURITY.md's matrix against the served app.
ROLES = ("user", "admin")


def read_yaml(path: Path) -> Any:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=LOADER)  # noqa: S506  # a safe loader


def operations(spec: dict[str, Any]) -> Iterator[tuple[str, str, dict[str, Any]]]:
    for path, item in spec.get("paths", {}).items():
        for method in METHODS:
            if method in item:
                yield method.upper(), path, item[method]


def access(spec: dict[str, Any], operation: dict[str, Any]) -> dict[str, bool]:
    """Who may call the operation: anonymous callers, each role. An empty requirement (`{}`) among its security
    alternatives, or none at all, makes it public."""
    security = operation.get("security", spec.get("security")) or [{}]
    if {} in security:
        return dict.fromkeys(("anonymous", *ROLES), True)
    restricted = "403" in operation.get("responses", {})
    return {"anonymous": False} | {role: not restricted or role == ROLES[-1] for role in ROLES}


def resolve(spec: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    """The object a local `$ref` ("#/components/schemas/Item") points at, else the node itself."""
    while "$ref" in node:
        target = spec
        for key in node["$ref"].removeprefix("#/").split("/"):
            target = target[key.replace("~1", "/").replace("~0", "~")]
        node = target
    return node


def schema_name(schema: dict[str, Any] | None) -> str:
    if not schema:
        return ""
    if "$ref" in schema:
        return str(schema["$ref"].rsplit("/", 1)[-1])
    if schema.get("type") == "array":
        return f"{schema_name(schema.get('items'))}[]"
    return str(schema.get("type", ""))


def example(spec: dict[str, Any], schema: dict[str, Any], depth: int = 0) -> Any:
    """A value the schema accepts: its own example, else one made from its type and format."""
    schema = resolve(spec, schema)
    if "example" in schema:
        return schema["example"]
    for combined in ("allOf", "anyOf", "oneOf"):
        if combined in schema:
            choices = [s for s in schema[combined] if resolve(spec, s).get("type") != "null"]
            return example(spec, choices[0] if choices else schema[combined][0], depth)
    if "enum" in schema:
        return schema["enum"][0]
    kind = schema.get("type")
    if isinstance(kind, list):
        kind = next((k for k in kind if k != "null"), "null")
    if kind == "object" or "properties" in schema:
        if depth > 4:
            return {}
        return {name: example(spec, prop, depth + 1) for name, prop in schema.get("properties", {}).items()}
    if kind == "array":
        return [example(spec, schema.get("items", {}), depth + 1)]
    if kind in ("integer", "number"):
        return max(1, schema.get("minimum", 1))
    if kind == "boolean":
        return True
    if kind == "null":
        return None
    formats = {
        "email": "user@example.com",
        "uuid": "3fa85f64-5717-4562-b3fc-2c963f66afa6",
        "date-time": "2026-01-31T12:00:00Z",
        "password": "correct horse battery staple",
    }
    return formats.get(schema.get("format", ""), "string")


def body_schema(content: dict[str, Any] | None) -> dict[str, Any] | None:
    schema = (content or {}).get("application/json", {}).get("schema")
    return schema if isinstance(schema, dict) else None


def cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ").strip()


def api_md(spec: dict[str, Any]) -> str:
    by_tag: dict[str, list[tuple[str, str, dict[str, Any]]]] = {}
    for method, path, op in operations(spec):
        by_tag.setdefault((op.get("tags") or ["other"])[0], []).append((method, path, op))
    info = spec.get("info", {})
    out = [f"# API: {info.get('title', '')} {info.get('version', '')}\n\n"]
    out.append("Every operation of `openapi.yaml`, by tag. Auth: `bearer` needs `Authorization: Bearer <token>` ")
    out.append(
        f"from the login operation; `{ROLES[-1]}` also needs that role. Errors use the shape of the spec's error schema.\n"
    )
    for tag, ops in by_tag.items():
        out.append(f"\n## {tag}\n\n| method | path | summary | auth | request body | success | errors |\n")
        out.append("| --- | --- | --- | --- | --- | --- | --- |\n")
        for method, path, op in ops:
            allowed = access(spec, op)
            auth = (
                "none"
                if allowed["anonymous"]
                else ("bearer" if all(allowed[r] for r in ROLES) else f"bearer, {ROLES[-1]}")
            )
            statuses = sorted(op.get("responses", {}))
            success = ", ".join(s for s in statuses if s.startswith("2"))
            errors = ", ".join(s for s in statuses if not s.startswith("2"))
            request = schema_name(body_schema(op.get("requestBody", {}).get("content")))
            out.append(
                f"| {method} | `{path}` | {cell(op.get('summary', ''))} | {auth} | {request} | {success} | {errors} |\n"
            )
    out.append("\n## Examples\n")
    for method, path, op in operations(spec):
        successes = [r for s, r in sorted(op.get("responses", {}).items()) if s.startswith("2")]
        bodies = {
            "Request": body_schema(op.get("requestBody", {}).get("content")),
            "Response": body_schema(successes[0].get("content")) if successes else None,
        }
        if not any(bodies.values()):
            continue
        out.append(f"\n### {method} `{path}`\n")
        for label, schema in bodies.items():
            if schema:
                text = json.dumps(example(spec, schema), indent=2, ensure_ascii=False)
                out.append(f"\n{label}:\n\n```json\n{text}\n```\n")
    return HEADER.format(sources="openapi.yaml") + "".join(out)


def env_vars(text: str) -> list[tuple[str, str, str]]:
    """(name, default, meaning) of each variable of .env.example, meaning from the comment above it."""
    found, comment = [], []
    for line in text.splitlines():
        if line.startswith("#"):
            comment.append(line.lstrip("# ").strip())
        elif "=" in line:
            name, _, value = line.partition("=")
            found.append((name.strip(), value.strip(), " ".join(comment)))
            comment = []
        else:
            comment = []
    return found


def required(meaning: str) -> str:
    return "in production" if re.search(r"required in production", meaning, re.I) else "no"


def security_md(spec: dict[str, Any], answers: dict[str, Any], env: list[tuple[str, str, str]]) -> str:
    minutes = answers.get("token_minutes")
    out = ["# Security\n\n## Authentication\n\n"]
    out.append("Bearer tokens: JWTs signed with HS256 (the algorithm is pinned when they are verified), ")
    out.append(f"valid for {minutes} minutes (`JWT_EXPIRE_MINUTES`), signed with `JWT_SECRET` from the environment.\n")
    out.append("\n## Who may call what\n\n")
    out.append("From `openapi.yaml`: an operation without security is public; one documenting 403 is for ")
    out.append(
        f"`{ROLES[-1]}` only. `make fuzz` calls each row as each role and fails where the app answers otherwise.\n\n"
    )
    out.append(f"| operation | anonymous | {' | '.join(ROLES)} |\n| --- | --- |{' --- |' * len(ROLES)}\n")
    for method, path, op in operations(spec):
        allowed = access(spec, op)
        marks = ["yes" if allowed["anonymous"] else "401"]
        marks += ["yes" if allowed[role] else "403" for role in ROLES]
        out.append(f"| {method} `{path}` | {' | '.join(marks)} |\n")
    out.append("\n## Limits and headers\n\n")
    if answers.get("rate_limit"):
        out.append(
            f"- Rate limit: {answers.get('rate_limit_quota')} on `{answers.get('api_prefix')}` (`RATE_LIMIT`), answered 429.\n"
        )
    else:
        out.append("- Rate limit: off (the `rate_limit` answer).\n")
    for name, default, meaning in env:
        if name in ("CORS_ORIGINS", "MAX_BODY_BYTES"):
            out.append(f"- `{name}` (default `{default}`): {meaning}\n")
    out.append(
        "\n## Secrets and configuration\n\nRead from the environment (`.env` in development, never committed):\n\n"
    )
    for name, _, meaning in env:
        if re.search(r"SECRET|PASSWORD|TOKEN|_URL$", name):
            out.append(f"- `{name}`: {meaning}\n")
    rows = [r for r in answers.get("standards") or [] if r.get("topic") == "security"]
    if rows:
        out.append("\n## Security standards the profile names\n\n| standard | state | where |\n| --- | --- | --- |\n")
        for row in rows:
            where = ", ".join(f"`{f}`" for f in row.get("files") or []) or cell(row.get("note", ""))
            state = row["status"] + (f" ({row['value']})" if row.get("value") else "")
            out.append(f"| {row['title']} | {state} | {where} |\n")
    return HEADER.format(sources="openapi.yaml, .copier-answers.yml and .env.example") + "".join(out)


def deploy_md(spec: dict[str, Any], answers: dict[str, Any], env: list[tuple[str, str, str]]) -> str:
    name = answers.get("project_name", "app")
    out = [
        f"# Deploying {name}\n\n## Environment\n\n| variable | required | default | meaning |\n| --- | --- | --- | --- |\n"
    ]
    for var, default, meaning in env:
        shown = f"`{cell(default)}`" if default else "(empty)"
        out.append(f"| `{var}` | {required(meaning)} | {shown} | {cell(meaning)} |\n")
    out.append("\n## Steps\n\n")
    out.append(f"1. Build the image: `docker build -t {name} .`\n")
    out.append("2. Apply the migrations against `DATABASE_URL` before the new version serves: `make migrate`.\n")
    out.append(f"3. Run it with the variables above. Liveness: `GET {answers.get('health_path')}`; readiness (the ")
    out.append(f"database answers): `GET {answers.get('ready_path')}`")
    out.append("; Prometheus metrics: `GET /metrics`.\n" if answers.get("metrics") else ".\n")
    out.append("\n## Scaling\n\nAdd containers behind a load balancer")
    if answers.get("rate_limit"):
        out.append(", and rate-limit counters live in Redis (`REDIS_URL`), shared by every container")
    out.append(
        ". Keep the connections every process's pool may open, summed over all containers, under the database's "
    )
    out.append("connection limit.\n")
    return HEADER.format(sources=".env.example, openapi.yaml and .copier-answers.yml") + "".join(out)


def documents(root: Path) -> dict[str, str]:
    spec = read_yaml(root / "openapi.yaml")
    answers = read_yaml(root / ".copier-answers.yml") or {}
    env = env_vars((root / ".env.example").read_text(encoding="utf-8"))
    return {
        "docs/API.md": api_md(spec),
        "docs/SECURITY.md": security_md(spec, answers, env),
        "docs/DEPLOY.md": deploy_md(spec, answers, env),
    }


def matrix(text: str) -> Iterator[tuple[str, str, list[str]]]:
    """SECURITY.md's matrix: (method, path, [the answer for anonymous callers, then for each role])."""
    for line in text.splitlines():
        row = re.match(r"^\| (GET|POST|PUT|PATCH|DELETE) `([^`]+)` \| (.+) \|$", line)
        if row:
            yield row[1], row[2], [c.strip() for c in row[3].split("|")]


def probe(spec: dict[str, Any], method: str, path: str) -> tuple[str, bytes | None]:
    """The operation's URL with ids that match no row (harmless for every role) and a body its schema accepts."""
    op = spec["paths"][path][method.lower()]
    url = path
    for param in (resolve(spec, p) for p in op.get("parameters", []) + spec["paths"][path].get("parameters", [])):
        if param.get("in") == "path":
            uuid = resolve(spec, param.get("schema", {})).get("format") == "uuid"
            url = url.replace(
                "{" + param["name"] + "}", "00000000-0000-4000-8000-000000000000" if uuid else "2147480000"
            )
    body = body_schema(op.get("requestBody", {}).get("content"))
    return url, json.dumps(example(spec, body)).encode() if body else None


def status_of(method: str, url: str, body: bytes | None, token: str) -> int:
    # Imported here: only --access talks HTTP, and urllib.request costs the other uses (and `agentgen new`) 60 ms.
    import urllib.error
    import urllib.request

    headers = {"Content-Type": "application/json"} | ({"Authorization": f"Bearer {token}"} if token else {})
    req = urllib.request.Request(url, data=body, method=method, headers=headers)  # noqa: S310  # http://127.0.0.1 only
    try:
        with urllib.request.urlopen(req, timeout=10) as response:  # noqa: S310
            return int(response.status)
    except urllib.error.HTTPError as err:
        return int(err.code)


def check_access(root: Path, base: str, tokens: dict[str, str]) -> list[str]:
    """Each secured row of the matrix, asked of the app at `base` as each caller; returns the rows it breaks."""
    spec = read_yaml(root / "openapi.yaml")
    callers = ("anonymous", *ROLES)
    broken = []
    for method, path, cells in matrix((root / "docs" / "SECURITY.md").read_text(encoding="utf-8")):
        if cells[0] == "yes":
            continue  # public: what it answers depends on the request, not the caller
        url, body = probe(spec, method, path)
        for caller, expected in zip(callers, cells, strict=True):
            status = status_of(method, base + url, body, tokens.get(caller, ""))
            if (expected == "yes") == (status in (401, 403)) or (expected != "yes" and str(status) != expected):
                broken.append(f"{method} {path} as {caller}: {status}, SECURITY.md says {expected}")
    return broken


# ---- docs/SCHEMA.md: read from a database after the project's own migrations ran, so it cannot drift from them ----

SCHEMA = "docs/SCHEMA.md"
# SCHEMA.md records which migration files it was read after, and their digest: `--check` then knows, with no
# database, whether the migrations changed since.
RECORD = re.compile(r"^<!-- migrations: (?P<globs>.+?) sha256=(?P<digest>[0-9a-f]{64}) -->$", re.MULTILINE)
CONSTRAINT_KINDS = {"p": "primary key", "u": "unique", "f": "foreign key", "c": "check", "x": "exclusion"}
DIALECTS = {"postgresql": "PostgreSQL", "postgres": "PostgreSQL", "mysql": "MySQL/MariaDB", "sqlite": "SQLite"}
# Mermaid's attribute types are single words: PostgreSQL's long type names get their usual short ones.
SHORT_TYPES = {
    "character varying": "varchar",
    "character": "char",
    "timestamp with time zone": "timestamptz",
    "timestamp without time zone": "timestamp",
    "time with time zone": "timetz",
    "time without time zone": "time",
    "double precision": "float8",
}


@dataclass
class Table:
    columns: list[tuple[str, str, bool, str]] = field(default_factory=list)  # name, type, nullable, default
    keys: list[tuple[str, str, list[str], str]] = field(default_factory=list)  # name, kind, columns, definition
    references: list[tuple[list[str], str]] = field(default_factory=list)  # foreign key columns, referenced table


def migrations_digest(root: Path, globs: str) -> str:
    digest = hashlib.sha256()
    for path in sorted({p for pattern in globs.split() for p in root.glob(pattern) if p.is_file()}):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def schema_stale(root: Path) -> bool:
    """Whether the migrations changed since docs/SCHEMA.md was read (or it is missing, or lost its record)."""
    path = root / SCHEMA
    record = RECORD.search(path.read_text(encoding="utf-8")) if path.is_file() else None
    return record is None or migrations_digest(root, record["globs"]) != record["digest"]


def read_postgresql(url: str) -> dict[str, Table]:
    import psycopg

    with psycopg.connect(url) as connection:
        tables = {
            name: Table()
            for (name,) in connection.execute(
                "SELECT relname FROM pg_class WHERE relnamespace = current_schema()::regnamespace AND relkind IN ('r', 'p')"
            )
        }
        for table, *column in connection.execute(
            "SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod), NOT a.attnotnull,"
            " coalesce(pg_get_expr(d.adbin, d.adrelid), CASE a.attidentity WHEN 'a' THEN 'generated always as"
            " identity' WHEN 'd' THEN 'generated by default as identity' ELSE '' END)"
            " FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid"
            " LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
            " WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p')"
            " AND a.attnum > 0 AND NOT a.attisdropped ORDER BY c.relname, a.attnum"
        ):
            tables[table].columns.append(tuple(column))
        for table, name, kind, definition, columns, referenced in connection.execute(
            "SELECT c.relname, k.conname, k.contype::text, pg_get_constraintdef(k.oid),"
            " ARRAY(SELECT a.attname::text FROM unnest(k.conkey) WITH ORDINALITY AS n(attnum, i)"
            " JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = n.attnum ORDER BY n.i), f.relname"
            " FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid LEFT JOIN pg_class f ON f.oid = k.confrelid"
            " WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p')"
            " AND k.contype IN ('p', 'u', 'f', 'c', 'x')"
        ):
            tables[table].keys.append((name, CONSTRAINT_KINDS[kind], columns, definition))
            if referenced:
                tables[table].references.append((columns, referenced))
        for table, name, definition in connection.execute(
            "SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() AND indexname"
            " NOT IN (SELECT conname FROM pg_constraint WHERE connamespace = current_schema()::regnamespace)"
        ):
            columns = re.search(r"\((.*)\)", definition)
            kind = "unique index" if definition.startswith("CREATE UNIQUE") else "index"
            using = definition.split(" USING ", 1)[-1]
            tables[table].keys.append(
                (name, kind, [c.strip() for c in columns[1].split(",")] if columns else [], using)
            )
    return tables


def read_mysql(url: str) -> dict[str, Table]:
    import importlib
    from urllib.parse import unquote, urlsplit

    pymysql = importlib.import_module("pymysql")  # by name: only projects that offer MySQL have its type stubs
    parts = urlsplit(url)
    connection = pymysql.connect(
        host=parts.hostname or "localhost",
        port=parts.port or 3306,
        user=unquote(parts.username or ""),
        password=unquote(parts.password or ""),
        database=parts.path.lstrip("/"),
    )
    with connection, connection.cursor() as cursor:

        def rows(sql: str) -> list[tuple[Any, ...]]:
            cursor.execute(sql)
            return list(cursor.fetchall())

        tables = {
            name: Table()
            for (name,) in rows(
                "SELECT TABLE_NAME FROM information_schema.TABLES"
                " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'BASE TABLE'"
            )
        }
        for table, name, kind, nullable, default, extra in rows(
            "SELECT TABLE_NAME, COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE = 'YES', COALESCE(COLUMN_DEFAULT, ''), EXTRA"
            " FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() ORDER BY TABLE_NAME, ORDINAL_POSITION"
        ):
            shown = "" if default == "NULL" else default  # MariaDB writes NULL where MySQL writes nothing
            tables[table].columns.append((name, kind, bool(nullable), shown or extra))
        usage: dict[tuple[str, str], list[tuple[str, str, str]]] = {}
        for table, name, column, referenced, to in rows(
            "SELECT TABLE_NAME, CONSTRAINT_NAME, COLUMN_NAME, REFERENCED_TABLE_NAME, REFERENCED_COLUMN_NAME"
            " FROM information_schema.KEY_COLUMN_USAGE WHERE TABLE_SCHEMA = DATABASE() ORDER BY ORDINAL_POSITION"
        ):
            usage.setdefault((table, name), []).append((column, referenced or "", to or ""))
        rules = {
            (table, name): rule
            for table, name, rule in rows(
                "SELECT TABLE_NAME, CONSTRAINT_NAME, DELETE_RULE FROM information_schema.REFERENTIAL_CONSTRAINTS"
                " WHERE CONSTRAINT_SCHEMA = DATABASE()"
            )
        }
        for table, name, kind in rows(
            "SELECT TABLE_NAME, CONSTRAINT_NAME, CONSTRAINT_TYPE FROM information_schema.TABLE_CONSTRAINTS"
            " WHERE TABLE_SCHEMA = DATABASE() AND CONSTRAINT_TYPE IN ('PRIMARY KEY', 'UNIQUE', 'FOREIGN KEY')"
        ):
            used = usage.get((table, name), [])
            columns = [column for column, _, _ in used]
            definition = f"{kind} ({', '.join(columns)})"
            if kind == "FOREIGN KEY" and used:
                definition += f" REFERENCES {used[0][1]}({', '.join(to for _, _, to in used)})"
                definition += f" ON DELETE {rules.get((table, name), 'RESTRICT')}"
                tables[table].references.append((columns, used[0][1]))
            tables[table].keys.append((name, kind.lower(), columns, definition))
        for table, name, clause in rows(
            "SELECT TABLE_NAME, CONSTRAINT_NAME, CHECK_CLAUSE FROM information_schema.CHECK_CONSTRAINTS"
            " WHERE CONSTRAINT_SCHEMA = DATABASE()"
        ):
            tables[table].keys.append((name, "check", [], f"CHECK ({clause.replace('`', '')})"))
        indexes: dict[tuple[str, str], tuple[bool, list[str]]] = {}
        for table, name, unique, column in rows(
            "SELECT TABLE_NAME, INDEX_NAME, NON_UNIQUE = 0, COLUMN_NAME FROM information_schema.STATISTICS"
            " WHERE TABLE_SCHEMA = DATABASE() ORDER BY SEQ_IN_INDEX"
        ):
            indexes.setdefault((table, name), (bool(unique), []))[1].append(column)
        for (table, name), (unique, columns) in indexes.items():
            if name not in {key[0] for key in tables[table].keys}:  # the index behind a key has the key's name
                kind = "unique index" if unique else "index"
                tables[table].keys.append((name, kind, columns, f"({', '.join(columns)})"))
    return tables


def read_sqlite(url: str) -> dict[str, Table]:
    import sqlite3

    path = url.split("://", 1)[1].removeprefix("/")  # sqlite:///relative.db, sqlite:////absolute.db
    with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as connection:
        created = connection.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
        statements = dict(created.fetchall())
        tables = {name: Table() for name in statements}
        for name, table in tables.items():
            # SQLite keeps CHECK constraints only in the table's CREATE statement (one level of parentheses inside).
            for check in re.findall(r"CHECK\s*\((?:[^()]|\([^()]*\))*\)", statements[name] or "", re.IGNORECASE):
                table.keys.append(("(check)", "check", [], check))
            quoted = '"' + name.replace('"', '""') + '"'
            info = connection.execute(f"PRAGMA table_info({quoted})").fetchall()
            table.columns = [
                (column, kind, not notnull, default or "") for _, column, kind, notnull, default, _ in info
            ]
            primary = [column[1] for column in sorted(info, key=lambda column: column[5]) if column[5]]
            if primary:
                table.keys.append(("(primary key)", "primary key", primary, f"PRIMARY KEY ({', '.join(primary)})"))
            references: dict[int, list[tuple[str, str, str, str]]] = {}
            for key, _, referenced, column, to, _, on_delete, _ in connection.execute(
                f"PRAGMA foreign_key_list({quoted})"
            ):
                references.setdefault(key, []).append((column, referenced, to, on_delete))
            for used in references.values():
                columns = [column for column, *_ in used]
                definition = (
                    f"FOREIGN KEY ({', '.join(columns)}) REFERENCES {used[0][1]}({', '.join(u[2] for u in used)})"
                )
                table.keys.append(("(foreign key)", "foreign key", columns, f"{definition} ON DELETE {used[0][3]}"))
                table.references.append((columns, used[0][1]))
            for _, index, unique, origin, _ in connection.execute(f"PRAGMA index_list({quoted})").fetchall():
                if origin == "pk":
                    continue
                columns = [row[2] for row in connection.execute(f'PRAGMA index_info("{index}")')]
                kind = "unique" if origin == "u" else "unique index" if unique else "index"
                table.keys.append((index, kind, columns, f"({', '.join(columns)})"))
    return tables


READERS = {"postgresql": read_postgresql, "postgres": read_postgresql, "mysql": read_mysql, "sqlite": read_sqlite}


def mermaid_type(kind: str) -> str:
    short = re.sub(r"^[a-z ]+", lambda m: SHORT_TYPES.get(m[0].strip(), m[0]), kind.lower())
    return re.sub(r"[^A-Za-z0-9_()\[\]-]", "_", short)


def schema_md(tables: dict[str, Table], dialect: str, globs: str, digest: str) -> str:
    out = [f"<!-- migrations: {globs} sha256={digest} -->\n\n# Database schema\n\n"]
    out.append(
        f"Read from a {DIALECTS[dialect]} database after the migrations in `{globs}` ran (`make schema`), without"
        " the migration tool's own bookkeeping. `make lint` fails when the migrations change and this file does not.\n"
    )
    out.append("\n```mermaid\nerDiagram\n")
    relationships = []
    for name, table in sorted(tables.items()):
        marks: dict[str, list[str]] = {}
        for _, kind, columns, _ in table.keys:
            mark = {"primary key": "PK", "foreign key": "FK"}.get(
                kind, "UK" if "unique" in kind and len(columns) == 1 else ""
            )
            for column in columns if mark else ():
                marks.setdefault(column, []).append(mark)
        out.append("    " + name + " {\n")
        for column, kind, _, _ in table.columns:
            keys = ", ".join(dict.fromkeys(marks.get(column, [])))
            out.append(f"        {mermaid_type(kind)} {column}{' ' + keys if keys else ''}\n")
        out.append("    }\n")
        nullable = {column for column, _, null, _ in table.columns if null}
        unique = [
            set(columns) for _, kind, columns, _ in table.keys if kind in ("primary key", "unique", "unique index")
        ]
        for columns, referenced in table.references:
            parent = "|o" if nullable & set(columns) else "||"
            child = "o|" if set(columns) in unique else "o{"
            relationships.append(f'    {referenced} {parent}--{child} {name} : "{", ".join(columns)}"\n')
    out += sorted(relationships)
    out.append("```\n")
    for name, table in sorted(tables.items()):
        out.append(f"\n## {name}\n\n| column | type | null | default |\n| --- | --- | --- | --- |\n")
        for column, kind, null, default in table.columns:
            shown = f"`{cell(default)}`" if default else ""
            out.append(f"| `{column}` | {cell(kind)} | {'yes' if null else 'no'} | {shown} |\n")
    out.append("\n## Indexes and constraints\n\n| table | name | kind | columns | definition |\n")
    out.append("| --- | --- | --- | --- | --- |\n")
    for name, table in sorted(tables.items()):
        for key, kind, columns, definition in sorted(table.keys, key=lambda k: (k[1], k[0])):
            out.append(f"| {name} | `{cell(key)}` | {kind} | {', '.join(columns)} | `{cell(definition)}` |\n")
    header = (
        "<!-- Written by `make schema` (scripts/docs.py --schema) from a migrated database: edit the migrations. -->"
    )
    return header + "\n" + "".join(out)


def write_schema(root: Path, url: str, globs: str, skip: list[str]) -> str:
    dialect = url.split(":", 1)[0].split("+", 1)[0]
    if dialect not in READERS:
        raise SystemExit(f"make schema reads PostgreSQL, MySQL/MariaDB or SQLite, not {dialect}://")
    tables = {name: table for name, table in READERS[dialect](url).items() if name not in skip}
    if not tables:
        raise SystemExit("the database holds no tables: did the migrations run against it?")
    text = schema_md(tables, dialect, globs, migrations_digest(root, globs))
    (root / "docs").mkdir(exist_ok=True)
    (root / SCHEMA).write_text(text, encoding="utf-8")
    return f"wrote {SCHEMA}: {len(tables)} tables read from {DIALECTS[dialect]}"


# ---- docs/TEST-REPORT.md: one run's results, from what the stack's test runner writes into the report folder ----

OUTCOMES = ("passed", "failed", "skipped")


def junit_suites(path: Path) -> dict[str, dict[str, int]]:
    """Tests per suite from JUnit XML (pytest's, vitest's): a suite is a test case's class name (its file)."""
    from xml.etree import ElementTree

    suites: dict[str, dict[str, int]] = {}
    for case in ElementTree.parse(path).getroot().iter("testcase"):  # noqa: S314  # written by our own test run
        suite = suites.setdefault(case.get("classname") or "tests", dict.fromkeys(OUTCOMES, 0))
        failed = case.find("failure") is not None or case.find("error") is not None
        suite["failed" if failed else "skipped" if case.find("skipped") is not None else "passed"] += 1
    return suites


def go_suites(path: Path) -> dict[str, dict[str, int]]:
    """Tests per package from `go test -json` events (top-level tests; their subtests are parts of them)."""
    suites: dict[str, dict[str, int]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        event = json.loads(line) if line.startswith("{") else {}
        test, action = event.get("Test", ""), {"pass": "passed", "fail": "failed", "skip": "skipped"}
        if test and "/" not in test and event.get("Action") in action:
            suites.setdefault(event["Package"], dict.fromkeys(OUTCOMES, 0))[action[event["Action"]]] += 1
    return suites


def coverage_py(path: Path) -> tuple[float, dict[str, tuple[int, int]]]:
    """coverage.py's JSON report: the total percentage its gate compares, and (covered, statements) per file."""
    data = json.loads(path.read_text(encoding="utf-8"))
    files = {name: (f["summary"]["covered_lines"], f["summary"]["num_statements"]) for name, f in data["files"].items()}
    return float(data["totals"]["percent_covered"]), files


def istanbul(path: Path) -> tuple[float, dict[str, tuple[int, int]]]:
    """Istanbul's json-summary (vitest's v8 coverage): the lowest of its four totals (the gate holds each), and
    (covered, total) lines per file."""
    data = json.loads(path.read_text(encoding="utf-8"))
    total = data.pop("total")
    files = {os.path.relpath(name): (f["lines"]["covered"], f["lines"]["total"]) for name, f in data.items()}
    return min(float(total[k]["pct"]) for k in ("lines", "statements", "functions", "branches")), files


def go_cover(path: Path) -> tuple[float, dict[str, tuple[int, int]]]:
    """A Go cover profile: (covered, statements) per package; a block listed by several test binaries counts once."""
    blocks: dict[str, tuple[int, bool]] = {}
    for line in path.read_text(encoding="utf-8").splitlines()[1:]:
        block, statements_in_block, count = line.rsplit(" ", 2)
        blocks[block] = (int(statements_in_block), blocks.get(block, (0, False))[1] or int(count) > 0)
    packages: dict[str, tuple[int, int]] = {}
    for block, (size, hit) in blocks.items():
        package = block.split(":", 1)[0].rsplit("/", 1)[0]
        done, of = packages.get(package, (0, 0))
        packages[package] = (done + size * hit, of + size)
    covered = sum(done for done, _ in packages.values())
    statements = sum(of for _, of in packages.values())
    return 100.0 * covered / statements if statements else 100.0, packages


RESULTS = {"junit.xml": junit_suites, "go-test.json": go_suites}
COVERAGE = {"coverage.json": coverage_py, "coverage/coverage-summary.json": istanbul, "coverage.out": go_cover}


def database_of(embedded: str) -> str:
    """TEST_DATABASE_URL without its credentials, else the stack's embedded database."""
    from urllib.parse import urlsplit

    url = os.environ.get("TEST_DATABASE_URL", "")
    if not url:
        return f"{embedded}; TEST_DATABASE_URL not set"
    parts = urlsplit(url)
    port = f":{parts.port}" if parts.port else ""
    return f"{parts.scheme}://{parts.hostname or ''}{port}{parts.path}"


def commit_of(root: Path) -> str:
    import subprocess

    def git(*args: str) -> str:
        done = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, check=False)  # noqa: S603, S607
        return done.stdout.strip() if done.returncode == 0 else ""

    head = git("rev-parse", "--short", "HEAD") or "none yet"
    return head + (" with uncommitted changes" if git("status", "--porcelain") else "")


def report_md(root: Path, folder: Path, embedded: str) -> tuple[str, str, bool]:
    """docs/TEST-REPORT.md, its one-line summary, and whether the run passed: no test failed, coverage met the gate."""
    from datetime import UTC, datetime

    answers = read_yaml(root / ".copier-answers.yml") or {}
    gate = float(answers.get("coverage_min", 0))
    results = [read(folder / name) for name, read in RESULTS.items() if (folder / name).is_file()]
    coverage = [read(folder / name) for name, read in COVERAGE.items() if (folder / name).is_file()]
    if not results or not coverage:
        raise SystemExit(f"no test results or coverage in {folder}: the tests did not run to the end")
    suites, (total, modules) = results[0], coverage[0]
    counts = {o: sum(s[o] for s in suites.values()) for o in OUTCOMES}
    out = ["# Test report\n\n| run | |\n| --- | --- |\n"]
    out.append(f"| date | {datetime.now(UTC):%Y-%m-%d %H:%M} UTC |\n| commit | {commit_of(root)} |\n")
    out.append(f"| database | {cell(database_of(embedded))} |\n")
    out.append(f"| tests | {', '.join(f'{counts[o]} {o}' for o in OUTCOMES)} |\n")
    verdict = "met" if total >= gate else "not met"
    summary = f"{', '.join(f'{counts[o]} {o}' for o in OUTCOMES)}; coverage {total:.1f}% (gate {gate:g}%: {verdict})"
    out.append(f"| coverage | {total:.1f}% (gate {gate:g}%: {verdict}) |\n")
    out.append("\n## Tests per suite\n\n| suite | passed | failed | skipped |\n| --- | --- | --- | --- |\n")
    for name, suite in sorted(suites.items()):
        out.append(f"| `{cell(name)}` | {' | '.join(str(suite[o]) for o in OUTCOMES)} |\n")
    out.append("\n## Coverage per module\n\n| module | covered | of | % |\n| --- | --- | --- | --- |\n")
    for name, (done, of) in sorted(modules.items()):
        out.append(f"| `{cell(name)}` | {done} | {of} | {100.0 * done / of if of else 100.0:.1f} |\n")
    header = "<!-- Written by `make report` (scripts/docs.py --report) from one test run; not committed. -->\n\n"
    return header + "".join(out), summary, verdict == "met" and not counts["failed"]


def write(root: Path, *, check: bool = False) -> list[str]:
    """Write the documents of the project at `root` (or, with `check`, only compare); returns those that differed.
    docs/SCHEMA.md needs a database (`--schema`): `check` names it when the migrations changed since it was read."""
    stale = []
    for name, text in documents(root).items():
        path = root / name
        if path.is_file() and path.read_text(encoding="utf-8") == text:
            continue
        stale.append(name)
        if not check:
            path.parent.mkdir(exist_ok=True)
            path.write_text(text, encoding="utf-8")
    return [*stale, SCHEMA] if check and schema_stale(root) else stale


def main(argv: list[str]) -> int:
    root = Path.cwd()
    if "--report" in argv:
        folder = Path(argv[argv.index("--report") + 1])
        embedded = argv[argv.index("--embedded") + 1] if "--embedded" in argv else "the embedded database"
        text, summary, passed = report_md(root, folder, embedded)
        (root / "docs").mkdir(exist_ok=True)
        (root / "docs" / "TEST-REPORT.md").write_text(text, encoding="utf-8")
        print(f"wrote docs/TEST-REPORT.md: {summary}", file=sys.stdout if passed else sys.stderr)
        return 0 if passed else 1
    if "--schema" in argv:
        globs = argv[argv.index("--migrations") + 1]
        skip = [argv[i + 1] for i, arg in enumerate(argv) if arg == "--skip"]
        print(write_schema(root, argv[argv.index("--schema") + 1], globs, skip))
        return 0
    if "--check-schema" in argv:
        if schema_stale(root):
            print(f"{SCHEMA}: the migrations changed since it was read from a database", file=sys.stderr)
            return 1
        return 0
    if "--access" in argv:
        broken = check_access(root, argv[argv.index("--access") + 1], json.loads(os.environ["ACCESS_TOKENS"]))
        for line in broken:
            print(f"access: {line}", file=sys.stderr)
        return 1 if broken else 0
    stale = write(root, check="--check" in argv)
    if "--check" in argv and stale:
        print(f"{', '.join(stale)} differ from what `make docs` writes: run make docs", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
