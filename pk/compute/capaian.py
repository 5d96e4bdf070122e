"""Capaian (achievement): pure maths over the loaded documents. No I/O, no templates.

Public API, for `pk capaian` and the reports:

    compute(perjanjian, realisasi, pengaturan, periode) -> Capaian

`realisasi` may be None (no realisasi.yaml: every indicator is "belum ada data") and
`pengaturan` may be None (the defaults of `Pengaturan()`). `periode` is a `Periode`
(TW1..TW4 or TAHUNAN) or its text. The result is made of frozen dataclasses:

    Capaian.indikator   CapaianIndikator per indicator, in document order
    Capaian.sasaran     Ringkasan per sasaran; .kelompok per group; .keseluruhan overall
    Capaian.anggaran    Penyerapan per kegiatan and in total, with the efficiency judgement

Every number is a Decimal rounded as `pengaturan` says (default two decimals, half-up), and
every result carries `rumus`: the formula applied, in words a report can print.

Rules (domain.md, Capaian):
- higher is better: realisasi / target × 100; target 0 cannot be computed (never divided);
- lower is better: (2 × target − realisasi) / target × 100 (`rumus_minimal: selisih`,
  default) or target / realisasi × 100 (`rasio`; realisasi 0 gives 100);
- a range target: 100 inside; below it compare with `min`, above it with `maks`, by the
  indicator's polarity;
- a grade or level target: computed on the scores of its skala;
- no realisasi is "belum ada data" (capaian None), never 0.
For a quarter TWn the realisasi is made from TW1..TWn by the indicator's `agregasi` and
compared with the Rencana Aksi target of TWn when given, else with the annual target.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_DOWN, ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal, localcontext
from enum import StrEnum

from pk.model.perjanjian import (
    Agregasi,
    Indikator,
    Perjanjian,
    Polaritas,
    Rentang,
    RumusMinimal,
)
from pk.model.predikat import Kategori, SkalaPredikat
from pk.model.realisasi import (
    Pembulatan,
    Pengaturan,
    Realisasi,
    RealisasiIndikator,
)
from pk.numbers import PRECISION, plain_comma
from pk.vocab import Periode

HUNDRED = Decimal(100)
_ROUNDING = {
    Pembulatan.HALF_UP: ROUND_HALF_UP,
    Pembulatan.HALF_EVEN: ROUND_HALF_EVEN,
    Pembulatan.DOWN: ROUND_DOWN,
}

Nilai = Decimal | str
TargetValue = Decimal | Rentang | str
Round = Callable[[Decimal], Decimal]


class Status(StrEnum):
    DIHITUNG = "dihitung"
    """Capaian computed."""
    BELUM_ADA_DATA = "belum ada data"
    """No realisasi for the period (not zero)."""
    TIDAK_DAPAT_DIHITUNG = "tidak dapat dihitung"
    """Data present but no capaian follows: target 0 or missing, realisasi of the wrong kind."""


@dataclass(frozen=True)
class CapaianIndikator:
    """One indicator's capaian for the period, and how it was found."""

    id: str
    nama: str
    kelompok: int
    sasaran_id: str
    satuan: str | None
    target: TargetValue | None
    """The target used: the Rencana Aksi target of the quarter, or the annual one."""
    target_sumber: str
    """`tahunan` or `rencana aksi TW2`."""
    realisasi: Nilai | None
    """The period's realisasi after aggregation; None when there is no data."""
    triwulan: tuple[str, ...]
    """The quarters the realisasi was made from."""
    capaian: Decimal | None
    predikat: str | None
    status: Status
    rumus: str
    """The formula applied, e.g. `realisasi / target × 100 = 77,5 / 80 × 100`."""
    keterangan: str | None = None
    """Why there is no capaian, or what else a reader should know (capped, …)."""
    catatan: str | None = None
    """The note of the last quarter used."""
    dari_triwulan: str | None = None
    """The earlier quarter a cumulative figure was carried from when the period's own quarter
    has none (TW2's capaian from TW1's realisasi); None when the figure is the period's own."""


@dataclass(frozen=True)
class Ringkasan:
    """A summary over some indicators: a sasaran, a kelompok, or all."""

    kunci: str
    """The sasaran id, the kelompok number, or `keseluruhan`."""
    nama: str
    jumlah_indikator: int
    rata_rata: Decimal | None
    """Average capaian of the indicators that have one; None when none has."""
    predikat: str | None
    """The predikat of the average."""
    per_predikat: tuple[tuple[str, int], ...]
    """How many indicators fall in each band, in the scale's order (zeros included)."""
    belum_ada_data: tuple[str, ...]
    """Ids of indicators without realisasi."""
    tidak_dapat_dihitung: tuple[str, ...]
    """Ids of indicators with data but no computable capaian."""
    rumus: str = "rata-rata capaian indikator yang dapat dihitung"


@dataclass(frozen=True)
class PenyerapanKegiatan:
    """Budget absorption of one kegiatan (or the total) for the period."""

    kode: str | None
    """None for a line the document lists without a code, and for the total."""
    nama: str
    pagu: int
    realisasi: int | None
    """Rupiah spent in the period's quarters; None when nothing is recorded."""
    penyerapan: Decimal | None
    rumus: str
    keterangan: str | None = None


@dataclass(frozen=True)
class Anggaran:
    kegiatan: tuple[PenyerapanKegiatan, ...]
    total: PenyerapanKegiatan
    pedoman_ikpa: Decimal | None
    """The IKPA absorption guide for the period (TW1 15%, TW2 40%, TW3 60%, TW4/tahunan 90%)."""
    efisiensi: str | None
    """`efisien`, `cukup efisien` or `tidak efisien`; None when either side is missing."""
    selisih: Decimal | None
    """Average capaian − penyerapan, in points."""
    batas_efisiensi: Decimal
    """The efficiency rule's threshold in points (the templates word the rule)."""


@dataclass(frozen=True)
class Capaian:
    periode: Periode
    skala: SkalaPredikat
    """The predikat scale used (reports state it)."""
    batas_capaian: Decimal | None
    indikator: tuple[CapaianIndikator, ...]
    sasaran: tuple[Ringkasan, ...]
    kelompok: tuple[Ringkasan, ...]
    keseluruhan: Ringkasan
    anggaran: Anggaran


# --- the formulas -------------------------------------------------------------------------


@dataclass(frozen=True)
class Outcome:
    """The raw (unrounded) outcome of one formula."""

    capaian: Decimal | None
    rumus: str
    keterangan: str | None = None


def capaian_angka(
    target: Decimal,
    realisasi: Decimal,
    polaritas: Polaritas = Polaritas.MAKSIMAL,
    rumus_minimal: RumusMinimal = RumusMinimal.SELISIH,
) -> Outcome:
    """Capaian of a number against a number target, unrounded."""
    t, r = plain_comma(target), plain_comma(realisasi)
    if polaritas is Polaritas.MAKSIMAL:
        rumus = f"realisasi / target × 100 = {r} / {t} × 100"
        if target == 0:
            return Outcome(None, rumus, "target 0: capaian tidak dapat dihitung (tidak dibagi nol)")
        return Outcome(realisasi / target * HUNDRED, rumus)
    if rumus_minimal is RumusMinimal.SELISIH:
        rumus = f"(2 × target − realisasi) / target × 100 = (2 × {t} − {r}) / {t} × 100"
        if target == 0:
            return Outcome(None, rumus, "target 0: capaian tidak dapat dihitung (tidak dibagi nol)")
        return Outcome((2 * target - realisasi) / target * HUNDRED, rumus)
    rumus = f"target / realisasi × 100 = {t} / {r} × 100"
    if realisasi == 0:
        return Outcome(
            HUNDRED,
            rumus,
            "realisasi 0 pada indikator yang makin rendah makin baik: capaian 100 (konvensi rasio)",
        )
    return Outcome(target / realisasi * HUNDRED, rumus)


def capaian_rentang(
    target: Rentang,
    realisasi: Decimal,
    polaritas: Polaritas = Polaritas.MAKSIMAL,
    rumus_minimal: RumusMinimal = RumusMinimal.SELISIH,
) -> Outcome:
    """Capaian against a range: 100 inside; outside, against the nearer bound."""
    lo, hi = plain_comma(target.min), plain_comma(target.maks)
    if target.min <= realisasi <= target.maks:
        return Outcome(
            HUNDRED, f"realisasi {plain_comma(realisasi)} di dalam rentang {lo}–{hi}: 100"
        )
    bound, name = (
        (target.min, "batas bawah") if realisasi < target.min else (target.maks, "batas atas")
    )
    inner = capaian_angka(bound, realisasi, polaritas, rumus_minimal)
    return Outcome(
        inner.capaian,
        f"di luar rentang {lo}–{hi}, terhadap {name}: {inner.rumus}",
        inner.keterangan,
    )


def capaian_kode(target: str, realisasi: str, skor: dict[str, Decimal]) -> Outcome:
    """Capaian of a grade or level: realisasi's score / target's score × 100."""
    if target not in skor or realisasi not in skor:
        unknown = realisasi if realisasi not in skor else target
        return Outcome(
            None,
            "skor realisasi / skor target × 100",
            f"kode {unknown} tidak ada pada skala ({', '.join(skor)})",
        )
    t, r = skor[target], skor[realisasi]
    rumus = f"skor realisasi / skor target × 100 = {plain_comma(r)} ({realisasi}) / {plain_comma(t)} ({target}) × 100"
    if t == 0:
        return Outcome(None, rumus, "skor target 0: capaian tidak dapat dihitung")
    return Outcome(r / t * HUNDRED, rumus)


def aggregate(
    values: Sequence[tuple[str, Nilai]], agregasi: Agregasi
) -> tuple[Nilai | None, tuple[str, ...], str]:
    """The period's realisasi from its filled quarters `[(TWn, value), …]` in order.

    Returns the value (None without data), the quarters used, and the rule in words.
    """
    if not values:
        return None, (), "belum ada data"
    if agregasi is Agregasi.TERAKHIR or any(isinstance(v, str) for _, v in values):
        tw, value = values[-1]
        return value, (tw,), f"triwulan terakhir yang terisi ({tw})"
    numbers = [v for _, v in values if isinstance(v, Decimal)]
    tws = tuple(tw for tw, _ in values)
    if agregasi is Agregasi.JUMLAH:
        return sum(numbers, Decimal(0)), tws, f"jumlah {' + '.join(tws)}"
    return sum(numbers, Decimal(0)) / len(numbers), tws, f"rata-rata {', '.join(tws)}"


def predikat_of(capaian: Decimal | None, skala: SkalaPredikat) -> Kategori | None:
    """The first band whose `min` the capaian reaches; the last band takes the rest."""
    if capaian is None:
        return None
    for band in skala.kategori:
        if band.min is None or capaian >= band.min:
            return band
    return skala.kategori[-1]


def efisiensi_of(selisih: Decimal, batas: Decimal) -> str:
    """`efisien` above +`batas` points, `cukup efisien` within ±`batas`, else `tidak efisien`
    (the regime's rule, e.g. 5: templates/rezim/*.yaml)."""
    if selisih > batas:
        return "efisien"
    if selisih >= -batas:
        return "cukup efisien"
    return "tidak efisien"


# --- the whole agreement ------------------------------------------------------------------


@dataclass(frozen=True)
class Derived:
    """A period's realisasi that comes from elsewhere than realisasi.yaml (see pk.compute.rollup)."""

    realisasi: Decimal
    rumus: str
    """How it was derived, in words."""
    keterangan: str | None = None


def compute(
    perjanjian: Perjanjian,
    realisasi: Realisasi | None = None,
    pengaturan: Pengaturan | None = None,
    periode: Periode | str = Periode.TAHUNAN,
    turunan: Mapping[str, Derived] | None = None,
) -> Capaian:
    """Capaian of every indicator, the summaries and the budget absorption for `periode`.

    `turunan` replaces the realisasi of some indicators for this period (rolled up from units).
    """
    # Wide enough that no number within pk.numbers' bound can overflow or fail to round.
    with localcontext(prec=PRECISION):
        return _compute(perjanjian, realisasi, pengaturan, Periode(periode), turunan or {})


def skala_of(perjanjian: Perjanjian, pengaturan: Pengaturan | None) -> SkalaPredikat:
    """The predikat scale: pengaturan.yaml's, else the default of the agreement's regime."""
    own = pengaturan.predikat if pengaturan else None
    return own if own is not None else perjanjian.bentuk.rezim.predikat


def rounder(pengaturan: Pengaturan) -> Round:
    """Rounding to the decimals and rule `pengaturan` sets."""
    quantum = Decimal(1).scaleb(-pengaturan.desimal)
    rounding = _ROUNDING[pengaturan.pembulatan]

    def rnd(value: Decimal) -> Decimal:
        return value.quantize(quantum, rounding=rounding)

    return rnd


def _compute(
    perjanjian: Perjanjian,
    realisasi: Realisasi | None,
    pengaturan: Pengaturan | None,
    periode: Periode,
    turunan: Mapping[str, Derived],
) -> Capaian:
    pengaturan = pengaturan or Pengaturan()
    rnd = rounder(pengaturan)
    data = realisasi.indikator if realisasi else {}
    skala = skala_of(perjanjian, pengaturan)
    results = tuple(
        _indikator(
            perjanjian,
            k.no,
            s.id,
            ind,
            data.get(ind.id),
            periode,
            pengaturan,
            skala,
            rnd,
            turunan.get(ind.id),
        )
        for k, s, ind in perjanjian.indikator()
    )
    by_id = {r.id: r for r in results}
    sasaran = tuple(
        _ringkasan(s.id, s.nama, [by_id[i.id] for i in s.indikator], skala, rnd)
        for k in perjanjian.kelompok
        for s in k.sasaran
    )
    kelompok = tuple(
        _ringkasan(
            str(k.no),
            f"Kelompok {k.no}",
            [by_id[i.id] for s in k.sasaran for i in s.indikator],
            skala,
            rnd,
        )
        for k in perjanjian.kelompok
    )
    keseluruhan = _ringkasan("keseluruhan", "Keseluruhan", list(results), skala, rnd)
    anggaran = _anggaran(perjanjian, realisasi, pengaturan, periode, keseluruhan.rata_rata, rnd)
    return Capaian(
        periode, skala, pengaturan.batas_capaian, results, sasaran, kelompok, keseluruhan, anggaran
    )


def _indikator(
    perjanjian: Perjanjian,
    kelompok: int,
    sasaran_id: str,
    ind: Indikator,
    data: RealisasiIndikator | None,
    periode: Periode,
    pengaturan: Pengaturan,
    skala: SkalaPredikat,
    rnd: Round,
    turunan: Derived | None = None,
) -> CapaianIndikator:
    target: TargetValue | None = ind.target
    target_sumber = "tahunan"
    if periode is not Periode.TAHUNAN and data and data.rencana_aksi:
        quarterly = getattr(data.rencana_aksi, periode.value)
        if quarterly is not None:
            target, target_sumber = quarterly, f"rencana aksi {periode.value}"
    filled: list[tuple[str, Nilai]] = []
    catatan = None
    for tw in periode.triwulan:
        entry = data.triwulan(tw) if data else None
        if entry is not None:
            filled.append((tw, entry.realisasi))
            catatan = entry.catatan
    value, used, how = aggregate(filled, ind.agregasi)
    if turunan is not None:
        value, used, how = turunan.realisasi, periode.triwulan[-1:], turunan.rumus
        catatan = turunan.keterangan
    # One quarter used, not the period's last: `aggregate` took the last filled one.
    carried = used[-1] if len(used) == 1 and used != periode.triwulan[-1:] else None

    def result(
        capaian: Decimal | None, status: Status, rumus: str, keterangan: str | None = None
    ) -> CapaianIndikator:
        band = predikat_of(capaian, skala)
        return CapaianIndikator(
            ind.id,
            ind.nama,
            kelompok,
            sasaran_id,
            ind.satuan,
            target,
            target_sumber,
            value,
            used,
            capaian,
            band.nama if band else None,
            status,
            rumus,
            keterangan,
            catatan,
            carried,
        )

    if value is None:
        return result(
            None,
            Status.BELUM_ADA_DATA,
            "belum ada data",
            f"tidak ada realisasi pada {', '.join(periode.triwulan)}",
        )
    if target is None:
        return result(None, Status.TIDAK_DAPAT_DIHITUNG, "—", "target belum ditetapkan")
    hasil = outcome_of(perjanjian, ind, target, value)
    if hasil is None:
        return result(
            None,
            Status.TIDAK_DAPAT_DIHITUNG,
            "—",
            f"realisasi {value} tidak sesuai jenis target {_kind(target)}",
        )
    # Say how the realisasi was made unless it is simply the period's own quarter.
    plain = turunan is None and ind.agregasi is Agregasi.TERAKHIR and used == periode.triwulan[-1:]
    rumus = hasil.rumus if plain else f"{hasil.rumus}; realisasi = {how}"
    if hasil.capaian is None:
        return result(None, Status.TIDAK_DAPAT_DIHITUNG, rumus, hasil.keterangan)
    capaian = rnd(hasil.capaian)
    keterangan = hasil.keterangan
    cap = pengaturan.batas_capaian
    if cap is not None and capaian > cap:
        keterangan = f"dibatasi {plain_comma(cap)} (tanpa batas {plain_comma(capaian)})"
        rumus = f"min({rumus}, {plain_comma(cap)})"
        capaian = rnd(cap)
    return result(capaian, Status.DIHITUNG, rumus, keterangan)


def outcome_of(
    perjanjian: Perjanjian, ind: Indikator, target: TargetValue, value: Nilai
) -> Outcome | None:
    """Apply the indicator's formula; None when the realisasi's kind does not fit the target."""
    if isinstance(target, str):
        skala = perjanjian.skala.get(ind.skala or "")
        if skala is None:
            return Outcome(
                None,
                "skor realisasi / skor target × 100",
                f"skala {ind.skala} tidak dideklarasikan",
            )
        kode = skala.kode_of(value)
        if kode is None:
            return None
        return capaian_kode(target, kode, skala.kode)
    if not isinstance(value, Decimal):
        return None
    if isinstance(target, Rentang):
        return capaian_rentang(target, value, ind.polaritas, ind.rumus_minimal)
    return capaian_angka(target, value, ind.polaritas, ind.rumus_minimal)


def _kind(target: TargetValue) -> str:
    if isinstance(target, str):
        return "kode"
    return "rentang" if isinstance(target, Rentang) else "angka"


def _ringkasan(
    kunci: str, nama: str, items: list[CapaianIndikator], skala: SkalaPredikat, rnd: Round
) -> Ringkasan:
    values = [i.capaian for i in items if i.capaian is not None]
    average = rnd(sum(values, Decimal(0)) / len(values)) if values else None
    band = predikat_of(average, skala)
    counts = tuple((k.nama, sum(1 for i in items if i.predikat == k.nama)) for k in skala.kategori)
    return Ringkasan(
        kunci,
        nama,
        len(items),
        average,
        band.nama if band else None,
        counts,
        tuple(i.id for i in items if i.status is Status.BELUM_ADA_DATA),
        tuple(i.id for i in items if i.status is Status.TIDAK_DAPAT_DIHITUNG),
    )


def _penyerapan(
    kode: str | None, nama: str, pagu: int, spent: int | None, rnd: Round, tws: tuple[str, ...]
) -> PenyerapanKegiatan:
    rumus = f"realisasi anggaran ({'+'.join(tws)}) / pagu × 100"
    if spent is None:
        return PenyerapanKegiatan(kode, nama, pagu, None, None, rumus, "belum ada data")
    if pagu == 0:
        return PenyerapanKegiatan(
            kode, nama, pagu, spent, None, rumus, "pagu 0: penyerapan tidak dapat dihitung"
        )
    return PenyerapanKegiatan(kode, nama, pagu, spent, rnd(Decimal(spent) / pagu * HUNDRED), rumus)


def _anggaran(
    perjanjian: Perjanjian,
    realisasi: Realisasi | None,
    pengaturan: Pengaturan,
    periode: Periode,
    rata_rata: Decimal | None,
    rnd: Round,
) -> Anggaran:
    tws = periode.triwulan
    lines = []
    for keg in perjanjian.anggaran.kegiatan:
        entry = realisasi.anggaran.get(keg.ref) if realisasi else None
        amounts = [getattr(entry, tw) for tw in tws] if entry else []
        filled = [a for a in amounts if a is not None]
        lines.append(
            _penyerapan(keg.kode, keg.nama, keg.pagu, sum(filled) if filled else None, rnd, tws)
        )
    known = [line.realisasi for line in lines if line.realisasi is not None]
    pagu = sum(line.pagu for line in lines)
    total = _penyerapan(
        None, perjanjian.bentuk.kolom.jumlah, pagu, sum(known) if known else None, rnd, tws
    )
    rezim = perjanjian.bentuk.rezim
    batas = (
        rezim.efisiensi.batas if pengaturan.efisiensi_batas is None else pengaturan.efisiensi_batas
    )
    # The guide of the period's last quarter, where the regime has one (IKPA: APBN only).
    guide = rezim.pedoman_penyerapan
    pedoman = getattr(guide, tws[-1]) if guide is not None else None
    if rata_rata is None or total.penyerapan is None:
        return Anggaran(tuple(lines), total, pedoman, None, None, batas)
    selisih = rata_rata - total.penyerapan
    return Anggaran(tuple(lines), total, pedoman, efisiensi_of(selisih, batas), selisih, batas)
