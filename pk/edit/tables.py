"""Rows to enter: the long CSV/XLSX table (id, periode, realisasi[, catatan]) or the workbook of
`pk export` (its sheets Realisasi, Rencana Aksi and Anggaran), each value with the file, row and
column it came from.

Reading is bounded: a table larger than a Perjanjian Kinerja's could ever be is refused with
its limit named, before it fills memory, and every read error is a located Diagnostic.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pk.check import codes
from pk.diagnostics import Diagnostic, UsageError
from pk.i18n import _
from pk.numbers import excerpt
from pk.vocab import TRIWULAN

LONG_COLUMNS = ("id", "periode", "realisasi")
"""A long table: one row per indicator and triwulan (`catatan` optional)."""
ANGGARAN_COLUMNS = ("kode", "periode", "anggaran")
"""A long table of budget realisasi: one row per kegiatan and triwulan."""
CATATAN = "catatan"

REALISASI = "realisasi"
RENCANA_AKSI = "rencana_aksi"
ANGGARAN = "anggaran"
NARASI = ("faktor_pendorong", "faktor_penghambat", "solusi")
"""The narrative the LKjIP asks for, one text per indikator for the year."""

SHEET = "Realisasi"
"""The sheet of `pk export`'s workbook that `pk import` reads first."""
SHEET_RENCANA_AKSI = "Rencana Aksi"
SHEET_ANGGARAN = "Anggaran"

MAX_TABLE_BYTES = 20 * 1024 * 1024
"""A table file larger than this is refused unread (the workbook of 240 indikator is 30 KB)."""
MAX_UNPACKED_BYTES = 100 * 1024 * 1024
"""What a workbook may unpack to: a small .xlsx can hold gigabytes of compressed XML."""
MAX_ROWS = 50_000
MAX_COLUMNS = 100
MAX_CELLS = 1_000_000
"""Rows × columns read from one sheet, at most."""
MAX_CELL_CHARS = 32_767
"""Excel's own limit on a cell's text."""


@dataclass(frozen=True)
class Cell:
    """Where a value came from: file, 1-based row and column (0 when not from a table)."""

    path: str
    row: int
    col: int


@dataclass(frozen=True)
class Entry:
    """One value to write, still as given: `periode` and `value` are unchecked.

    `field` says what it is: a quarter's `realisasi` (with its `catatan`), a `rencana_aksi`
    target, a narrative text (NARASI; `periode` empty), or a kegiatan's `anggaran` (then `id`
    is the kegiatan's kode)."""

    id: str
    periode: str
    value: Any
    catatan: str | None
    at: Cell
    """The row (and the id's column)."""
    at_periode: Cell
    at_value: Cell
    field: str = REALISASI
    decimal: str | None = None
    """The mark the source writes before decimals (`,` in a `;` CSV), None when it does not say."""


@dataclass(frozen=True)
class Uncomputed:
    """A formula cell whose workbook holds no computed value (saved by a program that does not
    calculate)."""

    formula: str


@dataclass(frozen=True)
class Blank:
    """An empty quarter cell of a wide table: it changes nothing, but `pk import` says how many
    such cells hold a figure in realisasi.yaml, so that an emptied cell is not thought deleted."""


BLANK = Blank()


class TableError(Exception):
    """A table that cannot be read at all; carries the located finding."""

    def __init__(self, diagnostic: Diagnostic) -> None:
        super().__init__(diagnostic.message)
        self.diagnostic = diagnostic


Rows = list[list[Any]]


# --- reading rows --------------------------------------------------------------------------


def read_table(path: Path) -> tuple[list[Entry], list[Diagnostic]]:
    """Entries from a CSV or XLSX file: a long table, or the workbook of `pk export`."""
    display = path.as_posix()
    suffix = path.suffix.lower()
    if path.is_dir():
        raise UsageError(
            _(
                "{path} is a folder: pk import reads one .csv or .xlsx file, e.g. "
                "pk import realisasi.xlsx"
            ).format(path=display)
        )
    if not path.exists():
        raise UsageError(_("{path}: no such file").format(path=display))
    if not path.is_file():
        raise UsageError(
            _("{path} is not a regular file (a device or pipe?): name a .csv or .xlsx file").format(
                path=display
            )
        )
    if suffix not in (".xlsx", ".xlsm", ".csv"):
        return [], [
            codes.IMPORT_FORMAT.at(
                display,
                0,
                0,
                _("pk import reads .csv or .xlsx files: save the sheet in one of these formats"),
            )
        ]
    try:
        size = path.stat().st_size
        if size > MAX_TABLE_BYTES:
            raise TableError(
                codes.IMPORT_TOO_LARGE.at(
                    display,
                    0,
                    0,
                    _(
                        "the file is {size} MB, over pk import's limit of {limit} MB (the workbook "
                        "of a whole agreement is under 1 MB): check that this is the right file"
                    ).format(size=size // (1024 * 1024), limit=MAX_TABLE_BYTES // (1024 * 1024)),
                )
            )
        if suffix == ".csv":
            rows, decimal, misfits = _csv_rows(path, display)
            if misfits:
                return [], misfits
            return entries_from_rows(rows, display, decimal)
        return _workbook_entries(path, display)
    except TableError as error:
        return [], [error.diagnostic]
    except OSError as error:
        return [], [
            codes.IMPORT_UNREADABLE.at(
                display,
                0,
                0,
                _("cannot read the file ({reason}): check that it exists and may be read").format(
                    reason=error.strerror or type(error).__name__
                ),
            )
        ]


def _csv_rows(path: Path, display: str) -> tuple[Rows, str | None, list[Diagnostic]]:
    """The rows of a CSV, the mark it writes before decimals, and every row that does not fit
    its header."""
    data = path.read_bytes()
    if data.startswith(b"PK\x03\x04"):
        raise TableError(
            codes.IMPORT_FORMAT.at(
                display,
                0,
                0,
                _(
                    "the file is an Excel workbook (a zip file), though its name ends in .csv: "
                    "rename it to {name}, then run pk import again"
                ).format(name=path.with_suffix(".xlsx").name),
            )
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        start = error.start
        line = data.count(b"\n", 0, start) + 1
        col = start - (data.rfind(b"\n", 0, start) + 1) + 1
        raise TableError(
            codes.IMPORT_ENCODING.at(
                display,
                line,
                col,
                _(
                    "byte 0x{byte:02X} is not UTF-8 text (the file was saved in another encoding, "
                    "such as Windows-1252): in Excel choose Save As, CSV UTF-8 (Comma delimited); "
                    "in LibreOffice, character set Unicode (UTF-8)"
                ).format(byte=data[start]),
            )
        ) from None
    # Spreadsheets in Indonesian (decimal-comma) locales save CSV with `;`, so there the comma
    # marks decimals. A `,` CSV says nothing: Google Sheets writes one in every locale.
    first = text.split("\n", 1)[0]
    semicolon = first.count(";") > first.count(",")
    if first.count("\t") > max(first.count(";"), first.count(",")):
        raise TableError(
            codes.IMPORT_UNREADABLE.at(
                display,
                1,
                first.index("\t") + 1,
                _(
                    "this file separates its columns with tabs, but pk reads a CSV whose columns "
                    "are separated by `,` or `;`: in Excel choose Save As, CSV UTF-8 (Comma "
                    "delimited); in LibreOffice, field delimiter `,` or `;`"
                ),
            )
        )
    rows: Rows = []
    misfits: list[Diagnostic] = []
    cells = 0
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=";" if semicolon else ",")
    try:
        for row in reader:
            width = _check_row(row, reader.line_num, display, len(rows), cells)
            cells += width
            if rows and (
                misfit := _misfit(row, width, rows[0], reader.line_num, display, semicolon)
            ):
                misfits.append(misfit)
            rows.append(row)
    except csv.Error as error:
        raise TableError(
            codes.IMPORT_UNREADABLE.at(
                display,
                reader.line_num,
                1,
                _(
                    "the CSV cannot be read here ({reason}): a cell longer than 128 KB or a "
                    "quote that is never closed; check the row, or save the sheet again as CSV"
                ).format(reason=excerpt(error)),
            )
        ) from None
    return rows, "," if semicolon else None, misfits


_WHOLE = re.compile(r"[+-]?\d+")
_REQUIRED = frozenset((*LONG_COLUMNS, *ANGGARAN_COLUMNS))


def _misfit(
    row: list[str], width: int, header: list[str], r: int, display: str, semicolon: bool
) -> Diagnostic | None:
    """The finding for a CSV row with more fields than its header, or short of a column pk
    needs: a separator inside an unquoted cell splits it, and pk would read the wrong cells."""
    names = [h.strip().lower() for h in header]
    columns = len(names)
    while columns and not names[columns - 1]:
        columns -= 1
    if not any(row) or not columns:
        return None
    count = _("this row has {n} fields, but the first row names {m} columns").format(
        n=width if width > columns else len(row), m=columns
    )
    if width > columns:
        comma = not semicolon
        split = next(
            (
                i
                for i in range(len(row) - 1)
                if comma and _WHOLE.fullmatch(row[i]) and row[i + 1].isdigit()
            ),
            None,
        )
        if split is not None:
            joined = f"{row[split]},{row[split + 1]}"
            message = _(
                "{count}: in a CSV separated by `,` a comma splits a cell, so `{joined}` became "
                'two fields; write {point}, or put the cell in double quotes ("{joined}"), or '
                "save the sheet as CSV with `;`"
            ).format(count=count, joined=excerpt(joined), point=excerpt(joined.replace(",", ".")))
            return codes.IMPORT_ROW_WIDTH.at(display, r, split + 2, message)
        message = (
            _(
                "{count}: in a CSV separated by `,` a comma inside a cell splits it; put a cell "
                "that holds a comma in double quotes, or save the sheet as CSV with `;`"
            )
            if comma
            else _(
                "{count}: in a CSV separated by `;` a `;` inside a cell splits it; put that cell "
                "in double quotes"
            )
        )
        return codes.IMPORT_ROW_WIDTH.at(display, r, columns + 1, message.format(count=count))
    if (
        not semicolon
        and "realisasi" in names
        and names[names.index("realisasi") + 1 :][:1] == ["catatan"]
    ):
        at = names.index("realisasi")
        if at + 1 < len(row) and _WHOLE.fullmatch(row[at]) and row[at + 1].isdigit():
            joined = f"{row[at]},{row[at + 1]}"
            return codes.IMPORT_ROW_WIDTH.at(
                display,
                r,
                at + 2,
                _(
                    "realisasi {whole} with the catatan {digits} is most likely {joined} split at "
                    "its comma (in a CSV separated by `,` a comma splits a cell); write {point}, "
                    'or put the cell in double quotes ("{joined}"), or write the catatan in words'
                ).format(
                    whole=row[at],
                    digits=excerpt(row[at + 1]),
                    joined=excerpt(joined),
                    point=excerpt(joined.replace(",", ".")),
                ),
            )
    missing = [i for i, name in enumerate(names) if name in _REQUIRED and i >= len(row)]
    if not missing:
        return None
    return codes.IMPORT_ROW_WIDTH.at(
        display,
        r,
        missing[0] + 1,
        _(
            "{count}: the column {column} is missing; write every column of the first row "
            "(a cell may be empty)"
        ).format(count=count, column=names[missing[0]]),
    )


def _check_row(
    row: list[Any] | tuple[Any, ...], r: int, display: str, read: int, cells: int
) -> int:
    """Refuse a row past the bounds on rows, columns, cells and a cell's length; its width."""
    width = len(row)
    while width and row[width - 1] in (None, ""):
        width -= 1
    if read >= MAX_ROWS or width > MAX_COLUMNS or cells + width > MAX_CELLS:
        raise _too_large(display, r, 0)
    for c, value in enumerate(row[:width], start=1):
        if isinstance(value, str) and len(value) > MAX_CELL_CHARS:
            raise TableError(
                codes.IMPORT_TOO_LARGE.at(
                    display,
                    r,
                    c,
                    _(
                        "this cell holds {n} characters, over the limit of {limit} (a spreadsheet "
                        "cell's own): shorten it"
                    ).format(n=len(value), limit=MAX_CELL_CHARS),
                )
            )
    return width


def _too_large(display: str, row: int, col: int, sheet: str | None = None) -> TableError:
    where = _("sheet '{sheet}'").format(sheet=excerpt(sheet, 40)) if sheet else _("the table")
    return TableError(
        codes.IMPORT_TOO_LARGE.at(
            display,
            row,
            col or (1 if row else 0),
            _(
                "{where} is larger than pk import reads (at most {rows} rows and {cols} columns): "
                "delete the empty rows and columns after the table, or copy the table alone into "
                "a new sheet"
            ).format(where=where, rows=MAX_ROWS, cols=MAX_COLUMNS),
        )
    )


def _not_a_workbook(display: str, path: Path, reason: str) -> TableError:
    with path.open("rb") as file:
        head = file.read(4096)
    if not head.startswith(b"PK"):
        message = _(
            "the file is not an Excel workbook, though its name ends in {suffix} (it may be a CSV "
            "or another file renamed): open it in Excel or LibreOffice and save it as Excel "
            "Workbook (.xlsx), or name a CSV .csv"
        )
    else:
        message = _(
            "the file is a zip archive but not a readable Excel workbook ({reason}): open it in "
            "Excel or LibreOffice and save it again as Excel Workbook (.xlsx)"
        )
    return TableError(
        codes.IMPORT_UNREADABLE.at(
            display, 0, 0, message.format(suffix=path.suffix, reason=excerpt(reason))
        )
    )


def _workbook_entries(path: Path, display: str) -> tuple[list[Entry], list[Diagnostic]]:
    """Entries of every sheet pk reads: Realisasi (or the first), Rencana Aksi, Anggaran."""
    import zipfile

    from openpyxl import load_workbook

    try:
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError) as error:
        raise _not_a_workbook(display, path, str(error)) from None
    if unpacked > MAX_UNPACKED_BYTES:
        raise TableError(
            codes.IMPORT_TOO_LARGE.at(
                display,
                0,
                0,
                _(
                    "the workbook unpacks to {size} MB, over pk import's limit of {limit} MB: "
                    "check that this is the right file, or copy the table alone into a new workbook"
                ).format(size=unpacked // (1024 * 1024), limit=MAX_UNPACKED_BYTES // (1024 * 1024)),
            )
        )
    # A formula's value is what the workbook stored when last calculated; a second read sees
    # the formulas themselves, to tell an empty cell from one never calculated.
    try:
        values = load_workbook(path, data_only=True, read_only=True)
        formulas = load_workbook(path, data_only=False, read_only=True)
    except TableError:
        raise
    except Exception as error:  # openpyxl's own, zipfile's, XML parsers': all mean "not readable"
        raise _not_a_workbook(display, path, f"{type(error).__name__}: {error}") from None
    try:
        names = values.sheetnames
        first = SHEET if SHEET in names else names[0]
        entries: list[Entry] = []
        problems: list[Diagnostic] = []
        for name in dict.fromkeys([first, SHEET_RENCANA_AKSI, SHEET_ANGGARAN]):
            if name not in names:
                continue
            rows = _sheet_rows(values[name], formulas[name], display, name)
            if name == first or rows:
                more, found = entries_from_rows(rows, display, None, name)
                entries += more
                problems += found
        return entries, problems
    except TableError:
        raise
    except Exception as error:
        raise _not_a_workbook(display, path, f"{type(error).__name__}: {error}") from None
    finally:
        values.close()
        formulas.close()


def _sheet_rows(values: Any, formulas: Any, display: str, name: str) -> Rows:
    """A sheet's rows within the bounds, an uncalculated formula as Uncomputed."""
    declared_rows, declared_cols = values.max_row, values.max_column
    if (declared_rows or 0) > MAX_ROWS or (declared_cols or 0) > MAX_COLUMNS:
        raise _too_large(display, 0, 0, name)
    rows: Rows = []
    cells = 0
    for r, row in enumerate(values.iter_rows(max_row=MAX_ROWS + 1, values_only=True), start=1):
        try:
            width = _check_row(row, r, display, len(rows), cells)
        except TableError as error:
            if error.diagnostic.code != codes.IMPORT_TOO_LARGE.id or error.diagnostic.col:
                raise
            raise _too_large(display, r, 0, name) from None
        cells += width
        rows.append(list(row[:width]))
    for r, row in enumerate(formulas.iter_rows(max_row=len(rows), values_only=True)):
        for c, formula in enumerate(row):
            if not (isinstance(formula, str) and formula.startswith("=")) or c >= MAX_COLUMNS:
                continue
            line = rows[r]
            line.extend([None] * (c + 1 - len(line)))
            if line[c] is None:
                line[c] = Uncomputed(formula)
    return rows


def entries_from_rows(
    rows: Rows, display: str, decimal: str | None = None, sheet: str | None = None
) -> tuple[list[Entry], list[Diagnostic]]:
    """Entries from table rows whose first row is the header (long, wide, Rencana Aksi or
    Anggaran layout)."""
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
    tws = [tw for tw in TRIWULAN if tw.lower() in index]
    layout: Iterator[Entry] | None = None
    if all(c in index for c in LONG_COLUMNS):
        layout = _long(rows, index, display, decimal, LONG_COLUMNS, REALISASI)
    elif all(c in index for c in ANGGARAN_COLUMNS):
        layout = _long(rows, index, display, decimal, ANGGARAN_COLUMNS, ANGGARAN)
    elif sheet == SHEET_RENCANA_AKSI and "id" in index and tws:
        layout = _quarters(rows, index, tws, display, decimal, "id", RENCANA_AKSI)
    elif sheet == SHEET_ANGGARAN and "kode" in index and tws:
        # A line without a kode is named by its nama, the kegiatan column.
        layout = _quarters(rows, index, tws, display, decimal, "kode", ANGGARAN, "kegiatan")
    elif "id" in index and tws:
        layout = _wide(rows, index, tws, display, decimal)
    if layout is None:
        return [], [
            codes.IMPORT_HEADER.at(
                display,
                1,
                1,
                _(
                    "the first row must name the columns id, periode, realisasi (and optionally "
                    "catatan), or be the header of a workbook written by `pk export` (id, …, TW1, "
                    "TW2, TW3, TW4)"
                ),
            )
        ]
    entries = [e for e in layout if not isinstance(e.value, Uncomputed)]
    read = [i for name, i in index.items() if name in _READ_COLUMNS]
    uncomputed = [
        codes.IMPORT_FORMULA.at(
            display,
            r,
            c + 1,
            _(
                "the formula {formula} has no value stored in the workbook (it was saved by a "
                "program that does not calculate): open the workbook in Excel or LibreOffice and "
                "save it, or type the value instead of the formula"
            ).format(formula=excerpt(row[c].formula)),
        )
        for r, row in enumerate(rows[1:], start=2)
        for c in read
        if c < len(row) and isinstance(row[c], Uncomputed)
    ]
    return entries, uncomputed


_READ_COLUMNS = frozenset(
    {
        *LONG_COLUMNS,
        *ANGGARAN_COLUMNS,
        CATATAN,
        *NARASI,
        *(tw.lower() for tw in TRIWULAN),
        *(f"{CATATAN} {tw.lower()}" for tw in TRIWULAN),
    }
)
"""Columns pk import reads: a formula without a value elsewhere does not matter."""


def _long(
    rows: Rows,
    index: dict[str, int],
    display: str,
    decimal: str | None,
    columns: tuple[str, str, str],
    field: str,
) -> Iterator[Entry]:
    key, periode, value = columns
    for r, row in enumerate(rows[1:], start=2):

        def get(name: str, row: list[Any] = row) -> Any:
            i = index.get(name)
            return row[i] if i is not None and i < len(row) else None

        if all(clean(v) is None for v in row):
            continue
        yield Entry(
            clean(get(key)) or "",
            clean(get(periode)) or "",
            get(value),
            clean(get(CATATAN)) if field == REALISASI else None,
            Cell(display, r, index[key] + 1),
            Cell(display, r, index[periode] + 1),
            Cell(display, r, index[value] + 1),
            field,
            decimal,
        )


def _wide(
    rows: Rows, index: dict[str, int], tws: list[str], display: str, decimal: str | None
) -> Iterator[Entry]:
    for r, row in enumerate(rows[1:], start=2):

        def get(i: int | None, row: list[Any] = row) -> Any:
            return row[i] if i is not None and i < len(row) else None

        id_ = clean(get(index["id"]))
        if id_ is None:
            continue
        at = Cell(display, r, index["id"] + 1)
        for tw in tws:
            col = index[tw.lower()]
            value = get(col)
            catatan = clean(get(index.get(f"{CATATAN} {tw.lower()}")))
            yield Entry(
                id_,
                tw,
                BLANK if clean(value) is None else value,
                catatan,
                at,
                Cell(display, 1, col + 1),
                Cell(display, r, col + 1),
                REALISASI,
                decimal,
            )
        for name in NARASI:
            at_text = index.get(name)
            value = get(at_text)
            if at_text is None or clean(value) is None:
                continue
            cell = Cell(display, r, at_text + 1)
            yield Entry(id_, "", value, None, at, cell, cell, name, decimal)


def _quarters(
    rows: Rows,
    index: dict[str, int],
    tws: list[str],
    display: str,
    decimal: str | None,
    key: str,
    field: str,
    fallback: str | None = None,
) -> Iterator[Entry]:
    """A sheet with one row per indikator (Rencana Aksi) or kegiatan (Anggaran), TW1..TW4;
    a row with an empty `key` is named by its `fallback` column."""
    for r, row in enumerate(rows[1:], start=2):

        def get(i: int | None, row: list[Any] = row) -> Any:
            return row[i] if i is not None and i < len(row) else None

        column = index[key]
        id_ = clean(get(column))
        if id_ is None and fallback is not None and fallback in index:
            column = index[fallback]
            id_ = clean(get(column))
        if id_ is None:
            continue
        for tw in tws:
            col = index[tw.lower()]
            value = get(col)
            if clean(value) is None:
                continue
            yield Entry(
                id_,
                tw,
                value,
                None,
                Cell(display, r, column + 1),
                Cell(display, 1, col + 1),
                Cell(display, r, col + 1),
                field,
                decimal,
            )


def command_entries(
    id_: str | None,
    periode: str,
    realisasi: str,
    catatan: str | None,
    rencana_aksi: str,
    narasi: dict[str, str | None],
    kegiatan: str,
    anggaran: str,
) -> list[Entry]:
    """The entries of one `pk set`, or UsageError when its options do not go together."""
    where = Cell("pk set", 0, 0)
    if kegiatan or anggaran:
        if not kegiatan or not anggaran or not periode or id_ is not None:
            raise UsageError(
                _(
                    "a budget realisasi needs --kegiatan, --periode and --anggaran and no "
                    "indikator, e.g. pk set --kegiatan 076.01.CQ --periode TW2 --anggaran 1250000000"
                )
            )
        return [Entry(kegiatan, periode, anggaran, None, where, where, where, ANGGARAN)]
    if catatan is not None and not realisasi:
        # A catatan notes a quarter's figure: it is written with it, so the two stay together.
        raise UsageError(
            _(
                "--catatan goes with --realisasi: it notes that quarter's figure, e.g. "
                'pk set IK-05 --periode TW2 --realisasi 87.5 --catatan "sesuai jadwal"; to change '
                "only the note, give the quarter's figure again with it"
            )
        )
    quarterly = bool(realisasi or rencana_aksi)
    if id_ is None or (quarterly and not periode) or not (quarterly or any(narasi.values())):
        raise UsageError(
            _(
                "pk set needs an indikator and what to record, e.g. "
                'pk set IK-05 --periode TW2 --realisasi 87.5 [--catatan "…"] (or --rencana-aksi '
                "90, --faktor-pendorong, --faktor-penghambat, --solusi)"
            )
        )
    entries: list[Entry] = []
    if realisasi:
        entries.append(Entry(id_, periode, realisasi, catatan, where, where, where))
    if rencana_aksi:
        entries.append(Entry(id_, periode, rencana_aksi, None, where, where, where, RENCANA_AKSI))
    for field, text in narasi.items():
        if text is not None:
            entries.append(Entry(id_, "", text, None, where, where, where, field))
    return entries


def clean(value: Any) -> str | None:
    """A cell as trimmed text, or None when empty."""
    if value is None:
        return None
    if isinstance(value, Uncomputed):
        return None
    text = str(value).strip()
    return text or None
