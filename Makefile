# Everything people and CI run. Each target builds the virtual environment first if needed,
# so `make demo` and `make test` work on a machine with only python3 and make.
SHELL := /bin/bash
.SHELLFLAGS := -o pipefail -ec
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
# The one tool that reads the lock; bootstrapped from plain python3 so nothing else is needed.
UV_VERSION := 0.13.9
UV := $(BIN)/uv

.PHONY: install demo test lint bench goldens lock lock-check clean

install: $(STAMP)

$(UV):
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@$(BIN)/python -m pip install --quiet --disable-pip-version-check "uv==$(UV_VERSION)" 2>&1 \
	  | { grep -v "is ignored: it is neither a file nor a directory" || true; }

# Installs exactly what uv.lock pins (hashes checked); never resolves anything new.
# Bytecode is compiled at install time, so every command starts fast even where Python may not
# write .pyc files itself (PYTHONDONTWRITEBYTECODE, a read-only install): importing pandas
# from source costs seconds per process.
$(STAMP): pyproject.toml uv.lock | $(UV)
	@echo "Installing the locked environment into $(VENV) ..."
	@UV_PROJECT_ENVIRONMENT=$(VENV) $(UV) sync --frozen --inexact --extra dev --quiet \
	  --compile-bytecode
	@$(BIN)/python -c "import assessment, docx, pandas, weasyprint"
	@touch $(STAMP)

# Update the lock on purpose (after editing pyproject.toml, or to take new releases).
lock: | $(UV)
	$(UV) lock $(if $(UPGRADE),--upgrade,)

# Fails when pyproject.toml and uv.lock disagree (CI runs it).
lock-check: | $(UV)
	$(UV) lock --check

demo: $(STAMP)
	$(BIN)/assess demo

test: $(STAMP)
	$(BIN)/python -m pytest -n 2

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
