# Minutebook developer commands. `make demo` and `make test` are the README's two commands.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
SHARED ?= ../shared

.PHONY: demo test install score bench clean fuzz

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

install: $(PY)
	$(PY) -m pip install --quiet -e '.[test]'

## demo: ingest the sample packs in ../shared/fixtures into ./minutebook.db and serve the web UI
demo: install
	$(VENV)/bin/minutebook demo --fixtures $(SHARED)/fixtures $(DEMO_ARGS)

## test: the whole test suite
test: install
	$(PY) -m pytest -q -n 2 $(PYTEST_ARGS)

## score: extraction scores against the gold records (a development aid)
score: install
	$(PY) scripts/score_all.py $(ARGS)

## bench: the benchmarks (add ARGS=--quick for the two-minute run)
bench: install
	$(PY) -m bench $(ARGS)

## fuzz: every fuzz target (fuzz/run.py: atheris, else a hypothesis fallback), FUZZ_SECONDS each
FUZZ_SECONDS ?= 150
fuzz: install
	$(PY) fuzz/run.py --seconds $(FUZZ_SECONDS) $(ARGS)

clean:
	rm -rf $(VENV) out build *.egg-info
