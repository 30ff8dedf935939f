# Two commands set everything up on a fresh machine: `make serve` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# Node tools, installed from package-lock.json by `npm ci`: the browser scripts' bundler (esbuild),
# tests and lint (eslint), Lighthouse and vnu.jar. Needed by lint and test, never by the site's build.
NODE_STAMP := node_modules/.installed
export PYTHONDONTWRITEBYTECODE := 1
# Reproducible builds: every date the build writes comes from the last commit.
export SOURCE_DATE_EPOCH := $(shell git log -1 --format=%ct 2>/dev/null || echo 0)

.PHONY: install lock serve serve-all build site build-properdocs test test-fast browser-deps validate clean lint scripts js-test schema translation-status handouts offline check-links typography bench lighthouse

# requirements.txt is the lock: every package, exact version and hash, compiled from pyproject.toml.
# pip refuses any file whose hash is not in it (--require-hashes).
PIP_INSTALL := $(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes
# The locks are compiled by pip-tools in a venv of their own, against PyPI only (PIP_CONFIG_FILE=/dev/null:
# no local mirror or extra index of this machine leaks into the locks).
LOCK_VENV := .venv-lock
PIP_COMPILE := PIP_CONFIG_FILE=/dev/null $(LOCK_VENV)/bin/pip-compile --quiet --generate-hashes --strip-extras --no-emit-index-url --no-emit-find-links

# Then the project itself, editable and without dependencies, so that MkDocs finds the `kb` plugin's
# entry point (a separate command: pip allows no editable install among hashed requirements).
$(STAMP): requirements.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(PIP_INSTALL) -r requirements.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

install: $(STAMP)

lock:  ## Recompile the locks (requirements*.txt) after editing pyproject.toml; `make lock UPGRADE=1` moves every pin to the newest version allowed
	test -x $(LOCK_VENV)/bin/pip-compile || { $(PYTHON) -m venv $(LOCK_VENV) && $(LOCK_VENV)/bin/python -m pip install --quiet --disable-pip-version-check pip-tools==7.6.2; }
	$(PIP_COMPILE) $(if $(UPGRADE),--upgrade) --extra dev --output-file requirements.txt pyproject.toml
	$(PIP_COMPILE) $(if $(UPGRADE),--upgrade) --extra properdocs --constraint requirements.txt --output-file requirements-properdocs.txt pyproject.toml

# `make serve` previews one language, as FastAPI's docs CLI does (`docs.py live <lang>`): English by
# default, `make serve lang=zh` for Chinese (built alone, served at the root); no git dates ("last
# updated" shows the build's day), so a saved edit shows within seconds. `make serve-all`: both, slower.
# KB_PREVIEW: the preview pages carry no Content-Security-Policy, so MkDocs' live-reload script runs.
lang ?= en
SERVE_ENV_en := KB_BUILD_ZH=false KB_BUILD_ZH_HANT=false
SERVE_ENV_zh := KB_ONLY_LANGUAGE=zh
SERVE_ENV_COMMON := KB_PREVIEW=true KB_GIT_DATES=false
SERVE_ENV := $(SERVE_ENV_COMMON) $(SERVE_ENV_$(lang))
# `make serve port=8001` for a second preview. macros/tools/serve.py checks the port first (one line
# when it is taken), and keeps waiting for a fix when a build fails instead of ending.
port ?= 8000
SERVE := $(BIN)/python -m macros serve --port $(port)
serve: install  ## Build and serve one language with live reload on http://127.0.0.1:8000 (English; `make serve lang=zh`: Chinese; `port=8001`: another port)
	@test -n "$(SERVE_ENV_$(lang))" || { echo "make serve: lang must be en or zh, not '$(lang)'"; exit 2; }
	@$(SERVE_ENV) $(SERVE)

serve-all: install  ## Both languages as published (git dates included), with live reload; an edit takes about twice as long
	@KB_PREVIEW=true $(SERVE)

build: install  ## Pages only (quick preview): strict build of both languages, swapped into site/ when done
	$(BIN)/python -m macros site --pages-only

site: install browser-deps  ## The complete publishable site into site/: pages, PDFs, offline zip, link check; atomic
	$(BIN)/python -m macros site

build-properdocs: install  ## The same strict build with ProperDocs, MkDocs 1.6's maintained continuation (engine exit path)
	$(PIP_INSTALL) -r requirements-properdocs.txt
	$(BIN)/properdocs build -f mkdocs.yml --strict --clean -d site-properdocs

validate: install  ## Everything a content change can break, in seconds, no build: data, references, macro calls, front matter, files under docs/ (what CI's quick job runs)
	$(BIN)/python -m macros validate

browser-deps:  ## Debian's Chromium and CJK fonts for the browser tests
	@if ! command -v chromium >/dev/null 2>&1 || ! fc-list 2>/dev/null | grep -qi "Noto Sans CJK"; then \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium fonts-noto-cjk >/dev/null; \
	fi
	@if ! command -v java >/dev/null 2>&1; then \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq default-jre-headless >/dev/null; \
	fi

# The tests run on every core (pytest-xdist), a whole test file per worker so that its module fixtures
# are built once, in the order tests/conftest.py gives (the shared sites' builds first, side by side,
# the quick files last); each shared site is built once per run (tests/conftest.py, built_once).
PYTEST_WORKERS := -n auto --dist loadfile --no-loadscope-reorder
test: install browser-deps $(NODE_STAMP) lint  ## Every check and test, browser tests included (what CI runs)
	npm test --silent
	$(BIN)/python -m pytest $(PYTEST_WORKERS)

test-fast: install  ## The fast tier: unit tests, failing builds (in-process), no browser, no whole-site build (at most 3 builds' time)
	$(BIN)/python -m pytest -n auto -m "not slow and not browser"

lint: install $(NODE_STAMP)  ## Python, JavaScript, YAML and Markdown lint, type check, terminology check, schemas and script bundles up to date
	$(BIN)/ruff check macros tests
	$(BIN)/mypy
	$(BIN)/yamllint -s data mkdocs.yml .github .pre-commit-config.yaml
	$(BIN)/pymarkdown --config .pymarkdown.json scan -r docs CONTRIBUTING.md CONTRIBUTING.zh.md README.md
	$(BIN)/python -m macros lint-terms
	$(BIN)/python -m macros schema --check
	node_modules/.bin/eslint
	node js/build.js --check

scripts: $(NODE_STAMP)  ## Bundle the browser scripts (js/src/ -> overrides/assets/javascripts/); commit the result
	node js/build.js

js-test: $(NODE_STAMP)  ## The browser scripts' unit tests (node --test js/test/) and lint, in seconds
	npm test --silent
	node_modules/.bin/eslint
	node js/build.js --check

schema: install  ## Regenerate the JSON Schemas in schema/ from the model, .vscode/settings.json and js/src/lib/anchors.js from the kinds
	$(BIN)/python -m macros schema

translation-status: install  ## Chinese pages and data texts that are missing or behind the English
	$(BIN)/python -m macros translation-status

handouts: site  ## The A4 PDF handouts are part of the complete site (site/handouts/, site/zh/handouts/)

offline: install browser-deps  ## The offline zip on its own, for a USB stick (dist/)
	$(BIN)/python -m macros offline

check-links: site  ## Every internal link, anchor and linked file (PDFs, zip) of the complete site resolves
	$(BIN)/python -m macros check-links site

typography: build  ## Chinese typography of every built zh page (full-width punctuation and spaces, dates, law titles, document numbers, repeated sentences, theme strings)
	$(BIN)/python -m macros typography site

bench: install browser-deps  ## Build benchmark (real site, no macros, data x3 ... x100 within 8 minutes), then `make serve`'s live reload in each language
	$(BIN)/python -m macros bench --budget 480
	$(BIN)/python -m macros live-reload $(foreach v,$(SERVE_ENV_COMMON) $(SERVE_ENV_en),--env $(v))
	$(BIN)/python -m macros live-reload --page docs/zh/about/index.md $(foreach v,$(SERVE_ENV_COMMON) $(SERVE_ENV_zh),--env $(v))

$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --silent
	touch $@

lighthouse: build browser-deps $(NODE_STAMP)  ## Lighthouse (mobile) on six key pages, median of 3 runs
	$(BIN)/python -m macros lighthouse site

clean:
	rm -rf site site.tmp-* site.old-* dist .pytest_cache .ruff_cache

.PHONY: search-relevance html-check review
search-relevance: build browser-deps  ## Search: top-1 and top-3 of the queries in tests/search_relevance.yml, per language
	$(BIN)/python -m macros search-relevance site --misses

html-check: build $(NODE_STAMP)  ## The Nu HTML checker (npm vnu-jar, installed with Lighthouse) on index and record pages
	$(BIN)/python -m macros html-check site

review: install  ## Facts (laws, codes, wages, changes) whose `checked` date is older than their review interval; exit 1 when any is due
	$(BIN)/python -m macros review --today $$(date -u +%F)
