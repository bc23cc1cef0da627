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

.PHONY: demo test lint bench clean

$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/contextsafe demo --workspace $(WORKSPACE) --borough $(BOROUGH) --young-people $(YOUNG_PEOPLE) --seed $(SEED)

test: $(STAMP)
	bash scripts/system-packages.sh
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/python -m pytest -q

bench: $(STAMP)
	$(BIN)/python benchmarks/ingest.py

clean:
	rm -rf $(VENV) $(WORKSPACE)
