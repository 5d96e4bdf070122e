"""Roll-up from units, on the fictional eleven-unit NTB workspace and on small cases.

The known answers come from examples/ntb-2024/README.md, counted by hand from the files:
IK-22 is met by the province and 7 of 10 kabupaten/kota (Lombok Tengah 95, Dompu 90, Sumbawa
Barat has not reported); PP-01 is formed everywhere but Lombok Utara.
"""

from __future__ import annotations

import json
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import ROOT
from typer.testing import CliRunner

from pk.cli import app
from pk.compute.capaian import compute
from pk.compute.rollup import Standing, derive, summarise
from pk.load.year import load_year
from pk.model.perjanjian import DariUnit, Hitung

pytestmark = pytest.mark.usefixtures("english")  # asserts English messages

NTB = ROOT / "examples" / "ntb-2024"
runner = CliRunner()


def achievement_json(*args: str) -> dict:
    result = runner.invoke(app, ["achievement", *args, "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_eleven_units_roll_up_to_the_known_shares() -> None:
    data = achievement_json(str(NTB))
    assert [u["id"] for u in data["unit"]][:2] == ["kpu-ntb", "kpu-kota-mataram"]
    assert len(data["unit"]) == 11
    rolled = {r["indikator"]: r for r in data["turunan"]}
    share = rolled["IK-22"]
    assert share["realisasi"] == 72.73  # 8 / 11 × 100
    assert share["capaian"] == 72.73  # against a target of 100%
    behind = {u["unit"]: u["keadaan"] for u in share["units"] if u["keadaan"] != "memenuhi"}
    assert behind == {
        "kpu-lombok-tengah": "belum memenuhi",
        "kpu-dompu": "belum memenuhi",
        "kpu-sumbawa-barat": "belum ada data",
    }
    count = rolled["IK-13"]
    assert count["realisasi"] == 10
    assert count["capaian"] == 90.91  # 10 / 11 × 100
    assert [u["unit"] for u in count["units"] if u["keadaan"] != "memenuhi"] == ["kpu-lombok-utara"]


def test_unit_view_shows_the_rolled_up_value_and_how() -> None:
    data = achievement_json(str(NTB), "--unit", "kpu-ntb")
    ik22 = next(i for i in data["indikator"] if i["id"] == "IK-22")
    assert ik22["realisasi"] == 72.73
    assert "8 / 11 × 100" in ik22["rumus"]
    # Alone, the province's folder knows nothing of its units: its own realisasi is used.
    alone = compute(*_documents(NTB / "kpu-ntb"))
    assert next(i for i in alone.indikator if i.id == "IK-22").realisasi == Decimal(100)


def _documents(folder: Path):  # type: ignore[no-untyped-def]
    loaded = load_year(folder, 2024)
    assert loaded.ok
    return loaded.perjanjian, loaded.realisasi, loaded.pengaturan


def test_unit_rows_compare_averages_and_indicators_behind() -> None:
    rows = {u["id"]: u for u in achievement_json(str(NTB))["unit"]}
    assert rows["kpu-lombok-utara"]["rata_rata"] == 50  # IK-22 100, PP-01 0 of 1
    assert rows["kpu-lombok-utara"]["di_bawah_target"] == 1
    assert rows["kpu-sumbawa-barat"]["belum_ada_data"] == 1
    assert rows["kpu-ntb"]["di_bawah_target"] == 2  # the two rolled-up indicators


def test_a_broken_unit_is_marked_and_fails_the_run(tmp_path: Path) -> None:
    ws = tmp_path / "ntb"
    shutil.copytree(NTB, ws)
    target = ws / "kpu-dompu" / "perjanjian.yaml"
    target.write_text(
        target.read_text(encoding="utf-8").replace("tahun: 2024", "tahun: 20x4"), encoding="utf-8"
    )
    result = runner.invoke(app, ["achievement", str(ws), "--format", "json"])
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    dompu = next(u for u in data["unit"] if u["id"] == "kpu-dompu")
    assert dompu["valid"] is False
    share = next(r for r in data["turunan"] if r["indikator"] == "IK-22")
    assert {
        "unit": "kpu-dompu",
        "keadaan": "tidak ada indikator",
        "realisasi": None,
        "capaian": None,
    } in share["units"]
    assert "kpu-dompu/perjanjian.yaml:4:8: error:" in result.stderr


@pytest.mark.parametrize(
    ("spec", "expected"),
    [
        (DariUnit(), Decimal("50.00")),  # self (met) + a (met) of 4
        (DariUnit(termasuk_sendiri=False), Decimal("33.33")),  # a of a, b, c
        (DariUnit(hitung=Hitung.JUMLAH), Decimal(2)),
        (DariUnit(realisasi_min=Decimal(80)), Decimal("75.00")),  # self 100, a 100, b 80
    ],
)
def test_derive(spec: DariUnit, expected: Decimal) -> None:
    demo = compute(*_documents(ROOT / "examples" / "demo-2024"))
    own = next(i for i in demo.indikator if i.id == "IK-01")
    assert own.capaian == Decimal("100.00")

    def with_ik01(realisasi: str | None):  # type: ignore[no-untyped-def]
        perjanjian, data, pengaturan = _documents(ROOT / "examples" / "demo-2024")
        entries = dict(data.indikator)
        if realisasi is None:
            entries.pop("IK-01")
        else:
            entries["IK-01"] = entries["IK-01"].model_copy(
                update={
                    "TW4": entries["IK-01"].TW4.model_copy(update={"realisasi": Decimal(realisasi)})
                }
            )
        return compute(perjanjian, data.model_copy(update={"indikator": entries}), pengaturan)

    units = [("a", with_ik01("100")), ("b", with_ik01("80")), ("c", with_ik01(None))]
    members = [
        (unit, summarise(result))
        for unit, result in ([("self", demo)] if spec.termasuk_sendiri else []) + units
    ]
    derived, states = derive(spec, "IK-01", members)
    assert derived.realisasi == expected
    assert states[-1].keadaan is Standing.BELUM_ADA_DATA
