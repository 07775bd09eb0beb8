# Minutebook developer commands. `make demo` and `make test` are the README's two commands.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
SHARED ?= ../shared

.PHONY: demo test install score clean

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

install: $(PY)
	$(PY) -m pip install --quiet -e '.[test]'

## demo: extract every sample pack in ../shared/fixtures into out/ and print a summary of each
demo: install
	$(VENV)/bin/minutebook extract $(SHARED)/fixtures/*.pdf $(SHARED)/fixtures/*.txt --out out --format summary

## test: the whole test suite
test: install
	$(PY) -m pytest -q -n 2 $(PYTEST_ARGS)

## score: extraction scores against the gold records (a development aid)
score: install
	$(PY) scripts/score_all.py $(ARGS)

clean:
	rm -rf $(VENV) out build *.egg-info
