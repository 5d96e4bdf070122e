"""The LKE pre-check: the Evaluasi AKIP's criteria pk can decide from a year's data, pure.

    assess(instrumen, fakta) -> Penilaian

The instrument (pk.model.lke, from pk/model/lke.yaml) says which criteria pk decides and by
which rule; each rule here is one function in `RULES`, by the name the instrument uses. A
rule returns an outcome (a key of the instrument's `alasan` for it), its value (yes/no, a
share in percent, or None when the fact it needs is not recorded) and where it looked
(file:line). The answer follows the criterion's scale: yes/no is the scale's best or worst
code; a share is graded by the instrument's `pita` on A–E, and is Y on Y/T only at 100 %.

A criterion's weight in points is the component's weight × the sub-component's share × the
criterion's share of its sub-component (normalised, so the source's rounded 14.29 × 7 never
adds up to more than the sub-component). Per component: the points decided (`pasti`) and
the most the undecided criteria could add (`maks`): the estimate is the band pasti–maks.
"""

from __future__ import annotations

import datetime as dt
import string
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from decimal import ROUND_HALF_UP, Decimal, localcontext
from enum import StrEnum
from typing import TYPE_CHECKING

from pk.compute.capaian import HUNDRED, Capaian
from pk.compute.perbandingan import Kunci, Perbandingan
from pk.diagnostics import PkError
from pk.i18n import _
from pk.model.evaluasi import Dokumen, Evaluasi, StatusTindakLanjut
from pk.model.lke import Aturan, Instrumen, Kriteria, SubKomponen
from pk.model.perjanjian import Loc, Perjanjian, Status
from pk.numbers import PRECISION, plain_comma, rupiah, tanggal
from pk.phrase import Phrase
from pk.vocab import TRIWULAN

if TYPE_CHECKING:
    from pk.model.realisasi import Realisasi
    from pk.model.renstra import Renstra

CENT = Decimal("0.01")

Locator = Callable[[str, Loc], str]
"""`(file, loc) -> "data/2027/perjanjian.yaml:23"`: file is perjanjian, realisasi, evaluasi
or renstra; the use case builds it from the sources it read (compute does no I/O)."""


class InstrumenError(PkError):
    """An instrument without the reason for an outcome a rule found, or with a reason that
    names a value the rule does not give: exit 1 (pk.lke names the file)."""


@dataclass(frozen=True)
class Fakta:
    """What the rules read: one year's documents and what pk computed from them."""

    perjanjian: Perjanjian
    realisasi: Realisasi | None
    evaluasi: Evaluasi | None
    capaian: Capaian
    """The year's capaian (tahunan)."""
    perbandingan: Perbandingan
    renstra: Renstra | None
    """The Renstra covering the year, when valid."""
    tanpa_renstra: Phrase | None
    """Why there is none (perbandingan's words), or None."""
    pk_periode: Mapping[int, frozenset[str]]
    """The indicator ids of each year's PK in the Renstra's period up to this year."""
    berkas: Mapping[str, str]
    """Each file's path as shown: perjanjian, realisasi, evaluasi, renstra, lkjip (folder)."""
    bab_lkjip: Mapping[str, bool] | None
    """Each chapter the LKjIP's structure requires (pk.vocab.LKJIP_CHAPTERS): whether it is
    written; None when the year has no lkjip/ folder."""
    lokasi: Locator


@dataclass(frozen=True)
class Hasil:
    """What a rule found."""

    hasil: str
    """The outcome: a key of the rule's `alasan` in the instrument."""
    nilai: bool | Decimal | None
    """Yes/no, a share in percent, or None: the fact is not recorded, so not decided."""
    isi: Mapping[str, object] = field(default_factory=dict)
    """The values the reason names."""
    rujukan: tuple[str, ...] = ()
    """Where it looked, file:line."""


class StatusKriteria(StrEnum):
    DIPUTUSKAN = "diputuskan"
    """Decided from the data."""
    BELUM_TERCATAT = "belum tercatat"
    """pk decides it once a fact is recorded; it is not yet."""
    EVALUATOR = "penilaian evaluator"
    """pk cannot decide it."""


@dataclass(frozen=True)
class NilaiKriteria:
    id: str
    teks: str
    skala: str
    """The answer scale: Y/T or A-E."""
    bobot: Decimal
    """The criterion's weight in points of 100."""
    status: StatusKriteria
    aturan: str | None
    cara: str | None
    """How pk decides it (the instrument's words), or None."""
    bukti: str | None
    """The evidence expected."""
    jawaban: str | None = None
    nilai: Decimal | None = None
    """The points earned: bobot × the answer's value."""
    persen: Decimal | None = None
    """The share the answer was graded from, when a rule measured one."""
    alasan: Phrase | None = None
    rujukan: tuple[str, ...] = ()


@dataclass(frozen=True)
class NilaiSub:
    id: str
    nama: str
    uraian: str
    bobot: Decimal
    pasti: Decimal
    maks: Decimal
    kriteria: tuple[NilaiKriteria, ...]


@dataclass(frozen=True)
class NilaiKomponen:
    id: str
    nama: str
    bobot: Decimal
    pasti: Decimal
    """Points from the decided criteria."""
    maks: Decimal
    """pasti + the full weight of every undecided criterion."""
    sub: tuple[NilaiSub, ...]


@dataclass(frozen=True)
class Penilaian:
    """The pre-check of one year: an estimate, never the evaluator's score."""

    nama: str
    peraturan: str
    sumber: tuple[str, ...]
    tahun: int
    unit: str
    fiktif: bool
    komponen: tuple[NilaiKomponen, ...]
    pasti: Decimal
    maks: Decimal

    def kriteria(self, status: StatusKriteria | None = None) -> list[NilaiKriteria]:
        """Every criterion, or those of one status, in order."""
        every = [c for k in self.komponen for s in k.sub for c in s.kriteria]
        return [c for c in every if status is None or c.status is status]

    def of(self, id_: str) -> NilaiKriteria:
        return next(c for c in self.kriteria() if c.id == id_)


def assess(instrumen: Instrumen, fakta: Fakta) -> Penilaian:
    """Every criterion of `instrumen` for the year in `fakta` (module docstring)."""
    with localcontext(prec=PRECISION):
        komponen = []
        for k in instrumen.komponen:
            subs = []
            for s in k.sub_komponen:
                points = k.bobot * s.persen / HUNDRED
                total = sum(c.bobot for c in s.kriteria)
                rows = tuple(
                    _criterion(instrumen, s, c, points * c.bobot / total, fakta) for c in s.kriteria
                )
                pasti = sum((r.nilai for r in rows if r.nilai is not None), Decimal(0))
                open_ = sum((r.bobot for r in rows if r.nilai is None), Decimal(0))
                subs.append(NilaiSub(s.id, s.nama, s.uraian, points, pasti, pasti + open_, rows))
            komponen.append(
                NilaiKomponen(
                    k.id,
                    k.nama,
                    k.bobot,
                    sum((s.pasti for s in subs), Decimal(0)),
                    sum((s.maks for s in subs), Decimal(0)),
                    tuple(subs),
                )
            )
        p = fakta.perjanjian
        return Penilaian(
            instrumen.nama,
            instrumen.peraturan,
            tuple(instrumen.sumber),
            p.tahun,
            p.unit.nama_pendek,
            p.fiktif,
            tuple(_rounded(k) for k in komponen),
            _round(sum((k.pasti for k in komponen), Decimal(0))),
            _round(sum((k.maks for k in komponen), Decimal(0))),
        )


def _criterion(
    instrumen: Instrumen, sub: SubKomponen, c: Kriteria, bobot: Decimal, fakta: Fakta
) -> NilaiKriteria:
    skala = c.jawaban or sub.jawaban
    if c.aturan is None:
        return NilaiKriteria(
            c.id, c.teks, skala, bobot, StatusKriteria.EVALUATOR, None, None, c.bukti
        )
    aturan = instrumen.aturan[c.aturan]
    found = RULES[c.aturan](fakta, instrumen)
    # A phrase among the values (why a comparison is missing) is worded by the templates.
    isi = tuple((k, v if isinstance(v, Phrase) else str(v)) for k, v in found.isi.items())
    alasan = Phrase(f"{c.aturan}.{found.hasil}", isi, _reason(c.aturan, aturan, found))
    base = NilaiKriteria(
        c.id,
        c.teks,
        skala,
        bobot,
        StatusKriteria.BELUM_TERCATAT,
        c.aturan,
        aturan.cara,
        c.bukti,
        alasan=alasan,
        rujukan=found.rujukan,
    )
    if found.nilai is None:
        return base
    jawaban = answer(instrumen, skala, found.nilai)
    return replace(
        base,
        status=StatusKriteria.DIPUTUSKAN,
        jawaban=jawaban,
        nilai=bobot * instrumen.skala[skala][jawaban],
        persen=found.nilai if isinstance(found.nilai, Decimal) else None,
    )


def _reason(rule: str, aturan: Aturan, found: Hasil) -> str:
    """The instrument's sentence for the outcome, checked here so that one from another
    instrument (`--instrumen`) fails before any page is written, as that file's problem."""
    sentence = aturan.alasan.get(found.hasil)
    if sentence is None:
        raise InstrumenError(
            _("aturan {rule}: alasan has no `{hasil}`, the outcome pk found").format(
                rule=rule, hasil=found.hasil
            )
        )
    try:
        fields = [(n, s, c) for _t, n, s, c in string.Formatter().parse(sentence) if n is not None]
    except ValueError as err:  # a `{` without its `}`
        problem = str(err)
    else:
        bad = [
            n + (f"!{c}" if c else "") + (f":{s}" if s else "")
            for n, s, c in fields
            if n not in found.isi or s or c
        ]
        if not bad:
            return sentence
        problem = _("{{{field}}}: a reason names a value as {{name}}, one of: {names}").format(
            field=bad[0], names=", ".join(found.isi) or "-"
        )
    raise InstrumenError(
        _("aturan {rule}: alasan `{hasil}`: {problem}").format(
            rule=rule, hasil=found.hasil, problem=problem
        )
    )


def answer(instrumen: Instrumen, skala: str, nilai: bool | Decimal) -> str:
    """The code on `skala` for a yes/no or a share (module docstring)."""
    codes = list(instrumen.skala[skala])  # best first, as the file lists them
    if isinstance(nilai, bool):
        return codes[0] if nilai else codes[-1]
    grades = instrumen.skala[skala]
    grade = instrumen.grade(nilai)
    if grade in grades:
        return grade
    return codes[0] if nilai >= HUNDRED else codes[-1]


def _round(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def _rounded(k: NilaiKomponen) -> NilaiKomponen:
    def crit(c: NilaiKriteria) -> NilaiKriteria:
        nilai = _round(c.nilai) if c.nilai is not None else None
        return replace(c, bobot=_round(c.bobot), nilai=nilai)

    subs = tuple(
        NilaiSub(
            s.id,
            s.nama,
            s.uraian,
            _round(s.bobot),
            _round(s.pasti),
            _round(s.maks),
            tuple(crit(c) for c in s.kriteria),
        )
        for s in k.sub
    )
    return NilaiKomponen(k.id, k.nama, k.bobot, _round(k.pasti), _round(k.maks), subs)


# --- the rules ------------------------------------------------------------------------------

Rule = Callable[[Fakta, Instrumen], Hasil]


def _share(ada: Sequence[str], semua: Sequence[str]) -> Decimal:
    return _round(Decimal(len(ada)) / len(semua) * HUNDRED) if semua else Decimal(0)


def _counted(
    hasil: str,
    ada: Sequence[str],
    semua: Sequence[str],
    rujukan: tuple[str, ...] = (),
    **isi: object,
) -> Hasil:
    """A share of ids: `ada` of `semua`, the rest named."""
    persen = _share(ada, semua)
    rest = [i for i in semua if i not in ada]
    counts = {"ada": len(ada), "dari": len(semua), "persen": plain_comma(persen)}
    return Hasil(hasil, persen, {**counts, "tanpa": ", ".join(rest) or "-", **isi}, rujukan)


def _ids(f: Fakta) -> list[str]:
    return [i.id for _, _, i in f.perjanjian.indikator()]


def _renstra_ada(f: Fakta, _i: Instrumen) -> Hasil:
    if f.renstra is None:
        return Hasil("tidak", False, {"sebab": f.tanpa_renstra or "-"})
    r = f.renstra
    return Hasil(
        "ya",
        True,
        {"periode": f"{r.tahun_awal}–{r.tahun_akhir}", "berkas": f.berkas["renstra"]},
        (f.lokasi("renstra", ("tahun_awal",)),),
    )


def _pk_ada(f: Fakta, _i: Instrumen) -> Hasil:
    return Hasil(
        "ya",
        True,
        {"tahun": f.perjanjian.tahun, "berkas": f.berkas["perjanjian"]},
        (f.lokasi("perjanjian", ("tahun",)),),
    )


def _rencana_aksi(f: Fakta, _i: Instrumen) -> Hasil:
    ids = _ids(f)
    rows = f.realisasi.indikator if f.realisasi else {}
    ada = [i for i in ids if i in rows and rows[i].rencana_aksi is not None]
    where = (f.lokasi("realisasi", ("indikator",)),)
    return _counted("semua" if len(ada) == len(ids) else "sebagian", ada, ids, where)


def _anggaran_ada(f: Fakta, _i: Instrumen) -> Hasil:
    a = f.perjanjian.anggaran
    where = (f.lokasi("perjanjian", ("anggaran",)),)
    if a.total <= 0:
        return Hasil("tidak", False, {}, where)
    return Hasil("ya", True, {"jumlah": len(a.kegiatan), "total": rupiah(a.total)}, where)


def _pk_ditandatangani(f: Fakta, _i: Instrumen) -> Hasil:
    t = f.perjanjian.penandatanganan
    where = (f.lokasi("perjanjian", ("penandatanganan", "status")),)
    if t.status is not Status.DITANDATANGANI:
        return Hasil("tidak", False, {"status": t.status.value}, where)
    return Hasil("ya", True, {"tanggal": tanggal(t.tanggal) if t.tanggal else "-"}, where)


def _deadline(instrumen: Instrumen, dokumen: Dokumen, tahun: int) -> dt.date | None:
    rule = instrumen.tenggat.get(dokumen.value)
    if rule is None:
        return None
    year = tahun + 1 if rule.tahun_berikutnya else tahun
    first_of_next = dt.date(year + rule.bulan // 12, rule.bulan % 12 + 1, 1)
    return first_of_next - dt.timedelta(days=1)


def _dated(f: Fakta, instrumen: Instrumen, what: str, dokumen: Dokumen, timely: bool) -> Hasil:
    """A publication or submission of `dokumen` recorded in evaluasi.yaml (its first)."""
    entries = getattr(f.evaluasi, what) if f.evaluasi else []
    found = [(n, e) for n, e in enumerate(entries) if e.dokumen is dokumen]
    if not found:
        return Hasil("belum_tercatat", None, {"berkas": f.berkas["evaluasi"]})
    n, entry = found[0]
    where = (f.lokasi("evaluasi", (what, n)),)
    isi: dict[str, object] = {
        "tanggal": tanggal(entry.tanggal),
        "tautan": getattr(entry, "tautan", ""),
        "kepada": getattr(entry, "kepada", ""),
    }
    deadline = _deadline(instrumen, dokumen, f.perjanjian.tahun) if timely else None
    if deadline is None:
        return Hasil("ya", True, isi, where)
    isi["tenggat"] = tanggal(deadline)
    on_time = entry.tanggal <= deadline
    return Hasil("tepat_waktu" if on_time else "terlambat", on_time, isi, where)


def _publikasi_pk(f: Fakta, i: Instrumen) -> Hasil:
    return _dated(f, i, "publikasi", Dokumen.PERJANJIAN, timely=True)


def _publikasi_lkjip(f: Fakta, i: Instrumen) -> Hasil:
    return _dated(f, i, "publikasi", Dokumen.LKJIP, timely=False)


def _penyampaian_lkjip(f: Fakta, i: Instrumen) -> Hasil:
    return _dated(f, i, "penyampaian", Dokumen.LKJIP, timely=True)


def _reviu_lkjip(f: Fakta, _i: Instrumen) -> Hasil:
    # The same record prints the LKjIP's Pernyataan Telah Direviu (pk.render.context).
    entries = f.evaluasi.reviu if f.evaluasi else []
    found = [(n, r) for n, r in enumerate(entries) if r.dokumen is Dokumen.LKJIP]
    if not found:
        return Hasil("belum_tercatat", None, {"berkas": f.berkas["evaluasi"]})
    n, reviu = found[0]
    return Hasil(
        "ya",
        True,
        {"oleh": reviu.oleh, "tanggal": tanggal(reviu.tanggal), "surat": reviu.surat},
        (f.lokasi("evaluasi", ("reviu", n)),),
    )


def _iku_berkelanjutan(f: Fakta, _i: Instrumen) -> Hasil:
    if f.renstra is None:
        return Hasil("tanpa_renstra", None, {"sebab": f.tanpa_renstra or "-"})
    years = sorted(f.pk_periode)
    missing, renamed, count = [], [], 0
    for _loc, _s, ri in f.renstra.walk():
        if not ri.iku:
            continue
        count += 1
        for year in years:
            if ri.id_in(year) not in f.pk_periode[year]:
                missing.append(f"{ri.id_in(year)} ({year})")
        renamed += [f"{ri.id} → {new} ({year})" for year, new in sorted(ri.id_di_pk.items())]
    where = (f.lokasi("renstra", ("sasaran",)),)
    span = f"{years[0]}–{years[-1]}" if len(years) > 1 else str(years[0])
    if missing:
        return Hasil("tidak", False, {"hilang": ", ".join(missing)}, where)
    ganti = f"; berganti id (id_di_pk): {', '.join(renamed)}" if renamed else ""
    return Hasil("ya", True, {"jumlah": count, "tahun": span, "ganti": ganti}, where)


def _target_tercapai(f: Fakta, _i: Instrumen) -> Hasil:
    rows = f.capaian.indikator
    ada = [h.id for h in rows if h.capaian is not None and h.capaian >= HUNDRED]
    return _counted("persen", ada, [h.id for h in rows], (f.lokasi("realisasi", ("indikator",)),))


def _realisasi_berkala(f: Fakta, _i: Instrumen) -> Hasil:
    ids = _ids(f)
    rows = f.realisasi.indikator if f.realisasi else {}
    filled = [tw for tw in TRIWULAN if any(r.triwulan(tw) for r in rows.values())]
    if not filled:
        return Hasil("kosong", Decimal(0), {"berkas": f.berkas["realisasi"]})
    upto = TRIWULAN[: TRIWULAN.index(filled[-1]) + 1]
    ada = [i for i in ids if i in rows and all(rows[i].triwulan(tw) for tw in upto)]
    label = upto[0] if len(upto) == 1 else f"{upto[0]}–{upto[-1]}"
    return _counted("persen", ada, ids, (f.lokasi("realisasi", ("indikator",)),), triwulan=label)


def _per_indikator(f: Fakta, attr: str) -> Hasil:
    if f.evaluasi is None:
        return Hasil("belum_tercatat", None, {"berkas": f.berkas["evaluasi"]})
    rows = f.evaluasi.indikator
    ids = _ids(f)
    ada = [i for i in ids if i in rows and getattr(rows[i], attr)]
    return _counted("persen", ada, ids, (f.lokasi("evaluasi", ("indikator",)),))


def _definisi_operasional(f: Fakta, _i: Instrumen) -> Hasil:
    return _per_indikator(f, "definisi_operasional")


def _sumber_data(f: Fakta, _i: Instrumen) -> Hasil:
    return _per_indikator(f, "sumber_data")


def _realisasi_tercatat(f: Fakta, _i: Instrumen) -> Hasil:
    rows = f.realisasi.indikator if f.realisasi else {}
    ids = _ids(f)
    ada = [i for i in ids if i in rows and any(rows[i].triwulan(tw) for tw in TRIWULAN)]
    where = (f.lokasi("realisasi", ("indikator",)),)
    return _counted("persen", ada, ids, where, berkas=f.berkas["realisasi"])


def _narrated(f: Fakta, *attrs: str) -> Hasil:
    rows = f.realisasi.indikator if f.realisasi else {}
    ids = _ids(f)
    ada = [i for i in ids if i in rows and any(getattr(rows[i], a) for a in attrs)]
    return _counted("persen", ada, ids, (f.lokasi("realisasi", ("indikator",)),))


def _analisis_capaian(f: Fakta, _i: Instrumen) -> Hasil:
    return _narrated(f, "faktor_pendorong", "faktor_penghambat")


def _solusi(f: Fakta, _i: Instrumen) -> Hasil:
    return _narrated(f, "solusi")


def _compared(kunci: Kunci) -> Rule:
    def rule(f: Fakta, _i: Instrumen) -> Hasil:
        j = next(j for j in f.perbandingan.jumlah if j.kunci is kunci)
        if j.alasan is not None and not j.ada:
            return Hasil("tidak_ada", Decimal(0), {"sebab": j.alasan})
        ada = [p.id for p in f.perbandingan.indikator if p.carries(kunci)]
        years = ", ".join(map(str, f.perbandingan.tahun_sebelumnya)) or "-"
        return _counted("persen", ada, [p.id for p in f.perbandingan.indikator], tahun=years)

    return rule


def _lkjip_disusun(f: Fakta, _i: Instrumen) -> Hasil:
    # The LKjIP is written when its required narrative chapters are (pk lays out the rest from
    # the data) and the year's measurement it reports is complete: TW4 of every indicator.
    if f.bab_lkjip is None:
        return Hasil("belum_tercatat", None, {"berkas": f.berkas["lkjip"]})
    rows = f.realisasi.indikator if f.realisasi else {}
    ids = _ids(f)
    ada = [i for i in ids if i in rows and rows[i].TW4 is not None]
    bab = [name for name, ok in f.bab_lkjip.items() if not ok]
    where = (f.berkas["lkjip"], f.lokasi("realisasi", ("indikator",)))
    found = _counted("ya" if len(ada) == len(ids) and not bab else "tidak", ada, ids, where)
    isi = {**found.isi, "berkas": f.berkas["lkjip"], "bab": len(f.bab_lkjip)}
    isi["bab_tanpa"] = ", ".join(bab) or "-"
    return Hasil(found.hasil, found.hasil == "ya", isi, found.rujukan)


def _lkjip_struktur(f: Fakta, _i: Instrumen) -> Hasil:
    # pk's LKjIP (pk report --dokumen lkjip) lays out PermenPANRB 53/2014 and fills its
    # tables from the data; what conformity can lack is a required narrative chapter.
    if f.bab_lkjip is None:
        return Hasil("belum_tercatat", None, {"berkas": f.berkas["lkjip"]})
    written = [name for name, ok in f.bab_lkjip.items() if ok]
    return _counted("persen", written, list(f.bab_lkjip), (f.berkas["lkjip"],))


def _rekomendasi_tuntas(f: Fakta, _i: Instrumen) -> Hasil:
    rows = f.evaluasi.rekomendasi if f.evaluasi else []
    if not rows:
        return Hasil("belum_tercatat", None, {"berkas": f.berkas["evaluasi"]})
    ada = [r.id for r in rows if r.status is StatusTindakLanjut.TUNTAS]
    where = (f.lokasi("evaluasi", ("rekomendasi",)),)
    return _counted("persen", ada, [r.id for r in rows], where)


def _realisasi_anggaran(f: Fakta, _i: Instrumen) -> Hasil:
    spent = f.realisasi.anggaran if f.realisasi else {}
    kodes = [k.ref for k in f.perjanjian.anggaran.kegiatan]
    ada = [k for k in kodes if k in spent and any(getattr(spent[k], tw) for tw in TRIWULAN)]
    return _counted("persen", ada, kodes, (f.lokasi("realisasi", ("anggaran",)),))


RULES: dict[str, Rule] = {
    "renstra-ada": _renstra_ada,
    "pk-ada": _pk_ada,
    "rencana-aksi": _rencana_aksi,
    "anggaran-ada": _anggaran_ada,
    "pk-ditandatangani": _pk_ditandatangani,
    "publikasi-pk": _publikasi_pk,
    "iku-berkelanjutan": _iku_berkelanjutan,
    "target-tercapai": _target_tercapai,
    "realisasi-berkala": _realisasi_berkala,
    "definisi-operasional": _definisi_operasional,
    "sumber-data": _sumber_data,
    "realisasi-tercatat": _realisasi_tercatat,
    "capaian-terhitung": _compared(Kunci.TAHUN_INI),
    "perbandingan-renstra": _compared(Kunci.TARGET_AKHIR_RENSTRA),
    "perbandingan-tahun-sebelumnya": _compared(Kunci.TAHUN_SEBELUMNYA),
    "perbandingan-nasional": _compared(Kunci.TARGET_NASIONAL),
    "lkjip-disusun": _lkjip_disusun,
    "lkjip-struktur": _lkjip_struktur,
    "reviu-lkjip": _reviu_lkjip,
    "publikasi-lkjip": _publikasi_lkjip,
    "penyampaian-lkjip": _penyampaian_lkjip,
    "analisis-capaian": _analisis_capaian,
    "realisasi-anggaran": _realisasi_anggaran,
    "solusi": _solusi,
    "rekomendasi-tuntas": _rekomendasi_tuntas,
}
"""Each rule the instrument may name (`aturan`), by that name."""
