# The work-plan archive. `make site` builds site/ from source_docs/; `make test` runs every test.
# Both create .venv/ on first use from requirements.lock (every package pinned).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell cat requirements.lock pyproject.toml | cksum | cut -d' ' -f1)

.PHONY: site check goldens test test-fast serve lint format deploy screenshots bench lighthouse clean system-deps

$(STAMP): requirements.lock pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.lock
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

site: $(STAMP)  ## build site/ from source_docs/ (the previous site/ survives a failed build)
	$(PY) -m builder build

check: $(STAMP)  ## validate every source and sidecar without building
	$(PY) -m builder check

system-deps:  ## Debian's chromium and CJK fonts, for the browser tests
	./scripts/system-deps.sh

test: $(STAMP) system-deps  ## the whole suite, parallel on 2 cores
	$(PY) -m pytest -n 2 --dist loadgroup -q

goldens: $(STAMP)  ## regenerate tests/render/golden/ after an intended change to the rendered Markdown (review the diff)
	UPDATE_GOLDENS=1 $(PY) -m pytest -q -p no:cacheprovider tests/render/test_goldens.py

test-fast: $(STAMP)  ## unit, golden and property tests: no whole build, no browser (under 30 s)
	$(PY) -m pytest -q -n 2 -m "not build and not browser"

serve: site  ## build, then serve site/ (with search) at http://localhost:8000
	$(PY) scripts/serve.py --port 8000 --dir site

lint: $(STAMP)  ## ruff and mypy
	$(PY) -m ruff check builder tests scripts
	$(PY) -m ruff format --check builder tests scripts
	$(PY) -m mypy

format: $(STAMP)
	$(PY) -m ruff format builder tests scripts
	$(PY) -m ruff check --fix builder tests scripts

N ?= 1000
bench: $(STAMP)  ## build N synthetic plans (default 1000) in a scratch folder and print what each stage costs
	$(PY) scripts/bench.py --plans $(N)

LIGHTHOUSE_VERSION := 12.8.2
.tools/node_modules/.bin/lighthouse:
	npm install --no-audit --no-fund --prefix .tools lighthouse@$(LIGHTHOUSE_VERSION)

lighthouse: $(STAMP) system-deps .tools/node_modules/.bin/lighthouse  ## Lighthouse (mobile, gzipped) on site/'s home, largest plan, theme and year pages; DIR=… for another build
	$(PY) scripts/lighthouse.py --dir $(or $(DIR),site)

deploy: site  ## publish site/ (Pagefind index included) to the gh-pages branch; set SITE_URL=https://<user>.github.io/<repo>/
	@test -n "$$SITE_URL" || echo "note: SITE_URL is not set; 404.html and the feed will use root-relative links"
	$(VENV)/bin/ghp-import --no-jekyll --push --force --message "Deploy the archive" site

screenshots: $(STAMP) system-deps  ## the browser tests, which leave screenshots in build/screenshots/
	$(PY) -m pytest -q -m browser -p no:cacheprovider

clean:
	rm -rf site build .pytest_cache .tools
