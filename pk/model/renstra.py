"""The schema of the Renstra (`data/renstra.yaml`), the five-year plan the yearly PKs follow.

One file per Renstra period, beside the year folders: `data/renstra.yaml`, or, when the
repository spans several periods, `data/renstra-2020-2024.yaml`, `data/renstra-2025-2029.yaml`.
A year uses the Renstra whose period holds it. `pk init` writes a commented skeleton
(pk/edit/skeleton/renstra.yaml.in).

No `from __future__ import annotations`, for start-up: see `pk.model.perjanjian`.
"""

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import Field

from pk.model.base import Model
from pk.model.perjanjian import Id, Loc, Polaritas, Rentang, Target, Unit

Nilai = Decimal | Rentang | str
"""A target as the models hold it: a number, a range or a code."""
Tahun = Annotated[int, Field(ge=2000, le=2100)]


class KondisiAwal(Model):
    """The baseline: where the indicator stood before the period began."""

    tahun: Tahun
    """The year it was measured, usually the year before `tahun_awal`."""
    nilai: Target
    """The value then, in the indicator's `satuan` (or a code such as A)."""


class RenstraIndikator(Model):
    """An indicator of the Renstra with its baseline and its target for each year."""

    id: Id
    """The indicator's stable id, the same as in each year's perjanjian.yaml, e.g. IK-01."""
    nama: str
    """The indicator's text as in the Renstra."""
    satuan: str | None = None
    """Unit of the targets, e.g. `%`, `Dok`, `Indeks`."""
    polaritas: Polaritas = Polaritas.MAKSIMAL
    """`maksimal` when higher is better (default), `minimal` when lower is better."""
    iku: bool = True
    """Whether it is an Indikator Kinerja Utama, which every year's PK must carry (default).
    Write `false` for an indicator the PKs may leave out."""
    kondisi_awal: KondisiAwal | None = None
    """The baseline (kondisi awal): `{tahun: 2024, nilai: 78}`."""
    target: dict[Tahun, Target] = {}
    """The target for each year of the period, by year: `{2025: 79, 2026: 80}`."""
    target_akhir: Target | None = None
    """The end-of-period target (target akhir Renstra)."""
    target_nasional: dict[Tahun, Target] = {}
    """The national target for the same indicator, by year, where there is one (for a KPU
    satker: KPU RI's target). A PK target may not be below it (above it, when lower is better)."""
    id_di_pk: dict[Tahun, Id] = {}
    """Where a PK renamed the indicator: from which year the PK calls it by which id, e.g.
    `{2026: IK-07b}` (from 2026 on, until a later entry)."""
    catatan: str | None = None
    """A note, e.g. on how the target is measured."""

    def id_in(self, tahun: int) -> str:
        """The indicator's id in the PK of `tahun`: the latest `id_di_pk` entry up to that
        year, else its own id."""
        renamed = [year for year in self.id_di_pk if year <= tahun]
        return self.id_di_pk[max(renamed)] if renamed else self.id


class RenstraSasaran(Model):
    """A sasaran strategis of the Renstra with its indicators."""

    id: Id
    """Short stable id, e.g. SS-01, the same as in the PKs."""
    nama: str
    """The sasaran's text as in the Renstra."""
    indikator: list[RenstraIndikator] = Field(min_length=1)
    """Its indicators, in document order."""


class Revisi(Model):
    """A revision of the Renstra (e.g. after a mid-term review), and what it changed."""

    tanggal: dt.date
    """Date of the revised Renstra, YYYY-MM-DD."""
    surat: str | None = None
    """Reference of the decree or letter that set it."""
    alasan: str
    """Why, in a sentence or two."""
    mengubah: list[Id] = []
    """The indicators or sasaran it changed, by id."""


@dataclass(frozen=True)
class RenstraTarget:
    """What the Renstra says about one indicator for one year (`Renstra.target_for`)."""

    indikator: RenstraIndikator
    tahun: int
    # Each None when the Renstra has none; `loc` is where the indicator is in renstra.yaml.
    target: Nilai | None
    target_akhir: Nilai | None
    kondisi_awal: KondisiAwal | None
    target_nasional: Nilai | None
    loc: Loc


class Renstra(Model):
    """A unit's Rencana Strategis for one period: its sasaran and indicators, the baseline,
    and the target for each year and for the end of the period."""

    versi_format: Literal[1]
    """Version of this file format."""
    unit: Unit
    keterangan: str | None = None
    """A note on the document, e.g. its decree, or `contoh fiktif` for an example."""
    tahun_awal: Tahun
    """The first year of the period, e.g. 2025."""
    tahun_akhir: Tahun
    """The last year of the period, e.g. 2029."""
    sasaran: list[RenstraSasaran] = Field(min_length=1)
    """The sasaran strategis, in document order."""
    revisi: list[Revisi] = []
    """Revisions of the Renstra, oldest first."""

    def covers(self, tahun: int) -> bool:
        """Whether `tahun` is in the period."""
        return self.tahun_awal <= tahun <= self.tahun_akhir

    def walk(self) -> Iterator[tuple[Loc, RenstraSasaran, RenstraIndikator]]:
        """Every indicator with its location and sasaran, in document order."""
        for s, sasaran in enumerate(self.sasaran):
            for i, indikator in enumerate(sasaran.indikator):
                yield ("sasaran", s, "indikator", i), sasaran, indikator

    def indikator_for(self, id_: str, tahun: int) -> tuple[Loc, RenstraIndikator] | None:
        """The indicator the PK of `tahun` calls `id_` (following `id_di_pk`), with its
        location; None when the Renstra has none."""
        for loc, _, indikator in self.walk():
            if indikator.id_in(tahun) == id_:
                return loc, indikator
        return None

    def target_for(self, id_: str, tahun: int) -> RenstraTarget | None:
        """The Renstra's target, end target, baseline and national target for the indicator
        the PK of `tahun` calls `id_`; None when the Renstra has no such indicator."""
        found = self.indikator_for(id_, tahun)
        if found is None:
            return None
        loc, indikator = found
        return RenstraTarget(
            indikator=indikator,
            tahun=tahun,
            target=indikator.target.get(tahun),
            target_akhir=indikator.target_akhir,
            kondisi_awal=indikator.kondisi_awal,
            target_nasional=indikator.target_nasional.get(tahun),
            loc=loc,
        )
