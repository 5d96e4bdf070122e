"""The report contexts: finished results (capaian, Riwayat) laid out for the templates.

    Perjanjian + Capaian + RiwayatRow --build_context--> ReportContext --> perjanjian, capaian
    CapaianWorkspace --build_perbandingan--> PerbandinganContext --> perbandingan

Only arranging: the numbers come computed (`pk.compute`), the history comes gathered
(`pk.report`), and the templates (`pk.render.templates`) put it into words.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from pk import __version__
from pk.compute.capaian import Capaian, CapaianIndikator, Ringkasan, Status
from pk.compute.lke import Penilaian
from pk.compute.perbandingan import Jumlah, Perbandingan, PerbandinganIndikator, TahunLalu
from pk.compute.proyeksi import Group as ProyeksiGroup
from pk.compute.proyeksi import Proyeksi
from pk.compute.rollup import Rollup, UnitRow, UnitStanding
from pk.model.evaluasi import Dokumen as DokumenEvaluasi
from pk.model.evaluasi import Evaluasi, Reviu
from pk.model.perjanjian import Indikator, Kelompok, Perjanjian, Rentang, Sasaran
from pk.model.realisasi import Realisasi, RealisasiIndikator
from pk.model.renstra import Renstra, RenstraIndikator, RenstraSasaran
from pk.phrase import Phrase
from pk.render import charts
from pk.vocab import Periode

if TYPE_CHECKING:
    # Types only: the records are built by the change and compute stages, read here.
    from pk.change.riwayat import RiwayatRow
    from pk.compute.workspace import CapaianWorkspace


@dataclass(frozen=True)
class LampiranRow:
    """One indicator row of the lampiran table, with the cells it opens.

    `kelompok_rows` / `sasaran_rows` is the number of rows the NO / SASARAN cell spans when
    this row opens it, and 0 when the row continues a cell opened above.
    """

    nomor: int
    kelompok: Kelompok
    kelompok_rows: int
    sasaran: Sasaran
    sasaran_rows: int
    indikator: Indikator


@dataclass(frozen=True)
class Bukti:
    """One piece of evidence as written in realisasi.yaml; `url` only for an http(s) link
    (a file path or other text is shown as text, never linked)."""

    teks: str
    url: str | None


@dataclass(frozen=True)
class BuktiTriwulan:
    """The evidence of one quarter of an indicator, or of its whole year (`triwulan` None)."""

    triwulan: str | None
    bukti: tuple[Bukti, ...]


@dataclass(frozen=True)
class CapaianRow:
    """One indicator of the capaian tables: the agreement's indicator, its computed result,
    and its realisasi entry (narrative: faktor pendorong/penghambat, solusi) if any."""

    indikator: Indikator
    hasil: CapaianIndikator
    narasi: RealisasiIndikator | None
    bukti: tuple[BuktiTriwulan, ...] = ()
    """Its evidence per quarter of the report's period, then the year's; only those listed."""


@dataclass(frozen=True)
class PerbandinganRow:
    """One indicator of a sasaran's comparison table."""

    indikator: Indikator
    hasil: CapaianIndikator
    banding: PerbandinganIndikator
    per_tahun: tuple[TahunLalu | None, ...]
    """The indicator in each year of `CapaianView.tahun_perbandingan`, this year last; None
    for a year before the first compared."""


@dataclass(frozen=True)
class SasaranSection:
    """One sasaran of the capaian report: its summary and its indicators."""

    kelompok: Kelompok
    sasaran: Sasaran
    ringkasan: Ringkasan
    rows: list[CapaianRow]
    ada_narasi: bool
    """Whether any of its indicators has a narrative to print."""
    perbandingan: list[PerbandinganRow]
    """Its indicators against the earlier years and the Renstra; empty when nothing beyond
    this year can be compared (`CapaianView.perbandingan` says why)."""
    grafik_tren: charts.Chart | None
    """Capaian per indicator and year, this year last; None without an earlier year."""
    judul_kelompok: str | None = None
    """The heading of its group (`kelompok.judul`) on the group's first sasaran, where the
    report prints it; None on the others."""
    ada_bukti: bool = False
    """Whether any of its indicators lists evidence (`CapaianRow.bukti`)."""


@dataclass(frozen=True)
class CapaianView:
    """The capaian report's material (LKjIP Bab III), all computed by `pk.compute.capaian`."""

    hasil: Capaian
    sasaran: list[SasaranSection]
    ada_data: bool
    """Whether any indicator has realisasi for the period (else: belum ada data)."""
    ada_anggaran: bool
    """Whether any budget realisasi is recorded for the period."""
    warna: dict[str, str]
    """Colour of each predikat band, for legends."""
    grafik_sasaran: charts.Chart
    """Average capaian per sasaran (the template draws it: `grafik`)."""
    grafik_anggaran: charts.Chart
    """Penyerapan per kegiatan and in total."""
    perbandingan: Perbandingan | None
    """The four comparisons (LKjIP Bab III A), computed by `pk.compute.perbandingan`."""
    jumlah_perbandingan: tuple[Jumlah, ...]
    """How many indicators carry each comparison (what the Evaluasi AKIP counts)."""
    tahun_perbandingan: tuple[int, ...]
    """The years of the comparison tables: the earlier years, then this year."""
    proyeksi: Proyeksi | None = None
    """Each indicator projected to TW4 after a quarter (`pk.compute.proyeksi`); None for TW4
    and the year. `proyeksi.berisiko` are the indicators at risk, largest shortfall first."""
    proyeksi_lain: tuple[ProyeksiGroup, ...] = ()
    """The other indicators by where they stand (sesuai rencana, data belum cukup, tidak
    diproyeksikan) and why, in document order."""


@dataclass(frozen=True)
class RenstraRow:
    """One indicator of the Renstra's table in LKjIP Bab II A; `sasaran_rows` is the rows its
    sasaran's cell spans on its first indicator, 0 on the others."""

    sasaran: RenstraSasaran
    sasaran_rows: int
    indikator: RenstraIndikator
    target: tuple[Decimal | Rentang | str | None, ...]
    """The target of each year of the period (`LkjipView.renstra_tahun`)."""


@dataclass(frozen=True)
class LkjipView:
    """What the whole LKjIP adds to the capaian material: its narrative chapters, the Renstra
    in short, and the APIP's review."""

    bab: dict[str, str]
    """The chapters' Markdown text by name (`kata-pengantar`, `bab-1`, …); one not written is
    absent (the `bab_html` / `bab_md` filters render the text)."""
    renstra: Renstra | None
    """The Renstra whose period holds the year; None without one (`tanpa_renstra` says why)."""
    tanpa_renstra: Phrase | None
    renstra_tahun: tuple[int, ...]
    """The years of the Renstra's period."""
    renstra_rows: list[RenstraRow]
    reviu: Reviu | None
    """The APIP's review of the LKjIP (its Pernyataan Telah Direviu), the last one
    evaluasi.yaml records; None when none is."""


@dataclass(frozen=True)
class ReportContext:
    """Everything a report template may use; each field is a top-level template variable."""

    perjanjian: Perjanjian
    """The agreement as loaded: unit, parties, penandatanganan, anggaran, kelompok."""
    lampiran: list[LampiranRow]
    """The lampiran table, one row per indicator in document order."""
    jumlah_anggaran: int
    """The budget total: `anggaran.jumlah` as printed, else the sum of the lines."""
    jumlah_indikator: int
    capaian: CapaianView
    """Capaian for the chosen period (every indicator "belum ada data" without realisasi)."""
    riwayat: list[RiwayatRow]
    """The "Riwayat Perubahan" table: the revisions in the agreement rendered, oldest first."""
    versi: str | None
    """Label of the version rendered, its latest revision (e.g. `PK Perubahan I`); None for
    the agreement as signed."""
    tanggal_ttd: dt.date | None
    """The date the version rendered is signed: its latest revision's (a PK Perubahan is
    signed anew), else `penandatanganan.tanggal`; None when the document prints no date
    (`cetak_tanggal: false`)."""
    tanggal_laporan: dt.date | None
    """The date the capaian report and the LKjIP are signed (realisasi.yaml); None leaves it
    to be written by hand."""
    lkjip: LkjipView
    """The LKjIP's own parts: chapters, Renstra, review."""
    dibuat: dt.datetime | None
    """When the report was generated; None unless asked for (outputs stay reproducible)."""
    pk_version: str
    logo: str | None = None
    """The kop's logo (`bentuk.kop.logo`) as a data URI for an <img>; None without one."""


def build_context(
    perjanjian: Perjanjian,
    capaian: Capaian,
    riwayat: list[RiwayatRow],
    *,
    realisasi: Realisasi | None = None,
    perbandingan: Perbandingan | None = None,
    proyeksi: Proyeksi | None = None,
    renstra: Renstra | None = None,
    bab: dict[str, str] | None = None,
    evaluasi: Evaluasi | None = None,
    dibuat: dt.datetime | None = None,
    logo: str | None = None,
) -> ReportContext:
    """The one context both documents of an agreement render from; `perjanjian` may be any
    revision, its version is its latest `perubahan`. `capaian` is computed for it
    (`pk.compute.capaian.compute`), `riwayat` its revisions (`pk.change.riwayat.riwayat`),
    `realisasi` gives the narratives, `perbandingan` the comparisons across years
    (`pk.compute.perbandingan.compare`), `proyeksi` the pacing (`pk.compute.proyeksi.project`)."""
    rows = [
        LampiranRow(
            nomor=nomor,
            kelompok=kelompok,
            # A row opens the NO cell at its group's first indicator, SASARAN at its sasaran's.
            kelompok_rows=sum(len(s.indikator) for s in kelompok.sasaran)
            if loc[3] == 0 and loc[5] == 0
            else 0,
            sasaran=sasaran,
            sasaran_rows=len(sasaran.indikator) if loc[5] == 0 else 0,
            indikator=indikator,
        )
        for nomor, (loc, kelompok, sasaran, indikator) in enumerate(perjanjian.walk(), start=1)
    ]
    return ReportContext(
        perjanjian=perjanjian,
        lampiran=rows,
        jumlah_anggaran=perjanjian.anggaran.total,
        jumlah_indikator=len(rows),
        capaian=_capaian_view(perjanjian, capaian, realisasi, perbandingan, proyeksi),
        riwayat=riwayat,
        versi=perjanjian.perubahan[-1].label if perjanjian.perubahan else None,
        tanggal_ttd=(
            perjanjian.perubahan[-1].tanggal
            if perjanjian.perubahan
            else perjanjian.penandatanganan.tanggal
        )
        if perjanjian.penandatanganan.cetak_tanggal
        else None,
        tanggal_laporan=realisasi.tanggal_laporan if realisasi else None,
        lkjip=_lkjip_view(bab or {}, renstra, perbandingan, evaluasi),
        dibuat=dibuat,
        pk_version=__version__,
        logo=logo,
    )


def _lkjip_view(
    bab: dict[str, str],
    renstra: Renstra | None,
    perbandingan: Perbandingan | None,
    evaluasi: Evaluasi | None,
) -> LkjipView:
    years = tuple(range(renstra.tahun_awal, renstra.tahun_akhir + 1)) if renstra else ()
    rows = [
        RenstraRow(
            sasaran,
            len(sasaran.indikator) if n == 0 else 0,
            indikator,
            tuple(indikator.target.get(t) for t in years),
        )
        for sasaran in (renstra.sasaran if renstra else [])
        for n, indikator in enumerate(sasaran.indikator)
    ]
    return LkjipView(
        bab={k: v for k, v in bab.items() if v.strip()},
        renstra=renstra,
        tanpa_renstra=perbandingan.tanpa.renstra if perbandingan else None,
        renstra_tahun=years,
        renstra_rows=rows,
        reviu=next(
            (r for r in reversed(evaluasi.reviu) if r.dokumen is DokumenEvaluasi.LKJIP), None
        )
        if evaluasi
        else None,
    )


def _bukti(entry: RealisasiIndikator | None, periode: Periode) -> tuple[BuktiTriwulan, ...]:
    if entry is None:
        return ()
    lists: list[tuple[str | None, tuple[str, ...]]] = [
        (tw, q.bukti) for tw in periode.triwulan if (q := entry.triwulan(tw))
    ]
    lists.append((None, entry.bukti))
    return tuple(
        BuktiTriwulan(tw, tuple(Bukti(b, b if _is_web_link(b) else None) for b in items))
        for tw, items in lists
        if items
    )


def _is_web_link(text: str) -> bool:
    """An http(s) address with a host and no blank or control character in it."""
    try:
        parts = urlsplit(text)
    except ValueError:  # "http://[" : a broken address is text
        return False
    return (
        parts.scheme.lower() in ("http", "https")
        and bool(parts.netloc)
        and not any(c.isspace() or not c.isprintable() for c in text)
    )


def _capaian_view(
    perjanjian: Perjanjian,
    hasil: Capaian,
    realisasi: Realisasi | None,
    perbandingan: Perbandingan | None = None,
    proyeksi: Proyeksi | None = None,
) -> CapaianView:
    by_id = {h.id: h for h in hasil.indikator}
    ringkasan = {r.kunci: r for r in hasil.sasaran}
    entries = realisasi.indikator if realisasi else {}
    compared = (
        {i.id: i for i in perbandingan.indikator} if perbandingan and perbandingan.ada else {}
    )
    sections = []
    for kelompok in perjanjian.kelompok:
        for n, sasaran in enumerate(kelompok.sasaran):
            rows = [
                CapaianRow(
                    i,
                    by_id[i.id],
                    entries.get(i.id),
                    _bukti(entries.get(i.id), hasil.periode),
                )
                for i in sasaran.indikator
            ]
            banding = [
                _banding_row(i, by_id[i.id], compared[i.id], perjanjian.tahun)
                for i in sasaran.indikator
                if i.id in compared
            ]
            sections.append(
                SasaranSection(
                    kelompok,
                    sasaran,
                    ringkasan[sasaran.id],
                    rows,
                    any(
                        r.narasi
                        and (
                            r.narasi.faktor_pendorong
                            or r.narasi.faktor_penghambat
                            or r.narasi.solusi
                        )
                        for r in rows
                    ),
                    banding,
                    _trend_chart(sasaran, banding, perjanjian.tahun)
                    if perbandingan and perbandingan.tahun_sebelumnya
                    else None,
                    judul_kelompok=kelompok.judul if n == 0 else None,
                    ada_bukti=any(r.bukti for r in rows),
                )
            )
    warna = charts.band_colours(hasil.skala)
    bars = tuple(
        charts.Bar(
            label=f"{s.sasaran.id} {s.sasaran.nama}",
            title=f"{s.sasaran.id} {s.sasaran.nama}",
            value=s.ringkasan.rata_rata,
            colour=warna.get(s.ringkasan.predikat or "", charts.NEUTRAL),
        )
        for s in sections
    )
    anggaran = hasil.anggaran
    budget_bars = tuple(
        charts.Bar(
            label=(label := " ".join(filter(None, (k.kode, k.nama)))),
            title=label,
            value=k.penyerapan,
            colour=charts.NEUTRAL,
        )
        for k in anggaran.kegiatan
    ) + (
        charts.Bar(
            label=anggaran.total.nama,
            title=anggaran.total.nama,
            value=anggaran.total.penyerapan,
            colour="#263238",
        ),
    )
    return CapaianView(
        hasil=hasil,
        sasaran=sections,
        ada_data=any(h.status is not Status.BELUM_ADA_DATA for h in hasil.indikator),
        ada_anggaran=anggaran.total.realisasi is not None,
        warna=warna,
        grafik_sasaran=charts.Chart("grafik-sasaran", bars),
        grafik_anggaran=charts.Chart("grafik-anggaran", budget_bars),
        perbandingan=perbandingan,
        jumlah_perbandingan=perbandingan.jumlah if perbandingan else (),
        tahun_perbandingan=(*perbandingan.tahun_sebelumnya, perjanjian.tahun)
        if perbandingan
        else (perjanjian.tahun,),
        proyeksi=proyeksi,
        proyeksi_lain=proyeksi.not_at_risk() if proyeksi else (),
    )


def _banding_row(
    indikator: Indikator, hasil: CapaianIndikator, banding: PerbandinganIndikator, tahun: int
) -> PerbandinganRow:
    now = TahunLalu(tahun, hasil.id, hasil.target, hasil.realisasi, hasil.capaian, hasil.status)
    return PerbandinganRow(indikator, hasil, banding, (*banding.tahun_lalu, now))


def _trend_chart(sasaran: Sasaran, rows: list[PerbandinganRow], tahun: int) -> charts.Chart:
    """A bar per indicator and year (capaian), the years of one indicator together, each
    year in its own shade, this year darkest."""
    years = sorted({t.tahun for r in rows for t in r.banding.tahun_lalu} | {tahun})
    shades = charts.year_shades(len(years))
    colour = dict(zip(years, shades, strict=True))
    bars = []
    for r in rows:
        values = {t.tahun: t.capaian for t in r.banding.tahun_lalu} | {tahun: r.hasil.capaian}
        absent = {t.tahun for t in r.banding.tahun_lalu if t.id is None}
        for year in years:
            bars.append(
                charts.Bar(
                    label=f"{r.hasil.id} · {year}",
                    title=f"{r.hasil.id} {r.indikator.nama} ({year})",
                    value=values.get(year),
                    colour=colour[year],
                    absent=year in absent,
                )
            )
    return charts.Chart(f"grafik-tren-{sasaran.id}", tuple(bars))


# --- a workspace: the unit comparison --------------------------------------------------


@dataclass(frozen=True)
class UnitView:
    """One unit's row of the comparison, with what the row shows beside the numbers."""

    row: UnitRow
    induk_nama: str | None
    """Name of the unit above it, None for the top unit."""
    warna: str
    """Colour of its predikat on its own scale (grey without one)."""


@dataclass(frozen=True)
class UnitTertinggal:
    """A unit that does not meet a rolled-up indicator's condition, and why."""

    nama: str
    keadaan: UnitStanding


@dataclass(frozen=True)
class DerivedView:
    """An indicator a unit derives from the units below it, with the units behind on it."""

    rollup: Rollup
    unit_nama: str
    memenuhi: int
    """How many units meet the condition."""
    tertinggal: list[UnitTertinggal]


@dataclass(frozen=True)
class PerbandinganContext:
    """Everything the unit comparison template may use (a workspace, not one agreement)."""

    tahun: int
    periode: Periode
    utama: str
    """Name of the top unit (the first without an induk)."""
    unit: list[UnitView]
    """One row per unit, in workspace order."""
    unit_di_bawah_target: list[str]
    """Names of the units with at least one indicator below target."""
    unit_belum_ada_data: list[str]
    """Names of the units with at least one indicator without realisasi."""
    turunan: list[DerivedView]
    warna: dict[str, str]
    """Colour of each predikat band of the top unit's scale, for the legend."""
    grafik_unit: charts.Chart
    """Average capaian per unit (the template draws it: `grafik`)."""
    dibuat: dt.datetime | None
    pk_version: str
    fiktif: bool = False
    """Whether any unit's agreement is fictional: the comparison then is too."""


def build_perbandingan(
    result: CapaianWorkspace, tahun: int, *, dibuat: dt.datetime | None = None
) -> PerbandinganContext:
    """The one context of the unit comparison, from `pk.capaian.compute_workspace`."""
    names = {u.id: u.nama for u in result.units}
    results = {u.id: u.ringkasan for u in result.units}
    views = []
    for row in result.rows():
        ringkasan = results[row.id]
        colours = charts.band_colours(ringkasan.skala) if ringkasan else {}
        views.append(
            UnitView(
                row,
                names.get(row.induk) if row.induk else None,
                colours.get(row.predikat or "", charts.NEUTRAL),
            )
        )
    top = next((u for u in result.units if u.induk is None), result.units[0])
    legend = next((a for a in (top.ringkasan, *results.values()) if a is not None), None)
    turunan = []
    for r in result.rollups:
        turunan.append(
            DerivedView(
                r,
                names[r.unit],
                len(r.units) - len(r.behind()),
                [UnitTertinggal(names.get(s.unit, s.unit), s) for s in r.behind()],
            )
        )
    periode = Periode(result.periode)
    bars = tuple(
        charts.Bar(
            label=v.row.nama,
            title=f"{v.row.nama} ({v.row.id})",
            value=v.row.rata_rata,
            colour=v.warna,
        )
        for v in views
    )
    return PerbandinganContext(
        tahun=tahun,
        periode=periode,
        utama=top.nama,
        unit=views,
        unit_di_bawah_target=[v.row.nama for v in views if v.row.di_bawah_target],
        unit_belum_ada_data=[v.row.nama for v in views if v.row.belum_ada_data],
        turunan=turunan,
        warna=charts.band_colours(legend.skala) if legend else {},
        grafik_unit=charts.Chart("grafik-unit", bars),
        dibuat=dibuat,
        pk_version=__version__,
        fiktif=any(u.fiktif for u in result.units),
    )


@dataclass(frozen=True)
class LkeContext:
    """Everything the LKE pre-check page may use (templates/lke.*.j2)."""

    perjanjian: Perjanjian
    """The agreement the pre-check is of: unit, tahun, fiktif."""
    lke: Penilaian
    """The pre-check (`pk.compute.lke.assess`): components, sub-components, criteria."""
    dibuat: dt.datetime | None
    pk_version: str


def build_lke(
    perjanjian: Perjanjian, penilaian: Penilaian, *, dibuat: dt.datetime | None = None
) -> LkeContext:
    """The one context of the LKE pre-check page."""
    return LkeContext(perjanjian, penilaian, dibuat, __version__)


Context = ReportContext | PerbandinganContext | LkeContext
"""What a template renders from: one agreement, a workspace's units, or a pre-check."""
