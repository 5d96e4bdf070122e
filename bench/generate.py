"""Generate a synthetic national workspace: KPU RI, 38 provinces, 514 kabupaten/kota.

Each unit gets an agreement shaped like data/2024 (about 60 indicators) and four quarters
of realisasi, drawn from a seeded generator, so the same arguments always write the same bytes.
As in NTB's agreement, a unit with units below it derives one indicator (IK-01) from them.

    python bench/generate.py OUT [--units 553] [--seed 2024]
"""

from __future__ import annotations

import argparse
import random
import shutil
from pathlib import Path

PROVINCES = 38
KABKOTA = 514
INDIKATOR = 60
SASARAN_PER_KELOMPOK = 3


def unit_ids(count: int) -> list[tuple[str, str | None, str]]:
    """(id, induk, nama) for the first `count` units in parent-first order."""
    units: list[tuple[str, str | None, str]] = [("kpu-ri", None, "Komisi Pemilihan Umum")]
    for p in range(1, PROVINCES + 1):
        units.append((f"kpu-p{p:02d}", "kpu-ri", f"KPU Provinsi {p:02d}"))
    for k in range(KABKOTA):
        parent = f"kpu-p{k % PROVINCES + 1:02d}"
        units.append((f"kpu-k{k + 1:03d}", parent, f"KPU Kabupaten/Kota {k + 1:03d}"))
    return units[:count]


def perjanjian(
    rng: random.Random, nama: str, *, rolls_up: bool = False, indikator: int = INDIKATOR
) -> tuple[str, dict[str, tuple[str, int]], list[int]]:
    """The agreement's text, each indicator's (satuan, target) and the budget lines' pagu.

    `rolls_up`: IK-01's realisasi is the share (or count) of the units below that meet theirs.
    """
    lines = [
        "# yaml-language-server: $schema=../../../schema/perjanjian.schema.json",
        "# Synthetic agreement for benchmarks; not real data.",
        "versi_format: 1",
        "tahun: 2024",
        "unit:",
        f"  nama: {nama}",
        f"  singkatan: {nama}",
        "pihak_pertama:",
        f"  nama: Sekretaris {nama}",
        f"  jabatan: Sekretaris {nama}",
        "pihak_kedua:",
        f"  nama: Ketua {nama}",
        f"  jabatan: Ketua {nama}",
        "penandatanganan:",
        "  tempat: Jakarta",
        f"  tanggal: 2024-{rng.randint(1, 6):02d}-{rng.randint(1, 28):02d}",
        "kelompok:",
    ]
    targets: dict[str, tuple[str, int]] = {}
    n = 0
    s = 0
    kelompok = 0
    while n < indikator:
        kelompok += 1
        lines += [f"  - no: {kelompok}", "    sasaran:"]
        for _ in range(SASARAN_PER_KELOMPOK):
            s += 1
            lines += [
                f"      - id: SS-{s:02d}",
                f"        nama: Terwujudnya sasaran strategis nomor {s} yang dirumuskan untuk tahun 2024",
                "        indikator:",
            ]
            for _ in range(rng.randint(1, 3)):
                n += 1
                lines += [
                    f"          - id: IK-{n:02d}",
                    f"            nama: Persentase satker yang melaksanakan kegiatan nomor {n} "
                    "tepat waktu, tepat jumlah dan tepat sasaran sesuai ketentuan",
                ]
                if rng.random() < 0.8:
                    target = rng.choice([75, 80, 85, 90, 95, 100])
                    lines += [f"            target: {target}", '            satuan: "%"']
                    targets[f"IK-{n:02d}"] = ("%", target)
                else:
                    target = rng.randint(1, 12)
                    lines += [f"            target: {target}", "            satuan: Dok"]
                    targets[f"IK-{n:02d}"] = ("Dok", target)
                if rolls_up and n == 1:
                    hitung = "persentase" if targets["IK-01"][0] == "%" else "jumlah"
                    lines += ["            dari_unit:", f"              hitung: {hitung}"]
                if n == indikator:
                    break
            if n == indikator:
                break
    pagu = [rng.randint(1_000_000, 200_000_000) * 1000 for _ in range(2)]
    lines += [
        "anggaran:",
        "  kegiatan:",
        "    - kode: 076.01.CQ",
        "      nama: Penyelenggaraan Pemilu dalam Proses Konsolidasi Demokrasi",
        f"      pagu: {pagu[0]}",
        "    - kode: 076.01.WA",
        "      nama: Program Dukungan Manajemen",
        f"      pagu: {pagu[1]}",
        f"  jumlah: {sum(pagu)}",
    ]
    return "\n".join(lines) + "\n", targets, pagu


def realisasi(rng: random.Random, targets: dict[str, tuple[str, int]], pagu: list[int]) -> str:
    """Four cumulative quarters per indicator, and spending per quarter per budget line."""
    lines = [
        "# yaml-language-server: $schema=../../../schema/realisasi.schema.json",
        "# Synthetic realisasi for benchmarks; not real data.",
        "versi_format: 1",
        "tahun: 2024",
        "indikator:",
    ]
    for id_, (satuan, target) in targets.items():
        lines.append(f"  {id_}:")
        reach = rng.uniform(0.7, 1.1)
        for q in range(1, 5):
            value = target * reach * q / 4
            shown = f"{value:.2f}" if satuan == "%" else str(round(value))
            lines.append(f"    TW{q}: {{realisasi: {shown}}}")
    lines.append("anggaran:")
    for kode, amount in zip(("076.01.CQ", "076.01.WA"), pagu, strict=True):
        lines.append(f"  {kode}:")
        for q in range(1, 5):
            lines.append(f"    TW{q}: {int(amount * rng.uniform(0.15, 0.25))}")
    return "\n".join(lines) + "\n"


def generate(out: Path, units: int, seed: int) -> None:
    rng = random.Random(seed)
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    workspace = ["versi_format: 1", "tahun: 2024", "unit:"]
    ids = unit_ids(units)
    parents = {induk for _, induk, _ in ids}
    for id_, induk, nama in ids:
        workspace.append(f"  - id: {id_}")
        if induk:
            workspace.append(f"    induk: {induk}")
        folder = out / id_
        folder.mkdir()
        text, targets, pagu = perjanjian(rng, nama, rolls_up=id_ in parents)
        (folder / "perjanjian.yaml").write_text(text, encoding="utf-8")
        (folder / "realisasi.yaml").write_text(realisasi(rng, targets, pagu), encoding="utf-8")
    (out / "workspace.yaml").write_text("\n".join(workspace) + "\n", encoding="utf-8")


def year(out: Path, indikator: int, seed: int = 2024) -> None:
    """One unit's year folder with `indikator` indicators (for `pk export` at scale)."""
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    text, targets, pagu = perjanjian(rng, "KPU Sintetis", indikator=indikator)
    (out / "perjanjian.yaml").write_text(text, encoding="utf-8")
    (out / "realisasi.yaml").write_text(realisasi(rng, targets, pagu), encoding="utf-8")


def repository(out: Path, years: int = 5, first: int = 2025) -> None:
    """A data repository of `years` years, each a copy of data/2024's agreement (60
    indicators) for its year, and the Renstra of the period with a target for each."""
    import yaml

    source = Path(__file__).resolve().parent.parent / "data" / "2024" / "perjanjian.yaml"
    text = source.read_text(encoding="utf-8")
    data = out / "data"
    for tahun in range(first, first + years):
        folder = data / str(tahun)
        folder.mkdir(parents=True, exist_ok=True)
        copy = text.replace("tahun: 2024", f"tahun: {tahun}").replace(
            "2024-06-10", f"{tahun}-06-10"
        )
        (folder / "perjanjian.yaml").write_text(copy, encoding="utf-8")
    doc = yaml.safe_load(text)
    lines = [
        "versi_format: 1",
        "unit: {nama: KPU Sintetis, singkatan: KPU Sintetis}",
        f"tahun_awal: {first}",
        f"tahun_akhir: {first + years - 1}",
        "sasaran:",
    ]
    for kelompok in doc["kelompok"]:
        for sasaran in kelompok["sasaran"]:
            lines += [f"  - id: {sasaran['id']}", "    nama: Sasaran", "    indikator:"]
            for ind in sasaran["indikator"]:
                target = ind.get("target")
                if not isinstance(target, int | float) or isinstance(target, bool):
                    target = None  # a grade or a range: no yearly number to compare
                lines += [f"      - id: {ind['id']}", "        nama: Indikator"]
                if target is not None:
                    each = ", ".join(f"{t}: {target}" for t in range(first, first + years))
                    lines += [f"        target: {{{each}}}", f"        target_akhir: {target}"]
                    lines += [f"        target_nasional: {{{first}: {target}}}"]
    (data / "renstra.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--units", type=int, default=1 + PROVINCES + KABKOTA)
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument(
        "--indikator", type=int, help="write one year folder with this many indicators instead"
    )
    args = parser.parse_args()
    if args.indikator:
        year(args.out, args.indikator, args.seed)
    else:
        generate(args.out, args.units, args.seed)


if __name__ == "__main__":
    main()
