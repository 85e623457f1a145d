# Two commands for a fresh machine: `make run` serves the app, `make test` runs every test.
PY ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat requirements.txt requirements-dev.txt | sha1sum | cut -c1-12)
PORT ?= 8501
# Tiny matrices: one BLAS thread is faster (see qn_model/__init__.py).
export OPENBLAS_NUM_THREADS ?= 1
ADDRESS ?= 127.0.0.1

.PHONY: run test unit e2e lint bench browser nginx office node axe serve-team clean texts

$(BIN)/python:
	$(PY) -m venv $(VENV) || python3 -m venv $(VENV)

$(STAMP): $(BIN)/python requirements.txt requirements-dev.txt
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -r requirements-dev.txt
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

install: $(STAMP)

# Debian's Chromium for the browser tests (Playwright's own browser download does not work here).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium fonts-noto-color-emoji >/dev/null; \
	  else sudo apt-get update -qq && sudo apt-get install -y -qq chromium fonts-noto-color-emoji >/dev/null; fi; }

# Debian's Node for the live scenario's JS tests (tests/test_live_parity.py runs `node --test`).
node:
	@command -v node >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq nodejs >/dev/null; \
	  else sudo apt-get update -qq && sudo apt-get install -y -qq nodejs >/dev/null; fi; }

# axe-core for the accessibility browser tests (tests/e2e/test_a11y.py), pinned by
# tests/e2e/axe/package.json and its lock file, installed into tests/e2e/axe/node_modules.
AXE_JS := tests/e2e/axe/node_modules/axe-core/axe.min.js
$(AXE_JS): tests/e2e/axe/package.json tests/e2e/axe/package-lock.json
	cd tests/e2e/axe && npm ci --no-audit --no-fund --silent
	touch $@

axe: $(AXE_JS)

# Debian's nginx for the proxy test and `make serve-team` (run as an ordinary process from a
# directory of its own; /usr/sbin is not on every user's PATH).
nginx:
	@command -v nginx >/dev/null 2>&1 || test -x /usr/sbin/nginx || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq nginx >/dev/null; \
	  else sudo apt-get update -qq && sudo apt-get install -y -qq nginx >/dev/null; fi; }

# Debian's LibreOffice (Impress, Writer), the fonts it draws Arial with (Liberation Sans; DejaVu
# for ✔ ✘) and poppler-utils: the meeting pack's render tests convert
# the deck and the report to PDF and read the PDFs' text (tests/test_meeting_pack_render.py).
office:
	@{ command -v soffice && command -v pdftotext; } >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq libreoffice-impress libreoffice-writer fonts-liberation2 fonts-dejavu-core poppler-utils >/dev/null; \
	  else sudo apt-get update -qq && sudo apt-get install -y -qq libreoffice-impress libreoffice-writer fonts-liberation2 fonts-dejavu-core poppler-utils >/dev/null; fi; }

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

# The catalogs from the code: messages.pot rebuilt, every messages.po in step (new keys empty,
# unused ones dropped); exits 1 while a text is untranslated. See ARCHITECTURE.md "Add a text".
texts: $(STAMP)
	$(BIN)/python scripts/texts.py

unit: $(STAMP) browser nginx office node
	$(BIN)/python -m pytest -m "not e2e" -n 2

e2e: $(STAMP) browser nginx axe
	$(BIN)/python -m pytest -m e2e -p no:xdist

test: $(STAMP) browser nginx office node axe
	$(BIN)/ruff check .
	$(BIN)/python -m pytest -m "not e2e" -n 2
	$(BIN)/python -m pytest -m e2e -p no:xdist

bench: $(STAMP) browser nginx
	$(BIN)/python benchmarks/engine.py
	$(BIN)/python benchmarks/ui.py
	$(BIN)/python benchmarks/profile_rerun.py
	$(BIN)/python benchmarks/coldstart.py
	$(BIN)/python benchmarks/memory.py
	$(BIN)/python benchmarks/load.py

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis test-artifacts tests/e2e/axe/node_modules
