# Everything people and CI run. Each target builds the virtual environment first if needed,
# so `make demo` and `make test` work on a machine with only python3 and make.
SHELL := /bin/bash
.SHELLFLAGS := -o pipefail -ec
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
# pip on some machines warns about configured mirrors that do not exist; keep the log readable.
QUIET_PIP := grep -v "is ignored: it is neither a file nor a directory" || true

.PHONY: install demo test lint bench goldens clean

install: $(STAMP)

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@echo "Installing the toolkit and its development tools into $(VENV) ..."
	@$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]' 2>&1 | $(QUIET_PIP)
	@$(BIN)/python -c "import assessment, docx, pandas, weasyprint" 
	@touch $(STAMP)

demo: $(STAMP)
	$(BIN)/assess demo

test: $(STAMP)
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check assessment tests benchmarks
	$(BIN)/ruff format --check assessment tests benchmarks
	$(BIN)/mypy

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py

goldens: $(STAMP)
	UPDATE_GOLDENS=1 $(BIN)/python -m pytest tests/test_goldens.py -q

clean:
	rm -rf $(VENV) outputs/*/ .pytest_cache .mypy_cache .ruff_cache
