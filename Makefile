# Reproducible research package: `make report` sets up .venv from the lockfile
# and builds everything from seeds/; `make test` runs every test.
PYTHON ?= python3.11
VENV   := .venv
PY     := $(VENV)/bin/python
UV_VERSION := 0.13.8
CORPUS ?= seeds
OUT    ?= build/frames

.DEFAULT_GOAL := help
.PHONY: help setup report test evaluate bench lock clean

help:  ## List the targets with a one-line description
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-10s %s\n", $$1, $$2}'

# The venv is rebuilt when the lockfile or the project metadata change.
$(VENV)/.installed: requirements.lock pyproject.toml
	@command -v $(PYTHON) >/dev/null || { echo "error: $(PYTHON) not found (set PYTHON=/path/to/python3.11)"; exit 2; }
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)
	$(VENV)/bin/uv pip sync --quiet --python $(PY) requirements.lock
	$(VENV)/bin/uv pip install --quiet --python $(PY) --no-deps -e .
	touch $@

setup: $(VENV)/.installed  ## Create .venv/ from requirements.lock

report: setup  ## Set up, then build the frames (and charts) from seeds/
	$(PY) -m analysis extract $(CORPUS) --out $(OUT)

test: setup  ## Run every test (unit, gold evaluation, notebooks)
	$(PY) -m pytest

evaluate: report  ## Score the extraction on the seeds against the gold annotations
	$(PY) -m analysis evaluate --gold tests/gold/figures.csv --claims-gold tests/gold/claims.csv --pred $(OUT)

bench: setup  ## Benchmark extract on a generated 2,000-article corpus
	$(PY) benchmarks/bench_extract.py

lock:  ## Re-resolve requirements.lock from pyproject.toml (needs uv)
	uv pip compile pyproject.toml --extra dev --python-version 3.11 --generate-hashes -o requirements.lock

clean:  ## Remove generated frames and caches (keeps .venv)
	rm -rf build .pytest_cache .hypothesis
