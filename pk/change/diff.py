"""Compare two versions of an agreement in domain terms: what a reviewer or an auditor asks.

    Perjanjian (old), Perjanjian (new) --compare--> Diff (frozen Change records) --diffout--> text

Indicators and sasaran are matched by their stable `id`, budget lines by their `kode` (one
without a code by its nama, or by its position when the nama changed), so a corrected text is
a rename and a moved row is a move, never a removal plus an addition.
Each change carries `subject` (the id a `perubahan` entry lists) and `loc` (where it is in
the new file, for located diagnostics). Pure: no I/O, no formatting.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from pk.model.perjanjian import (
    Indikator,
    Kegiatan,
    Loc,
    Perjanjian,
    Pihak,
    Sasaran,
    target_text,
)
from pk.numbers import nilai


class Kind(StrEnum):
    INDIKATOR_ADDED = "indikator-added"
    INDIKATOR_REMOVED = "indikator-removed"
    INDIKATOR_RETARGETED = "indikator-retargeted"
    INDIKATOR_RENAMED = "indikator-renamed"
    INDIKATOR_MOVED = "indikator-moved"
    INDIKATOR_POLARITAS = "indikator-polaritas"
    SASARAN_ADDED = "sasaran-added"
    SASARAN_REMOVED = "sasaran-removed"
    SASARAN_RENAMED = "sasaran-renamed"
    KEGIATAN_ADDED = "kegiatan-added"
    KEGIATAN_REMOVED = "kegiatan-removed"
    KEGIATAN_PAGU = "kegiatan-pagu"
    KEGIATAN_RENAMED = "kegiatan-renamed"
    PIHAK_CHANGED = "pihak-changed"
    PENANDATANGANAN_CHANGED = "penandatanganan-changed"
    PERUBAHAN_ADDED = "perubahan-added"
    PERUBAHAN_REWRITTEN = "perubahan-rewritten"


GATED = frozenset(Kind) - {
    Kind.PENANDATANGANAN_CHANGED,
    Kind.PERUBAHAN_ADDED,
    Kind.PERUBAHAN_REWRITTEN,
}
"""Changes that, once the agreement is signed, a `perubahan` entry must cover."""


@dataclass(frozen=True)
class Change:
    kind: Kind
    subject: str
    """The id it concerns: IK-05, SS-03, 076.01.CQ (a budget line without a kode: its nama),
    pihak_pertama, or a perubahan's label."""
    old: str | int | None = None
    new: str | int | None = None
    nama: str | None = None
    """The indikator's, sasaran's or kegiatan's text, for the reader."""
    field: str | None = None
    """Which field of a party or of the signing changed."""
    loc: Loc = ()
    """Where the change is in the new file (for a removal: the place it was taken from)."""


@dataclass(frozen=True)
class Diff:
    old_label: str
    new_label: str
    changes: tuple[Change, ...]
    jumlah_old: int
    jumlah_new: int

    @property
    def changed(self) -> bool:
        return bool(self.changes) or self.jumlah_old != self.jumlah_new

    def of(self, *kinds: Kind) -> list[Change]:
        return [c for c in self.changes if c.kind in kinds]


@dataclass(frozen=True)
class _Row:
    loc: Loc
    sasaran: Sasaran
    indikator: Indikator | None = None


def _sasaran_rows(doc: Perjanjian) -> dict[str, _Row]:
    return {s.id: _Row(loc[:4], s) for loc, _k, s, _i in doc.walk() if loc[-1] == 0}


def _indikator_rows(doc: Perjanjian) -> dict[str, _Row]:
    return {i.id: _Row(loc, s, i) for loc, _k, s, i in doc.walk()}


def compare(
    old: Perjanjian,
    new: Perjanjian,
    old_label: str = "old",
    new_label: str = "new",
    *,
    number: Callable[[Decimal], str] | None = None,
) -> Diff:
    """Every change from `old` to `new`, in the new document's order.

    `number` formats the numbers of the targets it reports (the reports pass the Indonesian
    `97,5`); whether a target changed is decided on the numbers as written.
    """
    changes = [
        *_compare_sasaran(old, new),
        *_compare_indikator(old, new, number),
        *_compare_anggaran(old, new),
        *_compare_pihak(old, new),
        *_compare_penandatanganan(old, new),
        # Revisions belong to their year: next year's PK starts with none, which is no rewrite
        # of this year's.
        *(_compare_perubahan(old, new) if old.tahun == new.tahun else []),
    ]
    return Diff(old_label, new_label, tuple(changes), old.anggaran.total, new.anggaran.total)


def _compare_sasaran(old: Perjanjian, new: Perjanjian) -> list[Change]:
    before, after = _sasaran_rows(old), _sasaran_rows(new)
    out = []
    for sid, row in after.items():
        was = before.get(sid)
        if was is None:
            out.append(Change(Kind.SASARAN_ADDED, sid, new=row.sasaran.nama, loc=row.loc))
        elif was.sasaran.nama != row.sasaran.nama:
            out.append(
                Change(
                    Kind.SASARAN_RENAMED,
                    sid,
                    was.sasaran.nama,
                    row.sasaran.nama,
                    loc=(*row.loc, "nama"),
                )
            )
    for sid, row in before.items():
        if sid not in after:
            out.append(
                Change(
                    Kind.SASARAN_REMOVED,
                    sid,
                    old=row.sasaran.nama,
                    loc=_nearest(new, row.loc[:2]) + ("sasaran",),
                )
            )
    return out


def _compare_indikator(
    old: Perjanjian, new: Perjanjian, number: Callable[[Decimal], str] | None
) -> list[Change]:
    before, after = _indikator_rows(old), _indikator_rows(new)
    sasaran_after = _sasaran_rows(new)
    out: list[Change] = []
    for iid, row in after.items():
        ind = row.indikator
        assert ind is not None
        was = before.get(iid)
        if was is None:
            out.append(
                Change(
                    Kind.INDIKATOR_ADDED,
                    iid,
                    new=target_text(ind, number),
                    nama=ind.nama,
                    field=row.sasaran.id,
                    loc=row.loc,
                )
            )
            continue
        prev = was.indikator
        assert prev is not None
        if was.sasaran.id != row.sasaran.id:
            out.append(
                Change(
                    Kind.INDIKATOR_MOVED,
                    iid,
                    was.sasaran.id,
                    row.sasaran.id,
                    nama=ind.nama,
                    loc=row.loc,
                )
            )
        if prev.nama != ind.nama:
            out.append(
                Change(
                    Kind.INDIKATOR_RENAMED,
                    iid,
                    prev.nama,
                    ind.nama,
                    nama=ind.nama,
                    loc=(*row.loc, "nama"),
                )
            )
        if (target_text(prev), prev.skala) != (target_text(ind), ind.skala):
            out.append(
                Change(
                    Kind.INDIKATOR_RETARGETED,
                    iid,
                    target_text(prev, number),
                    target_text(ind, number),
                    nama=ind.nama,
                    loc=(*row.loc, "target"),
                )
            )
        if prev.polaritas != ind.polaritas:
            out.append(
                Change(
                    Kind.INDIKATOR_POLARITAS,
                    iid,
                    str(prev.polaritas),
                    str(ind.polaritas),
                    nama=ind.nama,
                    loc=(*row.loc, "polaritas"),
                )
            )
    for iid, row in before.items():
        if iid in after:
            continue
        ind = row.indikator
        assert ind is not None
        home = sasaran_after.get(row.sasaran.id)
        loc = (*home.loc, "indikator") if home else _nearest(new, row.loc[:2]) + ("sasaran",)
        out.append(
            Change(
                Kind.INDIKATOR_REMOVED,
                iid,
                old=target_text(ind, number),
                nama=ind.nama,
                field=row.sasaran.id,
                loc=loc,
            )
        )
    return out


def _nearest(doc: Perjanjian, loc: Loc) -> Loc:
    """`("kelompok", k)` when that group still exists, else the list of groups."""
    k = loc[1] if len(loc) > 1 else None
    return loc if isinstance(k, int) and k < len(doc.kelompok) else ("kelompok",)


def _compare_anggaran(old: Perjanjian, new: Perjanjian) -> list[Change]:
    before = {k.ref: k for k in old.anggaran.kegiatan}
    after = {k.ref: (n, k) for n, k in enumerate(new.anggaran.kegiatan)}
    renamed = _renamed_without_kode(old, new, before, after)
    gone = {k.ref for k in renamed.values()}
    out = []
    for kode, (n, keg) in after.items():
        loc: Loc = ("anggaran", "kegiatan", n)
        was = before.get(kode) or renamed.get(kode)
        if was is None:
            out.append(Change(Kind.KEGIATAN_ADDED, kode, new=keg.pagu, nama=keg.nama, loc=loc))
            continue
        if was.nama != keg.nama:
            out.append(
                Change(
                    Kind.KEGIATAN_RENAMED,
                    kode,
                    was.nama,
                    keg.nama,
                    nama=keg.nama,
                    loc=(*loc, "nama"),
                )
            )
        if was.pagu != keg.pagu:
            out.append(
                Change(
                    Kind.KEGIATAN_PAGU, kode, was.pagu, keg.pagu, nama=keg.nama, loc=(*loc, "pagu")
                )
            )
    for kode, keg in before.items():
        if kode not in after and kode not in gone:
            out.append(
                Change(
                    Kind.KEGIATAN_REMOVED,
                    kode,
                    old=keg.pagu,
                    nama=keg.nama,
                    loc=("anggaran", "kegiatan"),
                )
            )
    return out


def _renamed_without_kode(
    old: Perjanjian,
    new: Perjanjian,
    before: dict[str, Kegiatan],
    after: dict[str, tuple[int, Kegiatan]],
) -> dict[str, Kegiatan]:
    """Lines without a kode whose nama changed, by their new nama: a line known by its nama
    is known by its position too, so a new nama where an old one went is the line renamed."""
    out = {}
    lines = old.anggaran.kegiatan
    for n, keg in enumerate(new.anggaran.kegiatan):
        if keg.kode is None and keg.ref not in before and n < len(lines):
            was = lines[n]
            if was.kode is None and was.ref not in after:
                out[keg.ref] = was
    return out


def _compare_pihak(old: Perjanjian, new: Perjanjian) -> list[Change]:
    out = []
    for role in ("pihak_pertama", "pihak_kedua"):
        a: Pihak = getattr(old, role)
        b: Pihak = getattr(new, role)
        for name in Pihak.model_fields:
            x, y = getattr(a, name), getattr(b, name)
            if x != y:
                out.append(Change(Kind.PIHAK_CHANGED, role, x, y, field=name, loc=(role, name)))
    return out


def _compare_penandatanganan(old: Perjanjian, new: Perjanjian) -> list[Change]:
    a, b = old.penandatanganan, new.penandatanganan
    out = []
    for name in type(a).model_fields:
        x, y = getattr(a, name), getattr(b, name)
        if x != y:
            out.append(
                Change(
                    Kind.PENANDATANGANAN_CHANGED,
                    "penandatanganan",
                    nilai(x),
                    nilai(y),
                    field=name,
                    loc=("penandatanganan", name),
                )
            )
    return out


def _compare_perubahan(old: Perjanjian, new: Perjanjian) -> list[Change]:
    before = {p.label: p for p in old.perubahan}
    after = {p.label: (n, p) for n, p in enumerate(new.perubahan)}
    out = []
    for label, (n, entry) in after.items():
        was = before.get(label)
        if was is None:
            out.append(
                Change(
                    Kind.PERUBAHAN_ADDED,
                    label,
                    new=", ".join(entry.mengubah),
                    nama=entry.alasan,
                    field=str(entry.dasar),
                    loc=("perubahan", n),
                )
            )
        elif was != entry:
            out.append(Change(Kind.PERUBAHAN_REWRITTEN, label, loc=("perubahan", n)))
    for label in before:
        if label not in after:
            out.append(Change(Kind.PERUBAHAN_REWRITTEN, label, loc=("perubahan",)))
    return out
