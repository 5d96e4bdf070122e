"""The words of what pk computes: phrases (pk.phrase) worded by the templates' `frasa`."""

from __future__ import annotations

import ast
from decimal import Decimal
from enum import StrEnum
from pathlib import Path

import pytest
from conftest import ROOT, said
from typer.testing import CliRunner

from pk.cli import app
from pk.compute.capaian import Efisiensi, Status
from pk.compute.perbandingan import Arah, Jenis, Kunci
from pk.compute.proyeksi import Keadaan, Metode
from pk.compute.rollup import Standing
from pk.phrase import Phrase, PhraseError, phrase, word
from pk.render.templates import make_environment, sentences

DEMO = ROOT / "examples" / "demo-2024"
BOOK = {"ratio": "{r} / {t}", "sum": "jumlah {tw: + }", "with": "{rumus}; {catatan}"}
# The states a template prints through `frasa`.
WORDED_STATES: tuple[type[StrEnum], ...] = (
    Status,
    Efisiensi,
    Kunci,
    Arah,
    Jenis,
    Keadaan,
    Metode,
    Standing,
)


def test_numbers_lists_and_nested_phrases_are_worded() -> None:
    ratio = phrase("ratio", r=Decimal("77.5"), t=Decimal(80))
    assert word(ratio, BOOK) == "77,5 / 80"
    assert word(phrase("sum", tw=("TW1", "TW2")), BOOK) == "jumlah TW1 + TW2"
    nested = phrase("with", rumus=ratio, catatan=Status.BELUM_ADA_DATA)
    assert word(nested, BOOK | {"belum ada data": "kosong"}) == "77,5 / 80; kosong"


@pytest.mark.parametrize(
    "sentence", ["{r.__class__}", "{r[0]}", "{r!r}", "{r:>10}", "{tidak_ada}", "{"]
)
def test_a_sentence_reaches_only_its_own_values(sentence: str) -> None:
    with pytest.raises(PhraseError):
        word(phrase("ratio", r=Decimal(1), t=Decimal(2)), {"ratio": sentence})


def test_a_missing_sentence_or_a_phrase_printed_unworded_fails() -> None:
    with pytest.raises(PhraseError, match="ratio"):
        word(phrase("ratio"), {})
    with pytest.raises(TypeError):
        f"{phrase('ratio')}"  # noqa: B018


def _phrase_keys() -> set[str]:
    """The keys pk's code passes to `phrase()` as literals."""
    keys = set()
    for path in (ROOT / "pk").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "phrase"
                and node.args
                and isinstance(node.args[0], ast.Constant)
            ):
                keys.add(node.args[0].value)
    return keys


def _string_constants() -> set[str]:
    return {
        node.value
        for path in (ROOT / "pk").rglob("*.py")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    }


def test_the_built_in_book_words_every_phrase_and_state_and_nothing_else() -> None:
    book = sentences(make_environment(), "frasa")
    states = {m.value for enum in WORDED_STATES for m in enum}
    keys = _phrase_keys()
    assert len(keys) > 50  # the scan really found the emitters
    assert sorted(keys - set(book)) == []
    assert sorted(states - set(book)) == []
    # A sentence nothing emits is dead: each key is a literal somewhere in pk/.
    assert sorted(set(book) - _string_constants() - states) == []


def _capaian_md(tmp_path: Path, templates: Path | None) -> tuple[int, str]:
    out = tmp_path / ("own" if templates else "builtin")
    args = ["report", str(DEMO), "--dokumen", "capaian", "--format", "md", "--output", str(out)]
    result = CliRunner().invoke(app, args + (["--templates", str(templates)] if templates else []))
    page = out / "capaian.md"
    return result.exit_code, page.read_text(encoding="utf-8") if page.exists() else result.output


def test_an_office_rewords_a_formula_and_a_state_in_its_own_kalimat(tmp_path: Path) -> None:
    own = tmp_path / "templates"
    own.mkdir()
    # Only what changes: the rest of `frasa`, and `rincian`, `pihak`, … stay the built-in ones.
    (own / "_kalimat.j2").write_text(
        '{% set frasa = {"ratio": "R ÷ T × 100 = {r} ÷ {t} × 100", "cukup efisien": "wajar"} %}\n',
        encoding="utf-8",
    )
    code, builtin = _capaian_md(tmp_path, None)
    assert code == 0 and "realisasi / target × 100 = " in builtin
    code, page = _capaian_md(tmp_path, own)
    assert code == 0, page
    assert "realisasi / target × 100 = " not in page
    assert page.count("R ÷ T × 100 = ") == builtin.count("realisasi / target × 100 = ")
    assert "**cukup efisien**" in builtin and "**wajar**" in page
    assert "rata-rata capaian indikator yang dapat dihitung" in page  # untouched sentences
    # The JSON keeps the built-in words: it is a contract, not a page.
    json = CliRunner().invoke(app, ["capaian", str(DEMO), "--format", "json"])
    assert "realisasi / target × 100 = " in json.output


def test_a_sentence_with_a_value_it_does_not_have_is_a_located_error(tmp_path: Path) -> None:
    own = tmp_path / "templates"
    own.mkdir()
    (own / "_kalimat.j2").write_text(
        '{% set frasa = {"ratio": "{r} dibagi {pembagi}"} %}\n', encoding="utf-8"
    )
    code, output = _capaian_md(tmp_path, own)
    assert code == 1
    assert str(own / "_kalimat.j2") in output.replace("\n", "")
    assert "ratio" in output and "pembagi" in output
    assert "Traceback" not in output
    assert not (tmp_path / "own").exists()


def test_frasa_that_is_not_a_mapping_is_an_error(tmp_path: Path) -> None:
    own = tmp_path / "templates"
    own.mkdir()
    (own / "_kalimat.j2").write_text('{% set frasa = "rasio" %}\n', encoding="utf-8")
    code, output = _capaian_md(tmp_path, own)
    assert code == 1 and "frasa" in output and "Traceback" not in output


def test_said_words_a_state_as_the_reports_print_it() -> None:
    assert said(Status.BELUM_ADA_DATA) == "belum ada data"
    assert said(Kunci.TAHUN_INI) == "perbandingan target dan realisasi tahun ini"
    assert isinstance(phrase("no-data"), Phrase) and said(phrase("no-data")) == "belum ada data"


@pytest.mark.parametrize(
    ("entries", "said_"),
    [
        # A misspelt key would leave the built-in words in place without a word.
        ('{"rasio": "{r} ÷ {t}"}', "'rasio'"),
        # `none` or a number printed as "None", "5" in every formula.
        ('{"ratio": none}', "'ratio'"),
        ('{"belum ada data": 5}', "'belum ada data'"),
    ],
)
def test_an_entry_that_is_not_one_of_pks_sentences_in_quotes_is_a_located_error(
    tmp_path: Path, entries: str, said_: str
) -> None:
    own = tmp_path / "templates"
    own.mkdir()
    (own / "_kalimat.j2").write_text(f"{{% set frasa = {entries} %}}\n", encoding="utf-8")
    code, output = _capaian_md(tmp_path, own)
    assert code == 1 and "Traceback" not in output
    message = output.replace("\n", "")
    assert str(own / "_kalimat.j2") in message and said_ in message
    assert not (tmp_path / "own").exists()


@pytest.mark.parametrize(
    ("dokumen", "year", "sentence", "worded"),
    [
        ("perjanjian", DEMO, None, None),
        ("capaian", DEMO, '"ratio": "R {r} ÷ {t}"', "R 100 ÷ 100"),
        ("lkjip", ROOT / "examples" / "renstra-contoh" / "data" / "2027", '"naik": "NAIK"', "NAIK"),
        ("lke", ROOT / "examples" / "renstra-contoh" / "data" / "2027", None, None),
        ("perbandingan", ROOT / "examples" / "ntb-2024", '"belum ada data": "KOSONG"', "KOSONG"),
    ],
)
def test_an_office_kalimat_with_only_frasa_serves_every_document(
    tmp_path: Path, dokumen: str, year: Path, sentence: str | None, worded: str | None
) -> None:
    own = tmp_path / "templates"
    own.mkdir()
    entries = sentence or '"efisien": "efisien"'
    (own / "_kalimat.j2").write_text(f"{{% set frasa = {{{entries}}} %}}\n", encoding="utf-8")
    out = tmp_path / "out"
    args = ["report", str(year), "-d", dokumen, "-f", "md", "-f", "html", "-f", "docx"]
    result = CliRunner().invoke(app, [*args, "-o", str(out), "--templates", str(own)])
    assert result.exit_code == 0, result.output
    for page in ("md", "html"):
        text = (out / f"{dokumen}.{page}").read_text(encoding="utf-8")
        assert "Phrase(" not in text
        assert worded is None or worded in text
    assert (out / f"{dokumen}.docx").stat().st_size > 0


def test_an_office_template_from_before_phrases_is_told_to_use_frasa(tmp_path: Path) -> None:
    own = tmp_path / "templates"
    own.mkdir()
    # What a capaian template printed a formula with when formulas were text.
    (own / "capaian.md.j2").write_text(
        "{% for s in capaian.sasaran %}{% for row in s.rows %}{{ row.hasil.rumus | md }}\n"
        "{% endfor %}{% endfor %}",
        encoding="utf-8",
    )
    code, output = _capaian_md(tmp_path, own)
    message = output.replace("\n", "")
    assert code == 1 and "Traceback" not in message
    assert f"{own / 'capaian.md.j2'}:1" in message
    assert "'ratio'" in message and "| frasa | md" in message
    assert not (tmp_path / "own").exists()
