# Reproducible research package: `make report` sets up .venv from the lockfile
# and builds everything from seeds/; `make test` runs every test.
PYTHON ?= python3.11
VENV   := .venv
PY     := $(VENV)/bin/python
UV_VERSION := 0.13.8
CORPUS ?= seeds
OUT    ?= reports/frames
ANNOTATIONS ?= data/annotations
# Development sets are read for classes of error; held-out sets are scores only, never a source of rules.
DEVSETS ?= devset devset2 devset3
HELDOUT ?= fresh fresh2 fresh3 fresh4

# Extract one annotated set ($(1)) into build/frames/$(1) and score it against its gold.
define score
	@echo "== $(2) $(ANNOTATIONS)/$(1)/ =="
	$(PY) -m analysis extract $(ANNOTATIONS)/$(1)/articles --out build/frames/$(1) -q
	$(PY) -m analysis evaluate --gold $(ANNOTATIONS)/$(1)/figures.csv --claims-gold $(ANNOTATIONS)/$(1)/claims.csv --pred build/frames/$(1)

endef

.DEFAULT_GOAL := help
.PHONY: help setup report test evaluate bench lab refresh-notebooks lock clean

help:  ## List the targets with a one-line description
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-10s %s\n", $$1, $$2}'

# The venv is rebuilt when the lockfile, the project metadata or this recipe change.
# Bytecode is compiled at install time: with PYTHONDONTWRITEBYTECODE set (as on these
# machines) Python would otherwise recompile pandas and matplotlib at every start.
$(VENV)/.installed: requirements.lock pyproject.toml Makefile
	@command -v $(PYTHON) >/dev/null || { echo "error: $(PYTHON) not found (set PYTHON=/path/to/python3.11)"; exit 2; }
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)
	$(VENV)/bin/uv pip sync --quiet --compile-bytecode --python $(PY) requirements.lock
	$(VENV)/bin/uv pip install --quiet --python $(PY) --no-deps -e .
	touch $@

setup: $(VENV)/.installed  ## Create .venv/ from requirements.lock

report: setup  ## Set up, then build frames, notebooks (reports/) and charts (figures/) from seeds/
	$(PY) -m analysis report

test: setup  ## Run every test: unit, gold evaluation, and the notebooks under nbval
	$(PY) -m pytest tests notebooks --nbval-lax --nbval-current-env --nbval-sanitize-with notebooks/sanitize.cfg --nbval-cell-timeout=300

# JupyterLab at the repository root: notebooks/, build/frames/, reports/ and figures/ are all in its file browser.
PORT ?= 8888
NO_BROWSER ?=

lab: setup  ## JupyterLab at the repository root (PORT=8899 picks the port, NO_BROWSER=1 opens no browser)
	$(VENV)/bin/jupyter lab --notebook-dir=. --port=$(PORT) $(if $(filter-out 0 no false,$(NO_BROWSER)),--no-browser) \
		$$([ "$$(id -u)" = 0 ] && echo --allow-root)

refresh-notebooks: setup  ## Store new checked outputs in notebooks/ after an intended change in the numbers
	$(PY) -m analysis report --refresh-notebooks

evaluate: report  ## Score the extraction on the seeds, the development sets and the held-out sets against their gold
	@echo "== seeds (tests/gold/) =="
	$(PY) -m analysis evaluate --gold tests/gold/figures.csv --claims-gold tests/gold/claims.csv --pred $(OUT)
	$(foreach set,$(DEVSETS),$(call score,$(set),development set))
	$(foreach set,$(HELDOUT),$(call score,$(set),held-out set (a score, never a source of rules)))

# Corpus sizes of the scale table (unique generated articles, cached in $$BENCH_CORPUS_DIR or the temp folder);
# e.g. `make bench BENCH_SIZES=10000 BENCH_SCALE_FLAGS=--one-core` adds a --jobs 1 row and the speed-up.
BENCH_SIZES ?= 10000 50000 200000
BENCH_SCALE_FLAGS ?=

bench: setup  ## Benchmarks: extract at real density, on a generated corpus and at scale (BENCH_SIZES); report timings
	$(PY) benchmarks/bench_real.py
	$(PY) benchmarks/bench_extract.py
	$(PY) benchmarks/bench_report.py
	$(PY) benchmarks/bench_scale.py --sizes $(BENCH_SIZES) $(BENCH_SCALE_FLAGS)

lock:  ## Re-resolve requirements.lock from pyproject.toml (needs uv)
	uv pip compile pyproject.toml --extra dev --python-version 3.11 --generate-hashes -o requirements.lock

clean:  ## Remove generated frames, reports, charts and caches (keeps .venv)
	rm -rf build reports .pytest_cache .hypothesis figures/*.png figures/*.svg
