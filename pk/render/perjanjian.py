"""`pk show`: the agreement as a terminal table, or as JSON and CSV for scripts.

The JSON is a stable contract: `tahun`, `unit`, `indikator` (document order; each with
`id`, `kelompok`, `sasaran_id`, `sasaran`, `indikator`, `target` as printed, `satuan`),
`anggaran` (`kode`, `kegiatan`, `pagu` in integer rupiah) and `total_anggaran`.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from pk.model.perjanjian import Perjanjian, target_text
from pk.render.diagnostics import printed
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
    return json.dumps(build(perjanjian), ensure_ascii=False, indent=2) + "\n"


def render_csv(perjanjian: Perjanjian) -> str:
    """One row per indicator; the budget lines are in the JSON and the table."""
    from pk.render.diagnostics import csv_text

    rows = build(perjanjian)["indikator"]
    return csv_text(rows, list(rows[0]))


def print_table(perjanjian: Perjanjian) -> None:
    from rich.console import Console
    from rich.table import Table

    from pk.numbers import rupiah

    data = build(perjanjian)
    console = Console()
    table = Table(
        title=f"Perjanjian Kinerja {data['tahun']} — {data['unit']}",
        show_lines=False,
        expand=True,
    )
    table.add_column("NO", justify="right", no_wrap=True)
    table.add_column("SASARAN STRATEGIS", ratio=2)
    table.add_column("ID", no_wrap=True, style="dim")
    table.add_column("INDIKATOR KINERJA", ratio=3)
    table.add_column("TARGET", justify="right", no_wrap=True)
    last_kelompok, last_sasaran = None, None
    for row in data["indikator"]:
        new_kelompok = row["kelompok"] != last_kelompok
        new_sasaran = row["sasaran_id"] != last_sasaran
        if new_kelompok and last_kelompok is not None:
            table.add_section()
        table.add_row(
            f"{row['kelompok']}." if new_kelompok else "",
            row["sasaran"] if new_sasaran else "",
            row["id"],
            row["indikator"],
            row["target"] if row["target"] is not None else "[yellow](kosong)[/]",
        )
        last_kelompok, last_sasaran = row["kelompok"], row["sasaran_id"]
    console.print(table)
    budget = Table(show_lines=False)
    budget.add_column("NO", justify="right")
    budget.add_column(perjanjian.anggaran.judul_kolom)
    budget.add_column("ANGGARAN", justify="right")
    for n, line in enumerate(data["anggaran"], start=1):
        budget.add_row(f"{n}.", f"{line['kegiatan']} ({line['kode']})", rupiah(line["pagu"]))
    budget.add_section()
    budget.add_row("", perjanjian.anggaran.label_jumlah, rupiah(data["total_anggaran"]))
    console.print(budget)
    penandatanganan = perjanjian.penandatanganan
    console.print(
        f"Pihak pertama: {perjanjian.pihak_pertama.nama} ({perjanjian.pihak_pertama.jabatan})\n"
        f"Pihak kedua:   {perjanjian.pihak_kedua.nama} ({perjanjian.pihak_kedua.jabatan})\n"
        f"Ditandatangani: {penandatanganan.tempat or '-'}, "
        f"{penandatanganan.tanggal.isoformat() if penandatanganan.tanggal else '-'}",
        highlight=False,
    )


VIEWS: dict[ShowFormat, Callable[[Perjanjian], None]] = {
    ShowFormat.TABLE: print_table,
    ShowFormat.JSON: printed(render_json),
    ShowFormat.CSV: printed(render_csv),
}
