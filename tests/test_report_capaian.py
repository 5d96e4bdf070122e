"""`pk report --dokumen capaian`: LKjIP Bab III material from the computed capaian.

The expected capaian are worked out here from the YAML files with the domain formula for
the plain case (higher is better, number target, last filled quarter), not taken from
pk.compute.capaian, so a wrong number in the report cannot agree with itself.
"""

from __future__ import annotations

import shutil
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest
import yaml
from conftest import DATA_2024, ROOT
from reporthelp import html_tables, md_table
from typer.testing import CliRunner

from pk import report
from pk.cli import app
from pk.load.year import load_year
from pk.render import templates as rp
from pk.vocab import Dokumen, Periode, ReportFormat

DEMO = ROOT / "examples" / "demo-2024"


def _render(folder: Path, fmt: ReportFormat, periode: str = "tahunan") -> str:
    loaded = load_year(folder)
    assert loaded.ok and loaded.perjanjian is not None, loaded.diagnostics
    context = report.context_for(loaded, periode=Periode(periode))
    return rp.render(context, Dokumen.CAPAIAN, fmt)


def _expected_plain(folder: Path) -> dict[str, str]:
    """Annual capaian as Indonesian text (`95,00`) for the plain indicators of `folder`."""
    perjanjian = yaml.safe_load((folder / "perjanjian.yaml").read_text(encoding="utf-8"))
    realisasi = yaml.safe_load((folder / "realisasi.yaml").read_text(encoding="utf-8"))
    expected = {}
    for kelompok in perjanjian["kelompok"]:
        for sasaran in kelompok["sasaran"]:
            for ind in sasaran["indikator"]:
                plain = (
                    isinstance(ind.get("target"), int | float)
                    and ind["target"] != 0
                    and not ind.get("skala")
                    and ind.get("polaritas", "maksimal") == "maksimal"
                    and "agregasi" not in ind
                )
                entry = realisasi["indikator"].get(ind["id"], {})
                quarters = [
                    entry[tw]["realisasi"] for tw in ("TW1", "TW2", "TW3", "TW4") if tw in entry
                ]
                if not plain or not quarters:
                    continue
                value = Decimal(str(quarters[-1])) / Decimal(str(ind["target"])) * 100
                value = value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
                expected[ind["id"]] = str(value).replace(".", ",")
    return expected


def _html_capaian(html: str) -> dict[str, list[str]]:
    """Cells of every indicator row of the per-sasaran tables, by indicator id."""
    import re

    rows = {}
    for match in re.finditer(r'<tr data-indikator="([^"]+)">(.*?)</tr>', html, flags=re.S):
        cells = re.findall(r"<td[^>]*>(.*?)</td>", match.group(2), flags=re.S)
        rows[match.group(1)] = [re.sub(r"<[^>]+>", "", c).strip() for c in cells]
    return rows


def test_demo_capaian_match_the_formula() -> None:
    expected = _expected_plain(DEMO)
    assert len(expected) > 40  # most of the demo is the plain case
    rows = _html_capaian(_render(DEMO, ReportFormat.HTML))
    assert len(rows) == 60
    for ind_id, capaian in expected.items():
        assert rows[ind_id][5] == capaian, ind_id


def test_demo_markdown_has_every_indicator_and_the_narrative() -> None:
    markdown = _render(DEMO, ReportFormat.MD)
    tables = markdown.count("| NO | INDIKATOR KINERJA | SATUAN |")
    assert tables == 35
    assert "**Faktor penghambat (IK-02):** Sebagian KPU Kabupaten/Kota terlambat" in markdown
    assert "**Solusi (IK-02):** Jadwal pelaporan bulanan" in markdown
    assert "- IK-02: realisasi / target × 100 = 95 / 100 × 100" in markdown


def test_demo_summary_budget_and_efficiency() -> None:
    html = _render(DEMO, ReportFormat.HTML)
    tables = html_tables(html)
    budget = [[c for _, c in row] for row in tables["tabel-penyerapan"]]
    spent = yaml.safe_load((DEMO / "realisasi.yaml").read_text(encoding="utf-8"))["anggaran"]
    for row, (kode, quarters) in zip(budget, spent.items(), strict=False):
        total = sum(v for v in quarters.values() if v is not None)
        assert kode in row[1]
        assert row[3] == f"Rp. {total:,}".replace(",", ".") + ",-"
    summary = {row[0][1]: row[1][1] for row in tables["tabel-ringkasan"]}
    assert summary["Jumlah indikator"] == "60"
    assert 'id="efisiensi"' in html and "efisien</b>" in html
    assert html.count('<svg xmlns="http://www.w3.org/2000/svg" class="grafik"') == 2


def test_without_realisasi_the_report_says_so() -> None:
    html = _render(DATA_2024, ReportFormat.HTML)
    assert 'id="belum-ada-data"' in html
    rows = _html_capaian(html)
    assert len(rows) == 60
    assert all(
        cells[4] == "belum ada data" and cells[5] == "belum ada data" for cells in rows.values()
    )
    assert "<svg" not in html  # no empty charts
    markdown = _render(DATA_2024, ReportFormat.MD)
    assert "**Belum ada data realisasi**" in markdown
    assert "Efisiensi belum dapat dinilai" in markdown
    assert all(
        row[4] == "belum ada data" for row in md_table(markdown, "| NO | INDIKATOR KINERJA")[:1]
    )


def test_quarter_report_names_the_period() -> None:
    html = _render(DEMO, ReportFormat.HTML, periode="TW2")
    assert "Periode: Triwulan 2 (kumulatif)" in html
    assert "rencana aksi TW2" in html


def test_data_text_is_escaped_in_tables_narrative_and_charts(tmp_path: Path) -> None:
    folder = tmp_path / "demo-2024"
    shutil.copytree(DEMO, folder)
    for name, old, new in (
        (
            "perjanjian.yaml",
            "nama: Terwujudnya Dukungan Logistik dalam Penyelenggaraan Pemilu/Pemilihan",
            'nama: "<script>alert(1)</script> | x"',
        ),
        (
            "realisasi.yaml",
            "solusi: Jadwal pelaporan bulanan dan pendampingan oleh operator provinsi.",
            'solusi: "<img src=x onerror=alert(2)> a|b"',
        ),
    ):
        file = folder / name
        text = file.read_text(encoding="utf-8")
        assert old in text
        file.write_text(text.replace(old, new, 1), encoding="utf-8")
    html = _render(folder, ReportFormat.HTML)
    assert "<script" not in html and "<img" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; | x" in html  # heading and chart label
    assert "&lt;img src=x onerror=alert(2)&gt; a|b" in html
    markdown = _render(folder, ReportFormat.MD)
    assert "\\<script\\>alert(1)\\</script\\> \\| x" in markdown
    assert "\\<img src=x onerror=alert(2)\\> a\\|b" in markdown


def test_cli_writes_the_demo_capaian(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["report", str(DEMO), "-d", "capaian", "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["capaian.html", "capaian.md"]


@pytest.mark.parametrize("periode", ["TW1", "TW3", "tahunan"])
def test_every_period_renders(periode: str) -> None:
    assert "CAPAIAN KINERJA TAHUN 2024" in _render(DEMO, ReportFormat.MD, periode)
