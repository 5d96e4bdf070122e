"""A workspace's capaian: every unit's own result, then the indicators rolled up bottom-up.

Pure: the units' documents and findings come in (`UnitWork`, made by `pk.capaian` from the
loaded folders), the workspace's result goes out. No I/O here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from pk.compute.capaian import Capaian, Derived, compute
from pk.compute.rollup import (
    Rollup,
    UnitRow,
    UnitStanding,
    UnitSummary,
    derive,
    summarise,
    unit_row,
)
from pk.diagnostics import Diagnostic
from pk.model.perjanjian import Perjanjian, UnitRef
from pk.model.realisasi import Pengaturan, Realisasi


@dataclass(frozen=True)
class UnitResult:
    """One unit's capaian for the period, as the workspace keeps it; None when its files have
    errors. `pk.capaian.unit_capaian` gives a unit's capaian in full."""

    id: str
    induk: str | None
    nama: str
    ringkasan: UnitSummary | None
    fiktif: bool = False
    """Whether its agreement says it is fictional (`fiktif: true`)."""


@dataclass(frozen=True)
class CapaianWorkspace:
    periode: str
    units: tuple[UnitResult, ...]
    rollups: tuple[Rollup, ...]
    diagnostics: tuple[Diagnostic, ...]

    def rows(self) -> tuple[UnitRow, ...]:
        return tuple(unit_row(u.id, u.nama, u.induk, u.ringkasan) for u in self.units)


@dataclass(frozen=True)
class UnitWork:
    """What a worker sends back for one unit: findings, its own capaian in short and, when
    some of its indicators roll up the units below, its documents to compute them with."""

    diagnostics: list[Diagnostic]
    ringkasan: UnitSummary | None
    nama: str
    documents: tuple[Perjanjian, Realisasi | None, Pengaturan | None] | None
    fiktif: bool = False


def unit_work(
    perjanjian: Perjanjian,
    realisasi: Realisasi | None,
    pengaturan: Pengaturan | None,
    periode: str,
    diagnostics: list[Diagnostic],
) -> UnitWork:
    """A valid unit's own capaian (nothing rolled up yet)."""
    result = compute(perjanjian, realisasi, pengaturan, periode)
    rolls_up = any(ind.dari_unit is not None for _, _, ind in perjanjian.indikator())
    # Sending a few parents' documents back costs less than reading them again.
    documents = (perjanjian, realisasi, pengaturan) if rolls_up else None
    return UnitWork(
        diagnostics, summarise(result), perjanjian.unit.nama_pendek, documents, perjanjian.fiktif
    )


def roll_up(
    refs: Sequence[UnitRef],
    worked: Sequence[UnitWork],
    periode: str,
    diagnostics: Sequence[Diagnostic] = (),
) -> CapaianWorkspace:
    """Every unit's capaian, with indicators rolled up from the units below them; `refs` and
    `worked` in workspace order (parents before children), `diagnostics` the workspace's own."""
    children: dict[str, list[str]] = {}
    for ref in refs:
        if ref.induk is not None:
            children.setdefault(ref.induk, []).append(ref.id)
    final: dict[str, UnitSummary | None] = {}
    rollups: list[Rollup] = []
    # Children are listed after their parents: walking backwards finishes every child
    # (its own roll-ups included) before its parent needs it.
    for ref, work in reversed(list(zip(refs, worked, strict=True))):
        final[ref.id] = work.ringkasan
        if work.ringkasan is None or work.documents is None:
            continue
        perjanjian, realisasi, pengaturan = work.documents
        turunan: dict[str, Derived] = {}
        derived_from: dict[str, tuple[UnitStanding, ...]] = {}
        for _kelompok, _sasaran, ind in perjanjian.indikator():
            if ind.dari_unit is None:
                continue
            members: list[tuple[str, UnitSummary | None]] = (
                [(ref.id, work.ringkasan)] if ind.dari_unit.termasuk_sendiri else []
            )
            members += [(child, final[child]) for child in children.get(ref.id, [])]
            turunan[ind.id], derived_from[ind.id] = derive(ind.dari_unit, ind.id, members)
        result = compute(perjanjian, realisasi, pengaturan, periode, turunan)
        hasil = {i.id: i for i in result.indikator}
        rollups[:0] = [
            Rollup(ref.id, id_, turunan[id_], states, hasil.get(id_))
            for id_, states in derived_from.items()
        ]
        final[ref.id] = summarise(result)
    units = tuple(
        UnitResult(ref.id, ref.induk, work.nama, final[ref.id], work.fiktif)
        for ref, work in zip(refs, worked, strict=True)
    )
    found = [*diagnostics, *(d for work in worked for d in work.diagnostics)]
    return CapaianWorkspace(periode, units, tuple(rollups), tuple(sorted(found)))


def compute_unit(
    result: CapaianWorkspace,
    unit_id: str,
    perjanjian: Perjanjian,
    realisasi: Realisasi | None,
    pengaturan: Pengaturan | None,
) -> Capaian:
    """One unit's capaian in full, with the indicators it rolls up taken from `result`."""
    turunan = {r.indikator: r.turunan for r in result.rollups if r.unit == unit_id}
    return compute(perjanjian, realisasi, pengaturan, result.periode, turunan)
