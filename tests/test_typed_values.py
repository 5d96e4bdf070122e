"""Targets are 0 or more, as realisasi are (`[target-negative]`), and a value a finding tells
the planner to type is in YAML's notation (`97.5`) in Bahasa Indonesia too, where numbers
that are read rather than typed print as the reports print them (`97,5%`)."""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import ROOT
from typer.testing import CliRunner

from pk.cli import app
from pk.model.perjanjian import Rentang
from pk.numbers import typed

DEMO = ROOT / "examples" / "demo-2024"


def invoke(*args: str, lang: str = "id") -> tuple[int, str]:
    result = CliRunner().invoke(app, ["--lang", lang, *args], env={"COLUMNS": "200"})
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(
        result.exception
    )
    return result.exit_code, result.stdout + result.stderr


def demo(tmp_path: Path, **replace: tuple[str, str]) -> Path:
    """The demo year with, in each named file, the first `old` replaced by `new`."""
    year = tmp_path / "2024"
    shutil.copytree(DEMO, year)
    for name, (old, new) in replace.items():
        file = year / f"{name}.yaml"
        text = file.read_text(encoding="utf-8")
        assert old in text, (name, old)
        file.write_text(text.replace(old, new, 1), encoding="utf-8")
    return year


# --- finding 8: a negative target --------------------------------------------------------


def test_a_negative_target_is_an_error_so_capaian_never_computes_from_it(tmp_path: Path) -> None:
    year = demo(tmp_path, perjanjian=("target: 100", "target: -5"))
    code, out = invoke("validate", str(year), lang="en")
    assert code == 1
    assert "the target of IK-01 cannot be negative (-5)" in out and "[target-negative]" in out
    code, out = invoke("capaian", str(year), "-f", "csv", lang="en")
    assert code == 1 and "[target-negative]" in out
    assert "-2000" not in out
    assert "[rencana-aksi-tw4]" not in invoke("validate", str(year))[1]  # no `TW4: -5`


def test_pk_set_refuses_a_negative_rencana_aksi_target(tmp_path: Path) -> None:
    year = demo(tmp_path)
    before = (year / "realisasi.yaml").read_bytes()
    code, out = invoke("set", "IK-01", str(year), "-p", "TW2", "--rencana-aksi", "-5", lang="en")
    assert code == 1
    assert "the Rencana Aksi target TW2 of IK-01 cannot be negative (-5)" in out
    assert "[target-negative]" in out
    assert (year / "realisasi.yaml").read_bytes() == before
    code, out = invoke("set", "IK-01", str(year), "-p", "TW2", "--rencana-aksi", "0", lang="en")
    assert code == 0, out


# --- finding 9: what the planner types is written as YAML --------------------------------


@pytest.mark.parametrize(
    ("value", "written"),
    [
        (Decimal("97.5"), "97.5"),
        (Decimal("1E+3"), "1000"),
        (Decimal("1250.50"), "1250.50"),
        (Rentang(min=Decimal(80), maks=Decimal("90.5")), "{min: 80, maks: 90.5}"),
        ("A", "A"),
        ("Sangat Baik", "Sangat Baik"),
        ("3", '"3"'),
        ("yes", '"yes"'),
        ("a: b", '"a: b"'),
        ("B, C", '"B, C"'),
    ],
)
def test_typed_writes_what_yaml_reads_back(value: object, written: str) -> None:
    import yaml

    assert typed(value) == written
    back = yaml.safe_load(f"x: {{TW4: {written}}}")["x"]["TW4"]
    if isinstance(value, Rentang):
        assert back == {"min": 80, "maks": 90.5}
    elif isinstance(value, str):
        assert back == value


def test_rencana_aksi_tw4_says_to_write_the_target_in_yaml_notation(tmp_path: Path) -> None:
    year = demo(tmp_path, perjanjian=("target: 100", "target: 97.5"))  # IK-01's TW4: 100
    code, out = invoke("validate", str(year))
    line = next(x for x in out.splitlines() if "[rencana-aksi-tw4]" in x)
    assert "target tahunan 97,5 untuk IK-01" in line  # read: as the reports print it
    assert "jadi tulis `TW4: 97.5`" in line  # typed: as YAML reads it
    code, out = invoke("validate", str(year), lang="en")
    assert "so write `TW4: 97.5`" in out


def test_rencana_aksi_tw4_writes_a_range_and_a_code_as_yaml(tmp_path: Path) -> None:
    year = demo(
        tmp_path,
        perjanjian=("target: 100", "target: {min: 80, maks: 90.5}"),
        realisasi=("  IK-25:\n", "  IK-25:\n    rencana_aksi: {TW4: C}\n"),
    )
    code, out = invoke("validate", str(year))
    assert "jadi tulis `TW4: {min: 80, maks: 90.5}`" in out
    assert "jadi tulis `TW4: A`" in out


def test_target_with_a_decimal_comma_says_to_write_a_decimal_point(tmp_path: Path) -> None:
    year = demo(tmp_path, perjanjian=("target: 100", "target: 97,5"))
    code, out = invoke("validate", str(year))
    assert code == 1
    assert "tulis `target: 97.5` dengan titik desimal" in out and "[target-is-text]" in out


def test_realisasi_with_a_decimal_comma_says_to_write_a_decimal_point(tmp_path: Path) -> None:
    year = demo(tmp_path, realisasi=("TW1: {realisasi: 25}", 'TW1: {realisasi: "1.250,5"}'))
    code, out = invoke("validate", str(year))
    assert code == 1
    assert "tulis 1250.5 dengan titik desimal" in out and "[realisasi-kind]" in out
