"""One bound for every number pk reads (pk.numbers.out_of_range): past it, a located finding;
within it, the maths and the reports never overflow or raise.

The case folders `invalid/number-out-of-range` and `realisasi/number-out-of-range` show the
read path's findings; here are the bound's edges, data entry, and the largest accepted values
carried through capaian and the reports.
"""

from __future__ import annotations

import re
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import ROOT
from typer.testing import CliRunner

from pk.cli import app
from pk.compute.capaian import Status, compute
from pk.load.year import load_year
from pk.numbers import out_of_range
from pk.vocab import Periode

pytestmark = pytest.mark.usefixtures("english")  # asserts English messages

DEMO = ROOT / "examples" / "demo-2024"
LARGEST = "999999999999999.999999"
SMALLEST = "0.000001"


@pytest.mark.parametrize(
    ("number", "outside"),
    [
        (999_999_999_999_999, False),
        (10**15, True),
        (-(10**15) + 1, False),
        (10**5000, True),
        (Decimal(LARGEST), False),
        (Decimal(SMALLEST), False),
        (Decimal("0.0000001"), True),
        (Decimal("97.50000000"), False),  # trailing zeros are no precision
        (Decimal("1e14"), False),
        (Decimal("1e15"), True),
        (Decimal("1e400"), True),
        (Decimal("1e-400"), True),
        (Decimal("1e999999999999999999"), True),
        (Decimal("NaN"), True),
        (Decimal("0E-30"), False),
    ],
    ids=lambda value: str(value) if isinstance(value, bool) else f"{Decimal(value):.3}",
)
def test_the_bound(number: Decimal | int, outside: bool) -> None:
    assert out_of_range(number) is outside


def _extreme_year(tmp_path: Path, target: str, realisasi: str) -> Path:
    """The demo year with every numeric target, rencana aksi and realisasi at `target` and
    `realisasi`, budget spent at the largest rupiah, six decimals, and every polarity and
    formula among the indicators."""
    folder = tmp_path / "2024"
    shutil.copytree(DEMO, folder)
    perjanjian = (folder / "perjanjian.yaml").read_text(encoding="utf-8")
    kinds = iter(["", "polaritas: minimal", "polaritas: minimal\n{i}rumus_minimal: rasio"] * 99)

    def extreme_target(match: re.Match[str]) -> str:
        indent = match.group(1)
        extra = next(kinds).format(i=indent)
        return f"{indent}target: {target}" + (f"\n{indent}{extra}" if extra else "")

    perjanjian = re.sub(r"(?m)^( +)target: [0-9.]+$", extreme_target, perjanjian)
    perjanjian = perjanjian.replace("min: 80, maks: 90", f"min: {target}, maks: {target}")
    (folder / "perjanjian.yaml").write_text(perjanjian, encoding="utf-8")
    text = (folder / "realisasi.yaml").read_text(encoding="utf-8")
    # Every numeric realisasi but IK-56's, a code on its scale (`realisasi: 3`).
    text = re.sub(r"realisasi: (?!3,)[0-9.]+", f"realisasi: {realisasi}", text)
    text = re.sub(r"(TW[1-4]): [0-9.]+(?=[,}])", rf"\1: {target}", text)  # rencana aksi
    text = re.sub(r"(TW[1-4]): [0-9]{6,}", r"\1: 999999999999999", text)  # budget spent
    (folder / "realisasi.yaml").write_text(text, encoding="utf-8")
    pengaturan = (folder / "pengaturan.yaml").read_text(encoding="utf-8")
    (folder / "pengaturan.yaml").write_text(
        pengaturan.replace("desimal: 2", "desimal: 6"), encoding="utf-8"
    )
    return folder


@pytest.mark.parametrize(("target", "realisasi"), [(SMALLEST, LARGEST), (LARGEST, SMALLEST)])
def test_largest_accepted_values_compute_and_report(
    target: str, realisasi: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _extreme_year(tmp_path, target, realisasi)
    loaded = load_year(folder)
    assert loaded.ok, [d for d in loaded.diagnostics if d.level == "error"]
    assert loaded.perjanjian is not None
    computed = 0
    for periode in Periode:
        result = compute(loaded.perjanjian, loaded.realisasi, loaded.pengaturan, periode)
        numbers = [i.capaian for i in result.indikator if i.status is Status.DIHITUNG]
        computed += len(numbers)
        assert all(n is not None and n.is_finite() for n in numbers)
        assert result.anggaran.total.penyerapan is not None
    assert computed > 100
    biggest = max(
        i.capaian or 0
        for i in compute(loaded.perjanjian, loaded.realisasi, loaded.pengaturan).indikator
    )
    assert biggest > Decimal(10**20) if target == SMALLEST else biggest > 100
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    for args in (
        ["capaian", "2024", "-p", "TW2"],
        ["capaian", "2024", "-f", "json"],
        ["capaian", "2024", "-f", "csv"],
        ["report", "2024", "-o", "out", "-p", "TW3"],
    ):
        result = runner.invoke(app, args)
        assert result.exit_code == 0, (args, result.output)
        assert result.exception is None or isinstance(result.exception, SystemExit)
    assert (tmp_path / "out" / "capaian.html").stat().st_size < 1_000_000


@pytest.mark.parametrize(
    ("value", "says"),
    [
        ("1e9999999", "is too large for pk: at most 15 digits before the decimal point"),
        ("1e99999999999999999999999", "is too large for pk"),
        ("1e30", "is too large for pk"),
        ("1234567890123456", "is too large for pk"),
        ("0.1234567", "more than 6 digits after the decimal point"),
    ],
)
def test_pk_set_refuses_a_number_past_the_bound(
    value: str, says: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "2024"
    shutil.copytree(DEMO, folder)
    before = (folder / "realisasi.yaml").read_bytes()
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["set", "IK-01", "2024", "-p", "TW1", "-r", value])
    assert result.exit_code == 1, result.output
    assert not isinstance(result.exception, ValueError | ArithmeticError)
    assert says in result.output and "[number-out-of-range]" in result.output
    assert (folder / "realisasi.yaml").read_bytes() == before


def test_import_refuses_a_number_past_the_bound_at_its_cell(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "2024"
    shutil.copytree(DEMO, folder)
    before = (folder / "realisasi.yaml").read_bytes()
    table = tmp_path / "realisasi.csv"
    table.write_text("id,periode,realisasi\nIK-01,TW1,80\nIK-02,TW1,1e30\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["import", "realisasi.csv", "2024"])
    assert result.exit_code == 1, result.output
    assert re.search(r"realisasi\.csv:3:\d+: error: the number 1e30 is too large", result.output)
    assert (folder / "realisasi.yaml").read_bytes() == before
