"""Data entry without hand-editing YAML: `pk set` and `pk import` write realisasi.yaml.

    rows (command line; CSV, XLSX: pk.edit.tables) --parse--> Entry --check against the agreement-->
    change the ruamel round-trip tree --validate the result--> atomic write

All or nothing: every row is checked first, each problem becomes a Diagnostic located in the
input (file, row, column), and when there is any error nothing is written. The edit is made
on ruamel's round-trip tree and carried into the file's own text by `pk.edit.splice`, so
comments and every untouched byte stay as they were; the new text is read back
(`pk.edit.verify`) and validated like `pk validate` would before it replaces the file.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from pk.check import codes
from pk.check.codes import Code
from pk.check.perjanjian import Context, negative_target
from pk.check.year import (
    Year,
    kind_problem,
    negative_problem,
    run_year_checks,
    unknown_indikator,
    unknown_kegiatan,
)
from pk.diagnostics import Diagnostic, InvalidData, Level, UsageError
from pk.edit.scaffold import schema_reference
from pk.edit.tables import (
    ANGGARAN,
    CATATAN,
    NARASI,
    REALISASI,
    RENCANA_AKSI,
    Cell,
    Entry,
    clean,
)
from pk.files import locked
from pk.i18n import _
from pk.load.source import control_problem, load_text, range_problem
from pk.load.year import (
    Loaded,
    folder_and_file,
    load_valid,
    locate_findings,
    misnamed,
    pick_year,
    validate_source,
)
from pk.model.perjanjian import Indikator, Perjanjian, Rentang
from pk.model.realisasi import Realisasi, RealisasiAnggaran, RealisasiIndikator
from pk.numbers import excerpt, in_notation, out_of_range, read_figure, unsigned_zero
from pk.vocab import REALISASI_FILE, TRIWULAN

_SCHEMA = "../../schema/realisasi.schema.json"
HEADER = """\
# yaml-language-server: $schema=../../schema/realisasi.schema.json
#
# Realisasi per indikator, per triwulan (kumulatif: TW2 = Januari–Juni), dalam satuan
# indikatornya. Ditulis oleh `pk set` / `pk import`; boleh juga disunting langsung.
"""


@dataclass(frozen=True)
class Change:
    """A checked value: a known indicator (or kegiatan), a triwulan, a value of its kind.

    `field` as in Entry: `realisasi` (with `catatan`), `rencana_aksi`, a NARASI text
    (`triwulan` empty) or `anggaran` (`id` the kegiatan's kode, the value whole rupiah)."""

    id: str
    triwulan: str
    realisasi: Decimal | str | Rentang
    catatan: str | None
    field: str = REALISASI


# --- checking entries against the agreement ------------------------------------------------


def check_entries(
    perjanjian: Perjanjian, entries: Iterable[Entry]
) -> tuple[list[Change], list[Diagnostic]]:
    """Each entry as a Change, or a located error; a later duplicate of a row is an error."""
    indikator = {ind.id: ind for _, _, ind in perjanjian.indikator()}
    kegiatan = [k.ref for k in perjanjian.anggaran.kegiatan]
    changes: list[Change] = []
    problems: list[Diagnostic] = []
    seen: dict[tuple[str, str, str], Cell] = {}

    def error(at: Cell, code: Code, message: str) -> None:
        problems.append(code.at(at.path, at.row, at.col, message))

    for entry in entries:
        texts = (entry.catatan, entry.value if isinstance(entry.value, str) else None)
        problem = next((p for t in texts if t and (p := control_problem(t))), None)
        if problem is not None:
            error(entry.at_value, codes.CONTROL_CHARACTER, problem)
            continue
        ind = indikator.get(entry.id)
        if entry.field == ANGGARAN:
            if entry.id not in kegiatan:
                error(entry.at, codes.UNKNOWN_KEGIATAN, unknown_kegiatan(entry.id, kegiatan))
                continue
        elif ind is None:
            error(entry.at, codes.UNKNOWN_INDIKATOR, unknown_indikator(entry.id, list(indikator)))
            continue
        tw = ""
        if entry.field not in NARASI:
            tw = entry.periode.upper().replace(" ", "")
            if tw not in TRIWULAN:
                error(
                    entry.at_periode,
                    codes.BAD_PERIODE,
                    _("periode '{periode}' is not a triwulan: write one of {choices}").format(
                        periode=excerpt(entry.periode), choices=", ".join(TRIWULAN)
                    ),
                )
                continue
        if entry.field == ANGGARAN:
            parsed = parse_rupiah(entry.id, entry.value, entry.decimal)
        elif entry.field in NARASI:
            parsed = (
                _text(entry.value),
                codes.BAD_REALISASI,
                _("{field} for {id} is empty: write the text").format(
                    field=entry.field, id=entry.id
                ),
            )
        else:
            assert ind is not None
            target = entry.field == RENCANA_AKSI
            parsed = parse_value(perjanjian, ind, entry.value, entry.decimal, target=target)
            if target and (negative := negative_target(ind.id, parsed[0], tw)):
                parsed = (None, codes.TARGET_NEGATIVE, negative[1])
        value, code, message = parsed
        if value is None:
            error(entry.at_value, code, message)
            continue
        key = (entry.field, entry.id, tw)
        if key in seen:
            first = seen[key]
            error(
                entry.at,
                codes.DUPLICATE_ENTRY,
                _("{id} {tw} is already given in row {row}: keep one of the two rows").format(
                    id=excerpt(entry.id), tw=tw or entry.field, row=first.row
                ),
            )
            continue
        seen[key] = entry.at
        changes.append(Change(entry.id, tw, value, entry.catatan, entry.field))
    return changes, problems


Parsed = tuple[Decimal | str | Rentang | None, Code, str]
"""A value, or None with the code and the message saying why not."""


def parse_value(
    perjanjian: Perjanjian,
    ind: Indikator,
    raw: Any,
    decimal: str | None = None,
    *,
    target: bool = False,
) -> Parsed:
    """A raw cell as the indicator's kind of value (judged as realisasi.yaml's are), or None
    and why not. `target`: a Rencana Aksi target, which may be a range `80-90`."""
    if raw is None or clean(raw) is None:
        return (
            None,
            codes.BAD_REALISASI,
            _("realisasi for {id} is empty: write the figure, or leave the row out").format(
                id=ind.id
            ),
        )
    if target and isinstance(ind.target, Rentang):
        bounds = _range(raw, decimal)
        if bounds is not None:
            return bounds, codes.BAD_REALISASI, ""
    number = _number(raw, decimal)
    if isinstance(number, tuple):
        return None, codes.AMBIGUOUS_NUMBER, ambiguous(clean(raw) or "", number, decimal)
    if number is not None and out_of_range(number):
        # The bound every number read from a file passes, so that what is written reads back.
        text = raw.strip() if isinstance(raw, str) else _written(number)
        return None, codes.NUMBER_OUT_OF_RANGE, range_problem(text)
    value: Decimal | str = number if number is not None else str(raw).strip()
    problem = kind_problem(perjanjian, ind, value)
    if problem is not None:
        return None, codes.BAD_REALISASI, problem
    if ind.skala is not None:
        # The code as declared (the cell 3 is the code "3"); the agreement loaded without
        # errors, so its skala is declared.
        return perjanjian.skala[ind.skala].kode_of(value), codes.BAD_REALISASI, ""
    assert number is not None  # text for a numeric indikator is a kind problem
    if not target and (problem := negative_problem(ind, number)):
        return None, codes.REALISASI_NEGATIVE, problem
    return number, codes.BAD_REALISASI, ""


def _written(number: Decimal) -> str:
    """A number as a cell would show it, without an exponent unless it is huge."""
    return format(number, "f") if -30 < number.adjusted() < 30 else str(number)


def parse_rupiah(kode: str, raw: Any, decimal: str | None) -> Parsed:
    """Budget realisasi as whole rupiah: 1250000000, `1.250.000.000`, `Rp. 1.250.000.000,-`."""
    text = clean(raw) or ""
    if not isinstance(raw, int | float | Decimal):
        text = text.removeprefix("Rp.").removeprefix("Rp").removesuffix(",-").strip()
    number = _number(text if isinstance(raw, str) else raw, decimal)
    if isinstance(number, tuple):
        return None, codes.AMBIGUOUS_NUMBER, ambiguous(text, number, decimal)
    if number is not None and out_of_range(number):
        return None, codes.NUMBER_OUT_OF_RANGE, range_problem(excerpt(text))
    if number is None or number < 0 or number != number.to_integral():
        return (
            None,
            codes.BAD_REALISASI,
            _(
                "realisasi anggaran of {kode} must be whole rupiah, 0 or more, e.g. 1250000000; "
                "'{value}' is not"
            ).format(kode=excerpt(kode), value=excerpt(text)),
        )
    return number.quantize(Decimal(1)), codes.BAD_REALISASI, ""


def ambiguous(text: str, meanings: tuple[Decimal, ...], decimal: str | None) -> str:
    """Why a figure is refused: it reads two ways, or is written in the other notation."""
    if decimal == ",":
        return _(
            "'{value}' is not written as this file writes numbers: its columns are separated by "
            "`;` (as Excel in Indonesian saves), so a comma comes before the decimals and a point "
            "between thousands (1.250,5): write {suggestion}"
        ).format(
            value=excerpt(text),
            suggestion=_(" or ").join(in_notation(m, decimal) for m in meanings),
        )
    return _(
        "'{value}' could be {meanings}: write the figure without thousands separators, with a "
        "point before the decimals ({suggestion})"
    ).format(
        value=excerpt(text),
        meanings=_(" or ").join(in_notation(m, None) for m in meanings),
        suggestion=_(" or ").join(in_notation(m, None) for m in meanings),
    )


def _text(raw: Any) -> str | None:
    """A narrative cell as text: lines kept, each trimmed at its end, CRLF as LF."""
    text = clean(raw)
    if text is None:
        return None
    return "\n".join(line.rstrip() for line in text.replace("\r\n", "\n").split("\n"))


def _range(raw: Any, decimal: str | None) -> Rentang | None:
    """`80-90` or `80–90` as a range target, or None."""
    text = clean(raw) or ""
    for dash in ("–", "-"):
        low, sep, high = text.partition(dash)
        if sep and low.strip() and high.strip():
            a, b = _number(low, decimal), _number(high, decimal)
            if isinstance(a, Decimal) and isinstance(b, Decimal) and a <= b:
                return Rentang(min=a, maks=b)
    return None


def _number(raw: Any, decimal: str | None = None) -> Decimal | tuple[Decimal, ...] | None:
    """A number from a cell: 87.5, "87,5", "87.5%", `1.250,5` where `,` marks decimals —
    floats through their shortest text; the numbers it could mean when it reads two ways."""
    if isinstance(raw, bool):
        return None
    if isinstance(raw, int | Decimal):
        return unsigned_zero(Decimal(raw))  # exact, whatever its size
    if isinstance(raw, float):
        finite = raw == raw and raw not in (float("inf"), float("-inf"))
        return unsigned_zero(Decimal(repr(raw))) if finite else None
    text = str(raw)
    number = read_figure(text, decimal)
    # A number whose exponent is too large even for Decimal (1e99999999999999999999) stands
    # as infinite, so that the bound, not the kind check, speaks about it.
    if number is None and _EXPONENT.fullmatch(text.strip().removesuffix("%").strip()):
        return Decimal("Infinity")
    return number


_EXPONENT = re.compile(r"[-+]?[0-9]*\.?[0-9]+[eE][-+]?[0-9]+")


# --- writing -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Entered:
    """What `enter` did: how many realisasi it read, how many values changed, and the file
    written (None when every value was already recorded)."""

    read: int
    changed: int
    written: Path | None
    kept: int = 0
    """Empty cells of the table whose quarter holds a figure, left as it is."""


def enter(path: Path | None, entries: list[Entry], problems: list[Diagnostic]) -> Entered:
    """Check `entries` against the year at `path`, then write them all; on any error (`problems`
    found reading them included) InvalidData, and nothing is written."""
    from pk.edit.tables import Blank

    blanks = [e for e in entries if isinstance(e.value, Blank)]
    entries = [e for e in entries if not isinstance(e.value, Blank)]
    # A write never guesses a draft: with no folder named, the newest signed year.
    folder, _file = folder_and_file(path or pick_year(writing=True).folder)
    # Read, change and write under the folder's lock: a second writer waits, then reads
    # what this one wrote, so neither loses a value.
    with locked(folder):
        loaded = load_valid(folder)
        assert loaded.perjanjian is not None  # load_valid refuses a year without one
        changes, more = check_entries(loaded.perjanjian, entries)
        problems = [*problems, *more]
        if not problems:
            text, changed, problems = apply(loaded, changes)
        if problems:
            raise InvalidData(problems, 1, _("Nothing was written."))
        kept = sum(_recorded(loaded, blank) for blank in blanks)
        if not changed:
            return Entered(len(changes), 0, None, kept)
        return Entered(len(changes), changed, write(loaded, text), kept)


def _recorded(loaded: Loaded, entry: Entry) -> bool:
    """Whether realisasi.yaml holds a figure for the quarter of `entry`."""
    indikator = loaded.realisasi.indikator.get(entry.id) if loaded.realisasi else None
    quarter = getattr(indikator, entry.periode, None) if indikator is not None else None
    return quarter is not None and getattr(quarter, "realisasi", None) is not None


def apply(loaded: Loaded, changes: list[Change]) -> tuple[str, int, list[Diagnostic]]:
    """The new text of realisasi.yaml with `changes` made, how many values it changes, and
    the errors it would have. Nothing is written here; `write` does that.
    """
    from ruamel.yaml.comments import CommentedMap

    from pk.edit.roundtrip import load_roundtrip, too_large

    assert loaded.perjanjian is not None
    path = loaded.folder / REALISASI_FILE
    display = path.as_posix()
    if path.exists():
        raw = path.read_bytes()  # as bytes: CRLF and a BOM are kept
        if (big := too_large(len(raw), display)) is not None:
            return "", 0, [big]
        original = raw.decode("utf-8")
    elif others := misnamed(loaded.folder, REALISASI_FILE):
        # A second file beside `realisasi.yml` would split the year's figures in two.
        raise UsageError(
            _(
                "{other} is there, but pk reads only {file}: rename it to {file}, then run "
                "again; nothing was written"
            ).format(other=others[0].as_posix(), file=REALISASI_FILE)
        )
    else:
        # The schema pk init wrote, reached from this folder; else where pk's own data has it.
        schema = schema_reference(loaded.folder, "realisasi.schema.json")
        header = HEADER.replace(_SCHEMA, schema) if schema else HEADER
        original = f"{header}versi_format: 1\ntahun: {loaded.perjanjian.tahun}\n"
    data = load_roundtrip(original.removeprefix("\ufeff"))
    before = copy.deepcopy(data)  # the tree as read, to tell what the edit changed
    order = [ind.id for _, _, ind in loaded.perjanjian.indikator()]
    changed = 0
    for change in changes:
        if change.field != REALISASI:
            changed += _apply_other(data, change, loaded.perjanjian)
            continue
        entry = _indikator_entry(data, change.id, order)
        quarter = entry.get(change.triwulan)
        if quarter is None:
            quarter = CommentedMap()
            quarter.fa.set_flow_style()
            _insert(entry, change.triwulan, quarter, list(RealisasiIndikator.model_fields))
        assert not isinstance(change.realisasi, Rentang)  # only a Rencana Aksi target is
        if not _same(quarter.get("realisasi"), change.realisasi):
            quarter["realisasi"] = change.realisasi
            changed += 1
        if change.catatan is not None and quarter.get(CATATAN) != change.catatan:
            quarter[CATATAN] = change.catatan
            changed += 1
    text, problems = edited(original, before, data, display)
    return text, changed, problems or _validate_text(loaded, text, display)


def edited(original: str, before: Any, after: Any, display: str) -> tuple[str, list[Diagnostic]]:
    """The text of `original` with the edit from ruamel's tree `before` to `after` made in it,
    every other byte kept; and the errors that forbid writing it (it would not read back as
    the edit means, or would lose a comment)."""
    from pk.edit.splice import splice
    from pk.edit.verify import check_written, intended

    text = splice(original, before, after)
    source, _problems = load_text(original, display)
    expected = intended(source.data, before, after)
    return text, check_written(text, expected, display, at=source, old=original)


def _indikator_entry(data: Any, id_: str, order: list[str]) -> Any:
    """The mapping of indikator `id_` in realisasi.yaml's tree, added in document order."""
    from ruamel.yaml.comments import CommentedMap

    indikator = data.get("indikator")
    if indikator is None:
        indikator = CommentedMap()
        _insert(data, "indikator", indikator, list(Realisasi.model_fields))
    entry = indikator.get(id_)
    if entry is None:
        entry = CommentedMap()
        _insert(indikator, id_, entry, order)
    return entry


def _apply_other(data: Any, change: Change, perjanjian: Perjanjian) -> int:
    """Make a Rencana Aksi, narrative or budget change in the tree; 1 when it changed a value."""
    from ruamel.yaml.comments import CommentedMap
    from ruamel.yaml.scalarstring import LiteralScalarString

    if change.field == ANGGARAN:
        anggaran = data.get("anggaran")
        if anggaran is None:
            anggaran = CommentedMap()
            _insert(data, "anggaran", anggaran, list(Realisasi.model_fields))
        entry = anggaran.get(change.id)
        if entry is None:
            entry = CommentedMap()
            _insert(anggaran, change.id, entry, [k.ref for k in perjanjian.anggaran.kegiatan])
        assert isinstance(change.realisasi, Decimal)
        if _same(entry.get(change.triwulan), change.realisasi):
            return 0
        if change.triwulan in entry:
            entry[change.triwulan] = int(change.realisasi)
        else:
            _insert(
                entry, change.triwulan, int(change.realisasi), list(RealisasiAnggaran.model_fields)
            )
        return 1
    order = [ind.id for _, _, ind in perjanjian.indikator()]
    entry = _indikator_entry(data, change.id, order)
    if change.field in NARASI:
        assert isinstance(change.realisasi, str)
        if entry.get(change.field) == change.realisasi:
            return 0
        text: Any = change.realisasi
        if "\n" in text:
            text = LiteralScalarString(text)
        if change.field in entry:
            entry[change.field] = text
        else:
            _insert(entry, change.field, text, list(RealisasiIndikator.model_fields))
        return 1
    plan = entry.get("rencana_aksi")
    if plan is None:
        plan = CommentedMap()
        plan.fa.set_flow_style()
        _insert(entry, "rencana_aksi", plan, list(RealisasiIndikator.model_fields))
    value: Any = change.realisasi
    if isinstance(value, Rentang):
        if _same_range(plan.get(change.triwulan), value):
            return 0
        bounds = CommentedMap([("min", value.min), ("maks", value.maks)])
        bounds.fa.set_flow_style()
        value = bounds
    elif _same(plan.get(change.triwulan), value):
        return 0
    if change.triwulan in plan:
        plan[change.triwulan] = value
    else:
        _insert(plan, change.triwulan, value, list(TRIWULAN))
    return 1


def _same_range(old: Any, new: Rentang) -> bool:
    return (
        isinstance(old, dict)
        and _same(old.get("min"), new.min)
        and _same(old.get("maks"), new.maks)
    )


def _same(old: Any, new: Decimal | str) -> bool:
    """An unchanged value is left as written (`97.50` stays `97.50`)."""
    if old is None or isinstance(old, bool):
        return False
    if isinstance(new, str):
        return str(old) == new
    try:
        return not isinstance(old, str) and Decimal(str(old)) == new
    except InvalidOperation:
        return False


def _insert(mapping: Any, key: str, value: Any, order: list[str]) -> None:
    """Insert `key` where `order` puts it among the keys already there (else at the end)."""
    rank = {k: i for i, k in enumerate(order)}
    position = len(mapping)
    if key in rank:
        for i, existing in enumerate(mapping):
            if existing in rank and rank[existing] > rank[key]:
                position = i
                break
    mapping.insert(position, key, value)


def _validate_text(loaded: Loaded, text: str, display: str) -> list[Diagnostic]:
    """Errors the new realisasi.yaml would have, as `pk validate` reports them."""
    assert loaded.perjanjian is not None
    source, problems = load_text(text, display)
    realisasi = validate_source(source, Realisasi, problems) if source.data is not None else None
    if realisasi is not None:
        year = Year(loaded.perjanjian, realisasi, loaded.pengaturan)
        findings = [f for f in run_year_checks(year, Context()) if f.file == REALISASI_FILE]
        problems += locate_findings(findings, loaded.folder, {display: source}, display)
    return sorted(d for d in problems if d.level is Level.ERROR)


def write(loaded: Loaded, text: str) -> Path:
    from pk.files import write_atomic

    path = loaded.folder / REALISASI_FILE
    write_atomic(path, text.encode("utf-8"))
    return path
