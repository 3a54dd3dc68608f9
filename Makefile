# Two commands do everything on a fresh machine: `make run` and `make test`.
# Nothing here needs anything beyond Python 3.11, make and the OS.

PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
HOST   ?= 127.0.0.1
PORT   ?= 8000
STAMP  := $(VENV)/.installed
NPM_STAMP := node_modules/.installed
CHROMIUM ?= /usr/bin/chromium
# Test processes (pytest-xdist): one per core by default; TEST_WORKERS=0 runs the suite in one.
TEST_WORKERS ?= auto
ADMIN_PATH := $(or $(DJANGO_ADMIN_PATH),admin/)
# collectstatic's output; redone when a static source, the front-end packages or the install change.
STATIC_ROOT := $(or $(DJANGO_STATIC_ROOT),staticfiles)
STATIC_STAMP := $(STATIC_ROOT)/staticfiles.json
STATIC_SOURCES := $(shell find icsgov places partnerships strategy -path '*/static/*' -type f 2>/dev/null)

.PHONY: run dev setup install test lint format migrate seed demo demo-remove static clean-db help chromium bench load

help:
	@echo "make run    - install, migrate, load the seed data and serve the registry as production does"
	@echo "make dev    - the same, but Django's autoreloading development server with DEBUG on"
	@echo "make setup  - install, migrate and load the seed data (no server)"
	@echo "make test   - lint, import contract and the whole test suite"
	@echo "make demo   - load the fictional demonstration system (make demo-remove takes it away)"
	@echo "make bench  - national-scale benchmark against the database floor (bench/results.json)"
	@echo "make load   - load run: gunicorn, 2 workers, driven from another process on loopback"

$(BIN)/python:
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "$(PYTHON) not found: install Python 3.11 or run make PYTHON=/path/to/python3.11"; exit 1; }
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

# The NHS.UK frontend (CSS, JS, images) and axe-core, exactly as package-lock.json pins them.
# Without npm the pages still render, unstyled, and the browser tests are skipped.
$(NPM_STAMP): package.json package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
		npm ci --no-audit --no-fund && touch $(NPM_STAMP); \
	else \
		echo ""; \
		echo "  *** npm not found: the public pages will have no NHS.UK styles and the browser"; \
		echo "  *** tests will be skipped. Install Node.js 20+ with npm (Debian: apt-get install"; \
		echo "  *** -y nodejs npm), then run make install again."; \
		echo ""; \
	fi

# Browser tests drive the system's Chromium; Playwright never downloads a browser of its own.
# As root on Debian/Ubuntu `make test` installs it; otherwise the tests say why they were skipped.
chromium:
	@if [ -x "$(CHROMIUM)" ]; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
		apt-get install -y -q chromium || { apt-get update -q && apt-get install -y -q chromium; } \
		|| echo "  *** could not install chromium: browser tests will be skipped"; \
	else \
		echo "  *** $(CHROMIUM) not found: browser tests will be skipped (Debian: sudo apt-get install chromium)"; \
	fi

install: $(STAMP) $(NPM_STAMP)

# The cache table holds the API's throttle counts, shared by every application server.
migrate: install
	$(BIN)/python manage.py migrate --no-input
	$(BIN)/python manage.py createcachetable

seed: migrate
	$(BIN)/python manage.py load_seed

# A clearly fictional system ("Exampleshire and Wyeside ICS — demonstration data") to show the
# registry at work; loading again changes nothing, and demo-remove deletes all of it.
demo: migrate
	$(BIN)/python manage.py load_demo

demo-remove: migrate
	$(BIN)/python manage.py load_demo --remove

# ensure_dev_superuser refuses to run with DEBUG off, as every command but make dev now has it;
# the login it makes is for this machine only (DJANGO_ENV=production refuses DEBUG outright).
setup: seed
	DJANGO_DEBUG=true $(BIN)/python manage.py ensure_dev_superuser

# Static files as production serves them: compressed, with hashed names (icsgov/deploy/storage.py).
static: $(STATIC_STAMP)

$(STATIC_STAMP): $(STAMP) $(NPM_STAMP) $(STATIC_SOURCES) icsgov/deploy/storage.py
	DJANGO_STATIC_MANIFEST=true $(BIN)/python manage.py collectstatic --no-input --clear --verbosity 0

# Served the way production is: gunicorn (icsgov/deploy/gunicorn.conf.py, WEB_CONCURRENCY
# workers), DEBUG off, collected static files, JSON logs. DJANGO_ENV stays local (the default),
# so plain http on this machine works: production's HTTPS-only settings are for a real host.
run: setup static
	@echo ""
	@echo "  ICS governance registry: http://$(HOST):$(PORT)/"
	@echo "  Admin (secretariat):     http://$(HOST):$(PORT)/$(ADMIN_PATH)"
	@echo "  Development login:       $${DEV_SUPERUSER:-admin} / $${DEV_PASSWORD:-registry-dev-login}"
	@echo "  Demonstration data:      make demo (a fictional system; make demo-remove takes it away)"
	@echo ""
	DJANGO_STATIC_MANIFEST=true HOST=$(HOST) PORT=$(PORT) exec $(BIN)/gunicorn --config icsgov/deploy/gunicorn.conf.py

# For changing the code: Django's development server, reloading on every change, DEBUG on
# (tracebacks in the browser), readable logs, static files straight from their sources.
dev: setup
	@echo ""
	@echo "  ICS governance registry (development): http://$(HOST):$(PORT)/"
	@echo "  Admin (secretariat):     http://$(HOST):$(PORT)/$(ADMIN_PATH)"
	@echo "  Development login:       $${DEV_SUPERUSER:-admin} / $${DEV_PASSWORD:-registry-dev-login}"
	@echo "  Demonstration data:      make demo (a fictional system; make demo-remove takes it away)"
	@echo ""
	DJANGO_DEBUG=true DJANGO_LOG_FORMAT=console $(BIN)/python manage.py runserver $(HOST):$(PORT)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Each test process has its own test database; a module's tests stay in one process
# (--dist loadfile), so a module's shared data (the seed, for one) is made once.
test: lint chromium
	$(BIN)/python -m pytest -n $(TEST_WORKERS) --dist loadfile $(PYTEST_ARGS)

# National scale (docs/performance.md): generates the synthetic national data (published, shown
# only to the benchmark's own process) if absent, then times every key read against its floor.
bench: migrate
	$(BIN)/python bench/run.py $(BENCH_ARGS)

# The registry under gunicorn (2 workers) on loopback, driven by bench/load.py's client
# processes for a bounded time; anonymous and signed-in mixes.
load: migrate static
	$(BIN)/python bench/load.py $(LOAD_ARGS)
