"""The four comparisons of LKjIP Bab III A on examples/renstra-contoh, counted by hand.

The figures come from the example's files (data/renstra.yaml, data/<year>/perjanjian.yaml and
realisasi.yaml); each test writes out the sum it checks. Capaian are rounded half-up to two
decimals, as the example's (default) pengaturan says.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import DATA_2024, ROOT, said
from test_terminal import assert_fits
from typer.testing import CliRunner

from pk import report
from pk.capaian import YearCapaian, capaian_for, perbandingan_for
from pk.cli import app
from pk.compute.capaian import compute
from pk.compute.perbandingan import (
    Arah,
    Jenis,
    Kunci,
    Perbandingan,
)
from pk.lke import lke_of
from pk.load.lke import load_instrumen
from pk.load.year import load_valid, load_year
from pk.model.lke import Pita
from pk.render.capaian import CSV_COLUMNS
from pk.vocab import Periode

EXAMPLE = ROOT / "examples" / "renstra-contoh" / "data"
D = Decimal


def compared(folder: Path) -> Perbandingan:
    shown = capaian_for(folder, Periode.TAHUNAN)
    assert isinstance(shown, YearCapaian) and shown.perbandingan is not None
    return shown.perbandingan


@pytest.fixture(scope="module")
def p2027() -> Perbandingan:
    return compared(EXAMPLE / "2027")


def test_a_level_indicator_with_a_national_target(p2027: Perbandingan) -> None:
    ik01 = p2027.of("IK-01")
    # Earlier years (IK-01 keeps the last quarter, TW4): 2025 58 / 60 × 100 = 96,666… → 96,67;
    # 2026 66 / 65 × 100 = 101,538… → 101,54.
    assert [(t.tahun, t.target, t.realisasi, t.capaian) for t in ik01.tahun_lalu] == [
        (2025, D(60), D(58), D("96.67")),
        (2026, D(65), D(66), D("101.54")),
    ]
    # This year 71,5 / 70 × 100 = 102,142… → 102,14: against 2026, +0,60 points; realisasi
    # 71,5 − 66 = +5,5.
    assert ik01.tren is not None
    assert (ik01.tren.terhadap, ik01.tren.arah, ik01.tren.selisih_capaian) == (
        2026,
        Arah.NAIK,
        D("0.60"),
    )
    assert (ik01.tren.arah_realisasi, ik01.tren.selisih_realisasi) == (Arah.NAIK, D("5.5"))
    # Renstra: end target 80, Renstra targets 60+65+70+75+80 = 350 ≠ 80 (and IK-01 keeps its
    # last quarter): a level. 71,5 / 80 × 100 = 89,375 → 89,38 (half-up).
    akhir = ik01.renstra
    assert akhir is not None
    assert (akhir.jenis, akhir.target_akhir, akhir.realisasi, akhir.capaian) == (
        Jenis.TINGKAT,
        D(80),
        D("71.5"),
        D("89.38"),
    )
    assert said(akhir.rumus).startswith("realisasi / target × 100 = 71,5 / 80 × 100")
    assert akhir.kondisi_awal is not None and akhir.kondisi_awal.nilai == 55
    # National target 2027: 65. 71,5 / 65 × 100 = 110,00, met (71,5 ≥ 65).
    nasional = ik01.nasional
    assert nasional is not None
    assert (nasional.target, nasional.capaian, nasional.memenuhi) == (D(65), D("110.00"), True)


def test_the_lower_is_better_indicator(p2027: Perbandingan) -> None:
    ik05 = p2027.of("IK-05")
    # IK-05 sums its quarters (agregasi: jumlah) and is lower-is-better, (2t − r) / t × 100:
    # 2025 3+2+2+2 = 9 against 10: (20 − 9) / 10 × 100 = 110,00;
    # 2026 2+2+2+2 = 8 against 8: 100,00;
    # 2027 2+2+1+2 = 7 against 6: (12 − 7) / 6 × 100 = 83,333… → 83,33.
    assert [(t.tahun, t.realisasi, t.capaian) for t in ik05.tahun_lalu] == [
        (2025, D(9), D("110.00")),
        (2026, D(8), D("100.00")),
    ]
    # Capaian fell 83,33 − 100 = −16,67 points (the 2027 target is stricter), though the
    # realisasi fell too, 7 − 8 = −1 complaint, which for this indicator is better.
    assert ik05.tren is not None
    assert (ik05.tren.arah, ik05.tren.selisih_capaian) == (Arah.TURUN, D("-16.67"))
    assert (ik05.tren.arah_realisasi, ik05.tren.selisih_realisasi) == (Arah.TURUN, D(-1))
    # Renstra targets 10+8+6+5+4 = 33 ≠ end target 4: a level, this year's 7 against 4:
    # (2 × 4 − 7) / 4 × 100 = 25,00.
    akhir = ik05.renstra
    assert akhir is not None
    assert (akhir.jenis, akhir.realisasi, akhir.capaian) == (Jenis.TINGKAT, D(7), D("25.00"))
    assert said(akhir.rumus).startswith("(2 × target − realisasi) / target × 100 = (2 × 4 − 7) / 4")
    # National ceiling 2027: 8. (2 × 8 − 7) / 8 × 100 = 112,50, met (7 ≤ 8).
    nasional = ik05.nasional
    assert nasional is not None
    assert (nasional.target, nasional.capaian, nasional.memenuhi) == (D(8), D("112.50"), True)


def test_the_renamed_indicator_is_followed_to_its_old_id(p2027: Perbandingan) -> None:
    ik06a = p2027.of("IK-06a")
    # The Renstra's id_di_pk {2026: IK-06a}: 2025's PK calls it IK-06. 2025 75 / 80 × 100 =
    # 93,75; 2026 86 / 85 × 100 = 101,176… → 101,18; 2027 88 / 90 × 100 = 97,777… → 97,78.
    assert [(t.tahun, t.id, t.realisasi, t.capaian) for t in ik06a.tahun_lalu] == [
        (2025, "IK-06", D(75), D("93.75")),
        (2026, "IK-06a", D(86), D("101.18")),
    ]
    assert ik06a.tren is not None and ik06a.tren.selisih_capaian == D("-3.40")
    # End target 100 (the Renstra's IK-06): 88 / 100 × 100 = 88,00. No national target.
    assert ik06a.renstra is not None and ik06a.renstra.capaian == D("88.00")
    assert ik06a.nasional is None
    assert said(ik06a.keterangan_nasional) == "Renstra tidak memuat target nasional tahun 2027"


def test_the_indicator_missing_in_2026_is_compared_with_2025(p2027: Perbandingan) -> None:
    ik10 = p2027.of("IK-10")
    # Not in the 2026 PK (iku: false): that year says so, with no figure (not zero).
    lalu = {t.tahun: t for t in ik10.tahun_lalu}
    assert (lalu[2026].id, lalu[2026].realisasi, lalu[2026].capaian) == (None, None, None)
    assert said(lalu[2026].keterangan) == "IK-10 tidak ada pada PK 2026"
    # 2025 3,48 / 3,5 × 100 = 99,428… → 99,43; 2027 3,63 / 3,6 × 100 = 100,833… → 100,83:
    # against 2025, +1,40 points, realisasi +0,15.
    assert lalu[2025].capaian == D("99.43")
    assert ik10.tren is not None
    assert (ik10.tren.terhadap, ik10.tren.selisih_capaian, ik10.tren.selisih_realisasi) == (
        2025,
        D("1.40"),
        D("0.15"),
    )
    assert ik10.carries(Kunci.TAHUN_SEBELUMNYA)


def test_the_counts_per_comparison(p2027: Perbandingan) -> None:
    jumlah = {j.kunci: j for j in p2027.jumlah}
    # Every indicator has a capaian this year, an earlier year and an end target: 10 of 10.
    for kunci in (Kunci.TAHUN_INI, Kunci.TAHUN_SEBELUMNYA, Kunci.TARGET_AKHIR_RENSTRA):
        assert (jumlah[kunci].ada, jumlah[kunci].dari, jumlah[kunci].nilai_lke) == (10, 10, "A")
    # National targets for 2027: IK-01 (65), IK-04 (100), IK-05 (8), IK-07 (70): 4 of 10,
    # 40 % — not above 40 %, so D.
    nasional = jumlah[Kunci.TARGET_NASIONAL]
    assert (nasional.ada, nasional.persen, nasional.nilai_lke) == (4, D("40.00"), "D")
    assert nasional.tanpa == ("IK-02", "IK-03", "IK-06a", "IK-08", "IK-09", "IK-10")
    assert p2027.tahun_sebelumnya == (2025, 2026)


def test_the_evaluasi_akip_bands() -> None:
    # A above 90 %, B above 75 %, C above 40 %, D above 10 %, else E (lkjip.md §1.3).
    grade = load_instrumen().grade
    assert [grade(D(x)) for x in (100, "90.01", 90, 76, 75, 41, 40, 11, 10, 0)] == [*"AABBCCDDEE"]


def test_pk_lke_grades_the_comparisons_by_the_instrument_it_is_given() -> None:
    # One set of bands: an instrument whose C starts above 30 % grades 4 of 10 national
    # targets C, both in the comparisons' nilai LKE and in pk lke's criterion 3.b.6.
    looser = load_instrumen().model_copy(
        update={"pita": [Pita(lebih_dari=D(30), nilai="C"), Pita(nilai="E")]}
    )
    loaded = load_valid(EXAMPLE / "2027")
    assert loaded.perjanjian is not None
    capaian = compute(loaded.perjanjian, loaded.realisasi, loaded.pengaturan, Periode.TAHUNAN)
    jumlah = {j.kunci: j for j in perbandingan_for(loaded, capaian, instrumen=looser).jumlah}
    assert jumlah[Kunci.TARGET_NASIONAL].nilai_lke == "C"
    assert lke_of(loaded, looser).of("3.b.6").jawaban == "C"


def test_the_first_year_has_no_earlier_data_never_zero() -> None:
    p = compared(EXAMPLE / "2025")
    for item in p.indikator:
        assert item.tahun_lalu == () and item.tren is None
        assert item.keterangan_tahun_lalu is not None
        assert said(item.keterangan_tahun_lalu).startswith("belum ada data tahun sebelumnya")
    jumlah = {j.kunci: j for j in p.jumlah}
    assert jumlah[Kunci.TAHUN_SEBELUMNYA].ada == 0
    assert (
        said(jumlah[Kunci.TAHUN_SEBELUMNYA].alasan)
        == "tidak ada folder tahun sebelum 2025 di data/"
    )
    # The Renstra still covers 2025: IK-01 58 / 80 × 100 = 72,50 of the end target.
    assert p.of("IK-01").renstra is not None
    assert p.of("IK-01").renstra.capaian == D("72.50")  # type: ignore[union-attr]


def test_a_cumulative_indicator_sums_the_years(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(EXAMPLE, data)
    renstra = data / "renstra.yaml"
    text = renstra.read_text(encoding="utf-8")
    # IK-02 (agregasi: jumlah) with an end target that is the sum of its yearly targets,
    # 12+12+14+14+16 = 68 kegiatan over the period: a cumulative indicator.
    old = "target: {2025: 12, 2026: 12, 2027: 14, 2028: 14, 2029: 16}\n        target_akhir: 16"
    assert old in text
    renstra.write_text(text.replace(old, old.replace("target_akhir: 16", "target_akhir: 68")))
    akhir = compared(data / "2027").of("IK-02").renstra
    assert akhir is not None
    # Realisasi s.d. 2027 = 2025 (3+3+3+3 = 12) + 2026 (2+4+3+4 = 13) + 2027 (3+4+4+2 = 13)
    # = 38; 38 / 68 × 100 = 55,882… → 55,88.
    assert (akhir.jenis, akhir.realisasi, akhir.capaian) == (Jenis.KUMULATIF, D(38), D("55.88"))
    assert "jumlah realisasi 2025–2027 = 12 (2025) + 13 (2026) + 13 (2027)" in said(akhir.rumus)
    # A year without its figures is named, not counted as zero.
    shutil.rmtree(data / "2026")
    akhir = compared(data / "2027").of("IK-02").renstra
    assert akhir is not None and akhir.realisasi == 25  # 12 + 13
    assert said(akhir.keterangan) == "belum ada data tahun 2026"


def test_without_a_renstra_the_report_says_what_it_cannot_compare(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(EXAMPLE, data)
    (data / "renstra.yaml").unlink()
    p = compared(data / "2027")
    jumlah = {j.kunci: j for j in p.jumlah}
    reason = "tidak ada Renstra (renstra.yaml) di data/ yang mencakup tahun 2027"
    assert said(jumlah[Kunci.TARGET_AKHIR_RENSTRA].alasan) == reason
    assert said(jumlah[Kunci.TARGET_NASIONAL].alasan) == reason
    assert said(p.of("IK-01").keterangan_renstra) == reason
    # Without the Renstra's link, 2027's IK-06a is not 2025's IK-06: only 2026 has it.
    assert [t.id for t in p.of("IK-06a").tahun_lalu] == [None, "IK-06a"]
    assert jumlah[Kunci.TAHUN_SEBELUMNYA].ada == 10


def test_an_earlier_year_with_errors_is_left_out_and_said(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(EXAMPLE, data)
    file = data / "2026" / "perjanjian.yaml"
    file.write_text(file.read_text(encoding="utf-8").replace("target: 65", "target: [65"))
    p = compared(data / "2027")
    assert p.tahun_sebelumnya == (2025,)
    jumlah = {j.kunci: j for j in p.jumlah}
    assert said(jumlah[Kunci.TAHUN_SEBELUMNYA].catatan) == (
        "tahun 2026 tidak dibandingkan: berkasnya memuat kesalahan (pk validate)"
    )


def test_data_2024_and_the_demo_cannot_compare_and_say_why() -> None:
    alone = compared(DATA_2024)
    jumlah = {j.kunci: j for j in alone.jumlah}
    assert (
        said(jumlah[Kunci.TAHUN_SEBELUMNYA].alasan)
        == "tidak ada folder tahun sebelum 2024 di data/"
    )
    assert not alone.ada
    demo = compared(ROOT / "examples" / "demo-2024")
    reason = said({j.kunci: j.alasan for j in demo.jumlah}[Kunci.TAHUN_SEBELUMNYA])
    assert "bukan folder tahun" in reason


# --- pk capaian: JSON, CSV, the table ---------------------------------------------------------


def run(*args: str, columns: int = 200) -> str:
    result = CliRunner().invoke(app, list(args), env={"COLUMNS": str(columns), "PK_LANG": "id"})
    assert result.exit_code == 0, result.output
    return result.stdout


def test_json_carries_the_earlier_years_the_end_and_the_national_target() -> None:
    data = json.loads(run("capaian", str(EXAMPLE / "2027"), "--format", "json"))
    item = {i["id"]: i for i in data["indikator"]}
    ik05 = item["IK-05"]["perbandingan"]
    assert set(ik05) == {
        "tahun_ini",
        "tahun_sebelumnya",
        "keterangan_tahun_sebelumnya",
        "tren",
        "target_akhir_renstra",
        "keterangan_target_akhir_renstra",
        "target_nasional",
        "keterangan_target_nasional",
    }
    assert [(t["tahun"], t["realisasi"], t["capaian"]) for t in ik05["tahun_sebelumnya"]] == [
        (2025, 9, 110.0),
        (2026, 8, 100.0),
    ]
    assert ik05["tren"] | {"rumus": None} == {
        "terhadap_tahun": 2026,
        "arah": "turun",
        "selisih_capaian": -16.67,
        "arah_realisasi": "turun",
        "selisih_realisasi": -1,
        "rumus": None,
    }
    akhir = ik05["target_akhir_renstra"]
    assert (akhir["periode"], akhir["target_akhir"], akhir["jenis"]) == ("2025–2029", 4, "tingkat")
    assert (akhir["realisasi_sd_tahun_ini"], akhir["capaian"]) == (7, 25.0)
    assert akhir["kondisi_awal"] == {"tahun": 2024, "nilai": 14}
    assert ik05["target_nasional"]["target"] == 8
    assert ik05["target_nasional"]["memenuhi"] is True
    assert item["IK-10"]["perbandingan"]["tahun_sebelumnya"][1]["status"] == "tidak ada pada PK"
    counts = {j["kunci"]: j for j in data["perbandingan"]["jumlah"]}
    assert (counts["target_nasional"]["ada"], counts["target_nasional"]["dari"]) == (4, 10)
    assert data["perbandingan"]["tahun_sebelumnya"] == [2025, 2026]


def test_csv_has_the_comparison_columns() -> None:
    rows = list(csv.DictReader(io.StringIO(run("capaian", str(EXAMPLE / "2027"), "-f", "csv"))))
    assert tuple(rows[0]) == CSV_COLUMNS
    ik01 = next(r for r in rows if r["id"] == "IK-01")
    assert (ik01["tahun_sebelumnya"], ik01["capaian_tahun_sebelumnya"], ik01["tren"]) == (
        "2026",
        "101.54",
        "naik",
    )
    assert (ik01["target_akhir_renstra"], ik01["capaian_target_akhir"]) == ("80", "89.38")
    assert (ik01["target_nasional"], ik01["memenuhi_target_nasional"]) == ("65", "ya")
    ik02 = next(r for r in rows if r["id"] == "IK-02")
    assert ik02["target_nasional"] == ""


def test_the_table_has_a_comparison_table_and_the_counts_in_80_columns() -> None:
    out = run("capaian", str(EXAMPLE / "2027"), columns=80)
    assert_fits(out, ["TAHUN LALU", "TREN", "TARGET AKHIR RENSTRA", "TARGET NASIONAL"])
    flat = " ".join(out.split())
    assert "Perbandingan dengan tahun sebelumnya: 10 dari 10 indikator" in flat
    assert "Perbandingan dengan target nasional: 4 dari 10 indikator (40,00%, nilai LKE D)" in flat
    ik10 = out[out.index("│ IK-10") :]
    assert "2026: tidak" in ik10  # the indicator missing from the 2026 PK: no figure


def test_the_table_of_a_lone_year_gives_only_the_reasons() -> None:
    out = run("capaian", str(DATA_2024), columns=80)
    assert "TAHUN LALU" not in out
    assert "tidak ada folder tahun sebelum 2024 di data/" in " ".join(out.split())


# --- the capaian report ---------------------------------------------------------------------


def test_the_report_shows_the_comparisons_with_their_counts() -> None:
    from pk.render import templates as rp
    from pk.vocab import Dokumen, ReportFormat

    context = report.context_for(load_year(EXAMPLE / "2027"))
    md = rp.render(context, Dokumen.CAPAIAN, ReportFormat.MD)
    assert "- perbandingan dengan tahun sebelumnya: **10 dari 10 indikator**" in md
    assert "| 2025 | 2026 | 2027 |" in md
    assert "75% (93,75) sebagai IK-06" in md  # IK-06a in 2025
    html = rp.render(context, Dokumen.CAPAIAN, ReportFormat.HTML)
    for sasaran in ("SS-01", "SS-02", "SS-03"):
        assert f'id="perbandingan-{sasaran}"' in html
        assert f'id="grafik-tren-{sasaran}"' in html
    # IK-10's bar for 2026 says why it is empty: the 2026 PK does not have it.
    chart = html[html.index('id="grafik-tren-SS-03"') :]
    assert 'font-style="italic">tidak ada pada PK</text>' in chart[: chart.index("</svg>")]


def test_a_reversed_renstra_period_is_said_as_an_error_not_as_no_renstra(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(EXAMPLE, data)
    renstra = data / "renstra.yaml"
    text = renstra.read_text(encoding="utf-8")
    assert "tahun_akhir: 2029" in text
    renstra.write_text(text.replace("tahun_akhir: 2029", "tahun_akhir: 2020"), encoding="utf-8")
    p = compared(data / "2027")
    jumlah = {j.kunci: j for j in p.jumlah}
    reason = "data/renstra.yaml memuat kesalahan (pk validate menunjukkannya)"
    assert said(jumlah[Kunci.TARGET_AKHIR_RENSTRA].alasan) == reason


def test_no_renstra_names_the_misnamed_one_it_ignored(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(EXAMPLE, data)
    (data / "renstra.yaml").rename(data / "Renstra.yaml")
    p = compared(data / "2027")
    jumlah = {j.kunci: j for j in p.jumlah}
    assert said(jumlah[Kunci.TARGET_AKHIR_RENSTRA].alasan) == (
        "tidak ada Renstra (renstra.yaml) di data/ yang mencakup tahun 2027 "
        "(data/Renstra.yaml tidak dibaca: ganti namanya menjadi renstra.yaml)"
    )
