"""What agentgen relies on in Copier beyond its public API, pinned: a Copier upgrade that changes it fails here."""

from __future__ import annotations

import functools
import shutil
from pathlib import Path

import pytest

from agentgen.copying import CopierFailed, _caching_worker, _without_git, copy_template


def test_the_private_worker_still_has_what_the_cache_overrides():
    from copier._jinja_ext import SandboxedEnvironment
    from copier._main import Worker

    assert isinstance(Worker.__dict__["jinja_env"], functools.cached_property)
    assert callable(Worker.run_copy) and callable(Worker.__enter__)
    assert issubclass(SandboxedEnvironment, __import__("jinja2").Environment)


def small_template(folder: Path, body: str) -> Path:
    folder.mkdir()
    (folder / "copier.yml").write_text("name:\n  type: str\n  default: x\n")
    (folder / "out.txt.jinja").write_text(body)
    return folder


def test_the_caching_worker_renders_with_a_bytecode_cache(tmp_path: Path):
    template = small_template(tmp_path / "template", "{{ name }}\n")
    worker = _caching_worker()(src_path=str(template), dst_path=tmp_path / "out", defaults=True, quiet=True)
    with worker:
        environment = worker.jinja_env
        assert environment.bytecode_cache is not None
        assert environment.from_string("{{ 1 + 1 }}") is environment.from_string("{{ 1 + 1 }}")
        worker.run_copy()
    assert (tmp_path / "out" / "out.txt").read_text() == "x\n"


def test_git_is_hidden_while_a_snapshot_renders():
    from plumbum import local
    from plumbum.commands.processes import CommandNotFound

    assert shutil.which("git")
    with _without_git(), pytest.raises(CommandNotFound):
        local["git"]


def test_copier_and_template_errors_become_one_agentgen_error(tmp_path: Path):
    template = small_template(tmp_path / "template", "{{ unclosed\n")
    with pytest.raises(CopierFailed):
        copy_template(str(template), tmp_path / "out", {}, snapshot=True)
