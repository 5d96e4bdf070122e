"""`pk capaian`: capaian results (`pk.compute.capaian.Capaian`) as a table, JSON or CSV.

Only formats; every number comes from `pk.compute.capaian.compute`.

The JSON is a stable contract, an object with:
- `periode`: `TW1`..`TW4` or `tahunan`; `skala_predikat` (`nama`, `kategori` with `nama`, `min`);
  `batas_capaian` (number or null);
- `indikator`: in document order, each with `id`, `kelompok`, `sasaran_id`, `indikator`,
  `satuan`, `target` (number, {min, maks} or code), `target_teks`, `target_sumber`,
  `realisasi` (number, code or null), `triwulan` (quarters used), `dari_triwulan` (the
  earlier quarter a cumulative figure was carried from, or null), `capaian` (number, or
  null when it cannot be computed), `predikat`, `status` (`dihitung`, `belum ada data`,
  `tidak dapat dihitung`), `rumus`, `keterangan`, `catatan`;
- `sasaran` and `kelompok`: summaries, each with `id`, `nama`, `jumlah_indikator`,
  `rata_rata`, `predikat`, `per_predikat` (band → count), `belum_ada_data`,
  `tidak_dapat_dihitung` (lists of ids); `keseluruhan`: the same over all indicators;
- `anggaran`: `kegiatan` (each `kode`, `kegiatan`, `pagu`, `realisasi`, `penyerapan`,
  `rumus`), `total` (the same without `kode`), `pedoman_ikpa`, `selisih`, `efisiensi`,
  `batas_efisiensi` (the efficiency rule's threshold in points);
- `perbandingan` (null for a workspace's unit): `tahun_sebelumnya` (the earlier years
  compared), `jumlah` (per comparison `kunci`, `judul`, `ada`, `dari`, `persen`, `nilai_lke`,
  `tanpa` ids, `alasan` when none can carry it, `catatan`); and each indicator has a `perbandingan`
  object (or null): `tahun_ini` (bool), `tahun_sebelumnya` (per earlier year `tahun`, `id`,
  `target`, `realisasi`, `capaian`, `status`, `keterangan`), `keterangan_tahun_sebelumnya`,
  `tren` (`terhadap_tahun`, `arah`, `selisih_capaian`, `arah_realisasi`,
  `selisih_realisasi`, `rumus`) or null, `target_akhir_renstra` (`periode`, `target_akhir`,
  `kondisi_awal` {`tahun`, `nilai`}, `jenis` kumulatif/tingkat, `realisasi_sd_tahun_ini`,
  `capaian`, `rumus`, `keterangan`) or null with `keterangan_target_akhir_renstra`, and
  `target_nasional` (`target`, `realisasi`, `capaian`, `memenuhi`, `rumus`, `keterangan`) or
  null with `keterangan_target_nasional`.
- `proyeksi` (null for TW4, the year and a workspace's unit): `periode`, `batas_berisiko`,
  `berisiko` (the ids at risk, the largest projected shortfall first) and `indikator`, in
  document order, each with `id`, `keadaan` (`berisiko`, `sesuai rencana`, `data belum
  cukup`, `tidak diproyeksikan`), `metode` (`laju terhadap rencana aksi`, `laju merata`,
  `rata-rata berlanjut`, `tren linear`, or null), `target`, `realisasi` (to date),
  `triwulan`, `rencana` (the plan to date), `laju` (realisasi / rencana × 100), `proyeksi`
  (TW4, in the indikator's satuan), `capaian` (of the projection), `kekurangan` (points
  short of 100), `rumus` (the projection's), `rumus_capaian` (its capaian's), `alasan`.
Rupiah are integers; capaian and penyerapan are numbers with the configured decimals. The
formulas and reasons (`rumus`, `keterangan`, `alasan`, …) are in the built-in templates'
words (`frasa` in templates/_kalimat.j2); the states (`status`, `keadaan`, …) are codes.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from pk.compute.capaian import Capaian, CapaianIndikator, PenyerapanKegiatan, Ringkasan
from pk.compute.perbandingan import Perbandingan, PerbandinganIndikator, TerhadapRenstra
from pk.compute.proyeksi import Proyeksi
from pk.model.bentuk import Bentuk
from pk.model.perjanjian import Rentang
from pk.numbers import nilai, plain_comma
from pk.phrase import Phrase
from pk.render.diagnostics import csv_text, printed
from pk.render.frasa import worded, words
from pk.text import json_text
from pk.vocab import ShowFormat

if TYPE_CHECKING:
    from rich.console import Console

    from pk.compute.workspace import CapaianWorkspace
    from pk.model.bentuk import Kolom


def _number(value: Decimal | None) -> int | float | None:
    # JSON has one number type; two-decimal values print exactly ("104.73") as floats.
    if value is None:
        return None
    return (
        int(value)
        if value == value.to_integral() and value.as_tuple().exponent == 0
        else float(value)
    )


def _value(value: Decimal | Rentang | str | None) -> Any:
    if isinstance(value, Rentang):
        return {"min": _number(value.min), "maks": _number(value.maks)}
    if isinstance(value, Decimal):
        return _number(value)
    return value


def _indikator(item: CapaianIndikator) -> dict[str, Any]:
    return {
        "id": item.id,
        "kelompok": item.kelompok,
        "sasaran_id": item.sasaran_id,
        "indikator": item.nama,
        "satuan": item.satuan,
        "target": _value(item.target),
        "target_teks": nilai(item.target, item.satuan, plain_comma),
        "target_sumber": item.target_sumber,
        "realisasi": _value(item.realisasi),
        "triwulan": list(item.triwulan),
        "dari_triwulan": item.dari_triwulan,
        "capaian": _number(item.capaian),
        "predikat": item.predikat,
        "status": str(item.status),
        "rumus": item.rumus,
        "keterangan": item.keterangan,
        "catatan": item.catatan,
    }


def _ringkasan(item: Ringkasan) -> dict[str, Any]:
    return {
        "id": item.kunci,
        "nama": item.nama,
        "jumlah_indikator": item.jumlah_indikator,
        "rata_rata": _number(item.rata_rata),
        "predikat": item.predikat,
        "per_predikat": dict(item.per_predikat),
        "belum_ada_data": list(item.belum_ada_data),
        "tidak_dapat_dihitung": list(item.tidak_dapat_dihitung),
        "rumus": item.rumus,
    }


def _penyerapan(item: PenyerapanKegiatan, with_kode: bool = True) -> dict[str, Any]:
    out: dict[str, Any] = {"kode": item.kode} if with_kode else {}
    out |= {
        "kegiatan": item.nama,
        "pagu": item.pagu,
        "realisasi": item.realisasi,
        "penyerapan": _number(item.penyerapan),
        "rumus": item.rumus,
        "keterangan": item.keterangan,
    }
    return out


def _decimal(value: Decimal | None) -> int | float | None:
    # A difference or sum keeps its own places: 5.5, not 5.50 or 5.
    if value is None:
        return None
    return int(value) if value == value.to_integral() else float(value)


def periode_renstra(akhir: TerhadapRenstra) -> str:
    return f"{akhir.tahun_awal}–{akhir.tahun_akhir}"


def _perbandingan(item: PerbandinganIndikator | None) -> dict[str, Any] | None:
    if item is None:
        return None
    tren, akhir, nasional = item.tren, item.renstra, item.nasional
    return {
        "tahun_ini": item.tahun_ini,
        "tahun_sebelumnya": [
            {
                "tahun": t.tahun,
                "id": t.id,
                "target": _value(t.target),
                "realisasi": _value(t.realisasi),
                "capaian": _number(t.capaian),
                "status": t.status,
                "keterangan": t.keterangan,
            }
            for t in item.tahun_lalu
        ],
        "keterangan_tahun_sebelumnya": item.keterangan_tahun_lalu,
        "tren": None
        if tren is None
        else {
            "terhadap_tahun": tren.terhadap,
            "arah": tren.arah and str(tren.arah),
            "selisih_capaian": _decimal(tren.selisih_capaian),
            "arah_realisasi": tren.arah_realisasi and str(tren.arah_realisasi),
            "selisih_realisasi": _decimal(tren.selisih_realisasi),
            "rumus": tren.rumus,
        },
        "target_akhir_renstra": None
        if akhir is None
        else {
            "periode": periode_renstra(akhir),
            "target_akhir": _value(akhir.target_akhir),
            "kondisi_awal": None
            if akhir.kondisi_awal is None
            else {
                "tahun": akhir.kondisi_awal.tahun,
                "nilai": _value(akhir.kondisi_awal.nilai),
            },
            "jenis": str(akhir.jenis),
            "realisasi_sd_tahun_ini": _value(akhir.realisasi),
            "capaian": _number(akhir.capaian),
            "rumus": akhir.rumus,
            "keterangan": akhir.keterangan,
        },
        "keterangan_target_akhir_renstra": item.keterangan_renstra,
        "target_nasional": None
        if nasional is None
        else {
            "target": _value(nasional.target),
            "realisasi": _value(nasional.realisasi),
            "capaian": _number(nasional.capaian),
            "memenuhi": nasional.memenuhi,
            "rumus": nasional.rumus,
            "keterangan": nasional.keterangan,
        },
        "keterangan_target_nasional": item.keterangan_nasional,
    }


def _jumlah(perbandingan: Perbandingan | None) -> dict[str, Any] | None:
    if perbandingan is None:
        return None
    return {
        "tahun_sebelumnya": list(perbandingan.tahun_sebelumnya),
        "jumlah": [
            {
                "kunci": str(j.kunci),
                "judul": words(j.kunci),
                "ada": j.ada,
                "dari": j.dari,
                "persen": _number(j.persen),
                "nilai_lke": j.nilai_lke,
                "tanpa": list(j.tanpa),
                "alasan": j.alasan,
                "catatan": j.catatan,
            }
            for j in perbandingan.jumlah
        ],
    }


def _proyeksi(proyeksi: Proyeksi | None) -> dict[str, Any] | None:
    if proyeksi is None:
        return None
    return {
        "periode": str(proyeksi.periode),
        "batas_berisiko": _decimal(proyeksi.batas_berisiko),
        "berisiko": [i.id for i in proyeksi.berisiko],
        "indikator": [
            {
                "id": i.id,
                "keadaan": str(i.keadaan),
                "metode": i.metode and str(i.metode),
                "target": _value(i.target),
                "realisasi": _value(i.realisasi),
                "triwulan": list(i.triwulan),
                "rencana": _decimal(i.rencana),
                "laju": _number(i.laju),
                "proyeksi": _number(i.proyeksi),
                "capaian": _number(i.capaian),
                "kekurangan": _number(i.kekurangan),
                "rumus": i.rumus,
                "rumus_capaian": i.rumus_capaian,
                "alasan": i.alasan,
            }
            for i in proyeksi.indikator
        ],
    }


def build(
    result: Capaian,
    perbandingan: Perbandingan | None = None,
    proyeksi: Proyeksi | None = None,
) -> dict[str, Any]:
    """The JSON contract above, as plain data."""
    anggaran = result.anggaran
    compared = {i.id: i for i in perbandingan.indikator} if perbandingan else {}
    return worded(
        {
            "periode": str(result.periode),
            "skala_predikat": {
                "nama": result.skala.nama,
                "kategori": [
                    {"nama": k.nama, "min": _number(k.min)} for k in result.skala.kategori
                ],
            },
            "batas_capaian": _number(result.batas_capaian),
            "indikator": [
                _indikator(i) | {"perbandingan": _perbandingan(compared.get(i.id))}
                for i in result.indikator
            ],
            "sasaran": [_ringkasan(s) for s in result.sasaran],
            "kelompok": [_ringkasan(k) for k in result.kelompok],
            "keseluruhan": _ringkasan(result.keseluruhan),
            "anggaran": {
                "kegiatan": [_penyerapan(k) for k in anggaran.kegiatan],
                "total": _penyerapan(anggaran.total, with_kode=False),
                "pedoman_ikpa": _number(anggaran.pedoman_ikpa),
                "selisih": _number(anggaran.selisih),
                "efisiensi": anggaran.efisiensi,
                "batas_efisiensi": _number(anggaran.batas_efisiensi),
            },
            "perbandingan": _jumlah(perbandingan),
            "proyeksi": _proyeksi(proyeksi),
        }
    )


def render_json(
    result: Capaian, perbandingan: Perbandingan | None = None, proyeksi: Proyeksi | None = None
) -> str:
    return json_text(build(result, perbandingan, proyeksi))


CSV_COLUMNS = (
    "id",
    "kelompok",
    "sasaran_id",
    "indikator",
    "satuan",
    "target_teks",
    "realisasi",
    "capaian",
    "predikat",
    "status",
    "rumus",
    "tahun_sebelumnya",
    "target_tahun_sebelumnya",
    "realisasi_tahun_sebelumnya",
    "capaian_tahun_sebelumnya",
    "tren",
    "selisih_capaian",
    "selisih_realisasi",
    "target_akhir_renstra",
    "realisasi_sd_tahun_ini",
    "capaian_target_akhir",
    "rumus_target_akhir",
    "target_nasional",
    "capaian_target_nasional",
    "memenuhi_target_nasional",
)


def _cell(value: Decimal | Rentang | str | None) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, Rentang):
        return f"{format(value.min, 'f')}-{format(value.maks, 'f')}"
    return value


def _compared_cells(item: PerbandinganIndikator | None) -> dict[str, str | Phrase]:
    """The comparison columns of one CSV row: the latest earlier year with figures (the one
    the trend is against), the Renstra end target, the national target; empty when absent."""
    if item is None:
        return {}
    then = next((t for t in item.tahun_lalu if item.tren and t.tahun == item.tren.terhadap), None)
    akhir, nasional = item.renstra, item.nasional
    out = {
        "tahun_sebelumnya": str(then.tahun) if then else item.keterangan_tahun_lalu or "",
        "target_tahun_sebelumnya": _cell(then.target) if then else "",
        "realisasi_tahun_sebelumnya": _cell(then.realisasi) if then else "",
        "capaian_tahun_sebelumnya": _cell(then.capaian) if then else "",
        "tren": str(item.tren.arah or "") if item.tren else "",
        "selisih_capaian": _cell(item.tren.selisih_capaian) if item.tren else "",
        "selisih_realisasi": _cell(item.tren.selisih_realisasi) if item.tren else "",
        "target_akhir_renstra": _cell(akhir.target_akhir) if akhir else "",
        "realisasi_sd_tahun_ini": _cell(akhir.realisasi) if akhir else "",
        "capaian_target_akhir": _cell(akhir.capaian) if akhir else "",
        "rumus_target_akhir": akhir.rumus if akhir else item.keterangan_renstra or "",
        "target_nasional": _cell(nasional.target) if nasional else "",
        "capaian_target_nasional": _cell(nasional.capaian) if nasional else "",
        "memenuhi_target_nasional": ""
        if nasional is None or nasional.memenuhi is None
        else ("ya" if nasional.memenuhi else "tidak"),
    }
    return out


def render_csv(
    result: Capaian, perbandingan: Perbandingan | None = None, _proyeksi: Proyeksi | None = None
) -> str:
    """One row per indicator; numbers with a decimal point, as spreadsheets read them."""
    compared = {i.id: i for i in perbandingan.indikator} if perbandingan else {}
    rows = []
    for item in result.indikator:
        row: dict[str, Any] = _indikator(item)
        row["realisasi"] = _cell(item.realisasi) if item.realisasi is not None else None
        row["capaian"] = format(item.capaian, "f") if item.capaian is not None else ""
        row |= _compared_cells(compared.get(item.id))
        rows.append(worded(row))
    return csv_text(rows, CSV_COLUMNS)


def print_table(
    result: Capaian,
    title: str,
    bentuk: Bentuk,
    perbandingan: Perbandingan | None = None,
    proyeksi: Proyeksi | None = None,
) -> None:
    """The capaian for people; texts wrap (never cut), numbers stay whole, and every column
    fits the terminal, 80 columns too."""
    from rich.console import Console
    from rich.text import Text

    from pk.numbers import desimal, rupiah
    from pk.render.terminal import Column, Row, cell, fitted
    from pk.text import visible

    colours = {k.nama: k.warna or "" for k in result.skala.kategori}
    kolom = bentuk.kolom

    def coloured(text: str, predikat: str | None) -> Text:
        return cell(text, colours.get(predikat or "", ""))

    rows: list[Row | None] = []
    last = None
    for item in result.indikator:
        if last is not None and item.kelompok != last:
            rows.append(None)
        capaian: Text | str
        if item.capaian is None:
            capaian = f"[yellow]{words(item.status)}[/]"
        else:
            capaian = coloured(desimal(item.capaian), item.predikat)
        realisasi = cell(nilai(item.realisasi, item.satuan, plain_comma) or "—")
        if item.dari_triwulan:
            # A cumulative figure carried from an earlier quarter: say so beneath it.
            realisasi.append(f"\n(dari {item.dari_triwulan})", style="dim")
        target = nilai(item.target, item.satuan, plain_comma)
        rows.append(
            (
                f"{item.kelompok}." if item.kelompok != last else "",
                cell(item.id),
                cell(item.nama),
                cell(target) if target is not None else "[yellow](kosong)[/]",
                realisasi,
                capaian,
                coloured(item.predikat, item.predikat) if item.predikat else "",
            )
        )
        last = item.kelompok
    console = Console()
    console.print(
        fitted(
            cell(f"{title} — capaian {result.periode}"),
            (
                Column(cell(kolom.no), justify="right"),
                Column("ID", style="dim"),
                Column(cell(kolom.indikator), ratio=1),
                Column(cell(kolom.target), justify="right"),
                Column("REALISASI", justify="right"),
                Column("CAPAIAN (%)", justify="right"),
                Column("PREDIKAT"),
            ),
            rows,
            console.width,
        )
    )

    if perbandingan is not None:
        _print_perbandingan(console, result, perbandingan)
    if proyeksi is not None:
        _print_proyeksi(console, proyeksi, kolom)

    summary: list[Row | None] = []
    for s in (*result.sasaran, result.keseluruhan):
        if s is result.keseluruhan:
            summary.append(None)
        summary.append(
            (
                cell(s.kunci) if s is not result.keseluruhan else "",
                cell(words(s.nama)),
                str(s.jumlah_indikator),
                coloured(desimal(s.rata_rata), s.predikat) if s.rata_rata is not None else "—",
                coloured(s.predikat, s.predikat) if s.predikat else "",
                cell(", ".join(s.belum_ada_data)),
            )
        )
    console.print(
        fitted(
            "Ringkasan per sasaran",
            (
                Column("ID", style="dim"),
                Column("SASARAN", ratio=3),
                Column("INDIKATOR", justify="right"),
                Column("RATA-RATA (%)", justify="right"),
                Column("PREDIKAT"),
                Column("BELUM ADA DATA", ratio=1),
            ),
            summary,
            console.width,
        )
    )
    counts = Text(f"Predikat ({visible(result.skala.nama)}): ")
    for n, (nama, jumlah) in enumerate(result.keseluruhan.per_predikat):
        counts.append(", " if n else "").append_text(coloured(nama, nama))
        counts.append(f" {jumlah}")
    console.print(counts)
    missing = result.keseluruhan.belum_ada_data
    if missing:
        console.print(cell(f"Belum ada data: {len(missing)} indikator ({', '.join(missing)})"))
    stuck = result.keseluruhan.tidak_dapat_dihitung
    if stuck:
        console.print(cell(f"Tidak dapat dihitung: {', '.join(stuck)}"))

    anggaran = result.anggaran
    budget: list[Row | None] = []
    for line in (*anggaran.kegiatan, anggaran.total):
        if line is anggaran.total:
            budget.append(None)
        budget.append(
            (
                cell(line.kode or ""),
                cell(line.nama),
                rupiah(line.pagu),
                rupiah(line.realisasi) if line.realisasi is not None else "belum ada data",
                desimal(line.penyerapan) if line.penyerapan is not None else "—",
            )
        )
    console.print(
        fitted(
            "Realisasi anggaran",
            (
                Column("KODE"),
                Column(cell(kolom.kegiatan), ratio=1),
                Column("PAGU", justify="right"),
                Column("REALISASI", justify="right"),
                Column("PENYERAPAN (%)", justify="right"),
            ),
            budget,
            console.width,
        )
    )
    if anggaran.efisiensi is not None and anggaran.selisih is not None:
        console.print(
            cell(
                f"Efisiensi: {words(anggaran.efisiensi)} (rata-rata capaian − penyerapan = "
                f"{desimal(anggaran.selisih)} poin)"
            )
        )


def _print_perbandingan(console: Console, result: Capaian, perbandingan: Perbandingan) -> None:
    """The second table: each indicator against the earlier years, the Renstra's end target
    and the national target; then how many indicators carry each comparison."""
    from pk.numbers import desimal
    from pk.render.terminal import Column, Row, cell, fitted

    def pct(value: Decimal | None) -> str:
        return desimal(value) if value is not None else "—"

    compared = {i.id: i for i in perbandingan.indikator}
    rows: list[Row] = []
    # Without an earlier year or a Renstra every cell would be empty: the counts say why.
    for item in result.indikator if perbandingan.ada else ():
        one = compared[item.id]
        earlier = (
            "\n".join(
                f"{t.tahun}: {words(t.status) if t.capaian is None else pct(t.capaian)}"
                for t in one.tahun_lalu
            )
            or "belum ada data"
        )
        tren = "—" if one.tren else "belum ada data"
        if one.tren is not None and one.tren.arah is not None:
            tren = words(one.tren.arah)
            if one.tren.selisih_capaian:
                tren += f" {desimal(abs(one.tren.selisih_capaian))} poin"
        akhir, nasional = one.renstra, one.nasional
        rows.append(
            (
                cell(item.id),
                cell(earlier),
                cell(tren),
                cell(nilai(akhir.target_akhir, None, plain_comma) or "—") if akhir else "—",
                cell(pct(akhir.capaian)) if akhir else "—",
                cell(nilai(nasional.target, None, plain_comma) or "—") if nasional else "—",
                cell(pct(nasional.capaian)) if nasional else "—",
            )
        )
    if rows:
        console.print(
            fitted(
                "Perbandingan (capaian %)",
                (
                    Column("ID", style="dim"),
                    Column("TAHUN LALU", ratio=1),
                    Column("TREN", ratio=1),
                    Column("TARGET AKHIR RENSTRA", justify="right"),
                    Column("THD AKHIR", justify="right"),
                    Column("TARGET NASIONAL", justify="right"),
                    Column("THD NASIONAL", justify="right"),
                ),
                rows,
                console.width,
            )
        )
    for j in perbandingan.jumlah:
        judul = words(j.kunci)
        line = f"{judul[0].upper()}{judul[1:]}: {j.ada} dari {j.dari} indikator"
        if j.persen is not None:
            line += f" ({desimal(j.persen)}%, nilai LKE {j.nilai_lke})"
        for note in (j.alasan, j.catatan):
            if note:
                line += f" — {words(note)}"
        console.print(cell(line))


def _print_proyeksi(console: Console, proyeksi: Proyeksi, kolom: Kolom) -> None:
    """The indicators at risk, the largest projected shortfall first, with their projection
    and its method; then, in a line each, the rest by where they stand."""
    from pk.numbers import desimal
    from pk.render.terminal import Column, Row, cell, fitted

    rows: list[Row] = [
        (
            cell(i.id),
            cell(i.nama),
            cell(nilai(i.target, i.satuan, plain_comma) or "—"),
            cell(nilai(i.realisasi, i.satuan, plain_comma) or "—")
            if not i.triwulan
            else cell(f"{nilai(i.realisasi, i.satuan, plain_comma)}\n(s.d. {i.triwulan[-1]})"),
            cell(nilai(i.proyeksi, i.satuan, plain_comma) or "—"),
            f"[red]{desimal(i.capaian)}[/]" if i.capaian is not None else "—",
            cell(
                f"{words(i.metode) if i.metode else None}: "
                + (
                    f"laju {desimal(i.laju)}% dari rencana "
                    f"{nilai(i.rencana, i.satuan, plain_comma)}; "
                    if i.laju is not None
                    else ""
                )
                + words(i.rumus)
            ),
        )
        for i in proyeksi.berisiko
    ]
    batas = plain_comma(proyeksi.batas_berisiko)
    if rows:
        console.print(
            fitted(
                f"Indikator berisiko setelah {proyeksi.periode}: proyeksi TW4 dengan laju sejauh "
                f"ini, capaian proyeksi di bawah {batas}%",
                (
                    Column("ID", style="dim"),
                    Column(cell(kolom.indikator), ratio=1),
                    Column(cell(kolom.target), justify="right"),
                    Column("REALISASI", justify="right"),
                    Column("PROYEKSI TW4", justify="right"),
                    Column("CAPAIAN PROYEKSI (%)", justify="right"),
                    Column("METODE", ratio=1),
                ),
                rows,
                console.width,
            )
        )
    elif proyeksi.diproyeksikan:
        console.print(
            f"Indikator berisiko setelah {proyeksi.periode}: tidak ada (tiap proyeksi TW4 "
            f"mencapai {batas}% capaian)"
        )
    else:
        console.print(
            f"Indikator berisiko setelah {proyeksi.periode}: belum ada indikator yang dapat "
            "diproyeksikan"
        )
    for group in proyeksi.not_at_risk():
        why = f" ({words(group.alasan)})" if group.alasan else ""
        keadaan = words(group.keadaan)
        label = f"{keadaan[0].upper()}{keadaan[1:]}{why}"
        console.print(cell(f"{label}: {', '.join(group.id)}"))


# --- a workspace: one row per unit, and the indicators rolled up from units ---------------


def build_units(result: CapaianWorkspace) -> dict[str, Any]:
    """The workspace comparison as plain data: `periode`, `unit` (one row per unit) and
    `turunan` (each rolled-up indicator with where every unit stands)."""
    return worded(
        {
            "periode": result.periode,
            "unit": [
                {
                    "id": row.id,
                    "nama": row.nama,
                    "induk": row.induk,
                    "valid": row.valid,
                    "jumlah_indikator": row.jumlah_indikator,
                    "rata_rata": _number(row.rata_rata),
                    "predikat": row.predikat,
                    "di_bawah_target": row.di_bawah_target,
                    "belum_ada_data": row.belum_ada_data,
                    "penyerapan": _number(row.penyerapan),
                }
                for row in result.rows()
            ],
            "turunan": [
                {
                    "unit": r.unit,
                    "indikator": r.indikator,
                    "realisasi": _number(r.turunan.realisasi),
                    "capaian": _number(r.hasil.capaian) if r.hasil else None,
                    "rumus": r.turunan.rumus,
                    "keterangan": r.turunan.keterangan,
                    "units": [
                        {
                            "unit": s.unit,
                            "keadaan": str(s.keadaan),
                            "realisasi": _value(s.realisasi),
                            "capaian": _number(s.capaian),
                        }
                        for s in r.units
                    ],
                }
                for r in result.rollups
            ],
        }
    )


def render_units_json(result: CapaianWorkspace) -> str:
    return json_text(build_units(result))


def render_units_csv(result: CapaianWorkspace) -> str:
    rows = build_units(result)["unit"]
    return csv_text(rows, list(rows[0]))


def print_units_table(result: CapaianWorkspace, title: str) -> None:
    from rich.console import Console

    from pk.numbers import desimal
    from pk.render.terminal import Column, Row, cell, fitted, plain

    rows: list[Row] = []
    for row in result.rows():
        if not row.valid:
            rows.append((cell(row.id), cell(row.induk), "[red]berkas tidak valid[/]", *[""] * 5))
            continue
        rows.append(
            (
                cell(row.id),
                cell(row.induk),
                str(row.jumlah_indikator),
                desimal(row.rata_rata) if row.rata_rata is not None else "—",
                cell(row.predikat),
                f"[yellow]{row.di_bawah_target}[/]" if row.di_bawah_target else "0",
                str(row.belum_ada_data),
                desimal(row.penyerapan) if row.penyerapan is not None else "—",
            )
        )
    console = Console()
    console.print(
        fitted(
            cell(f"{title} — capaian {result.periode} per unit"),
            (
                Column("UNIT", ratio=2),
                Column("INDUK", ratio=1, style="dim"),
                Column("JUMLAH IK", justify="right"),
                Column("RATA-RATA CAPAIAN (%)", justify="right"),
                Column("PREDIKAT"),
                Column("DI BAWAH TARGET", justify="right"),
                Column("BELUM ADA DATA", justify="right"),
                Column("PENYERAPAN (%)", justify="right"),
            ),
            rows,
            console.width,
            light=True,
        )
    )
    for r in result.rollups:
        console.print(
            f"[bold]{plain(r.unit)} {plain(r.indikator)}[/]: realisasi "
            f"{desimal(r.turunan.realisasi)} — {plain(words(r.turunan.rumus))}"
            + (f"\n  {plain(words(r.turunan.keterangan))}" if r.turunan.keterangan else ""),
            highlight=False,
        )


View = Callable[[Capaian, str, Bentuk, Perbandingan | None, Proyeksi | None], None]


def _text_view(
    render: Callable[[Capaian, Perbandingan | None, Proyeksi | None], str],
) -> View:
    def view(
        result: Capaian,
        _title: str,
        _bentuk: Bentuk,
        perbandingan: Perbandingan | None = None,
        proyeksi: Proyeksi | None = None,
    ) -> None:
        sys.stdout.write(render(result, perbandingan, proyeksi))

    return view


VIEWS: dict[ShowFormat, View] = {
    ShowFormat.TABLE: print_table,
    ShowFormat.JSON: _text_view(render_json),
    ShowFormat.CSV: _text_view(render_csv),
}
"""One agreement's capaian, with its title (for the table), its comparisons and its
projections, if any."""
UNITS_VIEWS: dict[ShowFormat, Callable[[CapaianWorkspace, str], None]] = {
    ShowFormat.TABLE: print_units_table,
    ShowFormat.JSON: printed(render_units_json),
    ShowFormat.CSV: printed(render_units_csv),
}
"""A workspace's units side by side, with its title."""
