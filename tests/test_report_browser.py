"""The HTML reports in a real browser: Debian's Chromium driven by Playwright.

Playwright's own browser download is never used (`playwright install` is not run): the
tests launch /usr/bin/chromium, which the Makefile installs with apt-get when missing. In CI
(CI=true) a missing browser fails these tests; on a developer's machine they are skipped
with the reason. Screenshots are kept in build/test-artifacts/ for a person to look at.
"""

from __future__ import annotations

import os
import re
import shutil
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import DATA_2024, ROOT, SEED
from playwright.sync_api import sync_playwright
from reporthelp import read_seed
from typer.testing import CliRunner

from pk import report
from pk.cli import app
from pk.load.year import load_year
from pk.render import pdf
from pk.render import templates as rp
from pk.render.context import build_perbandingan
from pk.vocab import Dokumen, ReportFormat

ARTIFACTS = ROOT / "build" / "test-artifacts"
DEMO_2024 = ROOT / "examples" / "demo-2024"
NTB_2024 = ROOT / "examples" / "ntb-2024"
RENSTRA_2027 = ROOT / "examples" / "renstra-contoh" / "data" / "2027"
A4_POINTS = (595.0, 842.0)


def _chromium() -> str:
    path = pdf.find_chromium()
    if path is None:
        reason = (
            "Chromium is not installed: `make test` installs the Debian package "
            "chromium when run as root (apt-get install -y chromium)"
        )
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    return path


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    executable = _chromium()
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=executable,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--disable-background-networking",
                "--disable-component-update",
            ],
        )
        yield launched
        launched.close()


def _write(tmp_path: Path, html: str, name: str) -> Path:
    path = tmp_path / name
    path.write_text(html, encoding="utf-8")
    return path


def _perjanjian_html(folder: Path = DATA_2024) -> str:
    context = report.context_for(load_year(folder))
    return rp.render(context, Dokumen.PERJANJIAN, ReportFormat.HTML)


class Watched:
    """A page with every console message, page error, dialog and request recorded;
    every request other than the report file itself is blocked."""

    def __init__(self, browser: Any, file: Path) -> None:
        self.console: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.requests: list[str] = []
        self.page = browser.new_page(viewport={"width": 1000, "height": 1400})
        own = file.as_uri()
        self.page.on("console", lambda m: self.console.append(f"{m.type}: {m.text}"))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))

        def route(r: Any) -> None:
            if r.request.url == own:
                r.continue_()
            else:
                self.requests.append(r.request.url)
                r.abort()

        self.page.route("**/*", route)
        self.page.on(
            "request", lambda req: None if req.url == own else self.requests.append(req.url)
        )
        self.page.goto(own, wait_until="load")


def _screenshot(page: Any, name: str, selector: str | None = None) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / name
    if selector:
        page.locator(selector).screenshot(path=str(path))
    else:
        page.screenshot(path=str(path), full_page=True)
    return path


def test_perjanjian_opens_cleanly_without_network(browser: Any, tmp_path: Path) -> None:
    watched = Watched(browser, _write(tmp_path, _perjanjian_html(), "perjanjian.html"))
    assert [c for c in watched.console if c.startswith(("error", "warning"))] == []
    assert watched.errors == []
    assert watched.requests == []
    assert watched.page.evaluate("document.scripts.length") == 0
    for section in ("sampul", "pernyataan", "lampiran"):
        assert _screenshot(watched.page, f"perjanjian-{section}.png", f"#{section}").stat().st_size
    watched.page.close()


def test_lampiran_has_one_row_per_indicator(browser: Any, tmp_path: Path) -> None:
    expected = len(read_seed(SEED).indikator)
    watched = Watched(browser, _write(tmp_path, _perjanjian_html(), "perjanjian.html"))
    rows = watched.page.locator("#tabel-kinerja tbody tr")
    assert rows.count() == expected == 60
    first = rows.nth(0).locator("td").all_inner_texts()
    assert first[0] == "1." and first[-1] == "100%"
    header_cells = watched.page.locator("#tabel-kinerja thead th").all_inner_texts()
    assert header_cells == ["NO", "SASARAN STRATEGIS", "INDIKATOR KINERJA", "TARGET"]
    watched.page.close()


def test_script_in_the_data_shows_as_text(browser: Any, tmp_path: Path) -> None:
    folder = tmp_path / "2024"
    shutil.copytree(DATA_2024, folder)
    file = folder / "perjanjian.yaml"
    text = file.read_text(encoding="utf-8")
    file.write_text(
        text.replace(
            "nama: Jumlah dokumen riset kepemiluan", 'nama: "<script>alert(1)</script>"', 1
        ),
        encoding="utf-8",
    )
    watched = Watched(browser, _write(tmp_path, _perjanjian_html(folder), "xss.html"))
    cell = watched.page.locator('#tabel-kinerja tr[data-indikator="IK-27"] td.indikator')
    assert cell.inner_text() == "<script>alert(1)</script>"
    assert watched.dialogs == []
    assert watched.page.evaluate("document.scripts.length") == 0
    _screenshot(watched.page, "perjanjian-xss-row.png", '#tabel-kinerja tr[data-indikator="IK-27"]')
    watched.page.close()


def _capaian_html(folder: Path) -> str:
    context = report.context_for(load_year(folder))
    return rp.render(context, Dokumen.CAPAIAN, ReportFormat.HTML)


def test_capaian_charts_are_visible(browser: Any, tmp_path: Path) -> None:
    watched = Watched(browser, _write(tmp_path, _capaian_html(DEMO_2024), "capaian.html"))
    assert [c for c in watched.console if c.startswith(("error", "warning"))] == []
    assert watched.errors == [] and watched.requests == []
    perjanjian = load_year(DEMO_2024).perjanjian
    assert perjanjian is not None
    sasaran = sum(len(k.sasaran) for k in perjanjian.kelompok)
    for chart, bars in (("#grafik-sasaran", sasaran), ("#grafik-anggaran", 3)):
        locator = watched.page.locator(chart)
        assert locator.is_visible()
        box = locator.bounding_box()
        assert box is not None and box["width"] > 300 and box["height"] > 50
        assert watched.page.locator(f"{chart} g.batang").count() == bars
        drawn = [
            b
            for b in watched.page.locator(f"{chart} g.batang rect").all()
            if (b.bounding_box() or {}).get("width", 0) > 0
        ]
        assert len(drawn) >= bars - 1  # a bar of 0% has no width
        _screenshot(watched.page, f"capaian-{chart[1:]}.png", chart)
    _screenshot(watched.page, "capaian-demo.png")
    watched.page.close()


def test_capaian_without_realisasi_opens_cleanly(browser: Any, tmp_path: Path) -> None:
    watched = Watched(browser, _write(tmp_path, _capaian_html(DATA_2024), "capaian.html"))
    assert watched.errors == [] and watched.requests == []
    assert watched.page.locator("#belum-ada-data").is_visible()
    _screenshot(watched.page, "capaian-2024-belum-ada-data.png", "#capaian")
    watched.page.close()


@pytest.mark.parametrize("name", ["perjanjian", "capaian"])
def test_print_gives_a4_pages(name: str) -> None:
    _chromium()
    html = _perjanjian_html() if name == "perjanjian" else _capaian_html(DEMO_2024)
    printed = pdf.print_pdf(html)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / f"{name}.pdf").write_bytes(printed)
    boxes = re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", printed)
    assert len(boxes) >= 3  # perjanjian: cover, statement, lampiran at least
    for width, height in boxes:
        assert abs(float(width) - A4_POINTS[0]) < 2 and abs(float(height) - A4_POINTS[1]) < 2


def test_two_prints_of_the_same_data_are_the_same_bytes(tmp_path: Path) -> None:
    """Chromium stamps each PDF with the time of printing; pk fixes those dates in place."""
    _chromium()
    html = _capaian_html(DEMO_2024)
    first = pdf.print_pdf(html)
    time.sleep(1.1)  # Chromium's dates count whole seconds
    second = pdf.print_pdf(html)
    assert first == second
    assert (
        re.findall(rb"/(?:CreationDate|ModDate) \(([^)]*)\)", first)
        == [b"D:20000101000000+00'00'"] * 2
    )
    # The offsets of the cross-reference table still point at their objects.
    xref = int(re.findall(rb"startxref\s+(\d+)", first)[-1])
    assert first[xref : xref + 4] == b"xref"
    entries = first[xref:].split(b"trailer")[0].splitlines()[2:]  # after `xref` and `0 N`
    for number, entry in enumerate(entries):
        offset, _generation, kind = entry.split()
        if kind == b"n":
            start = int(offset)
            assert first[start : start + 20].startswith(b"%d 0 obj" % number), number


def test_two_runs_of_the_lkjip_pdf_are_the_same_bytes(tmp_path: Path) -> None:
    """The whole LKjIP of the multi-year example, through `pk report`, twice: the same file."""
    _chromium()
    printed = []
    for run in ("satu", "dua"):
        out = tmp_path / run
        result = CliRunner().invoke(
            app, ["report", str(RENSTRA_2027), "-d", "lkjip", "-f", "pdf", "-o", str(out)]
        )
        assert result.exit_code == 0, result.output
        printed.append((out / "lkjip.pdf").read_bytes())
        time.sleep(1.1)  # Chromium's dates count whole seconds
    assert printed[0].startswith(b"%PDF") and printed[0] == printed[1]


def test_perbandingan_opens_cleanly_and_its_chart_is_visible(browser: Any, tmp_path: Path) -> None:
    from pk.capaian import compute_workspace
    from pk.load.workspace import load_workspace

    workspace = load_workspace(NTB_2024)
    assert workspace.workspace is not None
    result = compute_workspace(workspace, "tahunan", progress=False)
    html = rp.render(
        build_perbandingan(result, workspace.workspace.tahun),
        Dokumen.PERBANDINGAN,
        ReportFormat.HTML,
    )
    watched = Watched(browser, _write(tmp_path, html, "perbandingan.html"))
    assert [c for c in watched.console if c.startswith(("error", "warning"))] == []
    assert watched.errors == [] and watched.requests == []
    assert watched.page.evaluate("document.scripts.length") == 0
    assert watched.page.locator("#tabel-unit tbody tr").count() == len(workspace.units) == 11
    chart = watched.page.locator("#grafik-unit")
    assert chart.is_visible()
    box = chart.bounding_box()
    assert box is not None and box["width"] > 300 and box["height"] > 50
    assert watched.page.locator("#grafik-unit g.batang").count() == 11
    drawn = [
        b
        for b in watched.page.locator("#grafik-unit g.batang rect").all()
        if (b.bounding_box() or {}).get("width", 0) > 0
    ]
    assert len(drawn) == 11  # every unit has an average above 0%
    _screenshot(watched.page, "perbandingan-grafik-unit.png", "#grafik-unit")
    _screenshot(watched.page, "perbandingan-ntb-2024.png")
    watched.page.close()
