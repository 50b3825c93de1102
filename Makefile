# sitroom: two commands on a fresh Debian machine with Python 3.11.
#   make demo   create .venv, install sitroom, build the demo report and print its path
#   make test   install test tools (Chromium included), then lint, type check and the suite
# Both are idempotent: an install step reruns only when pyproject.toml changes.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
DEMO_OUT ?= sitroom-demo

.PHONY: demo test lint typecheck pytest eval bench chromium vendor clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# torch first, pinned to the CPU build this machine's pip finds, so that the embedding model's
# requirements do not pull a multi-gigabyte CUDA build.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet torch==2.13.0
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

demo: $(VENV)/.installed
	$(BIN)/sitroom demo --out $(DEMO_OUT)
	@echo "Open the report: file://$(abspath $(DEMO_OUT))/report.html"

# Debian's Chromium renders report.html in the browser tests (no browser download).
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium >/dev/null; }

lint: $(VENV)/.installed-test
	$(BIN)/ruff check src tests bench

typecheck: $(VENV)/.installed-test
	$(BIN)/mypy

pytest: $(VENV)/.installed-test chromium
	$(BIN)/pytest -q

test: lint typecheck pytest

# Full-corpus quality figures (README "Quality") and speed/memory ratios (README "Speed").
eval: $(VENV)/.installed-test
	$(BIN)/python bench/eval_fakes_dates.py
	$(BIN)/python bench/eval_fakes_places.py
	$(BIN)/python bench/eval_stories.py
	$(BIN)/python bench/eval_timex.py
	$(BIN)/python bench/eval_toponyms.py
	$(BIN)/python bench/eval_attribution.py
	$(BIN)/python bench/eval_ecb_events.py
	$(BIN)/python bench/eval_claims_allsides.py
	$(BIN)/python bench/eval_framing_allsides.py
	$(BIN)/python bench/eval_speakers_allsides.py

bench: $(VENV)/.installed-test
	$(BIN)/python bench/run.py
	$(BIN)/python bench/throughput.py --docs 500 --json
	$(BIN)/python bench/workers.py --docs 120
	$(BIN)/python bench/startup.py
	$(BIN)/python bench/hostile_cost.py
	$(BIN)/python bench/ingest_rate.py --json
	$(BIN)/python bench/stories_scaling.py
	$(BIN)/python bench/report_size.py --synthetic
	$(BIN)/python bench/serve_load.py
	$(BIN)/python bench/crash_trials.py
	$(BIN)/python bench/peak_memory.py --docs 1000 --json
	$(BIN)/python bench/peak_memory.py --docs 2000 --json
	$(BIN)/python bench/incremental.py --docs 2000 --add 20 --workers 2 --json
	$(BIN)/python bench/corpus_scaling.py --base 500 --sizes 1000,2000,4000,8000 --svg docs/corpus_scaling.svg

# Refresh report.html's vendored JavaScript, CSS and boundaries from pinned npm packages
# (needs node and npm; the files are committed, so nothing is fetched at install or run time).
vendor:
	scripts/vendor.sh

clean:
	rm -rf $(VENV) $(DEMO_OUT) .pytest_cache .mypy_cache .ruff_cache
