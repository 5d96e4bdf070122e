"""`pk achievement` end to end on the fictional demo: the JSON contract, CSV and the table."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import pytest
from conftest import DATA_2024, ROOT
from typer.testing import CliRunner

from pk.check.perjanjian import Context, check_agregasi
from pk.cli import app
from pk.load.year import load_year
from pk.model.perjanjian import Agregasi

pytestmark = pytest.mark.usefixtures("english")  # asserts English messages

DEMO = ROOT / "examples" / "demo-2024"


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.output


def test_json_contract() -> None:
    code, out = run("achievement", str(DEMO), "--periode", "tahunan", "--format", "json")
    assert code == 0, out
    data = json.loads(out)
    assert set(data) >= {"periode", "indikator", "sasaran", "anggaran"}
    assert data["periode"] == "tahunan"
    item = {i["id"]: i for i in data["indikator"]}
    for row in data["indikator"]:
        assert {"id", "indikator", "target", "realisasi", "capaian", "predikat", "rumus"} <= set(
            row
        )
    # By hand: 105 / 100 × 100; BB (70) / A (80) × 100; IK-54 sums its semesters 1 + 1.
    assert item["IK-05"]["capaian"] == 105.0 and item["IK-05"]["predikat"] == "sangat tinggi"
    assert item["IK-05"]["rumus"] == "realisasi / target × 100 = 105 / 100 × 100"
    assert item["IK-25"]["capaian"] == 87.5 and item["IK-25"]["realisasi"] == "BB"
    assert item["IK-54"]["realisasi"] == 2 and "jumlah TW2 + TW4" in item["IK-54"]["rumus"]
    assert item["IK-56"]["capaian"] is None and item["IK-56"]["status"] == "tidak dapat dihitung"
    anggaran = data["anggaran"]
    assert anggaran["total"]["pagu"] == 175_862_282_000
    assert anggaran["total"]["realisasi"] == 163_952_721_980
    assert anggaran["total"]["penyerapan"] == 93.23
    assert [k["kode"] for k in anggaran["kegiatan"]] == ["076.01.CQ", "076.01.WA"]
    sasaran = {s["id"]: s for s in data["sasaran"]}
    assert sasaran["SS-18"]["jumlah_indikator"] == 2


def test_json_for_a_quarter_uses_rencana_aksi() -> None:
    code, out = run("achievement", str(DEMO), "-p", "TW2", "-f", "json")
    assert code == 0, out
    item = {i["id"]: i for i in json.loads(out)["indikator"]}
    # IK-02: 47,5 against the Rencana Aksi TW2 target 50 → 95,00.
    assert item["IK-02"]["target"] == 50 and item["IK-02"]["capaian"] == 95.0
    assert item["IK-02"]["target_sumber"] == "rencana aksi TW2"


def test_real_data_has_no_realisasi() -> None:
    code, out = run("achievement", str(DATA_2024), "-f", "json")
    assert code == 0, out
    data = json.loads(out)
    assert all(i["capaian"] is None and i["status"] == "belum ada data" for i in data["indikator"])
    assert data["anggaran"]["total"]["realisasi"] is None


def test_csv_and_table() -> None:
    code, out = run("achievement", str(DEMO), "-f", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == 60 and rows[0]["id"] == "IK-01" and rows[0]["capaian"] == "100.00"
    code, out = run("achievement", str(DEMO))
    assert code == 0 and "IK-60" in out and "Efisiensi" in out


def test_agregasi_on_a_grade_is_an_error() -> None:
    loaded = load_year(DATA_2024)
    assert loaded.perjanjian is not None
    doc = loaded.perjanjian
    k, s, i = 4, 3, 0  # IK-25, a grade
    ind = doc.kelompok[k].sasaran[s].indikator[i]
    assert ind.id == "IK-25"
    changed = ind.model_copy(update={"agregasi": Agregasi.JUMLAH})
    sasaran = (
        doc.kelompok[k]
        .sasaran[s]
        .model_copy(update={"indikator": [changed, *doc.kelompok[k].sasaran[s].indikator[1:]]})
    )
    kelompok = doc.kelompok[k].model_copy(
        update={
            "sasaran": [*doc.kelompok[k].sasaran[:s], sasaran, *doc.kelompok[k].sasaran[s + 1 :]]
        }
    )
    doc = doc.model_copy(update={"kelompok": [*doc.kelompok[:k], kelompok, *doc.kelompok[k + 1 :]]})
    findings = list(check_agregasi(doc, Context()))
    assert [f.code.id for f in findings] == ["agregasi-kode"]
    assert findings[0].loc == ("kelompok", k, "sasaran", s, "indikator", i, "agregasi")


@pytest.mark.parametrize("module", ["openpyxl", "pk.compute.capaian", "pydantic"])
def test_startup_does_not_import(module: str) -> None:
    code = f"import sys, pk.cli; sys.exit(1 if {module!r} in sys.modules else 0)"
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0
