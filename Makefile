# Two entry points do all the set-up on a fresh machine: `make demo` and `make test`.
# Both create the virtual environment when it is missing. torch is pinned to 2.13.0 and installed first:
# any other version pulls gigabytes of CUDA packages on CPU-only machines. Every package is installed at the
# version constraints.txt names, so two machines code the same corpus alike; `make lock` rewrites it.

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: venv demo test lint check clean-venv models lock

venv: $(STAMP)

$(STAMP): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt torch==2.13.0
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[nlp,dev]'
	touch $(STAMP)

# Pins every installed package at its current version (local labels such as +cpu dropped, so the pin holds for any
# build of that release). Run after changing pyproject.toml's dependencies, then `make test`.
lock:
	test -x $(BIN)/python || { echo 'make lock needs an installed $(VENV)'; exit 1; }
	{ echo "# Written by make lock: every package of the environment at the version the tests passed with."; \
	  $(BIN)/python -m pip freeze --exclude-editable | sed 's/+[^ ]*$$//'; } > constraints.txt

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
