# agentgen's own tasks. `make demo` and `make test` set everything up on a fresh machine.
VENV ?= .venv
BIN := $(VENV)/bin
DEMO ?= build/demo-service

.PHONY: setup demo services test lint bench regen

$(BIN)/agentgen: pyproject.toml
	python3 -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test]'
	@touch $@

setup: $(BIN)/agentgen

demo: setup  ## generate the fastapi-postgres built-in into build/demo-service (scratch: replaced each run) and verify it
	rm -rf $(DEMO)
	PATH="$(CURDIR)/$(BIN):$$PATH" $(BIN)/agentgen new fastapi-postgres $(DEMO) --defaults --verify

services:  ## the tests' private PostgreSQL, MariaDB and Redis on loopback (installed from Debian packages the first time)
	bash scripts/services.sh start

test: setup services  ## the whole suite, generated projects' own suites included
	$(BIN)/ruff check generator tests bench scripts/copier_choices.py scripts/regen.py hatch_build.py
	$(BIN)/ruff format --check generator tests bench scripts/copier_choices.py scripts/regen.py hatch_build.py
	$(BIN)/mypy
	PATH="$(CURDIR)/$(BIN):$$PATH" $(BIN)/pytest -n 2

regen: setup services  ## rewrite what the stacks' manifests generate: copier.yml's stack questions, lock files, generated code, docs/SCHEMA.md variants
	$(BIN)/python scripts/copier_choices.py .
	$(BIN)/python scripts/regen.py
	PATH="$(CURDIR)/$(BIN):$$PATH" $(BIN)/python scripts/regen.py --schema

bench: setup
	$(BIN)/python bench/run.py help
