"""The comparisons of LKjIP Bab III A (PermenPANRB 53/2014): pure maths, no I/O.

    compare(perjanjian, capaian, earlier, renstra, pengaturan, tanpa) -> Perbandingan

Per indicator of the year, four comparisons, each a frozen result with its `rumus`:
1. target and realisasi this year: the year's `Capaian` itself (computed);
2. the earlier years (`earlier`, oldest first, each `Tahun` computed for the same period): the
   same indicator found by its id in that year's PK, following the Renstra's `id_di_pk` where
   a PK renamed it; its target, realisasi and capaian. The trend (`Tren`) is against the
   latest earlier year with figures: `naik`/`turun`/`tetap` by capaian points (capaian already
   reverses a lower-is-better indicator), with the change in realisasi beside it. A year
   whose PK lacks the indicator is skipped and says so; none at all is "belum ada data tahun
   sebelumnya", never zero;
3. realisasi to date against the Renstra's end target (`target_akhir`). The indicator is
   *cumulative* over the period when its quarters are summed (`agregasi: jumlah`) and the
   Renstra's end target is the sum of its yearly targets (the Renstra declaring a total, e.g.
   20 dokumen in five years): realisasi s.d. tahun N = the sum of the yearly realisasi from
   `tahun_awal` to N. Otherwise it is a *level* (a percentage, an index, a yearly count whose
   end target is the last year's): realisasi s.d. tahun N = the realisasi of year N. Capaian
   against the end target by the indicator's own formula: polarity (lower is better),
   `rumus_minimal`, a range, a code on its scale;
4. realisasi this year against the Renstra's national target for the year, by the same
   formula, and whether it is met (realisasi ≥ target nasional; ≤ when lower is better).
`Perbandingan.jumlah` counts, per comparison, the indicators that carry it: what the Evaluasi
AKIP (PermenPANRB 88/2021) grades, A above 90 %, B above 75 %, C above 40 %, D above 10 %,
else E. Numbers are Decimal, rounded as `pengaturan` says.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal, localcontext
from enum import StrEnum

from pk.compute.capaian import (
    HUNDRED,
    Capaian,
    CapaianIndikator,
    Nilai,
    Round,
    Status,
    TargetValue,
    outcome_of,
    rounder,
)
from pk.model.lke import Instrumen
from pk.model.perjanjian import Agregasi, Indikator, Perjanjian, Polaritas, Rentang
from pk.model.realisasi import Pengaturan
from pk.model.renstra import KondisiAwal, Renstra, RenstraIndikator
from pk.numbers import PRECISION
from pk.phrase import Phrase, phrase


class Arah(StrEnum):
    NAIK = "naik"
    TURUN = "turun"
    TETAP = "tetap"


class Jenis(StrEnum):
    """How realisasi to date is made for the Renstra's end target (module docstring, 3)."""

    KUMULATIF = "kumulatif"
    TINGKAT = "tingkat"


class Kunci(StrEnum):
    """The four comparisons, in the order of PermenPANRB 53/2014 (`frasa` titles them)."""

    TAHUN_INI = "tahun_ini"
    TAHUN_SEBELUMNYA = "tahun_sebelumnya"
    TARGET_AKHIR_RENSTRA = "target_akhir_renstra"
    TARGET_NASIONAL = "target_nasional"


@dataclass(frozen=True)
class Tahun:
    """An earlier year, loaded and computed (by the use case) for the same period."""

    tahun: int
    perjanjian: Perjanjian
    capaian: Capaian


@dataclass(frozen=True)
class TahunLalu:
    """The indicator in one earlier year; `id` None when that year's PK lacks it."""

    tahun: int
    id: str | None
    target: TargetValue | None
    realisasi: Nilai | None
    capaian: Decimal | None
    status: Status | Phrase
    """The capaian's status, or `not-in-pk-status` when that year's PK lacks the indicator."""
    keterangan: Phrase | None = None


@dataclass(frozen=True)
class Tren:
    """This year against the latest earlier year with figures."""

    terhadap: int
    """The earlier year compared with."""
    arah: Arah | None
    """Of the capaian; None when either capaian is missing."""
    selisih_capaian: Decimal | None
    """Capaian this year − capaian then, in points."""
    arah_realisasi: Arah | None
    selisih_realisasi: Decimal | None
    rumus: Phrase


@dataclass(frozen=True)
class TerhadapRenstra:
    """Realisasi to date against the Renstra's end target."""

    tahun_awal: int
    tahun_akhir: int
    target_akhir: TargetValue
    kondisi_awal: KondisiAwal | None
    jenis: Jenis
    realisasi: Nilai | None
    """Realisasi s.d. this year; None without data."""
    capaian: Decimal | None
    rumus: Phrase
    keterangan: Phrase | None = None


@dataclass(frozen=True)
class TerhadapNasional:
    """Realisasi this year against the national target for the year."""

    target: TargetValue
    realisasi: Nilai | None
    capaian: Decimal | None
    memenuhi: bool | None
    """Whether realisasi reaches the national target (None when it cannot be told)."""
    rumus: Phrase
    keterangan: Phrase | None = None


@dataclass(frozen=True)
class PerbandinganIndikator:
    """The four comparisons of one indicator; each missing one says why in `keterangan_*`."""

    id: str
    sasaran_id: str
    tahun_ini: bool
    """Whether this year's capaian is computed."""
    tahun_lalu: tuple[TahunLalu, ...]
    tren: Tren | None
    keterangan_tahun_lalu: Phrase | None
    renstra: TerhadapRenstra | None
    keterangan_renstra: Phrase | None
    nasional: TerhadapNasional | None
    keterangan_nasional: Phrase | None

    def carries(self, kunci: Kunci) -> bool:
        """Whether the indicator carries the comparison (what the evaluator counts)."""
        if kunci is Kunci.TAHUN_INI:
            return self.tahun_ini
        if kunci is Kunci.TAHUN_SEBELUMNYA:
            return any(t.realisasi is not None for t in self.tahun_lalu)
        if kunci is Kunci.TARGET_AKHIR_RENSTRA:
            return self.renstra is not None and self.renstra.capaian is not None
        return self.nasional is not None and self.nasional.capaian is not None


@dataclass(frozen=True)
class Jumlah:
    """How many indicators carry one comparison, and the Evaluasi AKIP grade of the share."""

    kunci: Kunci
    ada: int
    dari: int
    persen: Decimal | None
    nilai_lke: str | None
    tanpa: tuple[str, ...]
    """Ids of the indicators without it."""
    alasan: Phrase | None
    """Why no indicator can carry it (no Renstra, no earlier year), or None."""
    catatan: Phrase | None = None
    """What else limits it: earlier years left out because their files have errors."""


@dataclass(frozen=True)
class Tanpa:
    """Why the use case could give no earlier year or no Renstra (None: it could)."""

    tahun_lalu: Phrase | None = None
    renstra: Phrase | None = None
    tidak_valid: tuple[int, ...] = ()
    """Earlier years left out because their files have errors."""


@dataclass(frozen=True)
class Perbandingan:
    tahun: int
    tahun_sebelumnya: tuple[int, ...]
    """The earlier years compared, oldest first."""
    indikator: tuple[PerbandinganIndikator, ...]
    jumlah: tuple[Jumlah, ...]
    """One per `Kunci`, in its order."""
    tanpa: Tanpa
    ada_renstra: bool
    """Whether a Renstra covering the year was compared with."""

    @property
    def ada(self) -> bool:
        """Whether anything beyond this year's own target can be compared."""
        return bool(self.tahun_sebelumnya) or self.ada_renstra

    def of(self, id_: str) -> PerbandinganIndikator:
        return next(i for i in self.indikator if i.id == id_)


def compare(
    perjanjian: Perjanjian,
    capaian: Capaian,
    earlier: Sequence[Tahun] = (),
    renstra: Renstra | None = None,
    pengaturan: Pengaturan | None = None,
    tanpa: Tanpa | None = None,
    *,
    instrumen: Instrumen,
) -> Perbandingan:
    """The four comparisons of every indicator of `perjanjian` (module docstring), each
    share graded by the LKE instrument's bands."""
    with localcontext(prec=PRECISION):
        return _compare(
            perjanjian,
            capaian,
            sorted(earlier, key=lambda t: t.tahun),
            renstra,
            rounder(pengaturan or Pengaturan()),
            tanpa or Tanpa(),
            instrumen,
        )


def _compare(
    perjanjian: Perjanjian,
    capaian: Capaian,
    earlier: list[Tahun],
    renstra: Renstra | None,
    rnd: Round,
    tanpa: Tanpa,
    instrumen: Instrumen,
) -> Perbandingan:
    tahun = perjanjian.tahun
    if renstra is not None and not renstra.covers(tahun):
        renstra = None
    by_id = {h.id: h for h in capaian.indikator}
    rows = []
    for _k, sasaran, ind in perjanjian.indikator():
        hasil = by_id[ind.id]
        found = renstra.indikator_for(ind.id, tahun) if renstra else None
        ri = found[1] if found else None
        lalu = tuple(_earlier(t, ri.id_in(t.tahun) if ri else ind.id) for t in earlier)
        with_data = [t for t in lalu if t.realisasi is not None]
        ket_lalu = None if with_data else phrase("no-earlier-year")
        if not earlier and tanpa.tahun_lalu:
            ket_lalu = phrase("no-earlier-year-because", alasan=tanpa.tahun_lalu)
        tren = _tren(hasil, with_data[-1]) if with_data else None
        akhir, ket_akhir, nasional, ket_nasional = _renstra(
            perjanjian, ind, hasil, ri, renstra, earlier, rnd, tanpa
        )
        rows.append(
            PerbandinganIndikator(
                id=ind.id,
                sasaran_id=sasaran.id,
                tahun_ini=hasil.capaian is not None,
                tahun_lalu=lalu,
                tren=tren,
                keterangan_tahun_lalu=ket_lalu,
                renstra=akhir,
                keterangan_renstra=ket_akhir,
                nasional=nasional,
                keterangan_nasional=ket_nasional,
            )
        )
    items = tuple(rows)
    return Perbandingan(
        tahun,
        tuple(t.tahun for t in earlier),
        items,
        tuple(_jumlah(k, items, earlier, renstra, tanpa, instrumen) for k in Kunci),
        tanpa,
        renstra is not None,
    )


def _earlier(year: Tahun, id_: str) -> TahunLalu:
    hasil = next((h for h in year.capaian.indikator if h.id == id_), None)
    if hasil is None:
        return TahunLalu(
            year.tahun,
            None,
            None,
            None,
            None,
            phrase("not-in-pk-status"),
            phrase("not-in-pk", id=id_, tahun=year.tahun),
        )
    return TahunLalu(
        year.tahun,
        id_,
        hasil.target,
        hasil.realisasi,
        hasil.capaian,
        hasil.status,
        hasil.keterangan,
    )


def _direction(difference: Decimal) -> Arah:
    if difference > 0:
        return Arah.NAIK
    return Arah.TURUN if difference < 0 else Arah.TETAP


def _tren(hasil: CapaianIndikator, then: TahunLalu) -> Tren:
    arah = selisih = arah_r = selisih_r = None
    parts: list[Phrase] = []
    if hasil.capaian is not None and then.capaian is not None:
        selisih = hasil.capaian - then.capaian
        arah = _direction(selisih)
        parts.append(
            phrase("trend-capaian", kini=hasil.capaian, dulu=then.capaian, selisih=selisih)
        )
    if isinstance(hasil.realisasi, Decimal) and isinstance(then.realisasi, Decimal):
        selisih_r = hasil.realisasi - then.realisasi
        arah_r = _direction(selisih_r)
        parts.append(
            phrase("trend-realisasi", kini=hasil.realisasi, dulu=then.realisasi, selisih=selisih_r)
        )
    rumus = (
        phrase("trend", tahun=then.tahun, bagian=tuple(parts))
        if parts
        else phrase("trend-none", tahun=then.tahun)
    )
    return Tren(then.tahun, arah, selisih, arah_r, selisih_r, rumus)


def _renstra(
    perjanjian: Perjanjian,
    ind: Indikator,
    hasil: CapaianIndikator,
    ri: RenstraIndikator | None,
    renstra: Renstra | None,
    earlier: list[Tahun],
    rnd: Round,
    tanpa: Tanpa,
) -> tuple[TerhadapRenstra | None, Phrase | None, TerhadapNasional | None, Phrase | None]:
    """The end-target and national comparisons, each with why it is missing (else None)."""
    tahun = perjanjian.tahun
    if renstra is None:
        why = tanpa.renstra or phrase("no-renstra-for-year", tahun=tahun)
        return None, why, None, why
    if ri is None:
        why = phrase(
            "not-in-renstra", id=ind.id, awal=renstra.tahun_awal, akhir=renstra.tahun_akhir
        )
        return None, why, None, why
    akhir, ket_akhir = None, None
    if ri.target_akhir is None:
        ket_akhir = phrase("no-end-target")
    else:
        akhir = _end_target(perjanjian, ind, hasil, ri, renstra, earlier, rnd)
    target = ri.target_nasional.get(tahun)
    if target is None:
        return akhir, ket_akhir, None, phrase("no-national-target", tahun=tahun)
    return akhir, ket_akhir, _national(perjanjian, ind, hasil, target, rnd), None


def _cumulative(ind: Indikator, ri: RenstraIndikator, renstra: Renstra) -> bool:
    years = range(renstra.tahun_awal, renstra.tahun_akhir + 1)
    targets = [ri.target.get(y) for y in years]
    if ind.agregasi is not Agregasi.JUMLAH or not isinstance(ri.target_akhir, Decimal):
        return False
    numbers = [t for t in targets if isinstance(t, Decimal)]
    return len(numbers) == len(targets) and sum(numbers, Decimal(0)) == ri.target_akhir


def _against(
    perjanjian: Perjanjian, ind: Indikator, target: TargetValue, value: Nilai, rnd: Round
) -> tuple[Decimal | None, Phrase, Phrase | None]:
    outcome = outcome_of(perjanjian, ind, target, value)
    if outcome is None:
        return None, phrase("no-formula"), phrase("wrong-kind-plain", realisasi=str(value))
    return (
        rnd(outcome.capaian) if outcome.capaian is not None else None,
        outcome.rumus,
        outcome.keterangan,
    )


def _end_target(
    perjanjian: Perjanjian,
    ind: Indikator,
    hasil: CapaianIndikator,
    ri: RenstraIndikator,
    renstra: Renstra,
    earlier: list[Tahun],
    rnd: Round,
) -> TerhadapRenstra:
    assert ri.target_akhir is not None
    target = ri.target_akhir
    tahun = perjanjian.tahun
    keterangan = None
    if _cumulative(ind, ri, renstra):
        jenis = Jenis.KUMULATIF
        by_year = {t.tahun: t for t in earlier}
        values: list[Decimal] = []
        terms: list[Phrase] = []
        missing: list[str] = []
        for year in range(renstra.tahun_awal, tahun + 1):
            if year == tahun:
                value = hasil.realisasi
            else:
                then = by_year.get(year)
                then_hasil = (
                    next(
                        (h for h in then.capaian.indikator if h.id == ri.id_in(year)),
                        None,
                    )
                    if then
                    else None
                )
                value = then_hasil.realisasi if then_hasil else None
            if isinstance(value, Decimal):
                values.append(value)
                terms.append(phrase("value-of-year", nilai=value, tahun=year))
            else:
                missing.append(str(year))
        realisasi: Nilai | None = sum(values, Decimal(0)) if values else None
        how = (
            phrase("to-date-sum-of", tahun=tahun, awal=renstra.tahun_awal, nilai=tuple(terms))
            if terms
            else phrase("to-date-sum", tahun=tahun, awal=renstra.tahun_awal)
        )
        if missing:
            keterangan = phrase("no-data-years", tahun=tuple(missing))
    else:
        jenis = Jenis.TINGKAT
        realisasi = hasil.realisasi
        how = phrase("to-date-level", tahun=tahun)
    if realisasi is None:
        return TerhadapRenstra(
            renstra.tahun_awal,
            renstra.tahun_akhir,
            target,
            ri.kondisi_awal,
            jenis,
            None,
            None,
            how,
            keterangan or phrase("no-realisasi-year", tahun=tahun),
        )
    capaian, rumus, why = _against(perjanjian, ind, target, realisasi, rnd)
    return TerhadapRenstra(
        renstra.tahun_awal,
        renstra.tahun_akhir,
        target,
        ri.kondisi_awal,
        jenis,
        realisasi,
        capaian,
        phrase("end-target-rumus", rumus=rumus, cara=how),
        _notes(keterangan, why),
    )


def _notes(*notes: Phrase | None) -> Phrase | None:
    given = tuple(n for n in notes if n is not None)
    return phrase("notes", isi=given) if given else None


def _national(
    perjanjian: Perjanjian,
    ind: Indikator,
    hasil: CapaianIndikator,
    target: TargetValue,
    rnd: Round,
) -> TerhadapNasional:
    value = hasil.realisasi
    if value is None:
        return TerhadapNasional(
            target,
            None,
            None,
            None,
            phrase("no-formula"),
            phrase("no-realisasi-year", tahun=perjanjian.tahun),
        )
    capaian, rumus, why = _against(perjanjian, ind, target, value, rnd)
    memenuhi = None
    if isinstance(value, Decimal) and isinstance(target, Decimal):
        memenuhi = value <= target if ind.polaritas is Polaritas.MINIMAL else value >= target
    elif isinstance(value, Decimal) and isinstance(target, Rentang):
        memenuhi = target.min <= value <= target.maks
    elif capaian is not None:
        memenuhi = capaian >= HUNDRED
    return TerhadapNasional(target, value, capaian, memenuhi, rumus, why)


def _jumlah(
    kunci: Kunci,
    items: tuple[PerbandinganIndikator, ...],
    earlier: list[Tahun],
    renstra: Renstra | None,
    tanpa: Tanpa,
    instrumen: Instrumen,
) -> Jumlah:
    ada = [i for i in items if i.carries(kunci)]
    dari = len(items)
    persen = (Decimal(len(ada)) / dari * HUNDRED).quantize(Decimal("0.01")) if dari else None
    alasan = None
    if kunci is Kunci.TAHUN_INI and not ada:
        alasan = phrase("no-capaian-yet")
    elif kunci is Kunci.TAHUN_SEBELUMNYA and not earlier:
        alasan = tanpa.tahun_lalu or phrase("no-earlier-data")
    elif kunci in (Kunci.TARGET_AKHIR_RENSTRA, Kunci.TARGET_NASIONAL) and renstra is None:
        alasan = tanpa.renstra or phrase("no-renstra")
    elif kunci is Kunci.TARGET_NASIONAL and not ada and all(i.nasional is None for i in items):
        alasan = phrase("no-national-targets")
    catatan = None
    if kunci is Kunci.TAHUN_SEBELUMNYA and tanpa.tidak_valid:
        catatan = phrase("invalid-years", tahun=tuple(map(str, tanpa.tidak_valid)))
    return Jumlah(
        kunci,
        len(ada),
        dari,
        persen,
        instrumen.grade(persen) if persen is not None else None,
        tuple(i.id for i in items if not i.carries(kunci)),
        alasan,
        catatan,
    )
