# Two commands on a fresh machine: `make build` builds the site, `make test` runs the tests.
# Both create .venv and install what they need the first time.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PYBABEL := $(BIN)/pybabel
LANGS := sv fi en

NODE_STAMP := node_modules/.installed

.PHONY: build serve bench test a11y lint typecheck clean i18n-extract i18n-update i18n-compile i18n-tool-update

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

build: $(STAMP)
	$(BIN)/site-builder build --site . --out public

# Preview while editing: http://127.0.0.1:8000/, pages reload as files are saved.
serve: $(STAMP)
	$(BIN)/site-builder serve --site .

# Speed against Hugo on a synthetic municipal site (N = 1,000 and 10,000 pages); needs
# Debian's hugo for the comparison. BENCH_SIZES=1000 BENCH_REPEAT=1 for a quick run.
bench: $(STAMP)
	$(BIN)/python -m bench.run

# Test-only npm packages: axe-core (run in Chromium) and vnu-jar (the Nu HTML
# Checker, run with Java). --ignore-scripts: vnu-jar's own script would try to
# download a JRE; Debian's Java is used instead.
$(NODE_STAMP): package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $(NODE_STAMP)

test: $(STAMP) $(NODE_STAMP)
	$(BIN)/python -m pytest

# Only the browser and validator tests: axe-core on every page, keyboard,
# reflow, text spacing, no JavaScript, reduced motion, screenshots, vnu.
a11y: $(STAMP) $(NODE_STAMP)
	$(BIN)/python -m pytest -m a11y

lint: $(STAMP)
	$(BIN)/ruff check site_builder tests bench
	$(BIN)/mypy

clean:
	rm -rf public .cache

# Theme strings: extract them from templates and code into locales/messages.pot, then
# merge that into each catalog. The catalogs stay as translators' tools write them
# (header kept, sorted, no source locations, no line wrapping), so running this on a
# clean checkout changes nothing. A new language: make i18n-update LANGS=so
i18n-extract: $(STAMP)
	$(PYBABEL) extract -F babel.cfg -k N_ --no-location --sort-output \
		--omit-header -o locales/messages.pot .

i18n-update: i18n-extract
	for lang in $(LANGS); do \
		$(PYBABEL) update --no-fuzzy-matching --ignore-obsolete --no-wrap \
			--ignore-pot-creation-date --init-missing \
			-i locales/messages.pot -d locales -l $$lang || exit 1; \
	done

i18n-compile: $(STAMP)
	$(PYBABEL) compile --statistics -d locales

# The tool's own messages (the checks' findings and reports, the errors in content and
# configuration), a domain of their own: site_builder/locale/sv/LC_MESSAGES/site_builder.po.
# Ids are English, marked msg().
TOOL_LOCALE := site_builder/locale
i18n-tool-update: $(STAMP)
	$(PYBABEL) extract --no-default-keywords -k msg -k msg_plural:1,2 --no-location \
		--sort-output --omit-header -o $(TOOL_LOCALE)/site_builder.pot \
		site_builder
	$(PYBABEL) update -D site_builder --no-fuzzy-matching --ignore-obsolete --no-wrap \
		--ignore-pot-creation-date --init-missing \
		-i $(TOOL_LOCALE)/site_builder.pot -d $(TOOL_LOCALE) -l sv
