"""Capaian formulas against domain.md's test vectors, and the edges around them."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest
from conftest import DATA_2024, ROOT, said

from pk.compute.capaian import (
    Status,
    aggregate,
    capaian_angka,
    capaian_kode,
    capaian_rentang,
    compute,
    efisiensi_of,
    predikat_of,
)
from pk.load.bentuk import regimes
from pk.load.year import load_year
from pk.model.perjanjian import Agregasi, Perjanjian, Polaritas, Rentang, RumusMinimal
from pk.model.predikat import SkalaPredikat
from pk.model.realisasi import Pengaturan, Realisasi
from pk.vocab import Periode

DEMO = ROOT / "examples" / "demo-2024"
D = Decimal
MIN = Polaritas.MINIMAL


def two(value: Decimal | None) -> Decimal | None:
    return None if value is None else value.quantize(D("0.01"), rounding=ROUND_HALF_UP)


@pytest.mark.parametrize(
    ("target", "realisasi", "expected"),
    [
        (D(80), D(80), D("100.00")),  # 80% vs 80%
        (D(11), D(11), D("100.00")),  # 11 Lap vs 11 Lap
        (D("77.5"), D("81.1627"), D("104.73")),  # uncapped, half-up
        (D(100), D(0), D("0.00")),  # zero realisasi is data, not "no data"
    ],
)
def test_higher_is_better(target: Decimal, realisasi: Decimal, expected: Decimal) -> None:
    assert two(capaian_angka(target, realisasi).capaian) == expected


def test_lower_is_better_selisih() -> None:
    hasil = capaian_angka(D(7), D("6.5"), MIN, RumusMinimal.SELISIH)
    assert two(hasil.capaian) == D("107.14")
    assert said(hasil.rumus).startswith("(2 × target − realisasi) / target × 100")


def test_lower_is_better_rasio() -> None:
    # 7 / 6,5 × 100 = 107,6923…
    assert two(capaian_angka(D(7), D("6.5"), MIN, RumusMinimal.RASIO).capaian) == D("107.69")


def test_lower_is_better_realisasi_zero_under_both_conventions() -> None:
    # selisih: (2×5 − 0)/5 = 200; rasio: by convention 100, never a division by zero.
    assert two(capaian_angka(D(5), D(0), MIN, RumusMinimal.SELISIH).capaian) == D("200.00")
    rasio = capaian_angka(D(5), D(0), MIN, RumusMinimal.RASIO)
    assert rasio.capaian == D(100) and rasio.keterangan


@pytest.mark.parametrize("rumus", list(RumusMinimal))
@pytest.mark.parametrize("polaritas", [Polaritas.MAKSIMAL, Polaritas.MINIMAL])
def test_target_zero(polaritas: Polaritas, rumus: RumusMinimal) -> None:
    hasil = capaian_angka(D(0), D(3), polaritas, rumus)
    if polaritas is Polaritas.MINIMAL and rumus is RumusMinimal.RASIO:
        assert hasil.capaian == D(0)  # 0 / 3: lower was promised, more came
    else:
        assert hasil.capaian is None and "target 0" in said(hasil.keterangan)


@pytest.mark.parametrize(
    ("realisasi", "expected"),
    [(D(70), D("87.50")), (D(85), D("100.00")), (D(80), D("100.00")), (D(99), D("110.00"))],
)
def test_range(realisasi: Decimal, expected: Decimal) -> None:
    assert two(capaian_rentang(Rentang(min=D(80), maks=D(90)), realisasi).capaian) == expected


def test_range_lower_is_better_above_upper_bound() -> None:
    # Above maks with lower-is-better: (2×90 − 99)/90 = 90,00.
    hasil = capaian_rentang(Rentang(min=D(80), maks=D(90)), D(99), MIN)
    assert two(hasil.capaian) == D("90.00")


SAKIP = {"AA": D(90), "A": D(80), "BB": D(70), "B": D(60), "CC": D(50), "C": D(30), "D": D(0)}


def test_grades_on_scores() -> None:
    assert two(capaian_kode("A", "BB", SAKIP).capaian) == D("87.50")
    assert two(capaian_kode("A", "AA", SAKIP).capaian) == D("112.50")
    assert capaian_kode("D", "A", SAKIP).capaian is None  # target score 0
    assert capaian_kode("A", "Z", SAKIP).capaian is None


def test_aggregation() -> None:
    quarters = [("TW1", D(1)), ("TW3", D(4))]  # TW2 missing
    assert aggregate(quarters, Agregasi.TERAKHIR)[:2] == (D(4), ("TW3",))
    assert aggregate(quarters, Agregasi.JUMLAH)[:2] == (D(5), ("TW1", "TW3"))
    assert aggregate(quarters, Agregasi.RATA_RATA)[0] == D("2.5")
    assert aggregate([], Agregasi.JUMLAH)[0] is None


@pytest.mark.parametrize(
    ("capaian", "predikat"),
    [
        (D(104), "sangat tinggi"),
        (D(91), "sangat tinggi"),
        (D("90.99"), "tinggi"),
        (D(76), "tinggi"),
        (D(66), "sedang"),
        (D(51), "rendah"),
        (D("50.99"), "sangat rendah"),
        (D(-20), "sangat rendah"),
    ],
)
def test_default_predikat_scale(capaian: Decimal, predikat: str) -> None:
    # Both regimes default to Permendagri 86/2017's five bands.
    for rezim in regimes().values():
        band = predikat_of(capaian, SkalaPredikat.model_validate(rezim["predikat"]))
        assert band is not None and band.nama == predikat


def test_predikat_scale_from_regime_unless_pengaturan_sets_one() -> None:
    perjanjian = perjanjian_2024()
    lulus = SkalaPredikat(nama="Dua", kategori=[{"nama": "lulus", "min": 50}, {"nama": "gagal"}])
    rezim = perjanjian.bentuk.rezim.model_copy(update={"predikat": lulus})
    own = perjanjian.model_copy(
        update={"bentuk": perjanjian.bentuk.model_copy(update={"rezim": rezim})}
    )
    data = load_year(DATA_2024).realisasi
    assert compute(perjanjian, data).skala.nama == "Lima kategori (Permendagri 86/2017)"
    assert compute(own, data).skala is lulus
    assert {i.predikat for i in compute(own, data).indikator} <= {"lulus", "gagal", None}
    theirs = SkalaPredikat(nama="Satu", kategori=[{"nama": "ada"}])
    assert compute(own, data, Pengaturan(predikat=theirs)).skala is theirs


def test_efisiensi() -> None:
    assert efisiensi_of(D("5.01"), D(5)) == "efisien"
    assert efisiensi_of(D(5), D(5)) == "cukup efisien"
    assert efisiensi_of(D(-5), D(5)) == "cukup efisien"
    assert efisiensi_of(D("-5.01"), D(5)) == "tidak efisien"


# --- compute() on whole documents ----------------------------------------------------------


def perjanjian_2024() -> Perjanjian:
    loaded = load_year(DATA_2024)
    assert loaded.perjanjian is not None
    return loaded.perjanjian


def realisasi(data: dict[str, object], anggaran: dict[str, object] | None = None) -> Realisasi:
    return Realisasi.model_validate(
        {"versi_format": 1, "tahun": 2024, "indikator": data, "anggaran": anggaran or {}}
    )


def test_no_realisasi_is_belum_ada_data_never_zero() -> None:
    result = compute(perjanjian_2024(), None, None, "tahunan")
    assert all(i.capaian is None and i.status is Status.BELUM_ADA_DATA for i in result.indikator)
    assert result.keseluruhan.rata_rata is None
    assert len(result.keseluruhan.belum_ada_data) == 60
    assert result.anggaran.total.penyerapan is None and result.anggaran.efisiensi is None


def test_missing_quarter_uses_last_filled_and_says_so() -> None:
    data = realisasi({"IK-01": {"TW1": {"realisasi": 30}, "TW2": {"realisasi": 60}}})
    annual = {i.id: i for i in compute(perjanjian_2024(), data, None, "tahunan").indikator}
    assert annual["IK-01"].capaian == D("60.00")
    assert annual["IK-01"].triwulan == ("TW2",)
    assert "TW2" in said(annual["IK-01"].rumus)
    tw3 = {i.id: i for i in compute(perjanjian_2024(), data, None, Periode.TW3).indikator}
    assert tw3["IK-01"].realisasi == D(60)
    tw1 = {i.id: i for i in compute(perjanjian_2024(), data, None, Periode.TW1).indikator}
    assert tw1["IK-01"].capaian == D("30.00")


def test_rencana_aksi_is_the_quarter_target() -> None:
    data = realisasi({"IK-01": {"TW2": {"realisasi": 45}, "rencana_aksi": {"TW2": 50, "TW4": 100}}})
    tw2 = {i.id: i for i in compute(perjanjian_2024(), data, None, "TW2").indikator}["IK-01"]
    assert tw2.capaian == D("90.00") and tw2.target == D(50)
    assert said(tw2.target_sumber) == "rencana aksi TW2"


def test_cap_on_and_off() -> None:
    data = realisasi({"IK-11": {"TW4": {"realisasi": D("99.7")}}})  # target 95 → 104,947…
    off = {i.id: i for i in compute(perjanjian_2024(), data, None).indikator}["IK-11"]
    assert off.capaian == D("104.95")
    capped = compute(perjanjian_2024(), data, Pengaturan(batas_capaian=D(100)))
    on = {i.id: i for i in capped.indikator}["IK-11"]
    assert on.capaian == D("100.00") and "104,95" in said(on.keterangan)


def test_grade_realisasi_and_wrong_kind() -> None:
    data = realisasi({"IK-25": {"TW4": {"realisasi": "BB"}}, "IK-01": {"TW4": {"realisasi": "A"}}})
    by_id = {i.id: i for i in compute(perjanjian_2024(), data).indikator}
    assert by_id["IK-25"].capaian == D("87.50")
    assert by_id["IK-01"].capaian is None
    assert by_id["IK-01"].status is Status.TIDAK_DAPAT_DIHITUNG


def test_demo_by_hand() -> None:
    """The demo's numbers, worked out by hand from examples/demo-2024/realisasi.yaml."""
    loaded = load_year(DEMO)
    assert loaded.ok, loaded.diagnostics
    assert loaded.perjanjian is not None
    result = compute(loaded.perjanjian, loaded.realisasi, loaded.pengaturan, "tahunan")
    by_id = {i.id: i for i in result.indikator}
    assert by_id["IK-02"].capaian == D("95.00")  # 95 / 100
    assert by_id["IK-05"].capaian == D("105.00")  # 105 / 100, uncapped
    assert by_id["IK-25"].capaian == D("87.50")  # BB (70) / A (80)
    assert by_id["IK-54"].realisasi == D(2) and by_id["IK-54"].capaian == D("100.00")  # 1 + 1
    assert by_id["IK-60"].triwulan == ("TW3",)  # TW4 not reported
    assert by_id["IK-60"].capaian == D("52.50")
    assert by_id["IK-32"].capaian == D("0.00")  # a real zero
    assert by_id["IK-56"].status is Status.TIDAK_DAPAT_DIHITUNG  # no target in the PK
    # Budget: 24.876.343.350 + 58.044.801.150 + 41.460.572.250 + 29.851.612.020
    cq = result.anggaran.kegiatan[0]
    assert cq.realisasi == 154_233_328_770
    assert cq.penyerapan == D("93.00")  # 154.233.328.770 / 165.842.289.000
    assert result.anggaran.total.penyerapan == D("93.23")  # 163.952.721.980 / 175.862.282.000
    tw1 = compute(loaded.perjanjian, loaded.realisasi, loaded.pengaturan, "TW1").anggaran
    assert tw1.kegiatan[0].penyerapan == D("15.00")  # 24.876.343.350 / 165.842.289.000


def test_demo_does_not_touch_real_data(tmp_path: Path) -> None:
    loaded = load_year(DATA_2024)
    assert loaded.realisasi is None and loaded.pengaturan is None
