"""Shared fixtures: paths of the repository's real files."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA_2024 = ROOT / "data" / "2024"
SEED = ROOT.parent / "shared" / "seed" / "000_d85e3fca36e849e4.txt"


@pytest.fixture
def data_2024() -> Path:
    return DATA_2024
