"""Pacing (`pk.compute.proyeksi`) on hand-made series, each projection worked out by hand;
then `pk capaian --periode TW2` and the quarterly report on the fictional Renstra example."""

from __future__ import annotations

import json
from decimal import Decimal as D
from typing import Any

import pytest
from conftest import DATA_2024, ROOT, said
from typer.testing import CliRunner

from pk.cli import app
from pk.compute.proyeksi import Keadaan, Metode, ProyeksiIndikator, project
from pk.load.year import load_year
from pk.model.perjanjian import Indikator, Kelompok, Perjanjian, Sasaran
from pk.model.realisasi import Pengaturan, Realisasi
from pk.vocab import Periode

EXAMPLE_2027 = ROOT / "examples" / "renstra-contoh" / "data" / "2027"


def agreement(*indikator: dict[str, Any]) -> Perjanjian:
    """data/2024's agreement (parties, skala) with only the given indicators."""
    loaded = load_year(DATA_2024)
    assert loaded.perjanjian is not None
    sasaran = Sasaran(id="SS-01", nama="Sasaran uji", indikator=[Indikator(**i) for i in indikator])
    return loaded.perjanjian.model_copy(update={"kelompok": [Kelompok(no=1, sasaran=[sasaran])]})


def series(**by_id: dict[str, Any]) -> Realisasi:
    """Realisasi from `{id: {"TW1": 10, …, "rencana_aksi": {…}}}`."""
    indikator = {
        id_: {k: (v if k == "rencana_aksi" else {"realisasi": v}) for k, v in quarters.items()}
        for id_, quarters in by_id.items()
    }
    return Realisasi.model_validate({"versi_format": 1, "tahun": 2024, "indikator": indikator})


def one(
    indikator: dict[str, Any],
    quarters: dict[str, Any],
    periode: Periode = Periode.TW2,
    pengaturan: Pengaturan | None = None,
) -> ProyeksiIndikator:
    doc = agreement({"id": "IK-01", "nama": "Uji", **indikator})
    result = project(doc, series(**{"IK-01": quarters}), pengaturan, periode)
    assert result is not None
    (item,) = result.indikator
    return item


PERSEN = {"target": 100, "satuan": "%"}


def test_steady_pace_on_plan() -> None:
    # 25, 50 against 25, 50 of plan: 100 × 50 / 50 = 100.
    item = one(PERSEN, {"TW1": 25, "TW2": 50, "rencana_aksi": {"TW1": 25, "TW2": 50, "TW4": 100}})
    assert item.metode is Metode.RENCANA_AKSI
    assert (item.rencana, item.laju, item.proyeksi, item.capaian) == (D(50), D(100), D(100), D(100))
    assert item.keadaan is Keadaan.SESUAI_RENCANA and item.kekurangan == 0
    assert said(item.rumus) == (
        "proyeksi TW4 = target × realisasi s.d. TW2 / rencana aksi TW2 = 100 × 50 / 50 = 100"
    )


def test_steady_pace_behind_plan_is_at_risk() -> None:
    # 40 against 50 of plan: 80% of the pace, so 100 × 40 / 50 = 80 at TW4.
    item = one(PERSEN, {"TW1": 20, "TW2": 40, "rencana_aksi": {"TW1": 25, "TW2": 50}})
    assert (item.laju, item.proyeksi, item.capaian, item.kekurangan) == (D(80), D(80), D(80), D(20))
    assert item.keadaan is Keadaan.BERISIKO


def test_back_loaded_plan_makes_a_low_first_quarter_on_plan() -> None:
    plan = {"TW1": 10, "TW2": 30, "TW3": 60, "TW4": 100}
    # 10 at TW1 is a tenth of the year, and all the plan asked for: 100 × 10 / 10 = 100.
    late = one(PERSEN, {"TW1": 10, "rencana_aksi": plan}, Periode.TW1)
    assert (late.proyeksi, late.keadaan) == (D(100), Keadaan.SESUAI_RENCANA)
    # The same 10 without the Rencana Aksi, one quarter only: no pace to speak of.
    alone = one(PERSEN, {"TW1": 10}, Periode.TW1)
    assert alone.keadaan is Keadaan.DATA_BELUM_CUKUP and alone.proyeksi is None
    assert "satu triwulan" in said(alone.alasan)
    # Against an even plan (25 at TW1) the same 10 is 40% of the pace.
    even = one(PERSEN, {"TW1": 10, "rencana_aksi": {"TW1": 25}}, Periode.TW1)
    assert (even.proyeksi, even.keadaan) == (D(40), Keadaan.BERISIKO)


def test_cumulative_jumlah_sums_the_quarters() -> None:
    dok = {"target": 12, "satuan": "Dok", "agregasi": "jumlah"}
    # 2 + 3 = 5 by TW2 against the plan's 6: 12 × 5 / 6 = 10.
    planned = one(dok, {"TW1": 2, "TW2": 3, "rencana_aksi": {"TW2": 6, "TW4": 12}})
    assert (planned.realisasi, planned.proyeksi, planned.capaian) == (D(5), D(10), D("83.33"))
    assert planned.triwulan == ("TW1", "TW2") and planned.keadaan is Keadaan.BERISIKO
    # Without a Rencana Aksi the plan is even: 5 × 4 / 2 = 10, the plan to date 12 × 2 / 4 = 6.
    even = one(dok, {"TW1": 2, "TW2": 3})
    assert even.metode is Metode.MERATA and (even.rencana, even.proyeksi) == (D(6), D(10))
    assert said(even.rumus) == "proyeksi TW4 = realisasi s.d. TW2 × 4 / 2 = 5 × 4 / 2 = 10"
    # A quarter left empty under a sum is not a zero.
    gap = one(dok, {"TW2": 3})
    assert gap.keadaan is Keadaan.DATA_BELUM_CUKUP and said(gap.alasan) == (
        "TW1 kosong: jumlah s.d. TW2 belum lengkap"
    )


def test_level_terakhir_follows_its_trend_or_its_plan() -> None:
    indeks = {"target": D("3.4"), "satuan": "Indeks"}
    # 3,0 then 3,2: +0,2 a quarter, two quarters to go: 3,2 + 0,2 × 2 = 3,6.
    trend = one(indeks, {"TW1": 3, "TW2": D("3.2")})
    assert trend.metode is Metode.TREN and trend.proyeksi == D("3.60")
    assert trend.capaian == D("105.88") and trend.keadaan is Keadaan.SESUAI_RENCANA
    # A level planned flat (3,4 each quarter) projects its last value: 3,4 × 3,2 / 3,4.
    flat = one(indeks, {"TW1": 3, "TW2": D("3.2"), "rencana_aksi": {"TW2": D("3.4")}})
    assert flat.proyeksi == D("3.20") and flat.keadaan is Keadaan.BERISIKO
    # Carried from the last filled quarter when the period's own is empty.
    carried = one(indeks, {"TW1": 3, "TW2": D("3.2")}, Periode.TW3)
    assert carried.triwulan == ("TW1", "TW2") and carried.proyeksi == D("3.60")


def test_rata_rata_continues_its_average() -> None:
    item = one({**PERSEN, "agregasi": "rata_rata"}, {"TW1": 90, "TW2": 96})
    assert item.metode is Metode.RATA_RATA and item.proyeksi == D("93.00")
    assert item.keadaan is Keadaan.BERISIKO


def test_lower_is_better() -> None:
    aduan = {"target": 6, "satuan": "Aduan", "polaritas": "minimal", "agregasi": "jumlah"}
    # 4 complaints by TW2, at that pace 8 in the year: (2 × 6 − 8) / 6 × 100 = 66,67.
    item = one(aduan, {"TW1": 2, "TW2": 2})
    assert (item.proyeksi, item.capaian, item.keadaan) == (D(8), D("66.67"), Keadaan.BERISIKO)
    assert (
        said(item.rumus_capaian) == "(2 × target − proyeksi) / target × 100 = (2 × 6 − 8) / 6 × 100"
    )
    # Fewer than planned is good: 2 by TW2 → 4 in the year, (12 − 4) / 6 = 133,33.
    fewer = one(aduan, {"TW1": 1, "TW2": 1})
    assert (fewer.capaian, fewer.keadaan) == (D("133.33"), Keadaan.SESUAI_RENCANA)
    # A level going down when down is good: 10 → 8 → 4 at TW4 against 5 is (10 − 4) / 5.
    level = one({"target": 5, "satuan": "%", "polaritas": "minimal"}, {"TW1": 10, "TW2": 8})
    assert (level.proyeksi, level.capaian) == (D(4), D("120.00"))


def test_too_little_data_and_no_projection() -> None:
    assert one(PERSEN, {}).keadaan is Keadaan.DATA_BELUM_CUKUP
    nothing_planned = one(PERSEN, {"TW1": 0, "rencana_aksi": {"TW1": 0}}, Periode.TW1)
    assert nothing_planned.keadaan is Keadaan.DATA_BELUM_CUKUP
    rentang = one({"target": {"min": 80, "maks": 90}, "satuan": "%"}, {"TW1": 70, "TW2": 75})
    assert rentang.keadaan is Keadaan.TIDAK_DIPROYEKSIKAN and "rentang" in said(rentang.alasan)
    kode = one({"target": "A", "skala": "predikat-sakip"}, {"TW1": "BB", "TW2": "A"})
    assert kode.keadaan is Keadaan.TIDAK_DIPROYEKSIKAN and "kode" in said(kode.alasan)
    assert one({"satuan": "%"}, {"TW1": 1, "TW2": 2}).keadaan is Keadaan.TIDAK_DIPROYEKSIKAN
    zero = one({"target": 0, "satuan": "Aduan", "polaritas": "minimal"}, {"TW1": 0, "TW2": 0})
    assert zero.keadaan is Keadaan.TIDAK_DIPROYEKSIKAN and "target 0" in said(zero.alasan)


def test_the_threshold_is_a_setting() -> None:
    behind = {"TW1": 23, "TW2": 47, "rencana_aksi": {"TW2": 50}}  # 94 at TW4
    assert one(PERSEN, behind).keadaan is Keadaan.BERISIKO
    lenient = Pengaturan(batas_berisiko=D(90))
    assert one(PERSEN, behind, pengaturan=lenient).keadaan is Keadaan.SESUAI_RENCANA


def test_sorted_by_shortfall_and_nothing_after_the_year() -> None:
    doc = agreement(
        {"id": "IK-01", "nama": "a", **PERSEN},
        {"id": "IK-02", "nama": "b", **PERSEN},
        {"id": "IK-03", "nama": "c", **PERSEN},
    )
    data = series(**{"IK-01": {"TW1": 20, "TW2": 45}, "IK-02": {"TW1": 10, "TW2": 30}})
    result = project(doc, data, None, Periode.TW2)
    assert result is not None
    # IK-01 → 95, IK-02 → 70; IK-03 has no data.
    assert [(i.id, i.capaian) for i in result.berisiko] == [("IK-02", D(70)), ("IK-01", D(95))]
    assert project(doc, data, None, Periode.TW4) is None
    assert project(doc, data, None, Periode.TAHUNAN) is None


# --- on the fictional example --------------------------------------------------------------


def test_capaian_tw2_lists_the_indicators_at_risk() -> None:
    result = CliRunner().invoke(
        app, ["capaian", str(EXAMPLE_2027), "--periode", "TW2", "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    proyeksi = json.loads(result.output)["proyeksi"]
    by_id = {i["id"]: i for i in proyeksi["indikator"]}
    # IK-05: 2 + 2 complaints by TW2, 8 in the year against at most 6: (12 − 8) / 6 = 66,67.
    # IK-06a: 22%, 44%: +22 a quarter, 88% at TW4 against 90: 97,78.
    assert proyeksi["berisiko"] == ["IK-05", "IK-06a"]
    assert (by_id["IK-05"]["proyeksi"], by_id["IK-05"]["capaian"]) == (8, 66.67)
    assert (by_id["IK-06a"]["proyeksi"], by_id["IK-06a"]["metode"]) == (88, "tren linear")
    # IK-09: 1 + 1 reports by TW2, as its back-loaded Rencana Aksi (1, 2, 3, 5) plans.
    assert by_id["IK-09"]["keadaan"] == "sesuai rencana"
    assert (by_id["IK-09"]["metode"], by_id["IK-09"]["proyeksi"]) == (
        "laju terhadap rencana aksi",
        5,
    )
    # IK-03, IK-07 and IK-10 are measured once, at TW4.
    assert [i for i, v in by_id.items() if v["keadaan"] == "data belum cukup"] == [
        "IK-03",
        "IK-07",
        "IK-10",
    ]
    annual = CliRunner().invoke(app, ["capaian", str(EXAMPLE_2027), "--format", "json"])
    assert json.loads(annual.output)["proyeksi"] is None


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_quarterly_report_has_the_section(fmt: str) -> None:
    args = ["report", str(EXAMPLE_2027), "-d", "capaian", "-p", "TW2", "-f", fmt, "-o", "-"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    text = result.output
    assert "Indikator berisiko" in text
    section = text[text.index("Indikator berisiko") : text.index("B. Capaian per Sasaran")]
    # At risk first, the largest shortfall first; the rest named with why.
    assert section.index("IK-05") < section.index("IK-06a") < section.index("Sesuai rencana")
    assert "66,67" in section and "97,78" in section
    # The pace: 4 complaints against an even plan's 6 × 2 / 4 = 3 by TW2.
    assert "laju merata: laju 133,33% dari rencana 3 Aduan" in section
    assert "Data belum cukup (belum ada realisasi pada TW1, TW2): IK-03, IK-07, IK-10" in section
    annual = CliRunner().invoke(app, [*args[:5], "tahunan", *args[6:]])
    assert "Indikator berisiko" not in annual.output


def test_without_realisasi_nothing_is_called_on_track() -> None:
    args = ["report", str(DATA_2024), "-d", "capaian", "-p", "TW2", "-f", "md", "-o", "-"]
    text = CliRunner().invoke(app, args).output
    assert "Belum ada indikator yang dapat diproyeksikan" in text
    assert "Tidak ada indikator berisiko" not in text
    table = CliRunner().invoke(app, ["capaian", str(DATA_2024), "-p", "TW2"]).output
    assert "belum ada indikator yang dapat diproyeksikan" in table


def test_the_rest_grouped_by_state_and_reason() -> None:
    doc = agreement(
        {"id": "IK-01", "nama": "a", **PERSEN},
        {"id": "IK-02", "nama": "b", "target": {"min": 1, "maks": 2}},
        {"id": "IK-03", "nama": "c", **PERSEN},
        {"id": "IK-04", "nama": "d", **PERSEN},
    )
    data = series(**{"IK-01": {"TW1": 25, "TW2": 50}})
    result = project(doc, data, None, Periode.TW2)
    assert result is not None and result.diproyeksikan == 1
    groups = [(g.keadaan, g.id) for g in result.not_at_risk()]
    assert groups == [
        (Keadaan.SESUAI_RENCANA, ("IK-01",)),
        (Keadaan.DATA_BELUM_CUKUP, ("IK-03", "IK-04")),
        (Keadaan.TIDAK_DIPROYEKSIKAN, ("IK-02",)),
    ]
