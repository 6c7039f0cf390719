# Two commands do all set-up on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export SAATHI_DATA_DIR ?= $(CURDIR)/var
export SAATHI_PORT ?= 8000

.PHONY: demo test serve install dev lock lock-upgrade assets check lint pytest clean bench accuracy screenshots testdata

# The demo's loader needs the tables; `saathi serve` would apply them, but only after it.
demo: install assets
	$(BIN)/saathi manage migrate --no-input
	$(BIN)/saathi manage demo
	$(BIN)/saathi serve

test: dev assets check pytest

# Python packages come from the committed lock, as npm's come from package-lock.json: the
# same versions on every machine, each file checked against its hashes. The venv's own pip
# installs them (no other tool needed), then Saathi itself, editable, without dependencies.
# Installed again when the lock or pyproject.toml changes. `pip check` fails on a runtime
# dependency added to pyproject.toml but not locked, test_lock_matches_pyproject.py on any.
LOCK := requirements/lock.txt
DEV_LOCK := requirements/dev-lock.txt
PIP_INSTALL := $(BIN)/python -m pip install --quiet --no-deps
PIP_CHECK := $(BIN)/python -m pip check || { echo "if pyproject.toml changed: make lock" >&2; exit 1; }

$(VENV)/.installed: $(LOCK) pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(PIP_INSTALL) --require-hashes -r $(LOCK)
	$(PIP_INSTALL) -e .
	$(PIP_CHECK)
	touch $@

$(VENV)/.dev-installed: $(VENV)/.installed $(DEV_LOCK)
	$(PIP_INSTALL) --require-hashes -r $(DEV_LOCK)
	$(PIP_CHECK)
	touch $@

install: $(VENV)/.installed
dev: $(VENV)/.dev-installed

# Writing the lock: uv resolves pyproject.toml in about a second, for every platform and
# Python 3.11+, keeping each pin the lock already has unless pyproject.toml rules it out
# (`make lock` after editing dependencies); `make lock-upgrade` takes the newest releases
# the ranges allow. The dev lock is resolved within the runtime one, so tests run on the
# versions a server gets. uv is needed only here, at the version pinned below.
UV_VERSION := 0.13.10
UV_COMPILE = $(BIN)/uv pip compile pyproject.toml --quiet --universal --python-version 3.11 \
	--generate-hashes --custom-compile-command "make lock" $(UV_UPGRADE)

lock: $(VENV)/.uv-$(UV_VERSION)
	mkdir -p requirements
	$(UV_COMPILE) --output-file $(LOCK)
	$(UV_COMPILE) --extra dev --constraint $(LOCK) --output-file $(DEV_LOCK)

lock-upgrade: UV_UPGRADE := --upgrade
lock-upgrade: lock

$(VENV)/.uv-$(UV_VERSION):
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet uv==$(UV_VERSION)
	touch $@

# Front-end libraries from the npm registry (lockfile committed), copied into static files.
node_modules/.installed: package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

saathi/static/vendor/.built: node_modules/.installed Makefile
	rm -rf saathi/static/vendor && mkdir -p saathi/static/vendor
	cp node_modules/htmx.org/dist/htmx.min.js saathi/static/vendor/
	# leaflet.js names its source map; collectstatic's manifest fails if the map is missing.
	cp -r node_modules/leaflet/dist/leaflet.js node_modules/leaflet/dist/leaflet.js.map node_modules/leaflet/dist/leaflet.css node_modules/leaflet/dist/images saathi/static/vendor/
	cp node_modules/uplot/dist/uPlot.iife.min.js node_modules/uplot/dist/uPlot.min.css saathi/static/vendor/
	touch $@

assets: saathi/static/vendor/.built

check: dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports --no-cache
	$(BIN)/saathi manage makemigrations --check --dry-run

pytest: dev assets
	$(BIN)/pytest

# The README's pictures (docs/screenshots/): the demo's browser tour, each page at 1280x800.
screenshots: dev assets
	SAATHI_SCREENSHOTS=docs/screenshots $(BIN)/pytest tests/browser/test_demo_tour.py -q

# `saathi serve` applies migrations and collects static files itself when they are due.
serve: install assets
	$(BIN)/saathi serve

# The track engine against its peers (docs/performance.md) and the devices' own totals
# (docs/accuracy.md); both read tests/data and take a few minutes.
bench: dev
	$(BIN)/python bench/tracks.py
	$(BIN)/python bench/activity_page.py
	$(BIN)/python bench/imports.py --jobs 2
	$(BIN)/python bench/records.py
	$(BIN)/python bench/stats_page.py

accuracy: dev
	$(BIN)/python scripts/accuracy_report.py

# The real activity files in tests/data: copied from ../shared/testdata when it is there,
# then checked against tests/data/MANIFEST.tsv. Needs only Python (docs/developing.md).
testdata:
	$(PYTHON) scripts/testdata.py

clean:
	rm -rf $(VENV) node_modules saathi/static/vendor
