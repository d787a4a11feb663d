# Two commands on a fresh machine:
#   make build   set up .venv and build exports/ from seeds/
#   make test    set up .venv (with test tools and the browser) and run the tests
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: build test setup setup-test clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

setup: $(STAMP)

build: setup
	$(BIN)/kg build seeds --out exports

setup-test: setup
	bash scripts/install-test-deps.sh

test: setup-test
	$(BIN)/python -m pytest -q

clean:
	rm -rf $(VENV) .pytest_cache
