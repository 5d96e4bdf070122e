"""The fast read path resolves scalars by YAML 1.2's core schema and never expands an alias."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from pk.load.source import load_text

CORE_SCHEMA: dict[str, Any] = {
    "100": 100,
    "-3": -3,
    "+12": 12,
    "007": 7,
    "0o17": 15,
    "0x1F": 31,
    "97.5": Decimal("97.5"),
    "12.50": Decimal("12.50"),
    ".5": Decimal("0.5"),
    "1e3": Decimal("1000"),
    "-1.5e-3": Decimal("-0.0015"),
    "-.inf": Decimal("-Infinity"),
    "~": None,
    "null": None,
    "": None,
    "true": True,
    "False": False,
    # YAML 1.1 read these as booleans, times or numbers; YAML 1.2 (and ruamel, which writes
    # pk's files) keeps them as text.
    "yes": "yes",
    "on": "on",
    "1:20": "1:20",
    "2024-06-10": "2024-06-10",
    "1.2.3": "1.2.3",
    "e3": "e3",
    "0x": "0x",
    '"100"': "100",
    "'true'": "true",
}


@pytest.mark.parametrize(("written", "expected"), CORE_SCHEMA.items())
def test_scalars_follow_the_yaml_1_2_core_schema(written: str, expected: Any) -> None:
    source, found = load_text(f"nilai: {written}\n", "x.yaml")
    assert found == []
    value = source.data["nilai"]
    assert type(value) is type(expected)
    assert value == expected


def test_not_a_number_is_read_as_decimal_nan() -> None:
    source, _ = load_text("nilai: .NaN\n", "x.yaml")
    assert source.data["nilai"].is_nan()


def test_an_ampersand_in_text_is_not_an_anchor() -> None:
    text = "nama: Sarana & Prasarana\nsingkatan: 'A&B'\n"
    source, found = load_text(text, "x.yaml")
    assert found == []
    assert source.data == {"nama": "Sarana & Prasarana", "singkatan": "A&B"}


@pytest.mark.parametrize(
    "text",
    [
        "a: &x 1\nb: *x\n",
        "a: &x [1, 2]\nb: *x\n",
        "&k a: 1\nb: 2\n*k : 3\n",
        "nama: A & B\nsatu: &x {c: 1}\ndua: *x\n",
    ],
)
def test_an_alias_is_refused_never_expanded(text: str) -> None:
    source, found = load_text(text, "x.yaml")
    assert [d.code for d in found] == ["yaml-alias"]
    assert source.data is None


def test_duplicate_key_is_reported_in_place_and_the_first_kept() -> None:
    source, found = load_text("a: 1\nb: 2\na: 3\n", "x.yaml")
    assert [(d.code, d.line, d.col) for d in found] == [("duplicate-key", 3, 1)]
    assert source.data == {"a": 1, "b": 2}
