# Reproducible research package: `make report` sets up .venv from the lockfile
# and builds everything from seeds/; `make test` runs every test.
PYTHON ?= python3.11
VENV   := .venv
PY     := $(VENV)/bin/python
UV_VERSION := 0.13.8
CORPUS ?= seeds
OUT    ?= reports/frames
DEVSET ?= data/annotations/devset
DEVSET_OUT ?= build/frames/devset
DEVSET2 ?= data/annotations/devset2
DEVSET2_OUT ?= build/frames/devset2
DEVSET3 ?= data/annotations/devset3
DEVSET3_OUT ?= build/frames/devset3
HELDOUT ?= data/annotations/fresh
HELDOUT_OUT ?= build/frames/fresh
HELDOUT2 ?= data/annotations/fresh2
HELDOUT2_OUT ?= build/frames/fresh2
HELDOUT3 ?= data/annotations/fresh3
HELDOUT3_OUT ?= build/frames/fresh3
HELDOUT4 ?= data/annotations/fresh4
HELDOUT4_OUT ?= build/frames/fresh4

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
	$(PY) -m pytest tests notebooks --nbval-lax --nbval-current-env --nbval-sanitize-with notebooks/sanitize.cfg

lab: setup  ## Start JupyterLab on the project's environment
	$(VENV)/bin/jupyter lab --notebook-dir=notebooks $$([ "$$(id -u)" = 0 ] && echo --allow-root)

refresh-notebooks: setup  ## Store new checked outputs in notebooks/ after an intended change in the numbers
	$(PY) -m analysis report --refresh-notebooks

evaluate: report  ## Score the extraction on the seeds and on the development set against their gold annotations
	@echo "== seeds (tests/gold/) =="
	$(PY) -m analysis evaluate --gold tests/gold/figures.csv --claims-gold tests/gold/claims.csv --pred $(OUT)
	@echo "== development set ($(DEVSET)/) =="
	$(PY) -m analysis extract $(DEVSET)/articles --out $(DEVSET_OUT) -q
	$(PY) -m analysis evaluate --gold $(DEVSET)/figures.csv --claims-gold $(DEVSET)/claims.csv --pred $(DEVSET_OUT)
	@echo "== second development set ($(DEVSET2)/, English only) =="
	$(PY) -m analysis extract $(DEVSET2)/articles --out $(DEVSET2_OUT) -q
	$(PY) -m analysis evaluate --gold $(DEVSET2)/figures.csv --claims-gold $(DEVSET2)/claims.csv --pred $(DEVSET2_OUT)
	@echo "== third development set ($(DEVSET3)/, English only) =="
	$(PY) -m analysis extract $(DEVSET3)/articles --out $(DEVSET3_OUT) -q
	$(PY) -m analysis evaluate --gold $(DEVSET3)/figures.csv --claims-gold $(DEVSET3)/claims.csv --pred $(DEVSET3_OUT)
	@echo "== held-out set ($(HELDOUT)/): a score, never a source of rules =="
	$(PY) -m analysis extract $(HELDOUT)/articles --out $(HELDOUT_OUT) -q
	$(PY) -m analysis evaluate --gold $(HELDOUT)/figures.csv --claims-gold $(HELDOUT)/claims.csv --pred $(HELDOUT_OUT)
	@echo "== second held-out set ($(HELDOUT2)/): a score, never a source of rules =="
	$(PY) -m analysis extract $(HELDOUT2)/articles --out $(HELDOUT2_OUT) -q
	$(PY) -m analysis evaluate --gold $(HELDOUT2)/figures.csv --claims-gold $(HELDOUT2)/claims.csv --pred $(HELDOUT2_OUT)
	@echo "== third held-out set ($(HELDOUT3)/, English only): a score, never a source of rules =="
	$(PY) -m analysis extract $(HELDOUT3)/articles --out $(HELDOUT3_OUT) -q
	$(PY) -m analysis evaluate --gold $(HELDOUT3)/figures.csv --claims-gold $(HELDOUT3)/claims.csv --pred $(HELDOUT3_OUT)
	@echo "== fourth held-out set ($(HELDOUT4)/, English only): a score, never a source of rules =="
	$(PY) -m analysis extract $(HELDOUT4)/articles --out $(HELDOUT4_OUT) -q
	$(PY) -m analysis evaluate --gold $(HELDOUT4)/figures.csv --claims-gold $(HELDOUT4)/claims.csv --pred $(HELDOUT4_OUT)

bench: setup  ## Benchmarks: extract at real-article density and on a generated corpus; cold and no-change report
	$(PY) benchmarks/bench_real.py
	$(PY) benchmarks/bench_extract.py
	$(PY) benchmarks/bench_report.py

lock:  ## Re-resolve requirements.lock from pyproject.toml (needs uv)
	uv pip compile pyproject.toml --extra dev --python-version 3.11 --generate-hashes -o requirements.lock

clean:  ## Remove generated frames, reports, charts and caches (keeps .venv)
	rm -rf build reports .pytest_cache .hypothesis figures/*.png figures/*.svg
