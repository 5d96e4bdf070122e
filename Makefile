# Everything the project needs is installed by these targets; see README.md.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DATA   := data/2024
# A fictional unit over several years with its Renstra (examples/renstra-contoh/README.md).
RENSTRA_CONTOH := examples/renstra-contoh/data
# apt-get waits up to 10 minutes for a dpkg lock another apt-get holds, rather than failing.
APT    := apt-get -o DPkg::Lock::Timeout=600

.PHONY: install test lint report schema demo bench bench-system clean browser office messages compile-messages docs

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

test: install browser office lint
	$(BIN)/python -m pytest

lint: install
	$(BIN)/ruff check pk tests bench
	$(BIN)/ruff format --check pk tests bench
	$(BIN)/mypy

# The browser tests and `pk report --format pdf` use Debian's Chromium (never a downloaded
# one); the print tests read its PDFs back with poppler's pdftotext. Both are installed
# here when missing and we are root (CI is); otherwise the browser and print tests
# skip locally, and fail under CI=true.
browser:
	@if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/pdftotext ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    $(APT) update -q && DEBIAN_FRONTEND=noninteractive $(APT) install -y -q chromium poppler-utils; \
	  else \
	    echo "note: chromium or pdftotext is missing; run: sudo apt-get install chromium poppler-utils"; \
	  fi; \
	fi

# The DOCX tests open pk's Word files in LibreOffice (Debian's libreoffice-writer-nogui,
# headless) and read the PDF it prints with pdftotext (poppler-utils). Installed like
# Chromium: here when missing and we are root; otherwise those tests skip locally, and fail
# under CI=true.
office:
	@if ! command -v soffice >/dev/null || ! command -v pdftotext >/dev/null; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    $(APT) update -q && DEBIAN_FRONTEND=noninteractive $(APT) install -y -q \
	      libreoffice-writer-nogui poppler-utils; \
	  else \
	    echo "note: soffice or pdftotext is missing; run: sudo apt-get install libreoffice-writer-nogui poppler-utils"; \
	  fi; \
	fi

# The multi-year example's LKjIP is printed to PDF too: `browser` installs Chromium.
report: install browser
	$(BIN)/pk validate $(DATA)
	$(BIN)/pk report $(DATA) --dokumen semua --format md --format html --format docx --output build/$(notdir $(DATA))
	$(BIN)/pk report examples/demo-2024 --dokumen capaian --format md --format html --output build/demo-2024
	$(BIN)/pk report examples/ntb-2024 --dokumen perbandingan --format md --format html --output build/ntb-2024
	$(BIN)/pk validate $(RENSTRA_CONTOH)/renstra.yaml $(RENSTRA_CONTOH)/2025 $(RENSTRA_CONTOH)/2026 $(RENSTRA_CONTOH)/2027
	$(BIN)/pk report $(RENSTRA_CONTOH)/2027 --dokumen capaian --format md --format html --output build/renstra-contoh-2027
	$(BIN)/pk report $(RENSTRA_CONTOH)/2027 --dokumen lkjip --format md --format html --format pdf --format docx --output build/renstra-contoh-2027
	$(BIN)/pk report $(RENSTRA_CONTOH)/2027 --dokumen lke --format md --format html --output build/renstra-contoh-2027
	$(BIN)/pk validate examples/dinas-kominfo-2024 examples/kpu-kab-contoh-2024
	$(BIN)/pk report examples/dinas-kominfo-2024 --dokumen semua --format md --format html --output build/dinas-kominfo-2024
	$(BIN)/pk report examples/kpu-kab-contoh-2024 --dokumen semua --format md --format html --output build/kpu-kab-contoh-2024

# Regenerate the committed JSON Schema after changing pk/model/perjanjian.py.
schema: install
	for name in $$($(BIN)/python -c 'from pk.model.jsonschema import SCHEMA_FILES; print(*(f.removesuffix(".schema.json") for f in SCHEMA_FILES))'); do \
		PK_LANG=id $(BIN)/pk schema $$name > schema/$$name.schema.json; done

# The Indonesian catalog: `make messages` extracts the English source strings into pk.pot and
# merges them into the .po (translate what is new or fuzzy there), then `make compile-messages`
# writes the .mo that ships with the package. tests/test_i18n.py fails while either is stale.
LOCALE := pk/locale
messages: install
	$(BIN)/pybabel extract -F babel.cfg --add-location=file --sort-by-file \
		--add-comments=Translators: --project=pk --copyright-holder="pk authors" \
		-o $(LOCALE)/pk.pot .
	$(BIN)/pybabel update -i $(LOCALE)/pk.pot -d $(LOCALE) -D pk -l id --ignore-obsolete

compile-messages: install
	$(BIN)/pybabel compile --statistics -d $(LOCALE) -D pk -l id

# The pages of finding codes (docs/kode-temuan.md, docs/finding-codes.md) from
# the catalogue in pk/check/codes.py; tests/test_explain.py fails while they are stale.
docs: install
	$(BIN)/python -c 'from pk.render.explain import write_docs; write_docs()'

# A fictional year of realisasi (examples/demo-2024) through `pk capaian`.
demo: install
	$(BIN)/pk validate examples/demo-2024
	$(BIN)/pk capaian examples/demo-2024 --periode tahunan

# Timings and memory against the targets in README.md; tools the comparison needs live in a
# venv of their own so they cannot slow pk's start-up.
BENCH := build/bench
$(BENCH)/.tools:
	$(PYTHON) -m venv $(BENCH)/tools
	$(BENCH)/tools/bin/python -m pip install --quiet yamllint check-jsonschema
	touch $@

# hyperfine times the commands and GNU time records their memory: Debian packages, installed
# here when missing and we are root.
bench-system:
	@if ! command -v hyperfine >/dev/null || [ ! -x /usr/bin/time ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    $(APT) update -q && DEBIAN_FRONTEND=noninteractive $(APT) install -y -q hyperfine time; \
	  else \
	    echo "make bench needs hyperfine and GNU time: sudo apt-get install hyperfine time"; \
	    exit 1; \
	  fi; \
	fi

bench: install bench-system $(BENCH)/.tools
	@# A user's pk runs from cached bytecode; this environment may forbid writing it.
	$(BIN)/python -m compileall -q pk
	$(BIN)/python bench/generate.py $(BENCH)/national
	$(BIN)/python bench/generate.py $(BENCH)/half --units 277
	$(BIN)/python bench/run.py --pk $(BIN)/pk --tools $(BENCH)/tools/bin --work $(BENCH)

clean:
	rm -rf $(VENV) build .pytest_cache
