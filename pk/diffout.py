"""Formatters for `pk diff`: `text` for the terminal, `md` for a pull-request comment, `json`.

Only formatting: the comparison itself is `pk.diff`.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from pk.diff import Change, Diff, Kind
from pk.formats import rupiah

SECTIONS: tuple[tuple[str, tuple[Kind, ...]], ...] = (
    ("Sasaran", (Kind.SASARAN_ADDED, Kind.SASARAN_REMOVED, Kind.SASARAN_RENAMED)),
    ("Indikator", (
        Kind.INDIKATOR_ADDED, Kind.INDIKATOR_REMOVED, Kind.INDIKATOR_RETARGETED,
        Kind.INDIKATOR_RENAMED, Kind.INDIKATOR_MOVED, Kind.INDIKATOR_POLARITAS,
    )),
    ("Anggaran", (
        Kind.KEGIATAN_ADDED, Kind.KEGIATAN_REMOVED, Kind.KEGIATAN_PAGU, Kind.KEGIATAN_RENAMED,
    )),
    ("Pihak", (Kind.PIHAK_CHANGED,)),
    ("Penandatanganan", (Kind.PENANDATANGANAN_CHANGED,)),
    ("Perubahan", (Kind.PERUBAHAN_ADDED, Kind.PERUBAHAN_REWRITTEN)),
)


def _value(value: str | int | None) -> str:
    if value is None:
        return "(kosong)"
    return rupiah(value) if isinstance(value, int) else str(value)


def _delta(old: int, new: int) -> str:
    sign = "+" if new >= old else "-"
    return f"{sign}{rupiah(abs(new - old))}"


def describe(change: Change, quote: Callable[[str], str] = lambda s: f'"{s}"') -> str:
    """One change as a sentence; `quote` marks texts (quotes in text, code spans in md)."""
    c, k = change, change.kind
    old, new = _value(c.old), _value(c.new)
    if k is Kind.INDIKATOR_ADDED:
        return f"{c.subject} added to {c.field}: {quote(c.nama or '')} (target {new})"
    if k is Kind.INDIKATOR_REMOVED:
        return f"{c.subject} removed from {c.field}: {quote(c.nama or '')} (target was {old})"
    if k is Kind.INDIKATOR_RETARGETED:
        return f"{c.subject} target {old} → {new}: {quote(c.nama or '')}"
    if k is Kind.INDIKATOR_RENAMED or k is Kind.SASARAN_RENAMED or k is Kind.KEGIATAN_RENAMED:
        return f"{c.subject} renamed: {quote(old)} → {quote(new)}"
    if k is Kind.INDIKATOR_MOVED:
        return f"{c.subject} moved from {old} to {new}: {quote(c.nama or '')}"
    if k is Kind.INDIKATOR_POLARITAS:
        return f"{c.subject} polaritas {old} → {new}: {quote(c.nama or '')}"
    if k is Kind.SASARAN_ADDED:
        return f"{c.subject} added: {quote(new)}"
    if k is Kind.SASARAN_REMOVED:
        return f"{c.subject} removed: {quote(old)}"
    if k is Kind.KEGIATAN_ADDED:
        return f"{c.subject} added: {quote(c.nama or '')}, pagu {new}"
    if k is Kind.KEGIATAN_REMOVED:
        return f"{c.subject} removed: {quote(c.nama or '')}, pagu was {old}"
    if k is Kind.KEGIATAN_PAGU:
        assert isinstance(c.old, int) and isinstance(c.new, int)
        return f"{c.subject} pagu {old} → {new} ({_delta(c.old, c.new)}): {quote(c.nama or '')}"
    if k is Kind.PIHAK_CHANGED or k is Kind.PENANDATANGANAN_CHANGED:
        before = quote(old) if c.old is not None else old
        after = quote(new) if c.new is not None else new
        return f"{c.subject}.{c.field}: {before} → {after}"
    if k is Kind.PERUBAHAN_ADDED:
        return f"{quote(c.subject)} added (dasar {c.field}), changes {c.new}"
    return f"{quote(c.subject)} was changed or removed: a recorded revision should stay as it was"


def _total_line(diff: Diff) -> str | None:
    if diff.jumlah_old == diff.jumlah_new:
        return None
    return (f"jumlah anggaran {rupiah(diff.jumlah_old)} → {rupiah(diff.jumlah_new)} "
            f"({_delta(diff.jumlah_old, diff.jumlah_new)})")


def _count(diff: Diff) -> str:
    n = len(diff.changes)
    return f"{n} change{'s' if n != 1 else ''}"


def render_text(diff: Diff) -> str:
    lines = [f"Comparing {diff.old_label} → {diff.new_label}"]
    if not diff.changed:
        return "\n".join([*lines, "No changes."]) + "\n"
    for title, kinds in SECTIONS:
        items = diff.of(*kinds)
        total = _total_line(diff) if title == "Anggaran" else None
        if not items and not total:
            continue
        lines.append(f"{title}:")
        lines += [f"  {describe(c)}" for c in items]
        if total:
            lines.append(f"  {total}")
    lines.append(f"{_count(diff)}.")
    return "\n".join(lines) + "\n"


def _md_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def render_md(diff: Diff) -> str:
    """A pull-request comment: a heading, one table per section, the budget total."""
    out = [f"### Perjanjian Kinerja: `{diff.old_label}` → `{diff.new_label}`", ""]
    if not diff.changed:
        return "\n".join([*out, "No changes to the agreement."]) + "\n"
    for title, kinds in SECTIONS:
        items = diff.of(*kinds)
        total = _total_line(diff) if title == "Anggaran" else None
        if not items and not total:
            continue
        out += [f"#### {title}", "", "| ID | Change |", "|---|---|"]
        out += [
            f"| `{_md_escape(c.subject)}` | {_md_escape(describe(c, lambda s: f'“{s}”'))} |"
            for c in items
        ]
        if total:
            out.append(f"| **Jumlah** | {_md_escape(total)} |")
        out.append("")
    out.append(f"{_count(diff)}.")
    return "\n".join(out) + "\n"


def render_json(diff: Diff) -> str:
    data = {
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
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


FORMATTERS: dict[str, Callable[[Diff], str]] = {
    "text": render_text,
    "md": render_md,
    "json": render_json,
}
