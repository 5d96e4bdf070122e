"""`pk explain` and the generated pages of codes (docs/kode-temuan.md, docs/finding-codes.md),
both read from the catalogue (tests/test_codes.py checks the catalogue itself): the pages are
current (`make docs`)."""

from __future__ import annotations

import pytest
from conftest import ROOT
from typer.testing import CliRunner

from pk.check.codes import BY_ID
from pk.cli import app
from pk.render.explain import DOC_PAGES, render_markdown


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
    assert listed == sorted(BY_ID)


def test_unknown_code_is_a_usage_error_with_a_suggestion() -> None:
    result = CliRunner().invoke(app, ["--lang", "en", "explain", "target-mising"])
    assert result.exit_code == 2
    assert result.stderr.startswith("pk: error: ")
    assert "target-missing" in result.stderr


@pytest.mark.parametrize("lang", ["id", "en"])
def test_explain_list_does_not_cut_a_summary_at_an_abbreviation(lang: str) -> None:
    """`mis.` (misalnya) and `e.g.` end no sentence: target-is-text's summary goes on."""
    result = CliRunner().invoke(app, ["--lang", lang, "explain", "--list"])
    lines = {line.split()[0]: line for line in result.stdout.splitlines()}
    assert lines["target-is-text"].endswith("`100%`).")
    assert lines["missing-file"].endswith("perjanjian.yml).")
    assert not any(line.endswith((" mis.", " e.g.")) for line in lines.values())


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("Satu (mis. dua). Tiga.", "Satu (mis. dua)"),
        ("Kertas, pena, dll. sudah ada. Lain.", "Kertas, pena, dll. sudah ada"),
        ("Surat a.n. Sekretaris. Lain.", "Surat a.n. Sekretaris"),
        ("Lihat No. 5 di lampiran. Lain.", "Lihat No. 5 di lampiran"),
        ("Tanpa titik", "Tanpa titik"),
    ],
)
def test_first_sentence_knows_indonesian_abbreviations(text: str, first: str) -> None:
    from pk.render.explain import first_sentence

    assert first_sentence(text) == first
