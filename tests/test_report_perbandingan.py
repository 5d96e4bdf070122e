"""`pk report` over a workspace: the unit comparison (perbandingan) in Markdown and HTML.

The known answers are those of examples/ntb-2024/README.md, counted by hand: IK-22 of
kpu-ntb is met by 8 of 11 units (Lombok Tengah 95, Dompu 90, Sumbawa Barat not reported),
IK-13 by 10 of 11 (Lombok Utara has formed no Pusat Pendidikan Pemilih).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import DATA_2024, ROOT, CompareWithGolden
from reporthelp import html_tables, md_table
from typer.testing import CliRunner

from pk.capaian import compute_workspace
from pk.cli import app
from pk.load.workspace import load_workspace
from pk.render import templates as rp
from pk.render.context import build_perbandingan
from pk.vocab import Dokumen, ReportFormat

pytestmark = pytest.mark.usefixtures("english")  # asserts English messages

NTB = ROOT / "examples" / "ntb-2024"
GOLDEN = ROOT / "tests" / "golden" / "ntb-2024"
BEHIND = {"kpu-ntb": 2, "kpu-lombok-tengah": 1, "kpu-lombok-utara": 1, "kpu-dompu": 1}
runner = CliRunner()


def render(fmt: ReportFormat, folder: Path = NTB) -> str:
    workspace = load_workspace(folder)
    assert workspace.workspace is not None
    result = compute_workspace(workspace, "tahunan", progress=False)
    context = build_perbandingan(result, workspace.workspace.tahun)
    return rp.render(context, Dokumen.PERBANDINGAN, fmt)


@pytest.mark.parametrize("fmt", [ReportFormat.MD, ReportFormat.HTML], ids=["md", "html"])
def test_golden(fmt: ReportFormat, compare_with_golden: CompareWithGolden) -> None:
    compare_with_golden(render(fmt), GOLDEN / rp.output_name(Dokumen.PERBANDINGAN, fmt))


def test_one_row_per_unit_with_the_known_shortfalls() -> None:
    ids = [u.ref.id for u in load_workspace(NTB).units]
    rows = html_tables(render(ReportFormat.HTML))["tabel-unit"]
    assert len(rows) == len(ids) == 11
    cells = [[c for _, c in row] for row in rows]
    assert [row[1].rsplit("(", 1)[1].rstrip(")") for row in cells] == ids
    assert {ids[i]: int(row[6]) for i, row in enumerate(cells) if row[6] != "0"} == BEHIND
    assert {ids[i] for i, row in enumerate(cells) if row[7] != "0"} == {"kpu-sumbawa-barat"}
    assert cells[0][2] == "—" and all(row[2] == "KPU Provinsi NTB" for row in cells[1:])


def test_markdown_and_html_show_the_same_numbers() -> None:
    html = [[c for _, c in row] for row in html_tables(render(ReportFormat.HTML))["tabel-unit"]]
    markdown = md_table(render(ReportFormat.MD), "| NO | UNIT")
    assert markdown == html


def test_rows_match_pk_achievement() -> None:
    """The report and the terminal command read the same computation."""
    result = runner.invoke(app, ["achievement", str(NTB), "--format", "json"])
    units = json.loads(result.stdout)["unit"]
    rows = md_table(render(ReportFormat.MD), "| NO | UNIT")
    for unit, row in zip(units, rows, strict=True):
        assert row[3] == str(unit["jumlah_indikator"])
        assert row[4] == f"{unit['rata_rata']:.2f}".replace(".", ",")
        assert row[5] == unit["predikat"]


def test_rolled_up_indicators_name_the_units_behind() -> None:
    html = render(ReportFormat.HTML)
    tables = html_tables(html)
    behind = [
        [c for _, c in row]
        for name, table in tables.items()
        if name != "tabel-unit"
        for row in table
    ]
    assert [row[1] for row in behind] == [
        "KPU Kabupaten Lombok Tengah (kpu-lombok-tengah)",
        "KPU Kabupaten Sumbawa Barat (kpu-sumbawa-barat)",
        "KPU Kabupaten Dompu (kpu-dompu)",
        "KPU Kabupaten Lombok Utara (kpu-lombok-utara)",
    ]
    assert [row[2] for row in behind] == [
        "belum memenuhi",
        "belum ada data",
        "belum memenuhi",
        "belum memenuhi",
    ]
    markdown = render(ReportFormat.MD)
    assert "Realisasi 72,73% dari target 100%, capaian 72,73% (sedang).\n8 dari 11 unit" in markdown
    assert "\n10 dari 11 unit memenuhi." in markdown


def test_chart_has_a_bar_per_unit() -> None:
    html = render(ReportFormat.HTML)
    chart = html.split('id="grafik-unit"', 1)[1].split("</svg>", 1)[0]
    assert chart.count('<g class="batang">') == 11
    assert "<script" not in html and "http://" not in html.replace(
        'xmlns="http://www.w3.org/2000/svg"', ""
    )


def test_unit_names_are_escaped(tmp_path: Path) -> None:
    folder = tmp_path / "ntb-2024"
    shutil.copytree(NTB, folder)
    file = folder / "kpu-bima" / "perjanjian.yaml"
    text = file.read_text(encoding="utf-8")
    file.write_text(
        text.replace("singkatan: KPU Kabupaten Bima", 'singkatan: "<script>x()</script> | *Bima*"'),
        encoding="utf-8",
    )
    html = render(ReportFormat.HTML, folder)
    assert "<script>" not in html and "&lt;script&gt;x()&lt;/script&gt; | *Bima*" in html
    rows = md_table(render(ReportFormat.MD, folder), "| NO | UNIT")
    assert all(len(row) == 9 for row in rows)
    assert rows[9][1] == "<script>x()</script> | *Bima* (kpu-bima)"


def test_a_comparison_of_fictional_units_says_so(tmp_path: Path) -> None:
    """CONTOH FIKTIF under the title and in the footer when any unit is fictional."""
    html = render(ReportFormat.HTML)
    assert '<p class="fiktif"><b>CONTOH FIKTIF</b>' in html
    assert 'content: "CONTOH FIKTIF \\b7 ' in html
    assert "> **CONTOH FIKTIF**" in render(ReportFormat.MD)
    folder = tmp_path / "ntb-2024"
    shutil.copytree(NTB, folder)
    for file in folder.glob("*/perjanjian.yaml"):
        text = file.read_text(encoding="utf-8")
        assert "\nfiktif: true\n" in text
        file.write_text(text.replace("\nfiktif: true\n", "\n"), encoding="utf-8")
    assert "CONTOH FIKTIF" not in render(ReportFormat.HTML, folder)
    assert "CONTOH FIKTIF" not in render(ReportFormat.MD, folder)


# --- the command ---------------------------------------------------------------------------


def test_cli_writes_the_comparison_into_build_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["report", str(NTB)])
    assert result.exit_code == 0, result.output
    out = tmp_path / "build" / "ntb-2024"
    assert sorted(p.name for p in out.iterdir()) == ["perbandingan.html", "perbandingan.md"]
    assert (out / "perbandingan.md").read_text(encoding="utf-8") == render(ReportFormat.MD)


@pytest.mark.parametrize(
    "args, message",
    [
        ([str(NTB), "-d", "perjanjian"], "report one unit from its own folder"),
        ([str(NTB), "--revisi", "awal"], "--revisi renders one unit's agreement"),
        ([str(DATA_2024), "-d", "perbandingan"], "needs a workspace"),
    ],
)
def test_cli_usage_errors(args: list[str], message: str) -> None:
    result = runner.invoke(app, ["report", *args, "-o", "-"])
    assert result.exit_code == 2
    assert result.stderr.startswith("pk: error: ")
    assert message in result.stderr


def test_cli_invalid_unit_exits_1_and_writes_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "ntb-2024"
    shutil.copytree(NTB, folder)
    file = folder / "kpu-dompu" / "perjanjian.yaml"
    file.write_text(
        file.read_text(encoding="utf-8").replace("tahun: 2024", "tahun: 2023"), encoding="utf-8"
    )
    result = runner.invoke(app, ["report", str(folder), "-o", str(tmp_path / "o")])
    assert result.exit_code == 1
    assert "kpu-dompu/perjanjian.yaml:" in result.output
    assert not (tmp_path / "o").exists()


def test_two_runs_give_identical_bytes(tmp_path: Path) -> None:
    outputs = []
    for n, seed_value in enumerate(("1", "2")):
        out = tmp_path / f"run{n}"
        env = {**os.environ, "PYTHONHASHSEED": seed_value}
        subprocess.run(
            [sys.executable, "-m", "pk", "report", str(NTB), "--output", str(out)],
            check=True,
            env=env,
            capture_output=True,
        )
        outputs.append({p.name: p.read_bytes() for p in sorted(out.iterdir())})
    assert set(outputs[0]) == {"perbandingan.md", "perbandingan.html"}
    assert outputs[0] == outputs[1]
