"""`pk export`: the workbook planners fill in; `pk import` reads it back.

Sheets: Realisasi (one row per indicator: a value and a catatan per triwulan, and the
narrative), Rencana Aksi (the quarterly targets), Anggaran (each kegiatan's spending per
quarter), Petunjuk. Every text from the data is written as a text cell, never a formula; the
same data gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path
from typing import Any

from pk.edit.tables import (
    CATATAN,
    NARASI,
    SHEET,
    SHEET_ANGGARAN,
    SHEET_RENCANA_AKSI,
)
from pk.load.year import Loaded
from pk.text import visible
from pk.vocab import TRIWULAN

FIXED = ("id", "sasaran", "indikator", "satuan", "target")

_EDITABLE = "FFF2CC"
_NUMBER_HINT = "Isi dengan angka dalam satuan indikator (mis. 87.5), tanpa tanda %."


def export_workbook(loaded: Loaded, output: Path) -> int:
    """Write the planners' workbook: dropdowns for grades, numbers only where numbers belong,
    the id and target columns protected. The number of indicators written."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    from pk.files import write_atomic

    perjanjian = loaded.perjanjian
    assert perjanjian is not None
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None  # a new workbook has its one sheet
    sheet.title = SHEET
    bold = Font(bold=True)
    _realisasi_sheet(loaded, sheet, bold)
    _rencana_aksi_sheet(loaded, workbook.create_sheet(SHEET_RENCANA_AKSI), bold)
    _anggaran_sheet(loaded, workbook.create_sheet(SHEET_ANGGARAN), bold)
    notes = workbook.create_sheet("Petunjuk")
    for r, line in enumerate(
        (
            f"Perjanjian Kinerja {perjanjian.tahun} — {perjanjian.unit.nama}",
            "Lembar Realisasi: isi kolom TW1..TW4 (kuning) dengan realisasi KUMULATIF s.d. akhir "
            "triwulan itu, dalam satuan indikatornya (87.5 untuk 87,5%); untuk predikat/level "
            "pilih kodenya. Kolom faktor_pendorong, faktor_penghambat dan solusi berisi narasi "
            "setahun per indikator.",
            "Lembar Rencana Aksi: target per triwulan, KUMULATIF (target TW4 = target tahunan).",
            "Lembar Anggaran: realisasi anggaran per kegiatan dalam rupiah penuh, PER TRIWULAN "
            "(belanja triwulan itu saja, tidak kumulatif).",
            "Kolom id, indikator dan target dikunci. Setelah diisi: pk import BERKAS.xlsx",
            "Sel kosong tidak mengubah apa pun; nilai yang sudah ada tertimpa oleh isi sel.",
            "Mengosongkan sel TIDAK menghapus nilainya: realisasi yang sudah tercatat tetap ada "
            "(pk import menyebutkan berapa sel kosong yang nilainya tetap). Untuk menghapus "
            "realisasi, hapus di realisasi.yaml.",
        ),
        start=1,
    ):
        _put(notes, r, 1, line)
    notes.column_dimensions["A"].width = 120
    # Same data, same bytes: the document's dates are the agreement's, not the clock's.
    signed = perjanjian.penandatanganan.tanggal if perjanjian.penandatanganan else None
    stamp = dt.datetime.combine(signed or dt.date(perjanjian.tahun, 1, 1), dt.time())
    workbook.properties.created = stamp
    buffer = io.BytesIO()
    workbook.save(buffer)
    write_atomic(output, _reproducible(buffer.getvalue(), stamp))
    return len(perjanjian.indikator())


def _put(sheet: Any, row: int, col: int, value: Any) -> Any:
    """Write one cell; text stays text (`=HYPERLINK(…)` from the data is no formula), its
    control characters written as visible escapes (which openpyxl and Excel refuse raw)."""
    if isinstance(value, str):
        value = visible(value)
    cell = sheet.cell(row=row, column=col, value=value)
    if isinstance(value, str):
        cell.data_type = "s"
    return cell


def _header(sheet: Any, names: Iterable[str], bold: Any) -> list[str]:
    header = list(names)
    for col, name in enumerate(header, start=1):
        _put(sheet, 1, col, name).font = bold
    return header


def _number(value: Any) -> Any:
    """A Decimal as the int or float a spreadsheet holds."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral() else float(value)
    return value


def _realisasi_sheet(loaded: Loaded, sheet: Any, bold: Any) -> None:
    from openpyxl.styles import Alignment, PatternFill, Protection

    from pk.model.perjanjian import target_text

    perjanjian = loaded.perjanjian
    assert perjanjian is not None
    realisasi = loaded.realisasi
    names = [*FIXED]
    for tw in TRIWULAN:
        names += [tw, f"{CATATAN} {tw}"]
    header = _header(sheet, [*names, *NARASI], bold)
    editable = PatternFill("solid", fgColor=_EDITABLE)
    unlocked = Protection(locked=False)
    wrap = Alignment(wrap_text=True, vertical="top")
    rows_of: dict[str | None, list[int]] = {}
    for row, (_kelompok, sasaran, ind) in enumerate(perjanjian.indikator(), start=2):
        data = realisasi.indikator.get(ind.id) if realisasi else None
        values: list[Any] = [
            ind.id,
            sasaran.id,
            ind.nama,
            ind.satuan or ind.skala or "",
            target_text(ind) or "",
        ]
        for tw in TRIWULAN:
            entry = data.triwulan(tw) if data else None
            values += [
                _number(entry.realisasi) if entry else None,
                entry.catatan if entry else None,
            ]
        values += [getattr(data, name) if data else None for name in NARASI]
        for col, value in enumerate(values, start=1):
            _put(sheet, row, col, value)
        for col in range(len(FIXED) + 1, len(values) + 1):
            cell = sheet.cell(row=row, column=col)
            cell.protection = unlocked
            cell.fill = editable
        graded = ind.skala is not None and ind.skala in perjanjian.skala
        rows_of.setdefault(ind.skala if graded else None, []).append(row)
        if ind.skala is not None:
            # Codes such as "3" must stay text, or a level would import as a number.
            for t in range(len(TRIWULAN)):
                sheet.cell(row=row, column=len(FIXED) + 1 + 2 * t).number_format = "@"
        sheet.cell(row=row, column=3).alignment = wrap
    value_cols = [len(FIXED) + 1 + 2 * t for t in range(len(TRIWULAN))]
    for skala, rows in rows_of.items():
        if skala is None:
            validation = _numbers()
        else:
            codes = visible(",".join(perjanjian.skala[skala].kode))
            validation = _validation(
                type="list",
                formula1=f'"{codes}"',
                errorTitle="Kode",
                error=f"Pilih salah satu kode skala {visible(skala)}: {codes}",
            )
        _cover(sheet, validation, value_cols, rows)
    widths = {"id": 9, "sasaran": 9, "indikator": 60, "satuan": 12, "target": 10}
    _widths(sheet, header, widths, 24)
    sheet.freeze_panes = "F2"
    _protect(sheet)


def _rencana_aksi_sheet(loaded: Loaded, sheet: Any, bold: Any) -> None:
    from openpyxl.styles import PatternFill, Protection

    from pk.model.perjanjian import Rentang, target_text

    perjanjian = loaded.perjanjian
    assert perjanjian is not None
    header = _header(sheet, ["id", "indikator", "satuan", "target", *TRIWULAN], bold)
    editable = PatternFill("solid", fgColor=_EDITABLE)
    unlocked = Protection(locked=False)
    numeric: list[int] = []
    for row, (_kelompok, _sasaran, ind) in enumerate(perjanjian.indikator(), start=2):
        data = loaded.realisasi.indikator.get(ind.id) if loaded.realisasi else None
        plan = data.rencana_aksi if data else None
        values: list[Any] = [
            ind.id,
            ind.nama,
            ind.satuan or ind.skala or "",
            target_text(ind) or "",
        ]
        for tw in TRIWULAN:
            planned = getattr(plan, tw) if plan else None
            if isinstance(planned, Rentang):
                planned = f"{_text_number(planned.min)}-{_text_number(planned.maks)}"
            values.append(_number(planned))
        for col, value in enumerate(values, start=1):
            _put(sheet, row, col, value)
        for col in range(5, 9):
            cell = sheet.cell(row=row, column=col)
            cell.protection = unlocked
            cell.fill = editable
            if ind.skala is not None or isinstance(ind.target, Rentang):
                cell.number_format = "@"
        if ind.skala is None and not isinstance(ind.target, Rentang):
            numeric.append(row)
    _cover(sheet, _numbers(minimum=None), [5, 6, 7, 8], numeric)
    _widths(sheet, header, {"id": 9, "indikator": 60, "satuan": 12, "target": 10}, 12)
    sheet.freeze_panes = "E2"
    _protect(sheet)


def _anggaran_sheet(loaded: Loaded, sheet: Any, bold: Any) -> None:
    from openpyxl.styles import PatternFill, Protection

    perjanjian = loaded.perjanjian
    assert perjanjian is not None
    header = _header(sheet, ["kode", "kegiatan", "pagu", *TRIWULAN], bold)
    editable = PatternFill("solid", fgColor=_EDITABLE)
    unlocked = Protection(locked=False)
    rows: list[int] = []
    for row, kegiatan in enumerate(perjanjian.anggaran.kegiatan, start=2):
        spent = loaded.realisasi.anggaran.get(kegiatan.ref) if loaded.realisasi else None
        values = [kegiatan.kode, kegiatan.nama, kegiatan.pagu]
        values += [getattr(spent, tw) if spent else None for tw in TRIWULAN]
        for col, value in enumerate(values, start=1):
            cell = _put(sheet, row, col, value)
            if col >= 3:
                cell.number_format = "#,##0"
            if col >= 4:
                cell.protection = unlocked
                cell.fill = editable
        rows.append(row)
    _cover(
        sheet,
        _validation(
            type="whole",
            operator="greaterThanOrEqual",
            formula1="0",
            errorTitle="Rupiah",
            error="Isi dengan rupiah penuh belanja triwulan itu saja (tidak kumulatif), tanpa titik.",
        ),
        [4, 5, 6, 7],
        rows,
    )
    _widths(sheet, header, {"kode": 14, "kegiatan": 60}, 18)
    sheet.freeze_panes = "D2"
    _protect(sheet)


def _text_number(number: Decimal) -> str:
    from pk.numbers import plain

    return plain(number)


def _validation(**kwargs: Any) -> Any:
    from openpyxl.worksheet.datavalidation import DataValidation

    return DataValidation(allow_blank=True, showErrorMessage=True, **kwargs)


def _numbers(minimum: str | None = "0") -> Any:
    if minimum is None:
        return _validation(
            type="decimal",
            operator="between",
            formula1="-1E+300",
            formula2="1E+300",
            errorTitle="Angka",
            error=_NUMBER_HINT,
        )
    return _validation(
        type="decimal",
        operator="greaterThanOrEqual",
        formula1=minimum,
        errorTitle="Angka",
        error=_NUMBER_HINT,
    )


def _cover(sheet: Any, validation: Any, cols: list[int], rows: list[int]) -> None:
    """Apply `validation` to `cols` of `rows`, as one range per run of consecutive rows: adding
    cells one by one checks each against all before it, quadratic in the rows."""
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.cell_range import MultiCellRange

    if not rows:
        return
    runs: list[tuple[int, int]] = []
    for row in sorted(rows):
        if runs and runs[-1][1] == row - 1:
            runs[-1] = (runs[-1][0], row)
        else:
            runs.append((row, row))
    refs = [
        f"{letter}{a}:{letter}{b}" if a != b else f"{letter}{a}"
        for letter in (get_column_letter(c) for c in cols)
        for a, b in runs
    ]
    validation.sqref = MultiCellRange(" ".join(refs))
    sheet.add_data_validation(validation)


def _widths(sheet: Any, header: list[str], widths: dict[str, int], default: int) -> None:
    from openpyxl.utils import get_column_letter

    for col, name in enumerate(header, start=1):
        sheet.column_dimensions[get_column_letter(col)].width = widths.get(
            name, 12 if name in TRIWULAN else default
        )


def _protect(sheet: Any) -> None:
    # Protected without a password: it guards against slips, not against the planner.
    sheet.protection.sheet = True
    sheet.protection.formatColumns = False
    sheet.protection.formatRows = False


_MODIFIED = re.compile(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)")


def _reproducible(data: bytes, stamp: dt.datetime) -> bytes:
    """The saved workbook with its clock times replaced: core.xml's `modified` (openpyxl sets
    it to now on save) and every zip entry's time."""
    when = stamp.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            content = source.read(info)
            if info.filename == "docProps/core.xml":
                content = _MODIFIED.sub(rb"\g<1>" + when + rb"\g<2>", content)
            entry = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = info.external_attr
            target.writestr(entry, content)
    return out.getvalue()
