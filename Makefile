# Two commands do everything on a fresh machine: `make run` and `make test`.
# Nothing here needs anything beyond Python 3.11, make and the OS.

PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
HOST   ?= 127.0.0.1
PORT   ?= 8000
STAMP  := $(VENV)/.installed

.PHONY: run setup install test lint format migrate seed clean-db help

help:
	@echo "make run    - install, migrate, load the seed data and serve the registry"
	@echo "make setup  - install, migrate and load the seed data (no server)"
	@echo "make test   - lint and run the whole test suite"

$(BIN)/python:
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "$(PYTHON) not found: install Python 3.11 or run make PYTHON=/path/to/python3.11"; exit 1; }
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

install: $(STAMP)

migrate: install
	$(BIN)/python manage.py migrate --no-input

seed: migrate
	$(BIN)/python manage.py load_seed

setup: seed
	$(BIN)/python manage.py ensure_dev_superuser

run: setup
	@echo ""
	@echo "  ICS governance registry: http://$(HOST):$(PORT)/"
	@echo "  Admin (secretariat):     http://$(HOST):$(PORT)/admin/"
	@echo ""
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

test: lint
	$(BIN)/python -m pytest $(PYTEST_ARGS)
