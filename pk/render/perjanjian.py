"""`pk show`: the agreement as a terminal table, or as JSON and CSV for scripts.

The JSON is a stable contract: `tahun`, `unit`, `indikator` (document order; each with
`id`, `kelompok`, `sasaran_id`, `sasaran`, `indikator`, `target` as printed, `satuan`),
`anggaran` (`kode`, `kegiatan`, `pagu` in integer rupiah) and `total_anggaran`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pk.model.perjanjian import Perjanjian, target_text
from pk.render.diagnostics import printed
from pk.text import json_text
from pk.vocab import ShowFormat


def build(perjanjian: Perjanjian) -> dict[str, Any]:
    """The agreement as plain data, in document order."""
    p = perjanjian
    anggaran = p.anggaran
    return {
        "tahun": p.tahun,
        "unit": p.unit.nama,
        "pihak_pertama": {"nama": p.pihak_pertama.nama, "jabatan": p.pihak_pertama.jabatan},
        "pihak_kedua": {"nama": p.pihak_kedua.nama, "jabatan": p.pihak_kedua.jabatan},
        "tempat": p.penandatanganan.tempat,
        "tanggal": p.penandatanganan.tanggal.isoformat() if p.penandatanganan.tanggal else None,
        "indikator": [
            {
                "id": i.id,
                "kelompok": k.no,
                "sasaran_id": s.id,
                "sasaran": s.nama,
                "indikator": i.nama,
                "target": target_text(i),
                "satuan": i.satuan,
            }
            for k, s, i in p.indikator()
        ],
        "anggaran": [
            {"kode": g.kode, "kegiatan": g.nama, "pagu": g.pagu} for g in anggaran.kegiatan
        ],
        "total_anggaran": anggaran.total,
    }


def render_json(perjanjian: Perjanjian) -> str:
    return json_text(build(perjanjian))


def render_csv(perjanjian: Perjanjian) -> str:
    """One row per indicator; the budget lines are in the JSON and the table."""
    from pk.render.diagnostics import csv_text

    rows = build(perjanjian)["indikator"]
    return csv_text(rows, list(rows[0]))


def print_table(perjanjian: Perjanjian) -> None:
    """The lampiran for people; texts wrap (never cut) to fit the terminal, 80 columns too."""
    from rich.console import Console

    from pk.render.terminal import Column, Row, cell, fitted

    data = build(perjanjian)
    bentuk = perjanjian.bentuk
    rupiah = bentuk.uang.teks
    rows: list[Row | None] = []
    last_kelompok, last_sasaran = None, None
    for row in data["indikator"]:
        new_kelompok = row["kelompok"] != last_kelompok
        new_sasaran = row["sasaran_id"] != last_sasaran
        if new_kelompok and last_kelompok is not None:
            rows.append(None)
        rows.append(
            (
                f"{row['kelompok']}." if new_kelompok else "",
                cell(row["sasaran"]) if new_sasaran else "",
                cell(row["id"]),
                cell(row["indikator"]),
                cell(row["target"]) if row["target"] is not None else "[yellow](kosong)[/]",
            )
        )
        last_kelompok, last_sasaran = row["kelompok"], row["sasaran_id"]
    console = Console()
    console.print(
        fitted(
            cell(f"Perjanjian Kinerja {data['tahun']} — {data['unit']}"),
            (
                Column(cell(bentuk.kolom.no), justify="right"),
                Column(cell(bentuk.kolom.sasaran), ratio=2),
                Column("ID", style="dim"),
                Column(cell(bentuk.kolom.indikator), ratio=3),
                Column(cell(bentuk.kolom.target), justify="right"),
            ),
            rows,
            console.width,
        )
    )
    lines: list[Row | None] = [
        (
            f"{n}.",
            cell(f"{line['kegiatan']} ({line['kode']})" if line["kode"] else line["kegiatan"]),
            rupiah(line["pagu"]),
        )
        for n, line in enumerate(data["anggaran"], start=1)
    ]
    lines += [None, ("", cell(bentuk.kolom.jumlah), rupiah(data["total_anggaran"]))]
    console.print(
        fitted(
            "",
            (
                Column(cell(bentuk.kolom.no), justify="right"),
                Column(cell(bentuk.kolom.kegiatan), ratio=1),
                Column(cell(bentuk.kolom.anggaran), justify="right"),
            ),
            lines,
            console.width,
        )
    )
    penandatanganan = perjanjian.penandatanganan
    label = bentuk.label_pihak
    console.print(
        cell(
            f"{label.pertama}: {perjanjian.pihak_pertama.nama} "
            f"({perjanjian.pihak_pertama.jabatan})\n"
            f"{label.kedua}: {perjanjian.pihak_kedua.nama} ({perjanjian.pihak_kedua.jabatan})\n"
            f"Ditandatangani: {penandatanganan.tempat or '-'}, "
            f"{penandatanganan.tanggal.isoformat() if penandatanganan.tanggal else '-'}"
        ),
        highlight=False,
    )


VIEWS: dict[ShowFormat, Callable[[Perjanjian], None]] = {
    ShowFormat.TABLE: print_table,
    ShowFormat.JSON: printed(render_json),
    ShowFormat.CSV: printed(render_csv),
}
