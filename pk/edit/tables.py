"""Rows to enter: the long CSV/XLSX table (id, periode, realisasi[, catatan]) or the wide
workbook of `pk export`, each value with the file, row and column it came from."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pk.check import codes
from pk.diagnostics import Diagnostic
from pk.i18n import _
from pk.vocab import TRIWULAN

LONG_COLUMNS = ("id", "periode", "realisasi")
"""A long table: one row per indicator and triwulan (`catatan` optional)."""
CATATAN = "catatan"

SHEET = "Realisasi"
"""The sheet of `pk export`'s workbook that `pk import` reads first."""


@dataclass(frozen=True)
class Cell:
    """Where a value came from: file, 1-based row and column (0 when not from a table)."""

    path: str
    row: int
    col: int


@dataclass(frozen=True)
class Entry:
    """One realisasi to write, still as given: `periode` and `realisasi` are unchecked."""

    id: str
    periode: str
    realisasi: Any
    catatan: str | None
    at: Cell
    """The row (and the id's column)."""
    at_periode: Cell
    at_realisasi: Cell


# --- reading rows --------------------------------------------------------------------------


def read_table(path: Path) -> tuple[list[Entry], list[Diagnostic]]:
    """Entries from a CSV or XLSX file: the long table, or the wide workbook of `pk export`."""
    display = path.as_posix()
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        rows = _xlsx_rows(path)
    elif path.suffix.lower() == ".csv":
        rows = _csv_rows(path)
    else:
        return [], [
            codes.IMPORT_FORMAT.at(
                display,
                0,
                0,
                _("pk import reads .csv or .xlsx files: save the sheet in one of these formats"),
            )
        ]
    return entries_from_rows(rows, display)


def _csv_rows(path: Path) -> list[list[Any]]:
    text = path.read_bytes().decode("utf-8-sig")
    # Spreadsheets in Indonesian locales save CSV with `;` (the comma is the decimal mark).
    dialect = "excel"
    first = text.split("\n", 1)[0]
    if first.count(";") > first.count(","):
        dialect = "excel-semicolon"
        csv.register_dialect("excel-semicolon", delimiter=";")
    return [list(row) for row in csv.reader(io.StringIO(text), dialect=dialect)]


def _xlsx_rows(path: Path) -> list[list[Any]]:
    from openpyxl import load_workbook

    workbook = load_workbook(path, data_only=True, read_only=True)
    try:
        sheet = workbook[SHEET] if SHEET in workbook.sheetnames else workbook.worksheets[0]
        return [list(row) for row in sheet.iter_rows(values_only=True)]
    finally:
        workbook.close()


def entries_from_rows(rows: list[list[Any]], display: str) -> tuple[list[Entry], list[Diagnostic]]:
    """Entries from table rows whose first row is the header (long or wide layout)."""
    if not rows:
        return [], [
            codes.IMPORT_EMPTY.at(
                display,
                0,
                0,
                _(
                    "the file is empty: fill in the workbook of `pk export`, or a table with the "
                    "columns id, periode, realisasi"
                ),
            )
        ]
    header = [str(clean(h) or "").lower() for h in rows[0]]
    index = {name: i for i, name in enumerate(header) if name}
    if all(c in index for c in LONG_COLUMNS):
        return list(_long(rows, index, display)), []
    tws = [tw for tw in TRIWULAN if tw.lower() in index]
    if "id" in index and tws:
        return list(_wide(rows, index, tws, display)), []
    return [], [
        codes.IMPORT_HEADER.at(
            display,
            1,
            1,
            _(
                "the first row must name the columns id, periode, realisasi (and optionally "
                "catatan), or be the header of a workbook written by `pk export` (id, …, TW1, TW2, "
                "TW3, TW4)"
            ),
        )
    ]


def _long(rows: list[list[Any]], index: dict[str, int], display: str) -> Iterator[Entry]:
    for r, row in enumerate(rows[1:], start=2):

        def get(name: str, row: list[Any] = row) -> Any:
            i = index.get(name)
            return row[i] if i is not None and i < len(row) else None

        if all(clean(v) is None for v in row):
            continue
        yield Entry(
            clean(get("id")) or "",
            clean(get("periode")) or "",
            get("realisasi"),
            clean(get(CATATAN)),
            Cell(display, r, index["id"] + 1),
            Cell(display, r, index["periode"] + 1),
            Cell(display, r, index["realisasi"] + 1),
        )


def _wide(
    rows: list[list[Any]], index: dict[str, int], tws: list[str], display: str
) -> Iterator[Entry]:
    for r, row in enumerate(rows[1:], start=2):

        def get(i: int | None, row: list[Any] = row) -> Any:
            return row[i] if i is not None and i < len(row) else None

        id_ = clean(get(index["id"]))
        if id_ is None:
            continue
        for tw in tws:
            col = index[tw.lower()]
            value = get(col)
            catatan = clean(get(index.get(f"{CATATAN} {tw.lower()}")))
            if clean(value) is None:
                continue
            yield Entry(
                id_,
                tw,
                value,
                catatan,
                Cell(display, r, index["id"] + 1),
                Cell(display, 1, col + 1),
                Cell(display, r, col + 1),
            )


def clean(value: Any) -> str | None:
    """A cell as trimmed text, or None when empty."""
    if value is None:
        return None
    text = str(value).strip()
    return text or None
