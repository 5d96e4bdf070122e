"""Pacing: after a quarter, each indicator's realisasi so far projected to TW4. Pure maths.

    project(perjanjian, realisasi, pengaturan, periode) -> Proyeksi | None

The pace so far is measured against the plan's pace, as an SLO's burn rate is against its
error budget, and the year is projected at that pace. Per indicator, the first that applies:
- `laju terhadap rencana aksi`: the Rencana Aksi gives the plan to date P (cumulative; TW4 is
  the target T); the realisasi to date R, made by the indicator's `agregasi`, runs at R / P
  of the plan, so TW4 is projected at T × R / P. A plan weighted late (TW1 10 of 100) makes a
  low TW1 on plan, and a level held flat (3,4 every quarter) projects its last value;
- `laju merata` (`jumlah` without a Rencana Aksi): the plan is taken as even, T × n / 4;
- `rata-rata berlanjut` (`rata_rata` without): the average so far holds to the year's end;
- `tren linear` (`terakhir` without): the line through the first and the last filled quarter,
  continued to TW4; one quarter shows no pace, so it is "data belum cukup".
The projection's capaian uses the indicator's own formula (polarity, `rumus_minimal`) against
the annual target; below `pengaturan.batas_berisiko` (default 100) the indicator is at risk.
A range, a grade or level, no target or target 0 is "tidak diproyeksikan", with why. After
TW4 (or for the year) there is nothing to project: None.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, localcontext
from enum import StrEnum

from pk.compute.capaian import (
    Nilai,
    Round,
    TargetValue,
    aggregate,
    outcome_of,
    rounder,
)
from pk.model.perjanjian import Agregasi, Indikator, Perjanjian, Rentang
from pk.model.realisasi import Pengaturan, Realisasi, RealisasiIndikator
from pk.numbers import PRECISION
from pk.phrase import Phrase, phrase
from pk.vocab import TRIWULAN, Periode

TW4 = len(TRIWULAN)
_NO_FORMULA = phrase("no-formula")


class Keadaan(StrEnum):
    """Where an indicator's projection leaves it."""

    BERISIKO = "berisiko"
    """Its projected capaian is below `batas_berisiko`."""
    SESUAI_RENCANA = "sesuai rencana"
    """Projected to reach at least `batas_berisiko`."""
    DATA_BELUM_CUKUP = "data belum cukup"
    """Too little realisasi (or plan) so far to show a pace."""
    TIDAK_DIPROYEKSIKAN = "tidak diproyeksikan"
    """A projection makes no sense for its target (range, grade, none, 0)."""


class Metode(StrEnum):
    RENCANA_AKSI = "laju terhadap rencana aksi"
    MERATA = "laju merata"
    RATA_RATA = "rata-rata berlanjut"
    TREN = "tren linear"


@dataclass(frozen=True)
class ProyeksiIndikator:
    """One indicator's projection to TW4, and how it was made."""

    id: str
    nama: str
    satuan: str | None
    target: TargetValue | None
    """The annual target the projection is measured against."""
    realisasi: Nilai | None
    """The realisasi to date, made from `triwulan` by the indicator's agregasi."""
    triwulan: tuple[str, ...]
    """The quarters used (up to the last filled one of the period)."""
    rencana: Decimal | None
    """The plan to date the pace is measured against; None for a method without one."""
    laju: Decimal | None
    """The pace: realisasi to date / plan to date × 100."""
    proyeksi: Decimal | None
    """The projected TW4 realisasi, in the indicator's satuan."""
    capaian: Decimal | None
    """The projection's capaian against the annual target."""
    kekurangan: Decimal | None
    """Points of capaian the projection falls short of 100 (0 when it reaches it)."""
    keadaan: Keadaan
    metode: Metode | None
    rumus: Phrase
    """The projection's formula with its numbers, or `no-formula`."""
    rumus_capaian: Phrase | None
    """The capaian formula applied to the projection."""
    alasan: Phrase | None = None
    """Why there is no projection (data belum cukup, tidak diproyeksikan)."""


@dataclass(frozen=True)
class Proyeksi:
    """Every indicator's projection after `periode`, and the ones at risk."""

    periode: Periode
    batas_berisiko: Decimal
    indikator: tuple[ProyeksiIndikator, ...]
    """In document order."""
    berisiko: tuple[ProyeksiIndikator, ...]
    """The indicators at risk, the largest projected shortfall first (then document order)."""

    @property
    def diproyeksikan(self) -> int:
        """How many indicators have a projected capaian (at risk or on plan)."""
        return sum(1 for i in self.indikator if i.capaian is not None)

    def not_at_risk(self) -> tuple[Group, ...]:
        """The indicators not at risk, grouped by state and reason, in document order."""
        groups: dict[tuple[Keadaan, Phrase | None], list[str]] = {}
        for keadaan in Keadaan:
            for i in self.indikator:
                if i.keadaan is keadaan and keadaan is not Keadaan.BERISIKO:
                    groups.setdefault((keadaan, i.alasan), []).append(i.id)
        return tuple(Group(k, alasan, tuple(ids)) for (k, alasan), ids in groups.items())


@dataclass(frozen=True)
class Group:
    """Indicators in the same state for the same reason."""

    keadaan: Keadaan
    alasan: Phrase | None
    id: tuple[str, ...]


def project(
    perjanjian: Perjanjian,
    realisasi: Realisasi | None,
    pengaturan: Pengaturan | None,
    periode: Periode | str,
) -> Proyeksi | None:
    """Each indicator's TW4 projection after `periode` (TW1–TW3); None for TW4 and the year."""
    periode = Periode(periode)
    if periode in (Periode.TW4, Periode.TAHUNAN):
        return None
    pengaturan = pengaturan or Pengaturan()
    rnd = rounder(pengaturan)
    data = realisasi.indikator if realisasi else {}
    batas = pengaturan.batas_berisiko
    with localcontext(prec=PRECISION):
        items = tuple(
            _indikator(perjanjian, ind, data.get(ind.id), periode, batas, rnd)
            for _k, _s, ind in perjanjian.indikator()
        )
    at_risk = [i for i in items if i.keadaan is Keadaan.BERISIKO]
    # The sort is stable: equal shortfalls keep document order.
    at_risk.sort(key=lambda i: i.capaian if i.capaian is not None else Decimal(0))
    return Proyeksi(periode, batas, items, tuple(at_risk))


def _indikator(
    perjanjian: Perjanjian,
    ind: Indikator,
    data: RealisasiIndikator | None,
    periode: Periode,
    batas: Decimal,
    rnd: Round,
) -> ProyeksiIndikator:
    filled: list[tuple[str, Nilai]] = []
    for tw in periode.triwulan:
        entry = data.triwulan(tw) if data else None
        if entry is not None:
            filled.append((tw, entry.realisasi))
    value, _used, _how = aggregate(filled, ind.agregasi)
    tws = tuple(tw for tw, _ in filled)
    target = ind.target

    def result(
        keadaan: Keadaan,
        alasan: Phrase | None = None,
        *,
        metode: Metode | None = None,
        rencana: Decimal | None = None,
        proyeksi: Decimal | None = None,
        capaian: Decimal | None = None,
        rumus: Phrase = _NO_FORMULA,
        rumus_capaian: Phrase | None = None,
    ) -> ProyeksiIndikator:
        laju = rnd(value / rencana * 100) if rencana and isinstance(value, Decimal) else None
        kurang = None if capaian is None else max(Decimal(0), rnd(100 - capaian))
        return ProyeksiIndikator(
            ind.id,
            ind.nama,
            ind.satuan,
            target,
            value,
            tws,
            rencana,
            laju,
            proyeksi,
            capaian,
            kurang,
            keadaan,
            metode,
            rumus,
            rumus_capaian,
            alasan,
        )

    tidak = Keadaan.TIDAK_DIPROYEKSIKAN
    if target is None:
        return result(tidak, phrase("no-target"))
    if isinstance(target, Rentang):
        return result(tidak, phrase("projection-range"))
    if isinstance(target, str):
        return result(tidak, phrase("projection-code"))
    if target == 0:
        return result(tidak, phrase("projection-target-zero"))
    belum = Keadaan.DATA_BELUM_CUKUP
    if value is None:
        return result(belum, phrase("projection-no-realisasi", tw=periode.triwulan))
    if not isinstance(value, Decimal):
        return result(tidak, phrase("projection-not-number", realisasi=value, target=target))
    n = TRIWULAN.index(tws[-1]) + 1
    last = tws[-1]
    if ind.agregasi is Agregasi.JUMLAH and len(tws) < n:
        gaps = tuple(tw for tw in TRIWULAN[:n] if tw not in tws)
        return result(belum, phrase("projection-gaps", kosong=gaps, tw=last))
    planned = getattr(data.rencana_aksi, last) if data and data.rencana_aksi else None
    rumus: Phrase
    if planned is not None:
        if not isinstance(planned, Decimal):
            return result(tidak, phrase("projection-plan-not-number", tw=last))
        if planned <= 0:
            return result(belum, phrase("projection-plan-not-positive", tw=last, rencana=planned))
        metode, rencana = Metode.RENCANA_AKSI, planned
        raw = target * value / planned
        rumus = phrase("projection-plan", tw=last, t=target, r=value, rencana=planned)
    elif ind.agregasi is Agregasi.JUMLAH:
        metode, rencana = Metode.MERATA, target * n / TW4
        raw = value * TW4 / n
        rumus = phrase("projection-even", tw=last, r=value, n=n)
    elif ind.agregasi is Agregasi.RATA_RATA:
        metode, rencana = Metode.RATA_RATA, None
        raw = value
        rumus = phrase("projection-mean", tw=tws, r=value)
    else:
        if len(filled) < 2:
            return result(belum, phrase("projection-one-quarter", tw=last))
        first = filled[0]
        assert isinstance(first[1], Decimal)  # aggregate took a code otherwise
        a = TRIWULAN.index(first[0]) + 1
        metode, rencana = Metode.TREN, None
        raw = value + (value - first[1]) / (n - a) * (TW4 - n)
        rumus = phrase(
            "projection-trend",
            tw=last,
            tw_awal=first[0],
            r=value,
            r_awal=first[1],
            jarak=n - a,
            sisa=TW4 - n,
        )
    proyeksi = rnd(raw)
    rumus = phrase("projection", rumus=rumus, proyeksi=proyeksi)
    # Measured on the projection as printed, so the formula shown gives the capaian shown.
    hasil = outcome_of(perjanjian, ind, target, proyeksi)
    if hasil is None or hasil.capaian is None:
        why = hasil.keterangan if hasil else None
        return result(tidak, why, metode=metode, rencana=rencana, proyeksi=proyeksi, rumus=rumus)
    capaian = rnd(hasil.capaian)
    keadaan = Keadaan.BERISIKO if capaian < batas else Keadaan.SESUAI_RENCANA
    return result(
        keadaan,
        metode=metode,
        rencana=rencana,
        proyeksi=proyeksi,
        capaian=capaian,
        rumus=rumus,
        rumus_capaian=phrase("projected-capaian", rumus=hasil.rumus),
    )
