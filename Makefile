# Two entry points for a fresh machine with Python 3.11+ and make:
#   make run   - set up .venv and structure the sample articles into out/ (no API key needed)
#   make test  - set up .venv and run the test suite (what CI runs)
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
OUT    := out

.PHONY: run test setup bench eval schema clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11+ is needed, found " + sys.version.split()[0])'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

setup: $(STAMP)

run: $(STAMP)
	@mkdir -p $(OUT)
	$(BIN)/summarizer batch evals/articles -o $(OUT)/results.jsonl
	$(BIN)/summarizer brief $(OUT)/results.jsonl -o $(OUT)/briefing.md
	$(BIN)/summarizer brief $(OUT)/results.jsonl -o $(OUT)/briefing.html
	@echo "wrote $(OUT)/results.jsonl, $(OUT)/briefing.md and $(OUT)/briefing.html"

test: $(STAMP)
	sh scripts/install-browser.sh
	$(BIN)/python -m pytest

eval: $(STAMP)
	$(BIN)/summarizer eval

bench: $(STAMP)
	$(BIN)/python -m summarizer.bench

schema: $(STAMP)
	$(BIN)/python -m summarizer.schemas

clean:
	rm -rf $(VENV) $(OUT) build dist *.egg-info .pytest_cache
