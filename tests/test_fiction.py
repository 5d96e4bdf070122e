"""Fiction looks fictional: every file of examples/ says CONTOH FIKTIF at its head and every
agreement there is `fiktif: true` (so each rendered page says it); data/, the real unit's
agreement, says neither."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT

HEAD_LINES = 8
"""How far down a file its CONTOH FIKTIF may be: the title or the comment header."""
EXAMPLE_FILES = sorted(
    p for p in (ROOT / "examples").rglob("*") if p.suffix in (".yaml", ".md") and p.is_file()
)
DATA_FILES = sorted(p for p in (ROOT / "data").rglob("*") if p.is_file())


def _head(path: Path) -> str:
    return "\n".join(path.read_text(encoding="utf-8").splitlines()[:HEAD_LINES])


@pytest.mark.parametrize(
    "path", EXAMPLE_FILES, ids=[str(p.relative_to(ROOT)) for p in EXAMPLE_FILES]
)
def test_every_example_file_says_contoh_fiktif_at_its_head(path: Path) -> None:
    assert "CONTOH FIKTIF" in _head(path)
    if path.name == "perjanjian.yaml":
        assert "\nfiktif: true\n" in path.read_text(encoding="utf-8")


def test_the_real_units_data_never_says_fiktif() -> None:
    assert DATA_FILES
    for path in DATA_FILES:
        assert "fiktif" not in path.read_text(encoding="utf-8").lower(), path
