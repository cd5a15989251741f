"""Planning: only what is open is asked; flags and --data win; every answer says where it came from."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from agentgen.errors import AgentgenError
from agentgen.infer import infer
from agentgen.plan import Defaults, build_plan, parse_data
from agentgen.profile import parse_profile, read_profile
from agentgen.resources import builtin_profiles
from agentgen.source import builtin_source

KNOWN = set(builtin_source().questions)


class Scripted:
    """A prompter that records each question and answers from a script."""

    interactive = True

    def __init__(self, **answers: Any) -> None:
        self.answers = answers
        self.asked: list[str] = []

    def select(
        self, question: str, choices: list[tuple[str, str]], default: str, disabled: Sequence[tuple[str, str]] = ()
    ) -> str:
        self.asked.append(question)
        return str(self.answers.get("select", default))

    def text(self, question: str, default: str, validate: Any = None) -> str:
        self.asked.append(question)
        return str(self.answers.get("text", default))

    def checkbox(self, question: str, choices: list[tuple[str, str, bool]]) -> list[str]:
        self.asked.append(question)
        return list(self.answers.get("checkbox", [v for v, _, on in choices if on]))


def plan_for(text: str, prompter: Any = None, **kwargs: Any):
    profile = parse_profile(text.encode(), Path("p.md"))
    kwargs.setdefault("available_stacks", ["fastapi"])
    return build_plan(profile, infer(profile), Path("my-api"), known_answers=KNOWN, prompter=prompter, **kwargs)


def test_a_clear_profile_asks_only_name_and_features():
    prompter = Scripted()
    plan = plan_for("---\nname: api\n---\n# FastAPI on PostgreSQL\n", prompter)
    assert prompter.asked == ["Project name", "Features to include"]
    assert plan.answers["stack"] == "fastapi" and plan.answers["database"] == "postgresql"
    assert plan.decisions["stack"].why.startswith("profile line 4")


def test_an_ambiguous_profile_asks_for_the_stack():
    prompter = Scripted(select="fastapi")
    plan = plan_for("---\nname: py\n---\n## Django\n\nx\n\n## FastAPI\n\ny\n", prompter)
    assert any(q.startswith("Stack (the profile is ambiguous") for q in prompter.asked)
    assert plan.decisions["stack"].why == "asked"


def test_without_a_terminal_the_top_candidate_wins_with_a_warning():
    plan = plan_for("---\nname: py\n---\n## Django\n\nx\n\n## FastAPI\n\ny\n", Defaults(), available_stacks=["fastapi"])
    assert plan.answers["stack"] == "fastapi"
    assert any("ambiguous" in w and "using fastapi" in w for w in plan.warnings)


def test_an_unsupported_database_is_asked_or_warned():
    prompter = Scripted()
    plan_for("---\nname: api\n---\n# FastAPI on MongoDB\n", prompter)
    assert any("mongodb" in q for q in prompter.asked)
    quiet = plan_for("---\nname: api\n---\n# FastAPI on MongoDB\n")
    assert quiet.answers["database"] == "postgresql"
    assert any("mongodb" in w for w in quiet.warnings)


def test_a_database_flag_against_the_profile_says_what_it_replaces():
    text = "---\nname: api\ndescription: Orders API on MySQL\n---\n# FastAPI with MySQL\n"
    plan = plan_for(text, database="postgresql")
    assert plan.answers["database"] == "postgresql" and plan.decisions["database"].why == "--database"
    assert plan.warnings == [
        "--database postgresql replaces the mysql the profile names (profile line 3: Orders API on MySQL); "
        "the description, copied from the profile, still names it"
    ]
    assert plan_for(
        text.replace("description: Orders API on MySQL", "description: Orders"), database="postgresql"
    ).warnings == ["--database postgresql replaces the mysql the profile names (profile line 5: FastAPI with MySQL)"]
    assert plan_for(text, stack="django", available_stacks=["django"], database="mysql").warnings == []


def test_tracing_is_on_only_when_the_profile_asks_for_it():
    quiet = plan_for("---\nname: api\n---\n# FastAPI\n")
    assert quiet.answers["tracing"] is False and quiet.answers["metrics"] is True
    assert quiet.decisions["tracing"].why == "off: the profile does not ask"
    asked = plan_for("---\nname: api\n---\n# FastAPI\n\n- OpenTelemetry tracing across services\n")
    assert asked.answers["tracing"] is True and asked.decisions["tracing"].why.startswith("profile line 6")


def test_features_follow_the_checkbox():
    plan = plan_for("---\nname: api\n---\n# FastAPI\n", Scripted(checkbox=["metrics"]))
    assert plan.answers["metrics"] is True and plan.answers["rate_limit"] is False


def test_flags_and_data_win_over_the_profile():
    plan = plan_for(
        "---\nname: api\n---\n# FastAPI\n\nCoverage above 95%.\n",
        data={"coverage_min": "70", "project_name": "orders"},
    )
    assert plan.answers["coverage_min"] == "70" and plan.decisions["coverage_min"].why == "--data"
    assert plan.answers["project_name"] == "orders"


def test_profile_numbers_become_answers():
    plan = plan_for("---\nname: api\n---\n# FastAPI\n\nKeep coverage at 91%. p99 under 150 ms.\n")
    assert plan.answers["coverage_min"] == 91
    assert (plan.answers["latency_percentile"], plan.answers["latency_target_ms"]) == (99, 150)


def test_standards_not_generated_by_the_stack_say_so():
    plan = plan_for(
        "---\nname: api\n---\n# FastAPI\n\n- Response caching\n- Rate limiting\n", data={"rate_limit": False}
    )
    rows = {row["id"]: row for row in plan.answers["standards"]}
    assert (rows["caching"]["status"], rows["caching"]["files"]) == ("not generated", [])
    assert rows["rate-limit"]["status"] == "turned off" and rows["rate-limit"]["files"] == []


def test_conformance_says_implemented_with_the_value_or_what_was_asked_and_what_was_generated():
    plan = plan_for(
        "---\nname: api\n---\n# FastAPI\n\n- REST under `/api/v2`\n- Validate input with marshmallow schemas\n"
        "- Flyway migrations\n- Timestamps on every table: created_at, updated_at\n- Parameterized queries only\n",
        data={"api_prefix": "/api/v3"},
    )
    rows = {row["id"]: row for row in plan.answers["standards"]}
    assert rows["api-versioning"]["status"] == "implemented differently"
    assert rows["api-versioning"]["instead"] == "/api/v2 → /api/v3"
    assert rows["input-validation"]["instead"] == "marshmallow → pydantic"
    assert rows["migrations"]["instead"] == "Flyway → Alembic"
    assert rows["audit-fields"]["status"] == rows["sql-injection"]["status"] == "implemented"
    assert "app/models/base.py" in rows["audit-fields"]["files"]


def test_a_value_the_stack_cannot_follow_is_named_never_replaced_in_silence():
    plan = plan_for("---\nname: api\n---\n# Express\n\nServe with 4 workers.\n", available_stacks=["express"])
    assert "workers" not in plan.decisions
    assert plan.unfollowed == [
        "line 6 asks for workers = 4; not followed: one Node process per container: scale out with more containers "
        "(replicas)"
    ]


def test_builtin_profile_plans_its_own_stack():
    profile = read_profile(builtin_profiles()["fastapi-postgres"])
    plan = build_plan(profile, infer(profile), Path("x"), available_stacks=["fastapi"], known_answers=KNOWN)
    assert plan.answers["agent_name"] == "fastapi-postgres"
    assert plan.answers["coverage_min"] == 85


@pytest.mark.parametrize("name", ["..", "a/b", "", "Upper", "-x", "x--y"])
def test_unsafe_project_names_are_refused(name: str):
    with pytest.raises(AgentgenError, match="project name"):
        plan_for("---\nname: api\n---\n# FastAPI\n", data={"project_name": name})


def test_parse_data_reads_file_then_pairs(tmp_path: Path):
    answers = tmp_path / "answers.yml"
    answers.write_text("coverage_min: 90\nmetrics: false\n")
    assert parse_data(["coverage_min=95"], answers) == {"coverage_min": "95", "metrics": False}
    answers.write_text("- not a mapping\n")
    with pytest.raises(AgentgenError, match="mapping"):
        parse_data([], answers)


@pytest.mark.parametrize(
    ("description", "expected"),
    [
        ("Senior Python engineer who builds async REST APIs with FastAPI.", "my-api: async REST APIs with FastAPI."),
        ("Backend developer for an orders service on FastAPI.", "my-api: an orders service on FastAPI."),
        ("Expert FastAPI developer. Use for new services.", "The my-api service."),
        ("Orders API on FastAPI and PostgreSQL.", "Orders API on FastAPI and PostgreSQL."),
    ],
)
def test_the_project_describes_the_service_not_the_persona(description: str, expected: str):
    plan = plan_for(f"---\nname: api\ndescription: {description}\n---\n# FastAPI\n")
    assert plan.answers["description"] == expected


def test_how_the_spec_and_the_routes_relate_is_said_when_the_profile_asks_otherwise():
    gin = plan_for(
        "---\nname: api\n---\n# Go with Gin\n\n- Routes generated from openapi.yaml (OpenAPI docs)\n",
        available_stacks=["gin"],
    )
    row = next(r for r in gin.answers["standards"] if r["id"] == "openapi")
    assert (row["status"], row["instead"]) == (
        "implemented differently",
        "routes generated from the spec → spec-first, hand-written routes tested against it",
    )
    fastapi = plan_for("---\nname: api\n---\n# FastAPI\n\n- Spec-first OpenAPI design\n")
    row = next(r for r in fastapi.answers["standards"] if r["id"] == "openapi")
    assert row["instead"] == "spec-first, hand-written routes tested against it → spec generated from the code"
    plain = plan_for("---\nname: api\n---\n# FastAPI\n\n- OpenAPI docs\n")
    assert next(r for r in plain.answers["standards"] if r["id"] == "openapi")["status"] == "implemented"


def test_a_deliverable_that_names_standards_is_delivered_by_the_code_as_standards_md_shows():
    plan = plan_for(
        "---\nname: api\n---\n# FastAPI\n\n## Deliverables\n\n- Input validation and rate limiting everywhere\n"
        "- A mobile app\n"
    )
    by_code, app = plan.answers["deliverables"]
    assert (by_code["document"], by_code["files"]) == ("The code, per STANDARDS.md:", ["STANDARDS.md"])
    assert by_code["note"] == "Rate limiting, Input validation"
    assert (app["document"], app["files"], app["target"]) == ("", [], "")


def test_a_path_that_ends_a_sentence_is_still_the_profiles_path():
    plan = plan_for(
        "---\nname: api\n---\n# FastAPI\n\nServe under /api/v2. Health checks at /healthz. Ready: /readyz.\n"
    )
    assert (plan.answers["api_prefix"], plan.answers["health_path"], plan.answers["ready_path"]) == (
        "/api/v2",
        "/healthz",
        "/readyz",
    )
    later = plan_for("---\nname: api\n---\n# FastAPI\n\nSee /healthz.json for details.\n")
    assert "health_path" not in later.answers  # a file name, not the probe path
