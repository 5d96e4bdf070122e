"""The kop (bentuk.kop: logo and address lines) heads every built-in document that carries
one: the PK's statement, the capaian report, the LKjIP's cover (templates/_kop.*.j2)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import ROOT

from pk import report
from pk.load.year import load_year
from pk.render import templates as rp
from pk.vocab import Dokumen, ReportFormat

EXAMPLE = ROOT / "examples" / "renstra-contoh" / "data"
LOGO = ROOT / "tests" / "cases" / "valid" / "bentuk-pemerintah-daerah" / "kop" / "logo.svg"
KOP = (
    "bentuk:\n"
    "  kop:\n"
    "    logo: ../../kop/logo.svg\n"
    "    baris: [KOMISI PEMILIHAN UMUM KABUPATEN CONTOH, 'Jalan Contoh <No. 1>']\n"
)
HEADED = {Dokumen.PERJANJIAN: "pernyataan", Dokumen.CAPAIAN: "capaian", Dokumen.LKJIP: "sampul"}
"""Each document and the page the kop heads: the statement, the report's first, the cover."""
DOCUMENTS = tuple(HEADED)


@pytest.fixture(scope="module")
def with_kop(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("kop")
    shutil.copytree(EXAMPLE, root / "data")
    (root / "kop").mkdir()
    shutil.copy(LOGO, root / "kop" / "logo.svg")
    year = root / "data" / "2027"
    with (year / "perjanjian.yaml").open("a", encoding="utf-8") as file:
        file.write(KOP)
    assert not [d for d in load_year(year).diagnostics if d.code == "kop-logo"]
    return year


def _render(folder: Path, dokumen: Dokumen, fmt: ReportFormat) -> str:
    return rp.render(report.context_for(load_year(folder)), dokumen, fmt)


@pytest.mark.parametrize("dokumen", DOCUMENTS, ids=[d.value for d in DOCUMENTS])
def test_each_document_prints_the_kop_of_the_data(with_kop: Path, dokumen: Dokumen) -> None:
    html = _render(with_kop, dokumen, ReportFormat.HTML)
    assert html.count('<div class="kop"><img src="data:image/svg+xml;base64,') == 1
    assert "<div>Jalan Contoh &lt;No. 1&gt;</div>" in html and ".kop img {" in html
    page = html.split(f'id="{HEADED[dokumen]}">', 1)[1]
    assert page.lstrip().startswith('<div class="kop">')
    md = _render(with_kop, dokumen, ReportFormat.MD)
    assert md.count("KOMISI PEMILIHAN UMUM KABUPATEN CONTOH<br>Jalan Contoh \\<No. 1\\>") == 1


@pytest.mark.parametrize("dokumen", DOCUMENTS, ids=[d.value for d in DOCUMENTS])
def test_without_a_kop_no_document_prints_one(dokumen: Dokumen) -> None:
    html = _render(EXAMPLE / "2027", dokumen, ReportFormat.HTML)
    assert 'class="kop"' not in html and ".kop" not in html
