# Two entry points for a fresh machine with Python 3.11+ and make:
#   make run   - set up .venv and structure the sample articles into out/ (no API key needed)
#   make test  - set up .venv and run the test suite (what CI runs)
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
OUT    := out

.PHONY: run test setup bench eval schema lock clean

LOCK   := requirements.lock

# Everything installs from the lock file: the whole dependency tree, pinned (make lock refreshes it).
$(STAMP): pyproject.toml $(LOCK)
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11+ is needed, found " + sys.version.split()[0])'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c $(LOCK) -e '.[test]'
	touch $(STAMP)

setup: $(STAMP)

run: $(STAMP)
	@mkdir -p $(OUT)
	$(BIN)/summarizer batch evals/articles -o $(OUT)/results.jsonl
	$(BIN)/summarizer brief $(OUT)/results.jsonl -o $(OUT)/briefing.md --sources evals/articles
	$(BIN)/summarizer brief $(OUT)/results.jsonl -o $(OUT)/briefing.html --sources evals/articles
	@echo "wrote $(OUT)/results.jsonl and $(OUT)/briefing.md; open the briefing: $(CURDIR)/$(OUT)/briefing.html"

test: $(STAMP)
	sh scripts/install-browser.sh
	$(BIN)/python -m pytest

eval: $(STAMP)
	$(BIN)/summarizer eval

bench: $(STAMP)
	$(BIN)/python -m summarizer.bench

schema: $(STAMP)
	$(BIN)/python -m summarizer.schemas

# Re-resolve the whole dependency tree from pyproject.toml (needs the package index).
lock:
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet uv==0.13.8
	$(BIN)/uv pip compile pyproject.toml --extra test --universal --python-version 3.11 --no-header -o $(LOCK)

clean:
	rm -rf $(VENV) $(OUT) build dist *.egg-info .pytest_cache
