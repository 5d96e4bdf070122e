"""Formatters for `pk diff`: `text` for the terminal, `md` for a pull-request comment, `json`.

Only formatting: the comparison itself is `pk.change.diff`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from pk.change import words
from pk.change.diff import Change, Diff, Kind
from pk.change.history import YearDiff
from pk.i18n import N_, _, ngettext
from pk.numbers import rupiah
from pk.render.markdown import md, md_code
from pk.text import json_text, visible
from pk.vocab import DiffFormat

SECTIONS: tuple[tuple[str, tuple[Kind, ...]], ...] = (
    ("Sasaran", (Kind.SASARAN_ADDED, Kind.SASARAN_REMOVED, Kind.SASARAN_RENAMED)),
    (
        "Indikator",
        (
            Kind.INDIKATOR_ADDED,
            Kind.INDIKATOR_REMOVED,
            Kind.INDIKATOR_RETARGETED,
            Kind.INDIKATOR_RENAMED,
            Kind.INDIKATOR_MOVED,
            Kind.INDIKATOR_POLARITAS,
        ),
    ),
    (
        "Anggaran",
        (
            Kind.KEGIATAN_ADDED,
            Kind.KEGIATAN_REMOVED,
            Kind.KEGIATAN_PAGU,
            Kind.KEGIATAN_RENAMED,
        ),
    ),
    ("Pihak", (Kind.PIHAK_CHANGED,)),
    ("Penandatanganan", (Kind.PENANDATANGANAN_CHANGED,)),
    ("Perubahan", (Kind.PERUBAHAN_ADDED, Kind.PERUBAHAN_REWRITTEN)),
)


PHRASES: dict[Kind, str] = {
    Kind.INDIKATOR_ADDED: N_("{id} added to {field}: {nama:q} (target {new})"),
    Kind.INDIKATOR_REMOVED: N_("{id} removed from {field}: {nama:q} (target was {old})"),
    Kind.INDIKATOR_RETARGETED: N_("{id} target {old} → {new}: {nama:q}"),
    Kind.INDIKATOR_RENAMED: N_("{id} renamed: {old:q} → {new:q}"),
    Kind.INDIKATOR_MOVED: N_("{id} moved from {old} to {new}: {nama:q}"),
    Kind.INDIKATOR_POLARITAS: N_("{id} polaritas {old} → {new}: {nama:q}"),
    Kind.SASARAN_ADDED: N_("{id} added: {new:q}"),
    Kind.SASARAN_REMOVED: N_("{id} removed: {old:q}"),
    Kind.SASARAN_RENAMED: N_("{id} renamed: {old:q} → {new:q}"),
    Kind.KEGIATAN_ADDED: N_("{id} added: {nama:q}, pagu {new}"),
    Kind.KEGIATAN_REMOVED: N_("{id} removed: {nama:q}, pagu was {old}"),
    Kind.KEGIATAN_PAGU: N_("{id} pagu {old} → {new} ({delta}): {nama:q}"),
    Kind.KEGIATAN_RENAMED: N_("{id} renamed: {old:q} → {new:q}"),
    Kind.PIHAK_CHANGED: "{id}.{field}: {old:q} → {new:q}",
    Kind.PENANDATANGANAN_CHANGED: "{id}.{field}: {old:q} → {new:q}",
    Kind.PERUBAHAN_ADDED: N_("{id:q} added (dasar {field}), changes {new}"),
    Kind.PERUBAHAN_REWRITTEN: N_(
        "{id:q} was changed or removed: a recorded revision should stay as it was"
    ),
}
"""How `pk diff` words each kind of change (the fields: `pk.change.words`)."""


def describe(change: Change, quote: Callable[[str], str] = lambda s: f'"{s}"') -> str:
    """One change as a sentence; `quote` marks texts (quotes in text, code spans in md)."""
    return words.describe(change, _(PHRASES[change.kind]), empty=_("(empty)"), quote=quote)


def _delta(old: int, new: int) -> str:
    sign = "+" if new >= old else "-"
    return f"{sign}{rupiah(abs(new - old))}"


def _total_line(diff: Diff) -> str | None:
    if diff.jumlah_old == diff.jumlah_new:
        return None
    return (
        f"jumlah anggaran {rupiah(diff.jumlah_old)} → {rupiah(diff.jumlah_new)} "
        f"({_delta(diff.jumlah_old, diff.jumlah_new)})"
    )


def _count(diff: Diff) -> str:
    n = len(diff.changes)
    return ngettext("{n} change", "{n} changes", n).format(n=n)


def _sections(diff: Diff) -> Iterator[tuple[str, list[Change], str | None]]:
    """Each section with changes: its title, its changes, and the budget total's line."""
    for title, kinds in SECTIONS:
        items = diff.of(*kinds)
        total = _total_line(diff) if title == "Anggaran" else None
        if items or total:
            yield title, items, total


def render_text(diff: Diff) -> str:
    lines = [_("Comparing {old} → {new}").format(old=diff.old_label, new=diff.new_label)]
    if not diff.changed:
        return visible("\n".join([*lines, _("No changes.")])) + "\n"
    for title, items, total in _sections(diff):
        lines.append(f"{title}:")
        lines += [f"  {describe(c)}" for c in items]
        if total:
            lines.append(f"  {total}")
    lines.append(f"{_count(diff)}.")
    return visible("\n".join(lines)) + "\n"


def render_md(diff: Diff) -> str:
    """A pull-request comment: a heading, one table per section, the budget total."""
    out = [f"### Perjanjian Kinerja: {md_code(diff.old_label)} → {md_code(diff.new_label)}", ""]
    if not diff.changed:
        return "\n".join([*out, _("No changes to the agreement.")]) + "\n"
    for title, items, total in _sections(diff):
        out += [f"#### {title}", "", "| ID | {change} |".format(change=_("Change")), "|---|---|"]
        out += [f"| {md_code(c.subject)} | {md(describe(c, lambda s: f'“{s}”'))} |" for c in items]
        if total:
            out.append(f"| **Jumlah** | {md(total)} |")
        out.append("")
    out.append(f"{_count(diff)}.")
    return "\n".join(out) + "\n"


def render_json(diff: Diff) -> str:
    return json_text(_json(diff))


def _json(diff: Diff) -> dict[str, object]:
    return {
        "old": diff.old_label,
        "new": diff.new_label,
        "changed": diff.changed,
        "changes": [
            {
                "kind": str(c.kind),
                "subject": c.subject,
                "old": c.old,
                "new": c.new,
                "nama": c.nama,
                "field": c.field,
            }
            for c in diff.changes
        ],
        "jumlah_anggaran": {
            "old": diff.jumlah_old,
            "new": diff.jumlah_new,
            "selisih": diff.jumlah_new - diff.jumlah_old,
        },
    }


FORMATTERS: dict[DiffFormat, Callable[[Diff], str]] = {
    DiffFormat.TEXT: render_text,
    DiffFormat.MD: render_md,
    DiffFormat.JSON: render_json,
}


def render_years(format: DiffFormat, years: list[YearDiff], old: str) -> str:
    """`pk diff REV` over the repository: each year in turn (JSON: a list of them), and a
    year started since `old` as new, with nothing to compare."""
    if format is DiffFormat.JSON:
        data = [
            _json(y.diff)
            if y.diff is not None
            else {
                "old": old,
                "new": None,
                "folder": y.folder.as_posix(),
                "changed": True,
                "dihapus": True,
            }
            if y.removed
            else {"old": None, "new": y.folder.as_posix(), "changed": True, "baru": True}
            for y in years
        ]
        return json_text(data)
    parts = []
    for y in years:
        if y.diff is not None:
            parts.append(FORMATTERS[format](y.diff))
            continue
        if y.removed:
            said = _("{path}: removed since {rev}: it was there and is gone now.")
        else:
            said = _("{path}: a new year, not there at {rev}: nothing to compare with.")
        said = said.format(path=y.folder.as_posix(), rev=old)
        parts.append((visible(said) if format is DiffFormat.TEXT else md(said)) + "\n")
    return "\n".join(parts)
