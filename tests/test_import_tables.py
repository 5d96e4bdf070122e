"""`pk import` and `pk set` on what spreadsheets really give: notations, uncalculated formulas,
wrong encodings, renamed and damaged files, absurd sizes. Each ends in located findings, exit 1,
nothing written and no traceback."""

from __future__ import annotations

import re
import shutil
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import DATA_2024
from typer.testing import CliRunner

from pk.cli import app
from pk.load.year import load_year
from pk.numbers import EXCERPT, excerpt, read_figure

pytestmark = pytest.mark.usefixtures("english")  # asserts English messages


@pytest.fixture
def year(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "2024"
    folder.mkdir()
    shutil.copy(DATA_2024 / "perjanjian.yaml", folder)
    monkeypatch.chdir(tmp_path)
    return Path("2024")


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    return result.exit_code, result.output


def refused(year: Path, table: Path) -> str:
    """Import `table`: refused with exit 1 and nothing written; the output."""
    before = snapshot(year)
    code, out = run("import", str(table), str(year))
    assert code == 1, out
    assert snapshot(year) == before
    return out


def realisasi(year: Path, id_: str, tw: str) -> object:
    loaded = load_year(year)
    assert loaded.ok and loaded.realisasi is not None, loaded.diagnostics
    return getattr(loaded.realisasi.indikator[id_], tw).realisasi


# --- numbers: decided by the notation of their source, never guessed ----------------------


@pytest.mark.parametrize(
    ("text", "decimal", "expected"),
    [
        ("1.250", ",", Decimal(1250)),
        ("1.250,5", ",", Decimal("1250.5")),
        ("47,5", ",", Decimal("47.5")),
        ("1.25", ",", (Decimal("1.25"),)),  # the other notation: refused
        ("1.250", None, (Decimal("1.250"), Decimal(1250))),  # reads two ways: refused
        ("1,250", None, (Decimal("1.250"), Decimal(1250))),
        ("97,5", None, Decimal("97.5")),
        ("97.5%", None, Decimal("97.5")),
        ("1.250.000", None, Decimal(1250000)),
        ("1.250,5", None, Decimal("1250.5")),
        ("0.250", None, Decimal("0.250")),
        ("-3", None, Decimal(-3)),
        ("1,2,3", None, None),
        ("lima", None, None),
    ],
)
def test_read_figure(text: str, decimal: str | None, expected: object) -> None:
    assert read_figure(text, decimal) == expected


def test_semicolon_csv_reads_indonesian_notation_and_refuses_the_other(
    year: Path, tmp_path: Path
) -> None:
    table = tmp_path / "excel.csv"
    table.write_text("id;periode;realisasi\nIK-01;TW2;1.250\nIK-02;TW2;1.250,5\n", encoding="utf-8")
    code, out = run("import", str(table), str(year))
    assert code == 0, out
    assert realisasi(year, "IK-01", "TW2") == Decimal(1250)
    assert realisasi(year, "IK-02", "TW2") == Decimal("1250.5")

    table.write_text("id;periode;realisasi\nIK-01;TW3;1.25\n", encoding="utf-8")
    out = refused(year, table)
    assert out.startswith(
        f"{table.as_posix()}:2:3: error: '1.25' is not written as this file writes numbers: its "
        "columns are separated by `;`"
    )
    assert "write 1,25 [ambiguous-number]" in out


def test_comma_csv_refuses_a_figure_that_reads_two_ways(year: Path, tmp_path: Path) -> None:
    # A `,` CSV says nothing of its notation (Google Sheets writes one in every locale).
    table = tmp_path / "sheets.csv"
    table.write_text(
        'id,periode,realisasi\nIK-01,TW1,"1,250"\nIK-02,TW1,"47,5"\n', encoding="utf-8"
    )
    out = refused(year, table)
    assert (
        f"{table.as_posix()}:2:3: error: '1,250' could be 1.25 or 1250: write the figure without "
        "thousands separators, with a point before the decimals (1.25 or 1250) [ambiguous-number]"
    ) in out
    assert f"{table.as_posix()}:3:" not in out  # 47,5 reads one way only


def test_set_refuses_an_ambiguous_figure_and_takes_a_decimal_comma(year: Path) -> None:
    before = snapshot(year)
    code, out = run("set", "IK-01", str(year), "-p", "TW1", "-r", "1.250")
    assert code == 1 and "'1.250' could be 1.25 or 1250" in out and "[ambiguous-number]" in out
    assert snapshot(year) == before
    assert run("set", "IK-01", str(year), "-p", "TW1", "-r", "97,5")[0] == 0
    assert realisasi(year, "IK-01", "TW1") == Decimal("97.5")


# --- workbooks ----------------------------------------------------------------------------


def test_formula_without_a_stored_value_is_located(year: Path, tmp_path: Path) -> None:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["id", "periode", "realisasi"])
    sheet.append(["IK-01", "TW1", 40])
    sheet.append(["IK-02", "TW1", "=B2*2"])  # openpyxl stores no value: it does not calculate
    table = tmp_path / "rumus.xlsx"
    workbook.save(table)
    out = refused(year, table)
    assert out.startswith(
        f"{table.as_posix()}:3:3: error: the formula =B2*2 has no value stored in the workbook"
    )
    assert "open the workbook in Excel or LibreOffice and save it" in out
    assert out.splitlines()[0].endswith("[import-formula]")


def test_a_formula_with_its_stored_value_is_read(year: Path, tmp_path: Path) -> None:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["id", "periode", "realisasi"])
    sheet.append(["IK-01", "TW1", "=20*2"])
    table = tmp_path / "dihitung.xlsx"
    workbook.save(table)
    # What Excel writes: the formula and, beside it, the value it computed.
    with zipfile.ZipFile(table) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    sheet_xml = parts["xl/worksheets/sheet1.xml"].decode()
    # openpyxl writes the empty value `<v />`, or `<v></v>` when lxml is installed (python-docx
    # brings it).
    parts["xl/worksheets/sheet1.xml"] = re.sub(r"<v ?/>|<v></v>", "<v>40</v>", sheet_xml).encode()
    assert "<v>40</v>" in parts["xl/worksheets/sheet1.xml"].decode()
    with zipfile.ZipFile(table, "w") as target:
        for name, data in parts.items():
            target.writestr(name, data)
    code, out = run("import", str(table), str(year))
    assert code == 0, out
    assert realisasi(year, "IK-01", "TW1") == Decimal(40)


@pytest.mark.parametrize(
    ("name", "content", "code", "message"),
    [
        (
            "ganti-nama.xlsx",
            b"id,periode,realisasi\nIK-01,TW1,40\n",
            "import-unreadable",
            "the file is not an Excel workbook, though its name ends in .xlsx (it may be a CSV",
        ),
        (
            "acak.xlsx",
            bytes(range(256)) * 8,
            "import-unreadable",
            "the file is not an Excel workbook",
        ),
        ("kosong.xlsx", b"", "import-unreadable", "the file is not an Excel workbook"),
    ],
)
def test_a_file_that_is_no_workbook(
    year: Path, tmp_path: Path, name: str, content: bytes, code: str, message: str
) -> None:
    table = tmp_path / name
    table.write_bytes(content)
    out = refused(year, table)
    assert out.startswith(f"{table.as_posix()}: error: {message}")
    assert out.splitlines()[0].endswith(f"[{code}]")


def test_a_zip_that_is_no_workbook(year: Path, tmp_path: Path) -> None:
    table = tmp_path / "arsip.xlsx"
    with zipfile.ZipFile(table, "w") as archive:
        archive.writestr("catatan.txt", "bukan buku kerja")
    out = refused(year, table)
    assert out.startswith(
        f"{table.as_posix()}: error: the file is a zip archive but not a readable Excel workbook"
    )
    assert out.splitlines()[0].endswith("[import-unreadable]")


def test_a_sheet_declared_absurdly_large_is_refused_unread(year: Path, tmp_path: Path) -> None:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["id", "periode", "realisasi"])
    sheet["XFD1048576"] = "x"  # a few bytes on disk; a billion cells to a naive reader
    table = tmp_path / "besar.xlsx"
    workbook.save(table)
    out = refused(year, table)
    assert out.startswith(
        f"{table.as_posix()}: error: sheet 'Sheet' is larger than pk import reads (at most "
        "50000 rows and 100 columns)"
    )
    assert out.splitlines()[0].endswith("[import-too-large]")


def test_a_workbook_that_unpacks_to_gigabytes_is_refused(year: Path, tmp_path: Path) -> None:
    table = tmp_path / "bom.xlsx"
    with zipfile.ZipFile(table, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/sharedStrings.xml", b" " * (120 * 1024 * 1024))
    assert table.stat().st_size < 1024 * 1024
    out = refused(year, table)
    assert "the workbook unpacks to 120 MB, over pk import's limit of 100 MB" in out
    assert out.splitlines()[0].endswith("[import-too-large]")


def test_messages_quote_a_bounded_excerpt_of_a_huge_cell(year: Path, tmp_path: Path) -> None:
    from openpyxl import Workbook

    huge = "IK-" + "9" * 30_000
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["id", "periode", "realisasi"])
    for _ in range(50):
        sheet.append([huge, "TW1" + "x" * 30_000, "lima" * 7000])
    table = tmp_path / "panjang.xlsx"
    workbook.save(table)
    out = refused(year, table)
    assert len(out.splitlines()) == 52  # 50 findings, the count, "Nothing was written."
    assert max(len(line) for line in out.splitlines()) < 400
    assert excerpt(huge) in out and len(excerpt(huge)) == EXCERPT


# --- CSV ----------------------------------------------------------------------------------


def test_windows_1252_csv_is_located_with_how_to_save_it(year: Path, tmp_path: Path) -> None:
    table = tmp_path / "ansi.csv"
    table.write_bytes(
        "id;periode;realisasi;catatan\nIK-01;TW1;40;Sesuai – jadwal\n".encode("cp1252")
    )
    out = refused(year, table)
    assert out.startswith(
        f"{table.as_posix()}:2:21: error: byte 0x96 is not UTF-8 text (the file was saved in "
        "another encoding, such as Windows-1252): in Excel choose Save As, CSV UTF-8"
    )
    assert out.splitlines()[0].endswith("[import-encoding]")


def test_csv_field_over_the_csv_limit(year: Path, tmp_path: Path) -> None:
    table = tmp_path / "panjang.csv"
    table.write_text(
        'id,periode,realisasi\nIK-01,TW1,40\nIK-02,TW1,"' + "x" * 200_000 + '"\n',
        encoding="utf-8",
    )
    out = refused(year, table)
    assert out.startswith(f"{table.as_posix()}:3:1: error: the CSV cannot be read here (")
    assert "a cell longer than 128 KB" in out
    assert out.splitlines()[0].endswith("[import-unreadable]")
    assert len(out) < 1000


def test_csv_cell_over_a_spreadsheet_cell(year: Path, tmp_path: Path) -> None:
    table = tmp_path / "catatan.csv"
    table.write_text(
        "id,periode,realisasi,catatan\nIK-01,TW1,40," + "x" * 40_000 + "\n", encoding="utf-8"
    )
    out = refused(year, table)
    assert out.startswith(
        f"{table.as_posix()}:2:4: error: this cell holds 40000 characters, over the limit of "
        "32767 (a spreadsheet cell's own): shorten it [import-too-large]"
    )


def test_csv_with_too_many_rows(year: Path, tmp_path: Path) -> None:
    table = tmp_path / "baris.csv"
    table.write_text("id,periode,realisasi\n" + "IK-01,TW1,40\n" * 60_000, encoding="utf-8")
    out = refused(year, table)
    assert out.startswith(f"{table.as_posix()}:50001:1: error: the table is larger than pk import")
    assert out.splitlines()[0].endswith("[import-too-large]")


# --- rows that do not fit their header -----------------------------------------------------


def test_comma_csv_row_with_more_fields_than_the_header(year: Path, tmp_path: Path) -> None:
    table = tmp_path / "e.csv"
    table.write_text(
        "id,periode,realisasi\nIK-03,TW1,97,5\nIK-04,TW1,1,5,extra\n", encoding="utf-8"
    )
    out = refused(year, table)
    assert (
        f"{table.as_posix()}:2:4: error: this row has 4 fields, but the first row names 3 "
        "columns: in a CSV separated by `,` a comma splits a cell, so `97,5` became two fields"
    ) in out
    assert 'write 97.5, or put the cell in double quotes ("97,5")' in out
    assert "save the sheet as CSV with `;`" in out
    assert f"{table.as_posix()}:3:4: error: this row has 5 fields" in out
    assert "[import-row-width]" in out


def test_a_catatan_split_by_a_comma_is_refused(year: Path, tmp_path: Path) -> None:
    table = tmp_path / "e.csv"
    table.write_text("id,periode,realisasi,catatan\nIK-01,TW1,80,naik, sesuai\n", encoding="utf-8")
    out = refused(year, table)
    assert f"{table.as_posix()}:2:5: error: this row has 5 fields, but the first row names 4" in out


def test_a_row_short_of_a_required_column_is_refused(year: Path, tmp_path: Path) -> None:
    table = tmp_path / "e.csv"
    table.write_text("id,periode,realisasi,catatan\nIK-01,TW1\nIK-02,TW1,5\n", encoding="utf-8")
    out = refused(year, table)
    assert (
        f"{table.as_posix()}:2:3: error: this row has 2 fields, but the first row names 4 "
        "columns: the column realisasi is missing"
    ) in out
    assert f"{table.as_posix()}:3:" not in out  # catatan is optional


def test_a_semicolon_csv_row_with_too_many_fields(year: Path, tmp_path: Path) -> None:
    table = tmp_path / "e.csv"
    table.write_text("id;periode;realisasi\nIK-01;TW1;80;5\n", encoding="utf-8")
    out = refused(year, table)
    assert f"{table.as_posix()}:2:4: error: this row has 4 fields" in out
    assert "a `;` inside a cell splits it" in out


# --- what is not a table -------------------------------------------------------------------


def test_import_of_a_folder_says_it_needs_a_table(year: Path) -> None:
    code, out = run("import", str(year), str(year))
    assert code != 0
    assert "no such file" not in out
    assert "is a folder: pk import reads one .csv or .xlsx file" in out


def test_a_workbook_renamed_csv_is_told_to_be_named_xlsx(year: Path, tmp_path: Path) -> None:
    book = tmp_path / "book.xlsx"
    assert run("export", str(year), "-o", str(book))[0] == 0
    table = tmp_path / "book.csv"
    book.rename(table)
    out = refused(year, table)
    assert f"{table.as_posix()}:0:0: error:" in out or f"{table.as_posix()}: error:" in out
    assert "is an Excel workbook (a zip file), though its name ends in .csv" in out
    assert "rename it to book.xlsx" in out
    assert "Windows-1252" not in out


# --- a realisasi file under another name ----------------------------------------------------


@pytest.mark.parametrize("name", ["realisasi.yml", "Realisasi.yaml", "REALISASI.YML"])
def test_set_and_import_refuse_a_second_realisasi_beside_a_misnamed_one(
    year: Path, tmp_path: Path, name: str
) -> None:
    (year / name).write_text(
        "versi_format: 1\ntahun: 2024\nindikator:\n  IK-01:\n    TW1: {realisasi: 5}\n",
        encoding="utf-8",
    )
    before = snapshot(year)
    code, out = run("set", "IK-02", str(year), "-p", "TW1", "-r", "7")
    assert code == 2, out
    assert f"{(year / name).as_posix()} is there, but pk reads only realisasi.yaml" in out
    assert "rename it to realisasi.yaml" in out
    table = tmp_path / "t.csv"
    table.write_text("id,periode,realisasi\nIK-02,TW1,7\n", encoding="utf-8")
    code, out = run("import", str(table), str(year))
    assert code == 2 and "rename it to realisasi.yaml" in out
    assert snapshot(year) == before
    code, out = run("validate", str(year))
    assert f"{(year / name).as_posix()}: warning: is not read" in out
    assert "[misnamed-file]" in out


def test_an_emptied_workbook_cell_is_counted_not_thought_deleted(
    year: Path, tmp_path: Path
) -> None:
    from openpyxl import load_workbook

    assert run("set", "IK-01", str(year), "-p", "TW1", "-r", "80")[0] == 0
    assert run("set", "IK-02", str(year), "-p", "TW1", "-r", "70")[0] == 0
    book = tmp_path / "book.xlsx"
    assert run("export", str(year), "-o", str(book))[0] == 0
    workbook = load_workbook(book)
    sheet = workbook["Realisasi"]
    header = [c.value for c in sheet[1]]
    rows = {row[0].value: row for row in sheet.iter_rows(min_row=2)}
    rows["IK-01"][header.index("TW1")].value = None  # the planner clears IK-01's figure
    workbook.save(book)
    notes = " ".join(str(c.value) for row in workbook["Petunjuk"].iter_rows() for c in row)
    assert "Mengosongkan sel TIDAK menghapus nilainya" in notes
    code, out = run("import", str(book), str(year))
    assert code == 0, out
    assert (
        "1 cell of the table is empty while realisasi.yaml holds a figure for it: left unchanged "
        "(pk import never deletes; to remove a figure, delete it in realisasi.yaml)"
    ) in out
    assert realisasi(year, "IK-01", "TW1") == Decimal(80)


def test_catatan_without_realisasi_says_how_to_write_it(year: Path) -> None:
    code, out = run("set", "IK-01", str(year), "-p", "TW1", "--catatan", "X")
    assert code == 2
    assert "--catatan goes with --realisasi" in out
    assert "--realisasi 87.5 --catatan" in out


def test_tab_separated_csv_is_named_as_such(year: Path, tmp_path: Path) -> None:
    table = tmp_path / "tab.csv"
    table.write_text("id\tperiode\trealisasi\tcatatan\nIK-01\tTW1\t40\t\n", encoding="utf-8")
    out = refused(year, table)
    assert out.startswith(
        f"{table.as_posix()}:1:3: error: this file separates its columns with tabs"
    )
    assert "1 kolom" not in out and "1 column" not in out


def test_comma_csv_whole_realisasi_then_digits_catatan_is_the_split_decimal(
    year: Path, tmp_path: Path
) -> None:
    table = tmp_path / "e.csv"
    table.write_text("id,periode,realisasi,catatan\nIK-03,TW1,97,5\n", encoding="utf-8")
    out = refused(year, table)
    assert out.startswith(f"{table.as_posix()}:2:")
    assert "97,5" in out and "97.5" in out and "[import-row-width]" in out
