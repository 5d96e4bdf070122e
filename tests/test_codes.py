"""The catalogue of finding codes (pk.check.codes): every code is explained in both languages,
shown by a case folder or a named test, and no other code can be emitted."""

from __future__ import annotations

import ast
import re

import pytest
from conftest import ROOT
from typer.testing import CliRunner

from pk.check import codes
from pk.check.codes import ALL, BY_ID, Code
from pk.cli import app
from pk.diagnostics import Diagnostic, Level

CASES = ROOT / "tests" / "cases"

SHOWN_BY_TESTS = {
    # Codes no case folder can show (they need git, a workspace, a table to import, a file
    # that cannot be committed), each with the test that asserts it.
    "agregasi-kode": "test_achievement_cli.py::test_agregasi_on_a_grade_is_an_error",
    "bad-periode": "test_entry.py::test_failed_import_is_located_and_leaves_every_file_identical",
    "bad-realisasi": "test_entry.py::test_failed_import_is_located_and_leaves_every_file_identical",
    "duplicate-entry": "test_entry.py::test_failed_import_is_located_and_leaves_every_file_identical",
    "import-header": "test_entry.py::test_import_without_the_columns_is_rejected",
    "import-empty": "test_entry.py::test_import_of_an_empty_or_foreign_file_is_rejected",
    "import-format": "test_entry.py::test_import_of_an_empty_or_foreign_file_is_rejected",
    "ambiguous-number": "test_import_tables.py::test_set_refuses_an_ambiguous_figure_and_takes_a_decimal_comma",
    "import-row-width": "test_import_tables.py::test_comma_csv_row_with_more_fields_than_the_header",
    "import-formula": "test_import_tables.py::test_formula_without_a_stored_value_is_located",
    "import-encoding": "test_import_tables.py::test_windows_1252_csv_is_located_with_how_to_save_it",
    "import-unreadable": "test_import_tables.py::test_a_file_that_is_no_workbook",
    "import-too-large": "test_import_tables.py::test_a_sheet_declared_absurdly_large_is_refused_unread",
    "not-a-year-folder": "test_repository.py::test_a_folder_almost_named_as_a_year_is_warned_about",
    "signed-year-removed": (
        "test_repository.py::test_a_year_gone_since_the_revision_is_a_change_and_fails_the_gate"
    ),
    "uncovered-change": "test_perubahan.py::test_gate_fails_without_a_revision_and_passes_with_one",
    "perubahan-rewritten": "test_perubahan.py::test_a_recorded_revision_cannot_be_rewritten",
    "baseline-missing": "test_perubahan.py::test_the_tag_named_in_the_data_is_the_default_baseline",
    "unknown-induk": "test_workspace.py::test_workspace_errors_are_located",
    "missing-folder": "test_workspace.py::test_workspace_errors_are_located",
    "unit-folder-outside": (
        "test_workspace.py::test_unit_folder_outside_the_workspace_is_refused_at_its_value"
    ),
    "duplicate-unit-folder": (
        "test_workspace.py::test_two_units_with_one_folder_are_located_at_the_second"
    ),
    "not-formattable": "test_fmt.py::test_invalid_date_is_reported_not_a_traceback",
    "file-too-large": "test_hostile_inputs.py::test_fifty_megabyte_file_is_refused_without_reading_it",
    "unreadable": "test_hostile_inputs.py::test_unreadable_file",
    "too-large-to-edit": "test_writes.py::test_writers_refuse_a_file_too_large_to_edit",
    "write-mismatch": "test_writes.py::test_a_write_that_would_not_read_back_is_refused",
}


def codes_in_cases() -> set[str]:
    """The codes at the end of the lines of every case folder's expected output."""
    shown: set[str] = set()
    for expected in CASES.glob("*/*/expected*.txt"):
        text = expected.read_text(encoding="utf-8")
        shown |= set(re.findall(r" \[([a-z0-9-]+)\]$", text, re.M))
    return shown


def test_every_code_printed_by_a_case_is_catalogued() -> None:
    shown = codes_in_cases()
    assert len(shown) > 30  # the expected files really were read
    assert sorted(shown - set(BY_ID)) == []


def test_every_catalogued_code_is_shown_by_a_case_or_a_named_test() -> None:
    assert sorted(set(BY_ID) - codes_in_cases() - set(SHOWN_BY_TESTS)) == []
    # The allow-list stays small and true: only codes no case shows, each in its test's text.
    assert sorted(set(SHOWN_BY_TESTS) & codes_in_cases()) == []
    for code, test in SHOWN_BY_TESTS.items():
        assert code in BY_ID, code
        assert code in _test_source(test), f"{test} does not assert {code}"


def _test_source(test: str) -> str:
    """The text of a test function, with its decorators (parametrised codes are there)."""
    file, name = test.split("::")
    source = (ROOT / "tests" / file).read_text(encoding="utf-8")
    for node in ast.parse(source).body:
        if isinstance(node, ast.FunctionDef) and node.name == name:
            first = min([node.lineno, *(d.lineno for d in node.decorator_list)])
            assert node.end_lineno is not None
            return "\n".join(source.splitlines()[first - 1 : node.end_lineno])
    raise AssertionError(f"no test {test}")


def test_the_catalogue_declares_each_code_once() -> None:
    assert len(BY_ID) == len(ALL) >= 50
    names = {name: value for name, value in vars(codes).items() if isinstance(value, Code)}
    assert sorted(names) == sorted(c.id.upper().replace("-", "_") for c in ALL)
    assert all(re.fullmatch(r"[a-z][a-z0-9]*(-[a-z0-9]+)*", c.id) for c in ALL)


@pytest.mark.parametrize("code", ALL, ids=[c.id for c in ALL])
def test_every_code_is_explained_in_both_languages_with_examples(code: Code) -> None:
    assert code.level in (Level.ERROR, Level.WARNING)
    assert code.files and all(code.files)
    assert code.text_id.strip() and code.text_en.strip() and code.text_id != code.text_en
    assert code.text("id") == code.text_id and code.text("en") == code.text_en
    assert code.failing.strip() and code.fixed.strip() and code.failing != code.fixed


@pytest.mark.parametrize("code", ALL, ids=[c.id for c in ALL])
def test_pk_explain_works_for_every_code(code: Code) -> None:
    for lang in ("id", "en"):
        result = CliRunner().invoke(app, ["--lang", lang, "explain", code.id])
        assert result.exit_code == 0, result.output
        assert result.stdout.startswith(f"{code.id} · ")
        assert code.text(lang) in result.stdout


def test_a_code_carries_its_level_into_the_diagnostic() -> None:
    found = codes.TARGET_MISSING.at("data/2024/perjanjian.yaml", 3, 5, "the target is empty")
    assert found == Diagnostic(
        "data/2024/perjanjian.yaml", 3, 5, Level.WARNING, "target-missing", "the target is empty"
    )


def test_an_uncatalogued_code_cannot_be_emitted() -> None:
    with pytest.raises(ValueError, match="not a finding code"):
        Diagnostic("perjanjian.yaml", 1, 1, Level.ERROR, "no-such-code", "message")
    stray = Code(
        "stray-code", Level.ERROR, ("*.yaml",), text_id="-", text_en="-", failing="a", fixed="b"
    )
    with pytest.raises(ValueError, match="not a finding code"):
        stray.at("perjanjian.yaml", 1, 1, "message")
    # A catalogued code under another level is not the catalogue's code either.
    with pytest.raises(ValueError, match="not a finding code"):
        Diagnostic("perjanjian.yaml", 1, 1, Level.ERROR, "target-missing", "message")
