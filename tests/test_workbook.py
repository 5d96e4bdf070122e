"""`pk export`'s workbook: data stays data (no formula from a name), the same data gives the same
bytes, and its Rencana Aksi, Anggaran and narrative come back through `pk import`."""

from __future__ import annotations

import datetime as dt
import shutil
import time
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import ROOT
from typer.testing import CliRunner

from pk.cli import app
from pk.load.year import load_year

pytestmark = pytest.mark.usefixtures("english")

DEMO = ROOT / "examples" / "demo-2024"


@pytest.fixture
def demo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "demo"
    shutil.copytree(DEMO, folder)
    monkeypatch.chdir(tmp_path)
    return Path("demo")


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.output


def test_text_from_the_data_is_never_a_formula(demo: Path) -> None:
    from openpyxl import load_workbook

    perjanjian = demo / "perjanjian.yaml"
    text = perjanjian.read_text(encoding="utf-8")
    first = "Persentase satker yang mendistribusikan logistik Pemilu/Pemilihan"
    assert first in text
    perjanjian.write_text(
        text.replace(first, '=HYPERLINK(\\"http://x.example\\",\\"klik\\") ' + first, 1).replace(
            "nama: Persentase", "nama: '@SUM(1+1)' #", 1
        ),
        encoding="utf-8",
    )
    realisasi = demo / "realisasi.yaml"
    realisasi.write_text(
        realisasi.read_text(encoding="utf-8").replace(
            "TW1: {realisasi: ", 'TW1: {catatan: "=1+2", realisasi: ', 1
        ),
        encoding="utf-8",
    )
    assert load_year(demo).ok
    code, out = run("export", str(demo), "-o", "isi.xlsx")
    assert code == 0, out
    with zipfile.ZipFile("isi.xlsx") as archive:
        sheets = [archive.read(n) for n in archive.namelist() if n.startswith("xl/worksheets/")]
    assert all(b"<f>" not in xml and b"<f " not in xml for xml in sheets)
    workbook = load_workbook("isi.xlsx")
    cells = [c for row in workbook["Realisasi"].iter_rows() for c in row]
    starts = [c for c in cells if isinstance(c.value, str) and c.value[:1] in "=@"]
    assert {c.value[:3] for c in starts} >= {"=HY", "=1+"}
    assert {c.data_type for c in starts} == {"s"}


def test_same_data_same_bytes(demo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert run("export", str(demo), "-o", "a.xlsx")[0] == 0
    # Time passes: a later clock for openpyxl's `modified` and the zip entries' times.
    later = time.time() + 3 * 86400 + 7
    monkeypatch.setattr(time, "time", lambda: later)
    monkeypatch.setattr(time, "localtime", lambda *a: time.gmtime(later))

    class Later(dt.datetime):
        @classmethod
        def now(cls, tz: dt.tzinfo | None = None) -> Later:  # type: ignore[override]
            return cls(2031, 5, 6, 7, 8, 9, tzinfo=tz)

        @classmethod
        def utcnow(cls) -> Later:  # type: ignore[override]
            return cls(2031, 5, 6, 7, 8, 9)

    import openpyxl.packaging.core
    import openpyxl.writer.excel

    monkeypatch.setattr(openpyxl.writer.excel.datetime, "datetime", Later)
    monkeypatch.setattr(openpyxl.packaging.core.datetime, "datetime", Later)
    assert run("export", str(demo), "-o", "b.xlsx")[0] == 0
    assert Path("a.xlsx").read_bytes() == Path("b.xlsx").read_bytes()
    with zipfile.ZipFile("a.xlsx") as archive:
        core = archive.read("docProps/core.xml").decode()
        assert {i.date_time for i in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    # The agreement's signing date, not the clock.
    assert "2024-" in core and "2031" not in core


def test_budget_rencana_aksi_and_narrative_through_the_workbook(demo: Path) -> None:
    from openpyxl import load_workbook

    assert run("export", str(demo), "-o", "isi.xlsx")[0] == 0
    workbook = load_workbook("isi.xlsx")
    assert workbook.sheetnames == ["Realisasi", "Rencana Aksi", "Anggaran", "Petunjuk"]

    def find(sheet_name: str, key: str) -> tuple[object, int, dict[str, int]]:
        sheet = workbook[sheet_name]
        header = [c.value for c in sheet[1]]
        rows = {sheet.cell(row=r, column=1).value: r for r in range(2, sheet.max_row + 1)}
        return sheet, rows[key], {str(n): i + 1 for i, n in enumerate(header)}

    sheet, row, col = find("Realisasi", "IK-60")
    sheet.cell(row, col["faktor_pendorong"]).value = "Koordinasi rutin\ndengan satker"  # type: ignore[attr-defined]
    sheet.cell(row, col["solusi"]).value = "Bimbingan teknis"  # type: ignore[attr-defined]
    sheet, row, col = find("Rencana Aksi", "IK-60")
    assert not sheet.cell(row, col["TW2"]).protection.locked  # type: ignore[attr-defined]
    for tw, value in (("TW1", 20), ("TW2", 45), ("TW3", 70)):
        sheet.cell(row, col[tw]).value = value  # type: ignore[attr-defined]
    sheet, row, col = find("Anggaran", "076.01.CQ")
    kegiatan = str(sheet.cell(row, 1).value)  # type: ignore[attr-defined]
    sheet.cell(row, col["TW3"]).value = 1250000000  # type: ignore[attr-defined]
    workbook.save("isi.xlsx")

    code, out = run("import", "isi.xlsx", str(demo))
    assert code == 0, out
    loaded = load_year(demo)
    assert loaded.ok and loaded.realisasi is not None, loaded.diagnostics
    ik60 = loaded.realisasi.indikator["IK-60"]
    assert ik60.faktor_pendorong == "Koordinasi rutin\ndengan satker"
    assert ik60.solusi == "Bimbingan teknis"
    assert ik60.rencana_aksi is not None
    assert (ik60.rencana_aksi.TW1, ik60.rencana_aksi.TW2, ik60.rencana_aksi.TW3) == (
        Decimal(20),
        Decimal(45),
        Decimal(70),
    )
    assert loaded.realisasi.anggaran[kegiatan].TW3 == 1250000000
    # Exported again, the same workbook: everything it read is what it shows.
    assert run("export", str(demo), "-o", "lagi.xlsx")[0] == 0
    again = load_workbook("lagi.xlsx")
    assert [[c.value for c in r] for r in again["Anggaran"].iter_rows()] == [
        [c.value for c in r] for r in workbook["Anggaran"].iter_rows()
    ]
