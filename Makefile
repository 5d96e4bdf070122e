# Everything the project needs is installed by these targets; see README.md.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DATA   := data/2024

.PHONY: install test report schema lint clean demo

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

test: install
	$(BIN)/python -m pytest

report: install
	$(BIN)/pk validate $(DATA)
	$(BIN)/pk show $(DATA)

# Regenerate the committed JSON Schema after changing pk/models.py.
schema: install
	for name in $$($(BIN)/python -c 'from pk.schema import SCHEMA_FILES; print(*(f.removesuffix(".schema.json") for f in SCHEMA_FILES))'); do \
		$(BIN)/pk schema $$name > schema/$$name.schema.json; done

# A fictional year of realisasi (examples/demo-2024) through `pk achievement`.
demo: install
	$(BIN)/pk validate examples/demo-2024
	$(BIN)/pk achievement examples/demo-2024 --periode tahunan

clean:
	rm -rf $(VENV) build .pytest_cache
