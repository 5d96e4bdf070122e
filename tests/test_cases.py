"""Every case folder under tests/cases/ through `pk validate 2024`, compared with expected.txt.

A case is a folder: the input (usually `2024/perjanjian.yaml`; beside it, a `renstra.yaml`
and a `2023/` for the cascade checks), `README` saying what is
wrong with it, `expected.txt` with the exact output of `pk validate 2024` run inside the
folder in Indonesian (pk's default), `expected.en.txt` the same with `--lang en`, and
`exit_code`. Adding a case needs no Python; after a deliberate change of messages,
`PK_UPDATE_CASES=1 pytest tests/test_cases.py` rewrites the expected files, to be reviewed
in the diff.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from conftest import FINDING, ROOT
from typer.testing import CliRunner

from pk.cli import app

CASES = ROOT / "tests" / "cases"
CASE_DIRS = sorted(p.parent for p in CASES.glob("*/*/exit_code"))
UPDATE = os.environ.get("PK_UPDATE_CASES") == "1"
RENSTRA_FINDING = re.compile(
    r"^renstra\.yaml(:[1-9]\d*:[1-9]\d*)?: (error|warning): .+ \[[a-z0-9-]+\]$"
)
"""A finding about the Renstra beside the year (a case with `renstra.yaml`: tests/cases/renstra)."""
CHAPTER_FINDING = re.compile(r"^2024/lkjip/[^/:]+: (error|warning): .+ \[[a-z0-9-]+\]$")
"""A finding about a chapter of the year's LKjIP (a whole file: no line and column)."""


LANGUAGES = {"id": "expected.txt", "en": "expected.en.txt"}
"""Each case in both languages: Indonesian (pk's default) and English."""
SUMMARY = {"id": ("Ditemukan ", "Tidak ada masalah"), "en": ("Found ", "No problems found")}


def run_case(case: Path, lang: str, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.chdir(case)
    result = CliRunner().invoke(app, ["--lang", lang, "validate", "2024"])
    assert not isinstance(result.exception, Exception) or isinstance(
        result.exception, SystemExit
    ), f"validate raised {result.exception!r}"
    assert "Traceback" not in result.output
    assert result.exit_code == int((case / "exit_code").read_text().split()[0])
    return result.stdout


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("case", CASE_DIRS, ids=[f"{p.parent.name}/{p.name}" for p in CASE_DIRS])
def test_case(case: Path, lang: str, monkeypatch: pytest.MonkeyPatch) -> None:
    output = run_case(case, lang, monkeypatch)
    expected = case / LANGUAGES[lang]
    if UPDATE:
        expected.write_text(output, encoding="utf-8")
    assert output == expected.read_text(encoding="utf-8")
    *findings, summary = output.splitlines()
    assert all(
        FINDING.match(line) or RENSTRA_FINDING.match(line) or CHAPTER_FINDING.match(line)
        for line in findings
    )
    assert summary.startswith(SUMMARY[lang])


@pytest.mark.parametrize("case", CASE_DIRS, ids=[f"{p.parent.name}/{p.name}" for p in CASE_DIRS])
def test_languages_agree_on_codes_and_positions(case: Path) -> None:
    """Only the words differ between the languages: file, line, column, level and code agree."""

    def located(name: str) -> list[tuple[str, ...]]:
        lines = (case / name).read_text(encoding="utf-8").splitlines()[:-1]
        return [(*line.split(": ", 2)[:2], line.rsplit(" ", 1)[1]) for line in lines]

    assert located(LANGUAGES["id"]) == located(LANGUAGES["en"])
