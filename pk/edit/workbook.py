"""`pk export`: the workbook planners fill in, one row per indicator; `pk import` reads it."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

from pk.edit.tables import CATATAN, SHEET
from pk.load.year import Loaded
from pk.vocab import TRIWULAN

FIXED = ("id", "sasaran", "indikator", "satuan", "target")


def export_workbook(loaded: Loaded, output: Path) -> int:
    """Write the planners' workbook: one row per indicator, a value and a catatan column per
    triwulan to fill, dropdowns for grades, numbers only where numbers belong, and the id and
    target columns protected. The number of indicators written."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill, Protection
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    from pk.model.perjanjian import target_text

    perjanjian = loaded.perjanjian
    assert perjanjian is not None
    realisasi = loaded.realisasi
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None  # a new workbook has its one sheet
    sheet.title = SHEET
    header = [*FIXED]
    for tw in TRIWULAN:
        header += [tw, f"{CATATAN} {tw}"]
    sheet.append(header)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    numbers = DataValidation(
        type="decimal",
        operator="greaterThanOrEqual",
        formula1="0",
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="Angka",
        error="Isi dengan angka dalam satuan indikator (mis. 87.5), tanpa tanda %.",
    )
    sheet.add_data_validation(numbers)
    grades: dict[str, DataValidation] = {}
    editable = PatternFill("solid", fgColor="FFF2CC")
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
            value: Any = None
            if entry is not None:
                value = entry.realisasi
                if isinstance(value, Decimal):
                    value = int(value) if value == value.to_integral() else float(value)
            values += [value, entry.catatan if entry else None]
        sheet.append(values)
        if ind.skala is not None and ind.skala in perjanjian.skala:
            if ind.skala not in grades:
                codes = ",".join(perjanjian.skala[ind.skala].kode)
                grades[ind.skala] = DataValidation(
                    type="list",
                    formula1=f'"{codes}"',
                    allow_blank=True,
                    showErrorMessage=True,
                    errorTitle="Kode",
                    error=f"Pilih salah satu kode skala {ind.skala}: {codes}",
                )
                sheet.add_data_validation(grades[ind.skala])
            validation = grades[ind.skala]
        else:
            validation = numbers
        for t in range(len(TRIWULAN)):
            value_col = len(FIXED) + 1 + 2 * t
            for col in (value_col, value_col + 1):
                cell = sheet.cell(row=row, column=col)
                cell.protection = Protection(locked=False)
                cell.fill = editable
            validation.add(sheet.cell(row=row, column=value_col))
            # Codes such as "3" must stay text, or a level would import as a number.
            if ind.skala is not None:
                sheet.cell(row=row, column=value_col).number_format = "@"
        sheet.cell(row=row, column=3).alignment = Alignment(wrap_text=True, vertical="top")
    widths = {"id": 9, "sasaran": 9, "indikator": 60, "satuan": 12, "target": 10}
    for col, name in enumerate(header, start=1):
        sheet.column_dimensions[get_column_letter(col)].width = widths.get(
            name, 12 if name in TRIWULAN else 24
        )
    sheet.freeze_panes = "F2"
    # Protected without a password: it guards against slips, not against the planner.
    sheet.protection.sheet = True
    sheet.protection.formatColumns = False
    sheet.protection.formatRows = False
    notes = workbook.create_sheet("Petunjuk")
    for line in (
        f"Perjanjian Kinerja {perjanjian.tahun} — {perjanjian.unit.nama}",
        "Isi kolom TW1..TW4 (kuning) dengan realisasi kumulatif s.d. triwulan itu, dalam satuan "
        "indikatornya (87.5 untuk 87,5%); untuk predikat/level pilih kodenya.",
        "Kolom id, indikator dan target dikunci. Setelah diisi: pk import BERKAS.xlsx",
        "Sel kosong tidak mengubah apa pun; nilai yang sudah ada tertimpa oleh isi sel.",
    ):
        notes.append([line])
    notes.column_dimensions["A"].width = 120
    output.parent.mkdir(parents=True, exist_ok=True)
    workbook.save(output)
    return len(perjanjian.indikator())
