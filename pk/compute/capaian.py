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
every result carries `rumus`: the formula applied, as a phrase (pk.phrase) that the
templates' `frasa` words.

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
from pk.numbers import PRECISION
from pk.phrase import Phrase, phrase
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
    """The values are the JSON's codes; `frasa` in templates/_kalimat.j2 words them."""

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
    target_sumber: Phrase
    """`annual-target`, or `action-plan-target` with the quarter."""
    realisasi: Nilai | None
    """The period's realisasi after aggregation; None when there is no data."""
    triwulan: tuple[str, ...]
    """The quarters the realisasi was made from."""
    capaian: Decimal | None
    predikat: str | None
    status: Status
    rumus: Phrase
    """The formula applied, e.g. `realisasi / target × 100 = 77,5 / 80 × 100`."""
    keterangan: Phrase | None = None
    """Why there is no capaian, or what else a reader should know (capped, …)."""
    catatan: str | Phrase | None = None
    """The note of the last quarter used (a derived realisasi's is a phrase)."""
    dari_triwulan: str | None = None
    """The earlier quarter a cumulative figure was carried from when the period's own quarter
    has none (TW2's capaian from TW1's realisasi); None when the figure is the period's own."""


@dataclass(frozen=True)
class Ringkasan:
    """A summary over some indicators: a sasaran, a kelompok, or all."""

    kunci: str
    """The sasaran id, the kelompok number, or `keseluruhan`."""
    nama: str | Phrase
    """The sasaran's name; a kelompok's or the whole's is a phrase."""
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
    rumus: Phrase = phrase("average")


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
    rumus: Phrase
    keterangan: Phrase | None = None


@dataclass(frozen=True)
class Anggaran:
    kegiatan: tuple[PenyerapanKegiatan, ...]
    total: PenyerapanKegiatan
    pedoman_ikpa: Decimal | None
    """The IKPA absorption guide for the period (TW1 15%, TW2 40%, TW3 60%, TW4/tahunan 90%)."""
    efisiensi: Efisiensi | None
    """None when either side is missing."""
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
    rumus: Phrase
    keterangan: Phrase | None = None


def capaian_angka(
    target: Decimal,
    realisasi: Decimal,
    polaritas: Polaritas = Polaritas.MAKSIMAL,
    rumus_minimal: RumusMinimal = RumusMinimal.SELISIH,
) -> Outcome:
    """Capaian of a number against a number target, unrounded."""
    if polaritas is Polaritas.MAKSIMAL:
        rumus = phrase("ratio", r=realisasi, t=target)
        if target == 0:
            return Outcome(None, rumus, phrase("target-zero"))
        return Outcome(realisasi / target * HUNDRED, rumus)
    if rumus_minimal is RumusMinimal.SELISIH:
        rumus = phrase("difference", r=realisasi, t=target)
        if target == 0:
            return Outcome(None, rumus, phrase("target-zero"))
        return Outcome((2 * target - realisasi) / target * HUNDRED, rumus)
    rumus = phrase("inverse-ratio", r=realisasi, t=target)
    if realisasi == 0:
        return Outcome(HUNDRED, rumus, phrase("inverse-ratio-zero"))
    return Outcome(target / realisasi * HUNDRED, rumus)


def capaian_rentang(
    target: Rentang,
    realisasi: Decimal,
    polaritas: Polaritas = Polaritas.MAKSIMAL,
    rumus_minimal: RumusMinimal = RumusMinimal.SELISIH,
) -> Outcome:
    """Capaian against a range: 100 inside; outside, against the nearer bound."""
    lo, hi = target.min, target.maks
    if lo <= realisasi <= hi:
        return Outcome(HUNDRED, phrase("in-range", r=realisasi, lo=lo, hi=hi))
    bound, name = (lo, "lower-bound") if realisasi < lo else (hi, "upper-bound")
    inner = capaian_angka(bound, realisasi, polaritas, rumus_minimal)
    return Outcome(
        inner.capaian,
        phrase("out-of-range", lo=lo, hi=hi, batas=phrase(name), rumus=inner.rumus),
        inner.keterangan,
    )


def capaian_kode(target: str, realisasi: str, skor: dict[str, Decimal]) -> Outcome:
    """Capaian of a grade or level: realisasi's score / target's score × 100."""
    if target not in skor or realisasi not in skor:
        unknown = realisasi if realisasi not in skor else target
        return Outcome(
            None,
            phrase("score-ratio"),
            phrase("code-not-on-scale", kode=unknown, skala=tuple(skor)),
        )
    t, r = skor[target], skor[realisasi]
    rumus = phrase("score-ratio-of", r=r, kode_r=realisasi, t=t, kode_t=target)
    if t == 0:
        return Outcome(None, rumus, phrase("score-target-zero"))
    return Outcome(r / t * HUNDRED, rumus)


def aggregate(
    values: Sequence[tuple[str, Nilai]], agregasi: Agregasi
) -> tuple[Nilai | None, tuple[str, ...], Phrase]:
    """The period's realisasi from its filled quarters `[(TWn, value), …]` in order.

    Returns the value (None without data), the quarters used, and the rule in words.
    """
    if not values:
        return None, (), phrase("no-data")
    if agregasi is Agregasi.TERAKHIR or any(isinstance(v, str) for _, v in values):
        tw, value = values[-1]
        return value, (tw,), phrase("last-filled", tw=tw)
    numbers = [v for _, v in values if isinstance(v, Decimal)]
    tws = tuple(tw for tw, _ in values)
    if agregasi is Agregasi.JUMLAH:
        return sum(numbers, Decimal(0)), tws, phrase("sum", tw=tws)
    return sum(numbers, Decimal(0)) / len(numbers), tws, phrase("mean", tw=tws)


def predikat_of(capaian: Decimal | None, skala: SkalaPredikat) -> Kategori | None:
    """The first band whose `min` the capaian reaches; the last band takes the rest."""
    if capaian is None:
        return None
    for band in skala.kategori:
        if band.min is None or capaian >= band.min:
            return band
    return skala.kategori[-1]


class Efisiensi(StrEnum):
    EFISIEN = "efisien"
    CUKUP_EFISIEN = "cukup efisien"
    TIDAK_EFISIEN = "tidak efisien"


def efisiensi_of(selisih: Decimal, batas: Decimal) -> Efisiensi:
    """Efficient above +`batas` points, fairly within ±`batas`, else not (the regime's rule,
    e.g. 5: templates/rezim/*.yaml)."""
    if selisih > batas:
        return Efisiensi.EFISIEN
    if selisih >= -batas:
        return Efisiensi.CUKUP_EFISIEN
    return Efisiensi.TIDAK_EFISIEN


# --- the whole agreement ------------------------------------------------------------------


@dataclass(frozen=True)
class Derived:
    """A period's realisasi that comes from elsewhere than realisasi.yaml (see pk.compute.rollup)."""

    realisasi: Decimal
    rumus: Phrase
    """How it was derived."""
    keterangan: Phrase | None = None


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
            phrase("group", no=k.no),
            [by_id[i.id] for s in k.sasaran for i in s.indikator],
            skala,
            rnd,
        )
        for k in perjanjian.kelompok
    )
    keseluruhan = _ringkasan("keseluruhan", phrase("overall"), list(results), skala, rnd)
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
    target_sumber = phrase("annual-target")
    if periode is not Periode.TAHUNAN and data and data.rencana_aksi:
        quarterly = getattr(data.rencana_aksi, periode.value)
        if quarterly is not None:
            target, target_sumber = quarterly, phrase("action-plan-target", tw=periode.value)
    filled: list[tuple[str, Nilai]] = []
    catatan: str | Phrase | None = None
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
        capaian: Decimal | None, status: Status, rumus: Phrase, keterangan: Phrase | None = None
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
            phrase("no-data"),
            phrase("no-realisasi-in", tw=periode.triwulan),
        )
    if target is None:
        return result(None, Status.TIDAK_DAPAT_DIHITUNG, phrase("no-formula"), phrase("no-target"))
    hasil = outcome_of(perjanjian, ind, target, value)
    if hasil is None:
        return result(
            None,
            Status.TIDAK_DAPAT_DIHITUNG,
            phrase("no-formula"),
            phrase("wrong-kind", realisasi=str(value), jenis=phrase(_kind(target))),
        )
    # Say how the realisasi was made unless it is simply the period's own quarter.
    plain = turunan is None and ind.agregasi is Agregasi.TERAKHIR and used == periode.triwulan[-1:]
    rumus = hasil.rumus if plain else phrase("with-realisasi", rumus=hasil.rumus, realisasi=how)
    if hasil.capaian is None:
        return result(None, Status.TIDAK_DAPAT_DIHITUNG, rumus, hasil.keterangan)
    capaian = rnd(hasil.capaian)
    keterangan = hasil.keterangan
    cap = pengaturan.batas_capaian
    if cap is not None and capaian > cap:
        keterangan = phrase("capped", batas=cap, capaian=capaian)
        rumus = phrase("capped-rumus", rumus=rumus, batas=cap)
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
                None, phrase("score-ratio"), phrase("scale-undeclared", skala=str(ind.skala))
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
        return "target-code"
    return "target-range" if isinstance(target, Rentang) else "target-number"


def _ringkasan(
    kunci: str, nama: str | Phrase, items: list[CapaianIndikator], skala: SkalaPredikat, rnd: Round
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
    rumus = phrase("absorption", tw=tws)
    if spent is None:
        return PenyerapanKegiatan(kode, nama, pagu, None, None, rumus, phrase("no-data"))
    if pagu == 0:
        return PenyerapanKegiatan(kode, nama, pagu, spent, None, rumus, phrase("pagu-zero"))
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
