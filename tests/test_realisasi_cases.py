"""Invalid realisasi.yaml / pengaturan.yaml as case folders: each holds the bad file(s) and
`expected.txt`, the exact diagnostics `pk validate` gives beyond those of the agreement alone,
in Indonesian (pk's default), and `expected.en.txt` in English.

A new case needs no Python: add `tests/cases/realisasi/<case>/` with the files and the lines;
`PK_UPDATE_CASES=1 pytest tests/test_realisasi_cases.py` writes them, to be reviewed.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from conftest import ROOT

from pk import i18n
from pk.load.year import load_year
from pk.render.diagnostics import format_text

CASES = sorted(p for p in (ROOT / "tests" / "cases" / "realisasi").iterdir() if p.is_dir())
PERJANJIAN = ROOT / "examples" / "demo-2024" / "perjanjian.yaml"
LANGUAGES = {"id": "expected.txt", "en": "expected.en.txt"}
UPDATE = os.environ.get("PK_UPDATE_CASES") == "1"


def diagnostics_of(folder: Path) -> list[str]:
    return format_text(load_year(folder).diagnostics, 1).splitlines()[:-1]


@pytest.fixture(params=list(LANGUAGES))
def lang(request: pytest.FixtureRequest):  # type: ignore[no-untyped-def]
    before = i18n.language
    i18n.set_language(request.param)
    yield request.param
    i18n.set_language(before)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_case(case: Path, lang: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "2024"
    folder.mkdir()
    shutil.copy(PERJANJIAN, folder)
    monkeypatch.chdir(tmp_path)
    baseline = diagnostics_of(Path("2024"))
    for file in case.iterdir():
        if not file.name.startswith("expected"):
            shutil.copy(file, folder / file.name)
    found = [line for line in diagnostics_of(Path("2024")) if line not in baseline]
    expected = case / LANGUAGES[lang]
    if UPDATE:
        expected.write_text("".join(f"{line}\n" for line in found), encoding="utf-8")
    assert found == expected.read_text(encoding="utf-8").splitlines()


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_languages_agree_on_codes_and_positions(case: Path) -> None:
    def located(name: str) -> list[tuple[str, ...]]:
        lines = (case / name).read_text(encoding="utf-8").splitlines()
        return [(*line.split(": ", 2)[:2], line.rsplit(" ", 1)[1]) for line in lines]

    assert located(LANGUAGES["id"]) == located(LANGUAGES["en"])
