"""Shared fixtures: paths of the repository's real files."""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path

import pytest

# pk speaks Indonesian in every test unless it asks for `english`, whatever the machine's
# locale: an English LANG would switch pk (and its typer help, made at import) to English.
os.environ["PK_LANG"] = "id"

ROOT = Path(__file__).resolve().parent.parent

FINDING = re.compile(
    r"^(.+/)?2024/perjanjian\.yaml(:[1-9]\d*:[1-9]\d*)?: (error|warning): .+ \[[a-z0-9-]+\]$"
)
"""One line of `pk validate` about a year's agreement: a position counts from 1, and a finding
about the whole file has none."""
DATA_2024 = ROOT / "data" / "2024"
SEED = ROOT / "tests" / "fixtures" / "pk-2024-kpu-ntb.txt"
"""The signed PK 2024 of KPU NTB as extracted text: the source `data/2024` was encoded from."""


@pytest.fixture
def data_2024() -> Path:
    return DATA_2024


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="Rewrite the golden files under tests/golden/ from the current output.",
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


CompareWithGolden = Callable[[str, Path], None]


@pytest.fixture
def compare_with_golden(update_golden: bool) -> CompareWithGolden:
    """`compare(text, golden)`: the text must equal the golden file byte for byte (with
    `--update-golden`, the file is rewritten from it instead, for review in the diff)."""

    def compare(text: str, golden: Path) -> None:
        if update_golden:
            golden.parent.mkdir(parents=True, exist_ok=True)
            golden.write_text(text, encoding="utf-8")
        assert golden.is_file(), f"{golden} missing: run pytest --update-golden and review it"
        assert text == golden.read_text(encoding="utf-8"), (
            f"{golden} differs: if the change is intended, run pytest --update-golden "
            "and review the diff"
        )

    return compare


@pytest.fixture
def english(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """pk speaks English in this test (messages, summaries), whatever the environment says:
    for tests that assert English text. CliRunner runs pick it up from PK_LANG."""
    from pk import i18n

    monkeypatch.setenv("PK_LANG", "en")
    before = i18n.language
    i18n.set_language("en")
    yield
    i18n.set_language(before)


def said(value: object) -> str:
    """What a report prints for a computed phrase or state (the built-in templates' words);
    "" for none."""
    from pk.render.frasa import words

    return "" if value is None else words(value)  # type: ignore[arg-type]
