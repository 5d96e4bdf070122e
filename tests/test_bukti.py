"""The `bukti` of each realisasi in the capaian report (and so LKjIP Bab III): listed per
indicator and quarter, escaped, linked only when it is an http(s) address; and
`bukti_wajib` in pengaturan.yaml, under which `pk validate` warns where a quarter has none."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import ROOT
from ruamel.yaml import YAML

from pk import report
from pk.check import codes
from pk.load.year import load_year
from pk.render import templates as rp
from pk.vocab import Dokumen, Periode, ReportFormat

DEMO = ROOT / "examples" / "demo-2024"
HOSTILE = 'https://contoh.go.id/a?b=1&c=<script>")'
BUKTI = {
    "TW1": ["https://contoh.go.id/laporan(tw1).pdf", "bukti/ik-01 tw1.pdf", HOSTILE],
    "TW2": ["javascript:alert(1)", "[x](http://jahat.invalid)", "https://contoh.go.id/a b.pdf"],
}


def _year_with_bukti(tmp_path: Path) -> Path:
    year = tmp_path / "2024"
    shutil.copytree(DEMO, year)
    yaml = YAML()
    path = year / "realisasi.yaml"
    data = yaml.load(path)
    first = next(iter(data["indikator"]))
    for tw, items in BUKTI.items():
        data["indikator"][first][tw]["bukti"] = items
    data["indikator"][first]["bukti"] = ["https://contoh.go.id/tahunan.pdf"]
    yaml.dump(data, path)
    return year


def _render(
    year: Path, dokumen: Dokumen, fmt: ReportFormat, periode: Periode = Periode.TAHUNAN
) -> str:
    ctx = report.context_for(load_year(year), periode=periode)
    return rp.render(ctx, dokumen, fmt)


def test_report_lists_each_quarters_bukti_and_links_only_web_addresses(tmp_path: Path) -> None:
    year = _year_with_bukti(tmp_path)
    html = _render(year, Dokumen.CAPAIAN, ReportFormat.HTML)
    items = html.split('<ul class="bukti">')[1].split("</ul>")[0]
    assert '<a href="https://contoh.go.id/laporan(tw1).pdf">' in items
    assert '<span class="berkas">bukti/ik-01 tw1.pdf</span>' in items
    assert "<script>" not in items and "&lt;script&gt;" in items
    assert 'href="javascript' not in items and "javascript:alert(1)" in items
    assert 'href="http://jahat' not in items and "a b.pdf</span>" in items
    assert " tahunan: " in items and items.count("<li>") == 3
    md = _render(year, Dokumen.CAPAIAN, ReportFormat.MD)
    assert (
        "[https://contoh.go.id/laporan(tw1).pdf](<https://contoh.go.id/laporan%28tw1%29.pdf>)" in md
    )
    assert "bukti/ik-01 tw1.pdf" in md and "(<bukti/" not in md
    assert "%3Cscript%3E%22%29>)" in md and "<script>" not in md
    assert "\\[x\\](http://jahat.invalid)" in md
    lkjip = _render(year, Dokumen.LKJIP, ReportFormat.HTML)
    assert '<a href="https://contoh.go.id/laporan(tw1).pdf">' in lkjip


def test_report_of_a_quarter_lists_only_that_periods_bukti(tmp_path: Path) -> None:
    html = _render(_year_with_bukti(tmp_path), Dokumen.CAPAIAN, ReportFormat.HTML, Periode.TW1)
    items = html.split('<ul class="bukti">')[1].split("</ul>")[0]
    assert " TW1: " in items and " TW2: " not in items and "javascript" not in items
    assert " tahunan: " in items


def test_without_bukti_the_report_has_no_bukti_list() -> None:
    assert 'class="bukti"' not in _render(DEMO, Dokumen.CAPAIAN, ReportFormat.HTML)


def test_bukti_wajib_warns_at_each_quarter_without_bukti(tmp_path: Path) -> None:
    year = _year_with_bukti(tmp_path)
    assert not [d for d in load_year(year).diagnostics if d.code == codes.BUKTI_MISSING.id]
    (year / "pengaturan.yaml").write_text("versi_format: 1\nbukti_wajib: true\n", "utf-8")
    found = [d for d in load_year(year).diagnostics if d.code == codes.BUKTI_MISSING.id]
    realisasi = load_year(year).realisasi
    assert realisasi is not None
    quarters = sum(
        1
        for entry in realisasi.indikator.values()
        for tw in ("TW1", "TW2", "TW3", "TW4")
        if (q := entry.triwulan(tw)) and not q.bukti
    )
    assert len(found) == quarters > 0
    assert all(d.path.endswith("realisasi.yaml") and d.line for d in found)
