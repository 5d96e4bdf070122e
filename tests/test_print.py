"""The printed reports, read back page by page: poppler's pdftotext on Chromium's PDF.

A heading is never left at the foot of a page apart from its table, and no table runs past
the page's margins. pdftotext is Debian's `poppler-utils`, which the Makefile installs with
Chromium; under CI=true a missing tool fails, elsewhere these tests skip.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from functools import cache
from pathlib import Path

import pytest
from conftest import ROOT

from pk import report
from pk.load.year import load_year
from pk.render import pdf
from pk.render import templates as rp
from pk.vocab import Dokumen, ReportFormat

DEMO_2024 = ROOT / "examples" / "demo-2024"
RENSTRA_2027 = ROOT / "examples" / "renstra-contoh" / "data" / "2027"
MM = 72 / 25.4
MARGIN_LEFT, MARGIN_RIGHT, MARGIN_BOTTOM = 20 * MM, 18 * MM, 20 * MM
"""The page margins of templates/_base.html.j2 (@page), in points."""


def _need(tool: str | None, what: str) -> str:
    if tool is None:
        reason = f"{what} is not installed: `make test` installs it when run as root"
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    return tool


@cache
def _printed(folder: Path, dokumen: Dokumen) -> bytes:
    _need(pdf.find_chromium(), "Chromium")
    html = rp.render(report.context_for(load_year(folder)), dokumen, ReportFormat.HTML)
    return pdf.print_pdf(html)


def _pdftotext(data: bytes, tmp_path: Path, *options: str) -> str:
    tool = _need(shutil.which("pdftotext"), "pdftotext (Debian package poppler-utils)")
    source = tmp_path / "report.pdf"
    source.write_bytes(data)
    done = subprocess.run(
        [tool, *options, str(source), "-"], capture_output=True, check=True, timeout=60
    )
    return done.stdout.decode("utf-8")


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_no_sasaran_heading_is_left_at_the_foot_of_a_page(tmp_path: Path) -> None:
    """Each sasaran's heading, its summary line and the first row of its table share a page
    (the demo's 18 pages left 7 headings alone before the print CSS kept them together)."""
    perjanjian = load_year(DEMO_2024).perjanjian
    assert perjanjian is not None
    pages = _pdftotext(_printed(DEMO_2024, Dokumen.CAPAIAN), tmp_path, "-layout").split("\f")
    assert len(pages) > 10
    checked = 0
    for kelompok in perjanjian.kelompok:
        for sasaran in kelompok.sasaran:
            summary = f"Kelompok {kelompok.no} · {sasaran.id} · Rata-rata capaian"
            on = [i for i, page in enumerate(pages) if summary in page]
            assert len(on) == 1, summary
            page = pages[on[0]]
            assert _flat(sasaran.nama) in _flat(page), f"{sasaran.id}: heading not on its page"
            after = page.split(summary, 1)[1]
            assert re.search(r"^\s*1\.\s+\S", after, re.M), f"{sasaran.id}: table on the next page"
            checked += 1
    assert checked == sum(len(k.sasaran) for k in perjanjian.kelompok)


def test_every_part_of_the_lkjip_starts_a_page(tmp_path: Path) -> None:
    """Each chapter of the LKjIP opens its own page, its title at the top."""
    pages = _pdftotext(_printed(RENSTRA_2027, Dokumen.LKJIP), tmp_path).split("\f")
    firsts = [next((line for line in p.splitlines() if line.strip()), "") for p in pages]
    for title in (
        "KATA PENGANTAR",
        "IKHTISAR EKSEKUTIF",
        "DAFTAR ISI",
        "BAB I",
        "BAB II",
        "BAB III",
        "BAB IV",
        "PERNYATAAN TELAH DIREVIU",
        "LAMPIRAN",
    ):
        assert title in firsts, title


def test_no_narrative_label_is_left_at_the_foot_of_a_page(tmp_path: Path) -> None:
    """`Faktor penghambat (IK-07)` and its text are on one page."""
    pages = _pdftotext(_printed(DEMO_2024, Dokumen.CAPAIAN), tmp_path, "-layout").split("\f")
    label = re.compile(r"^(Faktor pendorong|Faktor penghambat|Solusi) \(IK-\d+\)$")
    for number, page in enumerate(pages, start=1):
        lines = [line.strip() for line in page.splitlines() if line.strip()]
        body = lines[:-1]  # the last line is the running footer
        assert not (body and label.match(body[-1])), f"page {number} ends with {body[-1]!r}"


@pytest.mark.parametrize(
    "folder, dokumen",
    [(DEMO_2024, Dokumen.CAPAIAN), (RENSTRA_2027, Dokumen.CAPAIAN), (RENSTRA_2027, Dokumen.LKJIP)],
    ids=["demo-capaian", "renstra-contoh-capaian", "renstra-contoh-lkjip"],
)
def test_tables_fit_the_page(tmp_path: Path, folder: Path, dokumen: Dokumen) -> None:
    """Every word of the body lies between the left and right margins (the widest table is
    the comparison over the years, in the multi-year example)."""
    boxes = _pdftotext(_printed(folder, dokumen), tmp_path, "-bbox")
    width = float(re.findall(r'<page width="([\d.]+)" height="([\d.]+)"', boxes)[0][0])
    height = float(re.findall(r'<page width="([\d.]+)" height="([\d.]+)"', boxes)[0][1])
    words = re.findall(
        r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>',
        boxes,
    )
    body = [w for w in words if float(w[3]) < height - MARGIN_BOTTOM]
    assert len(body) > 500
    slack = 1.5  # a glyph's box reaches a little past its advance
    outside = [
        w[4]
        for w in body
        if float(w[0]) < MARGIN_LEFT - slack or float(w[2]) > width - MARGIN_RIGHT + slack
    ]
    assert outside == []
