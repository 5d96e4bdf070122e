"""`pk set`, `pk import`, `pk export`: only the intended lines change, all or nothing."""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import DATA_2024, ROOT
from typer.testing import CliRunner

from pk.cli import app
from pk.load.year import load_year

pytestmark = pytest.mark.usefixtures("english")  # asserts English messages

DEMO = ROOT / "examples" / "demo-2024"

# A hand-written realisasi.yaml with comments in the places ruamel finds hardest.
COMMENTED = """\
# yaml-language-server: $schema=../../schema/realisasi.schema.json
# Realisasi 2024 (contoh untuk pengujian).
versi_format: 1
tahun: 2024

indikator:
  # Kelompok 1
  IK-01:
    TW1: {realisasi: 25}  # dari laporan Maret
    TW2: {realisasi: 50, catatan: "Sesuai jadwal, tanpa kendala"}
    faktor_pendorong: |-
      Koordinasi rutin
      dengan seluruh satker.
  IK-25:
    TW4: {realisasi: BB}
  # IK-54: satu laporan per semester
  IK-54:
    TW2: {realisasi: 1}

anggaran:
  076.01.CQ:
    TW1: 24876343350  # SP2D s.d. 31 Maret
"""


@pytest.fixture
def year(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the 2024 agreement with the commented realisasi.yaml, as cwd-relative `2024`."""
    folder = tmp_path / "2024"
    folder.mkdir()
    shutil.copy(DATA_2024 / "perjanjian.yaml", folder)
    (folder / "realisasi.yaml").write_text(COMMENTED, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return Path("2024")


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def changed_lines(before: str, after: str) -> list[tuple[str, str]]:
    """Pairs (old, new) of lines that differ, for files with the same number of lines."""
    a, b = before.splitlines(), after.splitlines()
    assert len(a) == len(b), f"line count changed:\n{after}"
    return [(x, y) for x, y in zip(a, b, strict=True) if x != y]


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.output


def test_set_changes_only_the_value(year: Path) -> None:
    code, out = run("set", "IK-01", str(year), "--periode", "TW2", "--realisasi", "87,5")
    assert code == 0, out
    after = (year / "realisasi.yaml").read_text(encoding="utf-8")
    assert changed_lines(COMMENTED, after) == [
        (
            '    TW2: {realisasi: 50, catatan: "Sesuai jadwal, tanpa kendala"}',
            '    TW2: {realisasi: 87.5, catatan: "Sesuai jadwal, tanpa kendala"}',
        )
    ]
    loaded = load_year(year)
    assert loaded.ok and loaded.realisasi is not None
    entry = loaded.realisasi.indikator["IK-01"].TW2
    assert entry is not None and entry.realisasi == Decimal("87.5")


def test_set_new_quarter_adds_one_line_in_order(year: Path) -> None:
    code, out = run("set", "IK-01", str(year), "-p", "TW3", "-r", "75", "--catatan", "Tepat waktu")
    assert code == 0, out
    after = (year / "realisasi.yaml").read_text(encoding="utf-8").splitlines()
    before = COMMENTED.splitlines()
    added = [line for line in after if line not in before]
    assert added == ["    TW3: {realisasi: 75, catatan: Tepat waktu}"]
    assert after.index(added[0]) == before.index("    faktor_pendorong: |-")
    assert [line for line in after if line != added[0]] == before


def test_set_grade_and_new_indicator_in_document_order(year: Path) -> None:
    assert run("set", "IK-26", str(year), "-p", "TW1", "-r", "80")[0] == 0
    text = (year / "realisasi.yaml").read_text(encoding="utf-8")
    assert text.index("IK-25:") < text.index("IK-26:") < text.index("IK-54:")
    assert run("set", "IK-25", str(year), "-p", "TW4", "-r", "A")[0] == 0
    loaded = load_year(year)
    assert loaded.ok and loaded.realisasi is not None
    assert loaded.realisasi.indikator["IK-25"].TW4.realisasi == "A"  # type: ignore[union-attr]


def test_set_creates_the_file_when_there_is_none(year: Path) -> None:
    (year / "realisasi.yaml").unlink()
    assert run("set", "IK-02", str(year), "-p", "TW1", "-r", "20")[0] == 0
    text = (year / "realisasi.yaml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../schema/realisasi.schema.json")
    loaded = load_year(year)
    assert loaded.ok and loaded.realisasi is not None and loaded.realisasi.tahun == 2024


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["IK-99", "-p", "TW1", "-r", "5"], "no indikator IK-99 in perjanjian.yaml"),
        (["IK-01", "-p", "TW5", "-r", "5"], "periode 'TW5' is not a triwulan"),
        (["IK-01", "-p", "TW1", "-r", "lima"], "is measured as a number in %"),
        (["IK-25", "-p", "TW1", "-r", "Z"], "is not a code of skala 'predikat-sakip'"),
        (["IK-01", "-p", "TW1", "-r", "-3"], "cannot be negative"),
    ],
)
def test_set_rejects_and_writes_nothing(year: Path, args: list[str], message: str) -> None:
    before = snapshot(year)
    code, out = run("set", args[0], str(year), *args[1:])
    assert code == 1 and message in out and "Nothing was written." in out
    # Not from a file, so no line and column: the command's name says where it came from.
    assert out.startswith("pk set: error: ")
    assert snapshot(year) == before


def test_import_csv_changes_only_the_intended_lines(year: Path, tmp_path: Path) -> None:
    table = tmp_path / "masuk.csv"
    table.write_text(
        "id,periode,realisasi,catatan\n"
        "IK-01,TW1,30,\n"
        "IK-54,tw2,1,\n"  # unchanged value: its line stays as written
        "IK-25,TW4,A,Hasil evaluasi\n",
        encoding="utf-8",
    )
    code, out = run("import", str(table), str(year))
    assert code == 0, out
    assert "3 realisasi read, 3 values changed" in out
    after = (year / "realisasi.yaml").read_text(encoding="utf-8")
    assert changed_lines(COMMENTED, after) == [
        (
            "    TW1: {realisasi: 25}  # dari laporan Maret",
            "    TW1: {realisasi: 30}  # dari laporan Maret",
        ),
        ("    TW4: {realisasi: BB}", "    TW4: {realisasi: A, catatan: Hasil evaluasi}"),
    ]


def test_failed_import_is_located_and_leaves_every_file_identical(
    year: Path, tmp_path: Path
) -> None:
    table = tmp_path / "salah.csv"
    table.write_text(
        "id,periode,realisasi\n"
        "IK-01,TW1,30\n"  # fine, but must not be written either
        "IK-61,TW1,30\n"
        "IK-02,Q2,30\n"
        "IK-03,TW2,tiga puluh\n"
        "IK-25,TW4,85\n"
        "IK-01,TW1,31\n",
        encoding="utf-8",
    )
    before = snapshot(year)
    code, out = run("import", str(table), str(year))
    assert code == 1
    path = table.as_posix()
    # The same words as for realisasi.yaml (pk.check.year judges both).
    assert (
        f"{path}:3:1: error: no indikator IK-61 in perjanjian.yaml; did you mean IK-60? "
        "[unknown-indikator]" in out
    )
    assert (
        f"{path}:4:2: error: periode 'Q2' is not a triwulan: write one of TW1, TW2, TW3, TW4 [bad-periode]"
        in out
    )
    assert (
        f"{path}:5:3: error: indikator IK-03 is measured as a number in %; 'tiga puluh' is text: "
        "write the number only, e.g. 87.5 [bad-realisasi]" in out
    )
    assert (
        f"{path}:6:3: error: 85 is not a code of skala 'predikat-sakip' of indikator IK-25: "
        "write one of AA, A, BB, B, CC, C, D [bad-realisasi]" in out
    )
    assert (
        f"{path}:7:1: error: IK-01 TW1 is already given in row 2: keep one of the two rows [duplicate-entry]"
        in out
    )
    assert "Nothing was written." in out
    assert snapshot(year) == before


def test_import_without_the_columns_is_rejected(year: Path, tmp_path: Path) -> None:
    table = tmp_path / "x.csv"
    table.write_text("kode,nilai\nIK-01,3\n", encoding="utf-8")
    before = snapshot(year)
    code, out = run("import", str(table), str(year))
    assert code == 1 and f"{table.as_posix()}:1:1: error: the first row must name" in out
    assert out.splitlines()[0].endswith(" [import-header]")
    assert snapshot(year) == before


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [("kosong.csv", "", "import-empty"), ("realisasi.ods", "x", "import-format")],
)
def test_import_of_an_empty_or_foreign_file_is_rejected(
    year: Path, tmp_path: Path, name: str, content: str, code: str
) -> None:
    table = tmp_path / name
    table.write_text(content, encoding="utf-8")
    before = snapshot(year)
    result, out = run("import", str(table), str(year))
    assert result == 1 and out.startswith(f"{table.as_posix()}: error: ")
    assert out.splitlines()[0].endswith(f" [{code}]")
    assert snapshot(year) == before


def test_semicolon_csv_with_decimal_comma(year: Path, tmp_path: Path) -> None:
    table = tmp_path / "excel.csv"
    table.write_text("id;periode;realisasi\nIK-01;TW2;47,5\n", encoding="utf-8")
    assert run("import", str(table), str(year))[0] == 0
    loaded = load_year(year)
    assert loaded.realisasi is not None
    assert loaded.realisasi.indikator["IK-01"].TW2.realisasi == Decimal("47.5")  # type: ignore[union-attr]


def test_export_fill_import(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from openpyxl import load_workbook

    folder = tmp_path / "demo"
    shutil.copytree(DEMO, folder)
    monkeypatch.chdir(tmp_path)
    original = (folder / "realisasi.yaml").read_text(encoding="utf-8")
    code, out = run("export", "demo", "--output", "isi.xlsx")
    assert code == 0, out

    workbook = load_workbook(tmp_path / "isi.xlsx")
    sheet = workbook["Realisasi"]
    header = [c.value for c in sheet[1]]
    assert header[:5] == ["id", "sasaran", "indikator", "satuan", "target"]
    rows = {sheet.cell(row=r, column=1).value: r for r in range(2, sheet.max_row + 1)}
    assert len(rows) == 60
    col = {name: i + 1 for i, name in enumerate(header)}
    # Protected id and target, editable quarters; dropdown for the grade, numbers elsewhere.
    assert sheet.protection.sheet
    assert sheet.cell(rows["IK-01"], col["id"]).protection.locked
    assert sheet.cell(rows["IK-01"], col["target"]).protection.locked
    assert not sheet.cell(rows["IK-01"], col["TW2"]).protection.locked
    validations = {(dv.type, dv.formula1): dv.sqref for dv in sheet.data_validations.dataValidation}
    assert f"F{rows['IK-25']}" in validations[("list", '"AA,A,BB,B,CC,C,D"')]
    assert f"F{rows['IK-25']}" not in validations[("decimal", "0")]
    assert f"F{rows['IK-01']}" in validations[("decimal", "0")]
    assert f"L{rows['IK-01']}" in validations[("decimal", "0")]
    # What the demo holds comes back out.
    assert sheet.cell(rows["IK-02"], col["TW4"]).value == 95
    assert sheet.cell(rows["IK-25"], col["TW4"]).value == "BB"

    # A planner fills two cells and a note, then imports the workbook.
    sheet.cell(rows["IK-60"], col["TW4"]).value = 70
    sheet.cell(rows["IK-60"], col["catatan TW4"]).value = "Laporan akhir tahun"
    sheet.cell(rows["IK-25"], col["TW4"]).value = "A"
    workbook.save(tmp_path / "isi.xlsx")
    code, out = run("import", "isi.xlsx", "demo")
    assert code == 0, out
    assert "4 values changed" not in out and "3 values changed" in out
    after = (folder / "realisasi.yaml").read_text(encoding="utf-8")
    added = [line for line in after.splitlines() if line not in original.splitlines()]
    assert added == [
        '    TW4: {realisasi: A, catatan: "Nilai 74,1 dari evaluator"}',
        "    TW4: {realisasi: 70, catatan: Laporan akhir tahun}",
    ]
    assert len(after.splitlines()) == len(original.splitlines()) + 1


def test_failed_xlsx_import_is_located(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from openpyxl import Workbook

    folder = tmp_path / "demo"
    shutil.copytree(DEMO, folder)
    monkeypatch.chdir(tmp_path)
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["id", "periode", "realisasi", "catatan"])
    sheet.append(["IK-01", "TW1", 12.5, None])
    sheet.append(["IK-01", "TW9", 12.5, None])
    workbook.save(tmp_path / "baris.xlsx")
    before = snapshot(folder)
    code, out = run("import", "baris.xlsx", "demo")
    assert code == 1
    assert "baris.xlsx:3:2: error: periode 'TW9' is not a triwulan" in out
    assert snapshot(folder) == before


def test_set_budget_rencana_aksi_and_narrative_change_only_their_lines(year: Path) -> None:
    code, out = run(
        "set",
        "--kegiatan",
        "076.01.CQ",
        "--periode",
        "TW2",
        "--anggaran",
        "1.250.000.000",
        str(year),
    )
    assert code == 0, out
    code, out = run("set", "IK-01", str(year), "-p", "TW2", "--rencana-aksi", "50")
    assert code == 0, out
    code, out = run(
        "set", "IK-01", str(year), "--faktor-penghambat", "Hujan deras", "--solusi", "Dua\nbaris"
    )
    assert code == 0, out
    after = (year / "realisasi.yaml").read_text(encoding="utf-8").splitlines()
    before = COMMENTED.splitlines()
    assert [line for line in after if line not in before] == [
        "    rencana_aksi: {TW2: 50}",
        "    faktor_penghambat: Hujan deras",
        "    solusi: |-",
        "      Dua",
        "      baris",
        "    TW2: 1250000000",
    ]
    assert [line for line in before if line not in after] == []
    loaded = load_year(year)
    assert loaded.ok and loaded.realisasi is not None
    ik01 = loaded.realisasi.indikator["IK-01"]
    assert ik01.rencana_aksi is not None and ik01.rencana_aksi.TW2 == Decimal(50)
    assert ik01.faktor_pendorong == "Koordinasi rutin\ndengan seluruh satker."
    assert (ik01.faktor_penghambat, ik01.solusi) == ("Hujan deras", "Dua\nbaris")
    anggaran = loaded.realisasi.anggaran["076.01.CQ"]
    assert (anggaran.TW1, anggaran.TW2) == (24876343350, 1250000000)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--kegiatan", "076.01.XX", "-p", "TW1", "--anggaran", "5"], "no budget line 076.01.XX"),
        (["--kegiatan", "076.01.CQ", "-p", "TW1", "--anggaran", "5,5"], "must be whole rupiah"),
        (["--kegiatan", "076.01.CQ", "-p", "TW1", "--anggaran", "-5"], "must be whole rupiah"),
        (["--kegiatan", "076.01.CQ", "-p", "TW1", "--anggaran", "1.250"], "could be 1.25 or 1250"),
        (["IK-25", "-p", "TW1", "--rencana-aksi", "Z"], "is not a code of skala"),
        (["IK-01", "--solusi", " "], "solusi for IK-01 is empty"),
    ],
)
def test_set_refuses_a_bad_budget_or_target(year: Path, args: list[str], message: str) -> None:
    before = snapshot(year)
    code, out = run("set", *args, str(year))
    assert code == 1 and message in out and "Nothing was written." in out, out
    assert snapshot(year) == before
