# Two commands do all set-up on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export SAATHI_DATA_DIR ?= $(CURDIR)/var
export SAATHI_PORT ?= 8000

.PHONY: demo test serve install dev assets check lint pytest clean bench accuracy screenshots testdata

demo: install assets
	$(BIN)/saathi manage migrate --no-input
	$(BIN)/saathi manage collectstatic --no-input --verbosity 0
	$(BIN)/saathi manage load_demo
	$(BIN)/saathi serve

test: dev assets check pytest

# Installed again only when pyproject.toml changes.
$(VENV)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.dev-installed: $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

install: $(VENV)/.installed
dev: $(VENV)/.dev-installed

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
	$(BIN)/saathi manage makemigrations --check --dry-run

pytest: dev assets
	$(BIN)/pytest

# The README's pictures (docs/screenshots/): the demo's browser tour, each page at 1280x800.
screenshots: dev assets
	SAATHI_SCREENSHOTS=docs/screenshots $(BIN)/pytest tests/browser/test_demo_tour.py -q

# Migrations and static files first, as after an upgrade: a new data dir needs both.
serve: install assets
	$(BIN)/saathi manage migrate --no-input
	$(BIN)/saathi manage collectstatic --no-input --verbosity 0
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
