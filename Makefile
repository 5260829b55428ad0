# Two entry points do all the set-up on a fresh machine: `make demo` and `make test`.
# Both create the virtual environment when it is missing. torch is pinned to 2.13.0 and installed first:
# any other version pulls gigabytes of CUDA packages on CPU-only machines.

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: venv demo test lint check clean-venv models

venv: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet torch==2.13.0
	$(BIN)/python -m pip install --quiet -e '.[nlp,dev]'
	touch $(STAMP)

models: venv
	$(BIN)/python scripts/ensure_models.py

demo: venv models
	$(BIN)/textsamverkan demo

test: venv models lint
	$(BIN)/python -m pytest -q

lint: venv
	$(BIN)/ruff check src tests benchmarks scripts
	$(BIN)/mypy

clean-venv:
	rm -rf $(VENV)
