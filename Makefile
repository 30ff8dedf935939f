# Two commands set everything up on a fresh machine: `make serve` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: install serve build test browser-deps validate clean

$(STAMP): requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $(STAMP)

install: $(STAMP)

serve: install  ## Build and serve the site on http://127.0.0.1:8000 with live reload
	$(BIN)/mkdocs serve --strict -a 127.0.0.1:8000

build: install  ## Strict build of both languages into site/
	$(BIN)/mkdocs build --strict --clean

validate: install  ## Check the data files only (fast)
	$(BIN)/python -m macros validate

browser-deps:  ## Debian's Chromium and CJK fonts for the browser tests
	@if ! command -v chromium >/dev/null 2>&1 || ! fc-list 2>/dev/null | grep -qi "Noto Sans CJK"; then \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium fonts-noto-cjk >/dev/null; \
	fi

test: install browser-deps  ## Every check and test, browser tests included
	$(BIN)/python -m pytest -q

clean:
	rm -rf site .pytest_cache
