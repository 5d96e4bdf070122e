"""Formatters for `pk diff`: `text` for the terminal, `md` for a pull-request comment, `json`.

Only formatting: the comparison itself is `pk.change.diff`.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from pk.change.diff import Change, Diff, Kind
from pk.i18n import _, ngettext
from pk.numbers import rupiah

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


def _value(value: str | int | None) -> str:
    if value is None:
        return _("(empty)")
    return rupiah(value) if isinstance(value, int) else str(value)


def _delta(old: int, new: int) -> str:
    sign = "+" if new >= old else "-"
    return f"{sign}{rupiah(abs(new - old))}"


def describe(change: Change, quote: Callable[[str], str] = lambda s: f'"{s}"') -> str:
    """One change as a sentence; `quote` marks texts (quotes in text, code spans in md)."""
    c, k = change, change.kind
    old, new = _value(c.old), _value(c.new)
    nama = quote(c.nama or "")
    if k is Kind.INDIKATOR_ADDED:
        text = _("{id} added to {where}: {nama} (target {new})")
    elif k is Kind.INDIKATOR_REMOVED:
        text = _("{id} removed from {where}: {nama} (target was {old})")
    elif k is Kind.INDIKATOR_RETARGETED:
        text = _("{id} target {old} → {new}: {nama}")
    elif k is Kind.INDIKATOR_RENAMED or k is Kind.SASARAN_RENAMED or k is Kind.KEGIATAN_RENAMED:
        text = _("{id} renamed: {old} → {new}")
        old, new = quote(old), quote(new)
    elif k is Kind.INDIKATOR_MOVED:
        text = _("{id} moved from {old} to {new}: {nama}")
    elif k is Kind.INDIKATOR_POLARITAS:
        text = _("{id} polaritas {old} → {new}: {nama}")
    elif k is Kind.SASARAN_ADDED:
        text = _("{id} added: {new}")
        new = quote(new)
    elif k is Kind.SASARAN_REMOVED:
        text = _("{id} removed: {old}")
        old = quote(old)
    elif k is Kind.KEGIATAN_ADDED:
        text = _("{id} added: {nama}, pagu {new}")
    elif k is Kind.KEGIATAN_REMOVED:
        text = _("{id} removed: {nama}, pagu was {old}")
    elif k is Kind.KEGIATAN_PAGU:
        assert isinstance(c.old, int) and isinstance(c.new, int)
        return _("{id} pagu {old} → {new} ({delta}): {nama}").format(
            id=c.subject, old=old, new=new, delta=_delta(c.old, c.new), nama=nama
        )
    elif k is Kind.PIHAK_CHANGED or k is Kind.PENANDATANGANAN_CHANGED:
        before = quote(old) if c.old is not None else old
        after = quote(new) if c.new is not None else new
        return f"{c.subject}.{c.field}: {before} → {after}"
    elif k is Kind.PERUBAHAN_ADDED:
        return _("{label} added (dasar {dasar}), changes {ids}").format(
            label=quote(c.subject), dasar=c.field, ids=c.new
        )
    else:
        return _(
            "{label} was changed or removed: a recorded revision should stay as it was"
        ).format(label=quote(c.subject))
    return text.format(id=c.subject, where=c.field, nama=nama, old=old, new=new)


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


def render_text(diff: Diff) -> str:
    lines = [_("Comparing {old} → {new}").format(old=diff.old_label, new=diff.new_label)]
    if not diff.changed:
        return "\n".join([*lines, _("No changes.")]) + "\n"
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
        return "\n".join([*out, _("No changes to the agreement.")]) + "\n"
    for title, kinds in SECTIONS:
        items = diff.of(*kinds)
        total = _total_line(diff) if title == "Anggaran" else None
        if not items and not total:
            continue
        out += [f"#### {title}", "", "| ID | {change} |".format(change=_("Change")), "|---|---|"]
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
