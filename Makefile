# The two commands a newcomer needs: `make demo` and `make test`.
# Each builds its own virtual environment from nothing (Python packages from the lock file).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
WORKSPACE ?= demo-workspace
BOROUGH ?= camden
YOUNG_PEOPLE ?= 2000
SEED ?= 7
PORT ?= 8000
# GOV.UK Frontend (npm) copied into the web application's static folder; the app serves it itself.
GOVUK := src/contextsafe/web/static/govuk/.copied
GOVUK_DIST := node_modules/govuk-frontend/dist/govuk
# The PostgreSQL server the web tests also run against (started by postgres-test).
PG_DSN := postgresql://contextsafe:contextsafe@127.0.0.1:$$(pg_lsclusters -h | awk 'NR==1{print $$3}')/contextsafe

.PHONY: demo test lint bench clean postgres-test

$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

$(GOVUK): package.json package-lock.json
	bash scripts/system-packages.sh
	npm ci --no-audit --no-fund --loglevel=error
	rm -rf src/contextsafe/web/static/govuk && mkdir -p src/contextsafe/web/static/govuk
	cp -r $(GOVUK_DIST)/govuk-frontend.min.css $(GOVUK_DIST)/govuk-frontend.min.js $(GOVUK_DIST)/assets src/contextsafe/web/static/govuk/
	touch $(GOVUK)

postgres-test:
	@ver=$$(ls /usr/lib/postgresql | sort -n | tail -1); \
	  pg_lsclusters -h | grep -q . || pg_createcluster $$ver main >/dev/null; \
	  v=$$(pg_lsclusters -h | awk 'NR==1{print $$1}'); c=$$(pg_lsclusters -h | awk 'NR==1{print $$2}'); \
	  pg_ctlcluster $$v $$c start 2>/dev/null || true; \
	  for i in $$(seq 30); do pg_isready -q -h 127.0.0.1 -p $$(pg_lsclusters -h | awk 'NR==1{print $$3}') && break; sleep 1; done
	@su postgres -c "psql -qtAc \"SELECT 1 FROM pg_roles WHERE rolname='contextsafe'\"" | grep -q 1 || \
	  su postgres -c "psql -qc \"CREATE ROLE contextsafe LOGIN CREATEDB PASSWORD 'contextsafe'\""
	@su postgres -c "psql -qtAc \"SELECT 1 FROM pg_database WHERE datname='contextsafe'\"" | grep -q 1 || \
	  su postgres -c "createdb -O contextsafe contextsafe"

demo: $(STAMP) $(GOVUK)
	$(BIN)/contextsafe demo --workspace $(WORKSPACE) --borough $(BOROUGH) --young-people $(YOUNG_PEOPLE) --seed $(SEED)
	$(BIN)/contextsafe web serve --workspace $(WORKSPACE) --port $(PORT) --as-of latest

test: $(STAMP) $(GOVUK)
	bash scripts/system-packages.sh
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/python -m pytest -q
	$(MAKE) --no-print-directory postgres-test
	CONTEXTSAFE_WEB_DATABASE=$(PG_DSN) $(BIN)/python -m pytest -q tests/web -m "not browser"

bench: $(STAMP)
	$(BIN)/python benchmarks/ingest.py

clean:
	rm -rf $(VENV) $(WORKSPACE)
