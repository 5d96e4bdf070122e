"""Roll units up: a parent's indicator derived from its units, and one row per unit to compare.

Pure functions over what a workspace keeps of each unit's `pk.compute.capaian.Capaian` (its
`UnitSummary`); the order of work (children before parents) is `pk.compute.workspace`'s,
the loading `pk.capaian`'s.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from typing import NamedTuple

from pk.compute.capaian import HUNDRED, Capaian, CapaianIndikator, Derived, Nilai, Status
from pk.model.perjanjian import DariUnit, Hitung
from pk.model.predikat import SkalaPredikat
from pk.phrase import phrase


class Standing(StrEnum):
    """Where one unit stands on the indicator a parent rolls up."""

    MEMENUHI = "memenuhi"
    BELUM_MEMENUHI = "belum memenuhi"
    BELUM_ADA_DATA = "belum ada data"
    TIDAK_ADA = "tidak ada indikator"
    """The unit's agreement has no indicator with that id, or its data is invalid."""


@dataclass(frozen=True)
class UnitStanding:
    unit: str
    keadaan: Standing
    realisasi: Decimal | str | None
    capaian: Decimal | None


@dataclass(frozen=True)
class Rollup:
    """One derived indicator of a parent unit, with where each unit stands."""

    unit: str
    indikator: str
    turunan: Derived
    units: tuple[UnitStanding, ...]
    hasil: CapaianIndikator | None
    """The parent's indicator as computed with the derived realisasi."""

    def behind(self) -> tuple[UnitStanding, ...]:
        """Units that do not meet the condition, whatever the reason."""
        return tuple(u for u in self.units if u.keadaan is not Standing.MEMENUHI)


class IndikatorUnit(NamedTuple):
    """Where one indicator of a unit stands: what a parent needs to roll it up."""

    status: Status
    realisasi: Nilai | None
    capaian: Decimal | None


@dataclass(frozen=True)
class UnitFigures:
    """A unit's figures in the comparison: its average capaian, how many indicators are behind.
    The defaults are those of a unit whose files have errors."""

    jumlah_indikator: int = 0
    rata_rata: Decimal | None = None
    predikat: str | None = None
    di_bawah_target: int = 0
    """Indicators with a capaian below 100."""
    belum_ada_data: int = 0
    penyerapan: Decimal | None = None
    """Budget absorption over all kegiatan for the period."""


@dataclass(frozen=True, kw_only=True)
class UnitSummary(UnitFigures):
    """What a workspace keeps of one unit's capaian: its figures, its predikat scale and where
    each indicator stands. Small, so that worker processes send back little (a whole
    `Capaian` costs more to send than to compute)."""

    skala: SkalaPredikat
    indikator: Mapping[str, IndikatorUnit]


def summarise(result: Capaian) -> UnitSummary:
    """What the workspace keeps of `result`."""
    overall = result.keseluruhan
    return UnitSummary(
        jumlah_indikator=overall.jumlah_indikator,
        rata_rata=overall.rata_rata,
        predikat=overall.predikat,
        di_bawah_target=sum(
            1 for i in result.indikator if i.capaian is not None and i.capaian < HUNDRED
        ),
        belum_ada_data=len(overall.belum_ada_data),
        penyerapan=result.anggaran.total.penyerapan,
        skala=result.skala,
        indikator={i.id: IndikatorUnit(i.status, i.realisasi, i.capaian) for i in result.indikator},
    )


@dataclass(frozen=True, kw_only=True)
class UnitRow(UnitFigures):
    """One unit in the comparison."""

    id: str
    nama: str
    induk: str | None
    valid: bool = True
    """False when the unit's files have errors: nothing was computed for it."""


def derive(
    spec: DariUnit, indikator: str, units: Sequence[tuple[str, UnitSummary | None]]
) -> tuple[Derived, tuple[UnitStanding, ...]]:
    """The realisasi of `indikator` made from `units` (id, result): a share or a count."""
    wanted = spec.indikator or indikator
    states = tuple(_standing(unit, result, wanted, spec) for unit, result in units)
    met = sum(1 for s in states if s.keadaan is Standing.MEMENUHI)
    total = len(states)
    condition = (
        phrase("realisasi-at-least", indikator=wanted, min=spec.realisasi_min)
        if spec.realisasi_min is not None
        else phrase("capaian-met", indikator=wanted)
    )
    if spec.hitung is Hitung.JUMLAH:
        value = Decimal(met)
        rumus = phrase("count-units", kondisi=condition, met=met, total=total)
    else:
        value = (
            (Decimal(met) * HUNDRED / total).quantize(Decimal("0.01"), ROUND_HALF_UP)
            if total
            else Decimal(0)
        )
        rumus = phrase("share-units", kondisi=condition, met=met, total=total)
    groups = tuple(
        phrase("units-in", keadaan=keadaan, unit=ids)
        for keadaan in (Standing.BELUM_MEMENUHI, Standing.BELUM_ADA_DATA, Standing.TIDAK_ADA)
        if (ids := tuple(s.unit for s in states if s.keadaan is keadaan))
    )
    keterangan = phrase("units-by-standing", kelompok=groups) if groups else None
    return Derived(value, rumus, keterangan), states


def _standing(unit: str, result: UnitSummary | None, wanted: str, spec: DariUnit) -> UnitStanding:
    item = result.indikator.get(wanted) if result else None
    if item is None:
        return UnitStanding(unit, Standing.TIDAK_ADA, None, None)
    if item.status is Status.BELUM_ADA_DATA:
        return UnitStanding(unit, Standing.BELUM_ADA_DATA, None, None)
    if spec.realisasi_min is not None:
        met = isinstance(item.realisasi, Decimal) and item.realisasi >= spec.realisasi_min
    else:
        met = item.capaian is not None and item.capaian >= HUNDRED
    keadaan = Standing.MEMENUHI if met else Standing.BELUM_MEMENUHI
    return UnitStanding(unit, keadaan, item.realisasi, item.capaian)


def unit_row(id: str, nama: str, induk: str | None, result: UnitSummary | None) -> UnitRow:
    if result is None:
        return UnitRow(id=id, nama=nama, induk=induk, valid=False)
    angka = {f.name: getattr(result, f.name) for f in fields(UnitFigures)}
    return UnitRow(id=id, nama=nama, induk=induk, **angka)
