"""Inference: ranked candidates with evidence, stack mapping, ambiguity, standards, testing and performance."""

from __future__ import annotations

from pathlib import Path

import pytest

from agentgen.catalog import load_catalog
from agentgen.infer import infer
from agentgen.profile import parse_profile, read_profile
from agentgen.resources import builtin_profiles


def infer_text(text: str):
    return infer(parse_profile(text.encode(), Path("agent.md")))


@pytest.mark.parametrize(
    ("name", "stack", "database", "language"),
    [
        ("fastapi-postgres", "fastapi", "postgresql", "python"),
        ("django-mysql", "django", "mysql", "python"),
        ("express-layered", "express", "postgresql", "typescript"),
    ],
)
def test_each_builtin_profile_infers_exactly_its_own_stack(name: str, stack: str, database: str, language: str):
    inference = infer(read_profile(builtin_profiles()[name]))
    assert (inference.stack, inference.database, inference.language) == (stack, database, language)
    assert not inference.ambiguous, inference.ambiguity
    assert inference.warnings == []


def test_django_mysql_is_test_driven_with_its_coverage_threshold():
    inference = infer(read_profile(builtin_profiles()["django-mysql"]))
    assert inference.testing.tdd is True
    assert inference.testing.coverage_min == 90


def test_express_layered_structure_has_the_seven_layers():
    inference = infer(read_profile(builtin_profiles()["express-layered"]))
    layers = {
        f"src/{d}" for d in ("controllers", "services", "repositories", "models", "middleware", "utils", "config")
    }
    assert layers <= set(inference.structure)


def test_name_outweighs_a_single_mention_of_another_framework():
    inference = infer_text(
        "---\nname: django-expert\ndescription: Expert backend developer.\n---\n"
        "You write views, models and admin code. If asked about Flask, explain the differences.\n"
    )
    assert inference.framework == "django"
    assert inference.stack == "django"
    flask = next(c for c in inference.candidates["framework"] if c.id == "flask")
    django = inference.candidates["framework"][0]
    assert django.id == "django" and django.score > 3 * flask.score


def test_long_also_knows_list_weighs_less_than_a_heading():
    inference = infer_text(
        "---\nname: backend\n---\n# FastAPI services\n\n"
        "Also familiar with Django, Flask, Express, NestJS, Gin and Rails.\n"
    )
    ranked = inference.candidates["framework"]
    assert ranked[0].id == "fastapi"
    others = {c.id: c.score for c in ranked[1:]}
    assert all(score < ranked[0].score / 3 for score in others.values())


def test_evidence_names_the_deciding_line():
    inference = infer_text("---\nname: svc\n---\n\nIntro.\n\n## Stack\n\n- FastAPI on PostgreSQL\n")
    [evidence] = inference.evidence_for("framework", "fastapi")
    assert evidence.line == 9
    assert evidence.text == "- FastAPI on PostgreSQL" or "FastAPI on PostgreSQL" in evidence.text


@pytest.mark.parametrize(
    ("text", "framework", "nearest"),
    [
        ("---\nname: rails-pro\n---\nYou build Ruby on Rails apps with ActiveRecord.\n", "rails", None),
        ("---\nname: laravel-dev\n---\nYou build PHP apps with Laravel and Eloquent.\n", "laravel", None),
        ("---\nname: nestjs-expert\n---\nNestJS modules, providers and guards in TypeScript.\n", "nestjs", "express"),
        ("---\nname: fastify-dev\n---\nFastify plugins on Node.js.\n", "fastify", "express"),
        ("---\nname: flask-dev\n---\nFlask blueprints in Python.\n", "flask", "fastapi"),
    ],
)
def test_frameworks_without_a_template_report_stack_null_and_their_nearest(
    text: str, framework: str, nearest: str | None
):
    inference = infer_text(text)
    assert inference.framework == framework
    assert inference.stack is None
    assert inference.nearest_stack == nearest


def test_typescript_on_node_without_a_framework_maps_to_express():
    inference = infer_text("---\nname: ts-backend\n---\nYou write TypeScript services on Node.js.\n")
    assert (inference.language, inference.framework, inference.stack) == ("typescript", None, "express")


def test_no_language_named_is_ambiguous_with_a_reason():
    inference = infer_text("---\nname: api-designer\n---\nYou design clean REST APIs.\n")
    assert inference.language is None and inference.stack is None
    assert inference.ambiguous and inference.ambiguity == "no language or framework is named"


def test_two_stacks_scoring_close_is_ambiguous():
    inference = infer_text("---\nname: python-backend\n---\n## Django\n\nViews.\n\n## FastAPI\n\nRoutes.\n")
    assert inference.ambiguous
    assert "django" in (inference.ambiguity or "") and "fastapi" in (inference.ambiguity or "")


def test_go_is_recognised_without_matching_the_verb():
    go = infer_text("---\nname: svc\n---\nYou write idiomatic Go services with goroutines.\n")
    assert go.language == "go"
    verb = infer_text("---\nname: helper\n---\nGo through the checklist and let it go.\n")
    assert verb.language is None


def test_mariadb_is_reported_as_itself():
    inference = infer_text("---\nname: db\n---\n# Django on MariaDB\n\nMariaDB 10.11.\n")
    assert inference.database == "mariadb"
    assert load_catalog().technology("mariadb").family == "mysql"


def test_standards_with_evidence_and_no_false_positives():
    inference = infer_text(
        "---\nname: svc\n---\n## Standards\n\n- JWT auth with roles and permissions\n- Rate limiting\n"
        "- Health checks at /health\n- Structured JSON logs with a request id\n"
    )
    ids = [s.id for s in inference.standards]
    for expected in ("jwt", "rbac", "rate-limit", "health", "structured-logging", "correlation-id"):
        assert expected in ids
    assert "docker" not in ids and "tdd" not in ids
    jwt = inference.standard("jwt")
    assert jwt is not None and jwt.evidence[0].line == 6


def test_every_standard_id_the_catalog_promises_exists():
    ids = {s.id for s in load_catalog().standards}
    required = {
        *("jwt", "oauth2", "rbac", "rate-limit", "openapi", "health", "metrics", "structured-logging"),
        *("correlation-id", "tracing", "cors", "security-headers", "input-validation", "pagination"),
        *("api-versioning", "error-format", "migrations", "docker", "docker-multistage", "docker-nonroot"),
        *("docker-healthcheck", "tdd", "coverage", "caching", "graceful-shutdown", "uuid-keys", "audit-fields"),
        *("password-hashing", "secrets-from-env"),
    }
    assert required <= ids


@pytest.mark.parametrize(
    ("line", "coverage"),
    [("Keep test coverage above 85%.", 85), ("Aim for 90% coverage.", 90), ("Coverage: minimum 75 %", 75)],
)
def test_coverage_threshold(line: str, coverage: int):
    assert infer_text(f"---\nname: x\n---\n{line}\n").testing.coverage_min == coverage


@pytest.mark.parametrize(
    ("line", "percentile", "target"),
    [
        ("p95 latency under 120 ms", 95, 120),
        ("Keep 95th percentile below 0.2 s", 95, 200),
        ("API response time under 50ms", 95, 50),
        ("p99 latency under 200 ms for reads", 99, 200),
        ("Reads: 300 ms at the 99th percentile", 99, 300),
        ("p50 under 20 ms", 50, 20),
    ],
)
def test_latency_target_is_read_as_written(line: str, percentile: int, target: int):
    performance = infer_text(f"---\nname: x\n---\n{line}\n").performance
    assert (performance.percentile, performance.target_ms) == (percentile, target)


def test_json_has_exactly_the_documented_top_level_keys():
    data = infer(read_profile(builtin_profiles()["fastapi-postgres"])).to_json()
    assert list(data) == [
        "name", "description", "language", "framework", "database", "stack", "nearest_stack", "ambiguous",
        "ambiguity", "candidates", "structure", "testing", "performance", "standards", "values", "alternatives",
        "deliverables", "warnings",
    ]  # fmt: skip
    framework = data["candidates"]["framework"][0]
    assert set(framework) == {"id", "score", "evidence"}
    assert set(framework["evidence"][0]) == {"line", "text"}


def test_deliverables_are_the_bullets_under_a_deliverables_or_output_heading():
    inference = infer_text(
        "---\nname: api-dev\ndescription: FastAPI developer.\n---\n"
        "## Standards\n\n- Write tests first\n\n"
        "## 5. Output Structure:\n\n- API specification table\n- ER diagram\n\n"
        "### Notes\n\n- not a deliverable: under another heading\n\n"
        "## Deliverables\n\n1. Deployment notes\n"
    )
    assert [(d.line, d.text) for d in inference.deliverables] == [
        (11, "API specification table"),
        (12, "ER diagram"),
        (20, "Deployment notes"),
    ]
    assert infer_text("---\nname: a\ndescription: b\n---\n- API docs\n").deliverables == []
    assert infer_text("---\nname: a\ndescription: b\n---\n## Output Format\n\n- Code first\n").deliverables == []
