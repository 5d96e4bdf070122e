"""`pk explain`: every code pk can emit is explained, in both languages, and the generated
pages of codes (docs/kode-temuan.md, docs/finding-codes.md) are current (`make docs`)."""

from __future__ import annotations

import re

import pytest
from conftest import ROOT
from typer.testing import CliRunner

from pk.check.codes import BY_CODE, DOC_PAGES, EXPLANATIONS, render_markdown
from pk.cli import app

# How the code names a diagnostic's code: after its level, as the code argument of the small
# helpers that build diagnostics (fail, report, error), or as a chosen `code = "…"`.
CODE_LITERAL = re.compile(
    r'(?:Level\.(?:ERROR|WARNING),\s*|fail\(\s*[^"()]*?|report\(\s*[^"()]*?'
    r"|report\(\s*\([^)]*\),\s*|error\(\s*[\w.]+,\s*|return line, col, |code = )"
    r'"([a-z][a-z0-9-]*)"'
)
CODE_CHOICE = re.compile(r'code = "([a-z-]+)" if .* else "([a-z-]+)"')


def emitted_codes() -> set[str]:
    codes: set[str] = set()
    for path in sorted((ROOT / "pk").glob("**/*.py")):
        source = path.read_text(encoding="utf-8")
        codes |= set(CODE_LITERAL.findall(source))
        codes |= {code for pair in CODE_CHOICE.findall(source) for code in pair}
    return codes


def test_every_code_pk_can_emit_is_explained() -> None:
    codes = emitted_codes()
    # The patterns really find codes in every layer: YAML, schema, checks, entry, workspace.
    assert {
        "yaml-syntax",
        "wrong-type",
        "invalid-value",
        "total-mismatch",
        "bad-periode",
        "unknown-induk",
        "uncovered-change",
        "not-formattable",
    } <= codes
    assert sorted(codes - set(BY_CODE)) == []
    assert sorted(set(BY_CODE) - codes) == [], "an explanation for a code pk no longer emits"
    assert len(BY_CODE) == len(EXPLANATIONS)


def test_case_folders_only_show_explained_codes() -> None:
    shown = set()
    for expected in (ROOT / "tests" / "cases").glob("*/*/expected*.txt"):
        shown |= set(re.findall(r"\[([a-z0-9-]+)\]$", expected.read_text(encoding="utf-8"), re.M))
    assert shown and shown <= set(BY_CODE)


@pytest.mark.parametrize("lang", list(DOC_PAGES))
def test_generated_pages_are_current(lang: str) -> None:
    page = ROOT / DOC_PAGES[lang]
    assert page.read_text(encoding="utf-8") == render_markdown(lang), "run `make docs`"


@pytest.mark.parametrize("lang", ["id", "en"])
def test_explain_prints_meaning_and_both_examples(lang: str) -> None:
    result = CliRunner().invoke(app, ["--lang", lang, "explain", "[target-is-text]"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("target-is-text · ")
    assert "target: 100%" in result.stdout  # the failing example
    assert 'satuan: "%"' in result.stdout  # the fixed one
    word = {"id": "Perbaikannya:", "en": "Fixed:"}[lang]
    assert word in result.stdout


def test_explain_list_names_every_code() -> None:
    result = CliRunner().invoke(app, ["--lang", "en", "explain", "--list"])
    assert result.exit_code == 0
    listed = [line.split()[0] for line in result.stdout.splitlines()]
    assert listed == sorted(BY_CODE)


def test_unknown_code_is_a_usage_error_with_a_suggestion() -> None:
    result = CliRunner().invoke(app, ["--lang", "en", "explain", "target-mising"])
    assert result.exit_code != 0
    assert isinstance(result.exception, Exception)
    assert "target-missing" in str(result.exception)
