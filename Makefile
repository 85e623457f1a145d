# Two commands for a fresh machine: `make run` serves the app, `make test` runs every test.
PY ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat requirements.txt requirements-dev.txt | sha1sum | cut -c1-12)
PORT ?= 8501
# Tiny matrices: one BLAS thread is faster (see qn_model/__init__.py).
export OPENBLAS_NUM_THREADS ?= 1
ADDRESS ?= 127.0.0.1

.PHONY: run test unit e2e lint bench debs browser nginx office node axe texts serve-team clean

$(BIN)/python:
	$(PY) -m venv $(VENV) || python3 -m venv $(VENV)

$(STAMP): $(BIN)/python requirements.txt requirements-dev.txt
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -r requirements-dev.txt
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

install: $(STAMP)

# Debian packages the tests and `make serve-team` need, one list: `make debs` installs those
# missing with a single quiet apt-get (.ci/run reads this list too). Add a line per package group.
# Chromium for the browser tests (Playwright's own browser download does not work here).
DEBS := chromium fonts-noto-color-emoji
# nginx for the proxy test and `make serve-team` (run as an ordinary process, not the service).
DEBS += nginx
# LibreOffice (Impress, Writer), the fonts it draws Arial with (Liberation Sans; DejaVu for ✔ ✘)
# and poppler-utils: the meeting pack's render tests convert the deck and the report to PDF and
# read the PDFs' text (tests/test_meeting_pack_render.py).
DEBS += libreoffice-impress libreoffice-writer fonts-liberation2 fonts-dejavu-core poppler-utils
SUDO := $(if $(filter 0,$(shell id -u)),,sudo)

debs:
	@missing=$$(for p in $(DEBS); do dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "apt-get install" $$missing; \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive sh -c "apt-get update -qq && apt-get install -y -qq $$(echo $$missing) >/dev/null"; \
	fi

# Older names of `debs`, kept for the READMEs and habits that use them.
browser nginx office: debs

# Node runs the live scenario's JS tests (tests/test_live_parity.py: `node --test`), npm installs
# the pinned axe-core. Checked by command, not by package: a machine may have Node from elsewhere
# with its own npm, beside which Debian's npm would not install.
node:
	@{ command -v node && command -v npm; } >/dev/null 2>&1 || \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive sh -c "apt-get update -qq && apt-get install -y -qq nodejs npm >/dev/null"

# axe-core for the accessibility browser tests (tests/e2e/test_a11y.py), pinned by
# tests/e2e/axe/package.json and its lock file, installed into tests/e2e/axe/node_modules.
AXE_JS := tests/e2e/axe/node_modules/axe-core/axe.min.js
$(AXE_JS): tests/e2e/axe/package.json tests/e2e/axe/package-lock.json | node
	cd tests/e2e/axe && npm ci --no-audit --no-fund --silent
	touch $@

axe: $(AXE_JS)

# The catalogs from the code: messages.pot rebuilt, every messages.po in step (new keys empty,
# unused ones dropped); exits 1 while a text is untranslated. See ARCHITECTURE.md "Add a text".
texts: $(STAMP)
	$(BIN)/python scripts/texts.py

REPLICAS ?= 3
BASE_PATH ?= /ktso
TEAM_PORT ?= 8080
# A trial for a team on this machine: REPLICAS app servers on loopback ports behind nginx, which
# alone listens (127.0.0.1:$(TEAM_PORT)$(BASE_PATH)/). Ctrl-C stops everything. See README.
serve-team: $(STAMP) nginx
	$(BIN)/python -m deploy.team serve --replicas $(REPLICAS) --base-path "$(BASE_PATH)" --port $(TEAM_PORT)

run: $(STAMP)
	$(BIN)/python -m qn_ui.serve --server.address $(ADDRESS) --server.port $(PORT) \
	  --server.headless true --browser.gatherUsageStats false

# Lint, format, and the layering contract (tests/test_layers.py: imports point down only).
lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python -m pytest tests/test_layers.py -q -p no:xdist

# Four workers on two cores: while one waits on its browser or server, another runs; each test on
# whichever is free, a server and a Chromium per worker; the modules with a costly shared fixture
# whole on one (tests/conftest.py, WHOLE_MODULES). BENCHMARKS.md, the test suite.
XDIST := -n 4 --dist loadscope

unit: $(STAMP) debs node
	$(BIN)/python -m pytest -m "not e2e" $(XDIST)

e2e: $(STAMP) debs axe
	$(BIN)/python -m pytest -m e2e $(XDIST)

# One pytest for every test: no worker waits at the end of the unit tests for the browser tests.
test: $(STAMP) debs axe
	$(BIN)/ruff check .
	$(BIN)/python -m pytest $(XDIST)

bench: $(STAMP) browser nginx
	$(BIN)/python benchmarks/engine.py
	$(BIN)/python benchmarks/ui.py
	$(BIN)/python benchmarks/profile_rerun.py
	$(BIN)/python benchmarks/coldstart.py
	$(BIN)/python benchmarks/memory.py
	$(BIN)/python benchmarks/load.py

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis test-artifacts
