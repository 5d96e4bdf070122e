"""Invalid realisasi.yaml / pengaturan.yaml as case folders: each holds the bad file(s) and
`expected.txt`, the exact diagnostics `pk validate` gives beyond those of the agreement alone.

A new case needs no Python: add `tests/cases/realisasi/<case>/` with the files and the lines.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import ROOT

from pk.loader import load_year
from pk.output import format_text

CASES = sorted(p for p in (ROOT / "tests" / "cases" / "realisasi").iterdir() if p.is_dir())
PERJANJIAN = ROOT / "examples" / "demo-2024" / "perjanjian.yaml"


def diagnostics_of(folder: Path) -> list[str]:
    return format_text(load_year(folder).diagnostics, 1).splitlines()[:-1]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_case(case: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "2024"
    folder.mkdir()
    shutil.copy(PERJANJIAN, folder)
    monkeypatch.chdir(tmp_path)
    baseline = diagnostics_of(Path("2024"))
    for file in case.iterdir():
        if file.name != "expected.txt":
            shutil.copy(file, folder / file.name)
    found = [line for line in diagnostics_of(Path("2024")) if line not in baseline]
    expected = (case / "expected.txt").read_text(encoding="utf-8").splitlines()
    assert found == expected
