"""The "Riwayat Perubahan" table: each revision (PK perubahan) of an agreement, oldest first.

Perjanjian + its earlier versions (`history.history`) --diff.compare--> RiwayatRow, each with its changes
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal

from pk.change.diff import GATED, Change, compare
from pk.model.perjanjian import DASAR_TEXT, Perjanjian


@dataclass(frozen=True)
class RiwayatRow:
    """One row of the "Riwayat Perubahan" table."""

    no: int
    label: str
    tanggal: dt.date
    dasar: str
    """The ground's letter: a, b or c."""
    dasar_text: str
    """The ground in words, e.g. perubahan strategi (program, kegiatan, anggaran)."""
    alasan: str
    surat: str
    mengubah: tuple[str, ...]
    rincian: tuple[Change, ...] = ()
    """What it changed, value by value, against the version before it: empty when that
    version is not at hand (a folder outside git)."""


def riwayat(
    perjanjian: Perjanjian,
    versions: Mapping[str | None, Perjanjian] | None = None,
    number: Callable[[Decimal], str] | None = None,
) -> list[RiwayatRow]:
    """The revisions, oldest first, as the report's "Riwayat Perubahan" table shows them.

    `versions` (from `history`) holds the agreement as signed (key None) and as each revision
    left it; with them each row lists its changes, targets written with `number`.
    """
    versions = versions or {}
    labels = [None, *(p.label for p in perjanjian.perubahan)]
    rows = []
    for n, p in enumerate(perjanjian.perubahan, start=1):
        before, after = versions.get(labels[n - 1]), versions.get(labels[n])
        rincian = (
            tuple(c for c in compare(before, after, number=number).changes if c.kind in GATED)
            if before is not None and after is not None
            else ()
        )
        rows.append(
            RiwayatRow(
                n,
                p.label,
                p.tanggal,
                str(p.dasar),
                DASAR_TEXT[p.dasar],
                p.alasan,
                p.surat,
                tuple(p.mengubah),
                rincian,
            )
        )
    return rows
