# Build, preview, test and publish the practice's site.
# The first run of any target creates .venv and installs the pinned requirements.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PELICAN := $(BIN)/pelican
PELICANOPTS ?=

BASEDIR := $(CURDIR)
INPUTDIR := $(BASEDIR)/content
OUTPUTDIR := $(BASEDIR)/output
# Development builds (html, devserver, regenerate) go here, so that output/ only
# ever holds the production site, safe to upload.
PREVIEWDIR := $(BASEDIR)/preview
CONFFILE := $(BASEDIR)/pelicanconf.py
PUBLISHCONF := $(BASEDIR)/publishconf.py

PORT ?= 8000
BIND ?= 127.0.0.1

# Upload destinations come from the environment or the command line, e.g.
#   make rsync_upload SSH_HOST=host SSH_USER=me SSH_TARGET_DIR=/var/www/site
SSH_HOST ?=
SSH_PORT ?= 22
SSH_USER ?=
SSH_TARGET_DIR ?=
S3_BUCKET ?=
# GitHub Pages: the branch ghp-import writes the site to.
GITHUB_PAGES_BRANCH ?= gh-pages
# S3 sends no Content-Encoding for the compressed copies and ignores the files for
# other hosts: leave them out of the upload.
S3_EXCLUDE := --exclude "*.br" --exclude "*.gz" --exclude "_headers" --exclude ".htaccess"
GHP_IMPORT ?= $(BIN)/ghp-import

.DEFAULT_GOAL := help

# Stamp files record that the pinned requirements are installed; they are
# remade whenever a requirements file changes.
RUNTIME_STAMP := $(VENV)/.runtime-installed
TEST_STAMP := $(VENV)/.test-installed

# Our own code (plugins/practice_site and tools/) is installed in editable mode,
# so Pelican, the tools, the tests and the bench import it by name.
$(RUNTIME_STAMP): requirements.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

$(TEST_STAMP): requirements-test.txt requirements.txt $(RUNTIME_STAMP)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-test.txt
	touch $@

# Our code compiled to bytecode ahead of time: Python would otherwise compile it on
# every build where it cannot write __pycache__ (PYTHONDONTWRITEBYTECODE, read-only
# folders), which costs more than our plugins' work. Remade when a source changes.
OWN_CODE := $(wildcard plugins/practice_site/*.py plugins/practice_site/*/*.py tools/*.py)
BYTECODE_STAMP := $(VENV)/.bytecode-compiled

$(BYTECODE_STAMP): $(OWN_CODE) $(RUNTIME_STAMP)
	$(BIN)/python -m compileall -q plugins/practice_site tools
	touch $@

NODE_STAMP := node_modules/.installed
SYSTEM_STAMP := $(VENV)/.system-packages

$(NODE_STAMP): package.json package-lock.json
	CHROMEDRIVER_SKIP_DOWNLOAD=true npm ci --no-audit --no-fund --loglevel=error
	touch $@

# Chromium and Java for the browser and HTML-validity tests (Debian packages).
$(SYSTEM_STAMP): scripts/ensure-system-packages $(RUNTIME_STAMP)
	scripts/ensure-system-packages
	touch $@

help:
	@echo 'Make the practice site'
	@echo ''
	@echo 'Usage:'
	@echo '   make html          build a development version into preview/'
	@echo '   make devserver     preview at http://$(BIND):$(PORT)/, rebuilt on every change'
	@echo '   make serve         serve output/ at http://$(BIND):$(PORT)/'
	@echo '   make regenerate    rebuild on every change, without serving'
	@echo '   make check         build the live site and check it, without touching output/'
	@echo '   make publish       build the live site into output/ (only if the build succeeds)'
	@echo '                      and list what is not yet ready to go live'
	@echo '   make faq Q="..."   start a new question in content/faq/'
	@echo '   make nginx-config  print the nginx configuration for the live site'
	@echo '   make clean         remove output/ and preview/'
	@echo '   make test          run every test'
	@echo '   make lint          check the Python code style (ruff)'
	@echo '   make bench         measure build speed, page weight and Lighthouse scores'
	@echo '   make rsync_upload  publish, then upload with rsync over SSH (only when ready to go live)'
	@echo '                      (needs SSH_HOST, SSH_USER, SSH_TARGET_DIR)'
	@echo '   make s3_upload     publish, then upload to Amazon S3 (needs S3_BUCKET)'
	@echo '   make github        publish, then upload to GitHub Pages ($(GITHUB_PAGES_BRANCH) branch)'

html: $(RUNTIME_STAMP) $(BYTECODE_STAMP)
	$(BIN)/python -m tools.build --settings "$(CONFFILE)" --content "$(INPUTDIR)" --output "$(PREVIEWDIR)"

clean:
	rm -rf "$(OUTPUTDIR)" "$(PREVIEWDIR)"

# Rebuilds run in a fresh process each time (tools/devserver.py): Pelican's own
# -r mode does not watch plugins/ and keeps old plugin code loaded.
regenerate: $(RUNTIME_STAMP) $(BYTECODE_STAMP)
	$(BIN)/python -m tools.devserver --no-serve --settings "$(CONFFILE)" --content "$(INPUTDIR)" --output "$(PREVIEWDIR)"

# Serves output/ as the host will (with the _headers headers and the 404 page).
serve: $(RUNTIME_STAMP)
	$(BIN)/python -m tools.site_server "$(OUTPUTDIR)" --port $(PORT) --bind $(BIND)

devserver: $(RUNTIME_STAMP) $(BYTECODE_STAMP)
	$(BIN)/python -m tools.devserver --settings "$(CONFFILE)" --content "$(INPUTDIR)" --output "$(PREVIEWDIR)" --port $(PORT) --bind $(BIND)

PUBLISH_BUILD = $(BIN)/python -m tools.build --settings "$(PUBLISHCONF)" --content "$(INPUTDIR)" --output "$(OUTPUTDIR)"

# Builds even with placeholders (anyone can try the system), then prints the
# go-live list: "Not ready to go live" and what to change, or that it is ready.
publish: $(RUNTIME_STAMP) $(BYTECODE_STAMP)
	$(PUBLISH_BUILD)

# The go-live gate. Every upload target depends on it (and so must any added
# later): while the go-live list (tools/go_live.py) is not empty it stops make
# before anything is built or uploaded, leaving output/ as it was; then it publishes.
go_live_gate: $(RUNTIME_STAMP) $(BYTECODE_STAMP)
	@$(BIN)/python -m tools.go_live --content "$(INPUTDIR)" --output "$(OUTPUTDIR)"
	$(PUBLISH_BUILD)

# Builds into a temporary folder and runs every content check; output/ is left alone.
check: $(RUNTIME_STAMP) $(BYTECODE_STAMP)
	$(BIN)/python -m tools.build --check --settings "$(PUBLISHCONF)" --content "$(INPUTDIR)" --output "$(OUTPUTDIR)"

# The nginx configuration for the live site (headers, caching, compression, 404
# page), made from the same settings as output/_headers; never part of output/.
nginx-config: $(RUNTIME_STAMP)
	@$(BIN)/python -m tools.nginx_config --settings "$(PUBLISHCONF)"

# A new question with a placeholder answer. Q is used exactly as typed: make
# must neither expand it ($150 would lose "$1") nor export it (exporting expands
# it, and would run a $(shell ...) in it), so the recipe takes its unexpanded
# $(value Q) between single quotes, where the shell runs nothing either.
unexport Q
faq: $(RUNTIME_STAMP)
	@$(BIN)/python -m tools.new_faq --content "$(INPUTDIR)" -- '$(subst ','\'',$(value Q))'

# The upload targets depend on go_live_gate: while the site is not ready to go
# live, or when the build fails, make stops there and nothing is uploaded.
rsync_upload: go_live_gate
	@test -n "$(SSH_HOST)" -a -n "$(SSH_USER)" -a -n "$(SSH_TARGET_DIR)" || \
	  { echo 'Set SSH_HOST, SSH_USER and SSH_TARGET_DIR (see the README).'; exit 2; }
	rsync -e "ssh -p $(SSH_PORT)" -P -rvzc --include tags --cvs-exclude --delete \
	  "$(OUTPUTDIR)"/ "$(SSH_USER)@$(SSH_HOST):$(SSH_TARGET_DIR)"

s3_upload: go_live_gate
	@test -n "$(S3_BUCKET)" || { echo 'Set S3_BUCKET (see the README).'; exit 2; }
	@$(BIN)/python -m tools.host_limits s3
	aws s3 sync "$(OUTPUTDIR)"/ "s3://$(S3_BUCKET)" --delete $(S3_EXCLUDE)

github: go_live_gate
	@$(BIN)/python -m tools.host_limits github
	$(GHP_IMPORT) -n -p -f -b $(GITHUB_PAGES_BRANCH) "$(OUTPUTDIR)"

test: $(TEST_STAMP) $(NODE_STAMP) $(SYSTEM_STAMP) $(BYTECODE_STAMP)
	$(BIN)/python -m pytest $(PYTESTOPTS)

# A benchmark, never a test: prints a table and writes bench/results.json.
bench: $(TEST_STAMP) $(NODE_STAMP) $(SYSTEM_STAMP) $(BYTECODE_STAMP)
	$(BIN)/python bench/run.py $(BENCHOPTS)

.PHONY: bench

lint: $(TEST_STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(TEST_STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

.PHONY: help html clean regenerate serve devserver publish rsync_upload s3_upload test lint format
.PHONY: check faq github go_live_gate nginx-config
