"""`pk report --format docx`: the HTML report walked into a Word document an office edits.

The core tests read the .docx back with python-docx (no LibreOffice needed); the last ones
convert it with LibreOffice headless and read the PDF's text and pages with pdftotext, as an
office opening the file would see it. In CI (CI=true) a missing soffice or pdftotext fails
those; on a developer's machine they skip with the reason.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pytest
from conftest import DATA_2024, ROOT, SEED
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from reporthelp import indonesian, read_seed

from pk import report
from pk.load.year import load_year
from pk.render import templates as rp
from pk.render.docx import FIXED_TIME, REFERENCE_DOCX, html_to_docx
from pk.vocab import Dokumen, ReportFormat

DEMO_2024 = ROOT / "examples" / "demo-2024"
NTB_2024 = ROOT / "examples" / "ntb-2024"


def _docx(
    folder: Path = DATA_2024, dokumen: Dokumen = Dokumen.PERJANJIAN, templates: Path | None = None
) -> bytes:
    if dokumen is Dokumen.PERBANDINGAN:
        context = report.perbandingan(folder)[0]
        return rp.render_bytes(context, dokumen, ReportFormat.DOCX, templates)
    loaded = load_year(folder)
    assert loaded.ok, loaded.diagnostics
    return rp.render_bytes(report.context_for(loaded), dokumen, ReportFormat.DOCX, templates)


def _open(data: bytes) -> docx.document.Document:
    return docx.Document(io.BytesIO(data))


def _all_text(document: docx.document.Document) -> str:
    """Every paragraph of the body and of every table cell, one line each."""
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            lines += [cell.text for cell in row.cells]
    return "\n".join(lines)


def _table(document: docx.document.Document, heading: str) -> docx.table.Table:
    """The table whose first row has a cell reading `heading`."""
    return next(t for t in document.tables if heading in [c.text for c in t.rows[0].cells])


@pytest.fixture(scope="module")
def perjanjian() -> docx.document.Document:
    return _open(_docx())


def test_the_lampiran_holds_every_indicator_with_its_target(perjanjian) -> None:  # type: ignore[no-untyped-def]
    seed = read_seed(SEED)
    lampiran = _table(perjanjian, "INDIKATOR KINERJA")
    rows = [[c.text for c in row.cells] for row in lampiran.rows[1:]]
    assert len(rows) == len(seed.indikator) == 60
    for (name, target), cells in zip(seed.indikator, rows, strict=True):
        assert cells[2] == name
        assert cells[3] == (indonesian(target) if target else "—")


def test_both_parties_the_date_and_the_three_amounts(perjanjian) -> None:  # type: ignore[no-untyped-def]
    seed = read_seed(SEED)
    text = _all_text(perjanjian)
    for nama in seed.pihak:
        assert nama in text  # in the statement
        assert nama.upper() in text  # under the signature
    assert seed.tempat_tanggal in text
    anggaran = _table(perjanjian, "ANGGARAN")
    assert [row.cells[-1].text for row in anggaran.rows[1:]] == seed.amounts
    assert anggaran.rows[-1].cells[0].text == "JUMLAH"  # colspan=2: one merged cell
    assert anggaran.rows[-1].cells[0]._tc is anggaran.rows[-1].cells[1]._tc
    # A paragraph between the lampiran's two tables: one after the other Word joins them.
    previous = anggaran._tbl.getprevious()
    assert previous.tag == qn("w:p")


def test_headings_are_word_headings_kept_with_what_follows(perjanjian) -> None:  # type: ignore[no-untyped-def]
    headings = [
        (p.style.name, p.text) for p in perjanjian.paragraphs if p.style.name.startswith("Heading")
    ]
    assert ("Heading 1", "KOMISI PEMILIHAN UMUM PROVINSI NUSA TENGGARA BARAT") in headings
    assert ("Heading 2", "PERJANJIAN KINERJA TAHUN 2024") in headings
    assert all(
        p.paragraph_format.keep_with_next
        for p in perjanjian.paragraphs
        if p.style.name.startswith("Heading")
    )
    # Each page of the HTML (cover, statement, lampiran) starts a page.
    breaks = [p.text for p in perjanjian.paragraphs if p.paragraph_format.page_break_before]
    assert breaks == [
        "KOMISI PEMILIHAN UMUM PROVINSI NUSA TENGGARA BARAT",
        "PERJANJIAN KINERJA TAHUN 2024\nSEKRETARIS KPU PROVINSI NTB",
    ]


def test_tables_repeat_their_header_and_keep_rows_whole(perjanjian) -> None:  # type: ignore[no-untyped-def]
    lampiran = _table(perjanjian, "INDIKATOR KINERJA")
    assert lampiran.rows[0].cells[1].text == "SASARAN STRATEGIS"
    properties = [row._tr.trPr for row in lampiran.rows]
    assert properties[0].find(qn("w:tblHeader")) is not None
    assert all(p.find(qn("w:tblHeader")) is None for p in properties[1:])
    assert all(p.find(qn("w:cantSplit")) is not None for p in properties)
    # The sasaran cell spans its indicators (rowspan), as in the HTML.
    first = lampiran.rows[2].cells[1]
    assert first._tc is lampiran.rows[3].cells[1]._tc
    assert first.text.startswith("Tersusunnya rancangan peraturan")


def test_a4_with_the_html_margins_and_its_footer(perjanjian) -> None:  # type: ignore[no-untyped-def]
    section = perjanjian.sections[0]
    assert (section.page_width.mm, section.page_height.mm) == pytest.approx((210, 297), abs=0.1)
    assert section.left_margin.mm == pytest.approx(20, abs=0.1)
    footer = section.footer.paragraphs[0]
    assert footer.text.startswith("Perjanjian Kinerja Tahun 2024 · PK awal\tHalaman 1 dari 1")
    instructions = [t.text for t in footer._p.iter(qn("w:instrText"))]
    assert instructions == [" PAGE ", " NUMPAGES "]


def test_same_data_same_bytes(tmp_path: Path) -> None:
    """Two runs in fresh processes, seconds apart, write the same .docx: fixed core dates and
    zip entry times."""
    outputs = []
    for n, seed_value in enumerate(("1", "2")):
        out = tmp_path / f"run{n}"
        subprocess.run(
            [sys.executable, "-m", "pk", "report", str(DEMO_2024), "-f", "docx", "-o", str(out)],
            check=True,
            env={**os.environ, "PYTHONHASHSEED": seed_value},
            capture_output=True,
        )
        outputs.append({p.name: p.read_bytes() for p in sorted(out.iterdir())})
    assert set(outputs[0]) == {"perjanjian.docx", "capaian.docx"}
    assert outputs[0] == outputs[1]
    with zipfile.ZipFile(io.BytesIO(outputs[0]["capaian.docx"])) as archive:
        assert {i.date_time for i in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        assert archive.namelist()[0] == "[Content_Types].xml"
    core = _open(outputs[0]["capaian.docx"]).core_properties
    assert core.created == core.modified == FIXED_TIME
    assert core.title.startswith("Capaian Kinerja Tahun 2024")


def test_capaian_and_perbandingan_carry_their_tables_and_charts() -> None:
    capaian = _open(_docx(DEMO_2024, Dokumen.CAPAIAN))
    text = _all_text(capaian)
    assert (
        "CONTOH FIKTIF" in text and "CONTOH FIKTIF" in capaian.sections[0].footer.paragraphs[0].text
    )
    assert "B. Capaian per Sasaran Strategis" in [p.text for p in capaian.paragraphs]
    # The chart as its title and a table of its bars, label and figure.
    chart = [p for p in capaian.paragraphs if p.text == "Rata-rata capaian per sasaran (tahunan)"]
    assert chart and chart[0].paragraph_format.keep_with_next
    bars = next(t for t in capaian.tables if t.rows[0].cells[0].text.startswith("SS-01 "))
    assert bars.rows[0].cells[1].text == "100,00%"
    # It ends, as the HTML does, with the head of unit's signature: place and date, position,
    # the room to sign (an empty paragraph of its own style), the name.
    last = [(p.style.name, p.text) for p in capaian.paragraphs[-4:]]
    assert last[0] == ("ttd-laporan", "Mataram, 15 Januari 2025")
    assert last[2] == ("ttd-laporan ruang", "")
    assert last[3] == ("ttd-laporan", "Mars Ansori Wijaya")
    assert capaian.paragraphs[-1].runs[0].style.name == "ttd-laporan nama"
    perbandingan = _all_text(_open(_docx(NTB_2024, Dokumen.PERBANDINGAN)))
    assert "PERBANDINGAN CAPAIAN KINERJA UNIT TAHUN 2024" in perbandingan
    assert "A. Capaian per Unit" in perbandingan


def _office_reference(path: Path) -> Path:
    """An office's Word file: wide left margin for binding, a kop in the header, its own
    look for the place and date, and a body pk must not keep."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm, Pt

    document = docx.Document()
    section = document.sections[0]
    section.left_margin = Mm(40)
    section.header.paragraphs[0].text = "KOP: KOMISI PEMILIHAN UMUM, JALAN UDAYANA 12"
    style = document.styles.add_style("tempat-tanggal", 1)
    style.font.size = Pt(15)
    style.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT
    document.add_paragraph("Isi contoh yang diganti pk")
    document.save(str(path))
    return path


def test_built_on_the_office_reference(tmp_path: Path) -> None:
    _office_reference(tmp_path / REFERENCE_DOCX)
    built = _open(_docx(templates=tmp_path))
    section = built.sections[0]
    assert section.left_margin.mm == pytest.approx(40, abs=0.1)
    assert section.header.paragraphs[0].text.startswith("KOP: KOMISI PEMILIHAN UMUM")
    text = _all_text(built)
    assert "Isi contoh yang diganti pk" not in text and "PERJANJIAN KINERJA" in text
    place = next(p for p in built.paragraphs if p.text == "Mataram, 10 Juni 2024")
    assert place.style.name == "tempat-tanggal"
    assert place.style.font.size.pt == 15  # the office's style, not pk's default


def test_a_bad_reference_is_named(tmp_path: Path) -> None:
    (tmp_path / REFERENCE_DOCX).write_bytes(b"not a zip")
    with pytest.raises(rp.ReportError, match=REFERENCE_DOCX):
        _docx(templates=tmp_path)


def test_landscape_sections_spans_and_escaping() -> None:
    html = (
        "<html><head><title>t</title></head><body>"
        '<section class="halaman"><h1>Satu</h1><p>a &lt;b&gt; <b>tebal</b><br>baris</p></section>'
        '<section class="halaman lanskap"><h2>Lebar</h2><table class="data">'
        '<thead><tr><th rowspan="2">NO</th><th colspan="2">NILAI</th></tr>'
        "<tr><th>A</th><th>B</th></tr></thead>"
        "<tbody><tr><td>1.</td><td>x</td><td>y</td></tr></tbody></table></section>"
        '<section class="halaman"><p>kembali</p></section></body></html>'
    )
    document = _open(html_to_docx(html))
    assert [s.orientation for s in document.sections] == [
        WD_ORIENT.PORTRAIT,
        WD_ORIENT.LANDSCAPE,
        WD_ORIENT.PORTRAIT,
    ]
    wide = document.sections[1]
    assert wide.page_width > wide.page_height
    assert document.paragraphs[1].text == "a <b> tebal\nbaris"
    assert [r.bold for r in document.paragraphs[1].runs if r.text == "tebal"] == [True]
    table = document.tables[0]
    assert [c.text for c in table.rows[0].cells] == ["NO", "NILAI", "NILAI"]
    assert [c.text for c in table.rows[1].cells] == ["NO", "A", "B"]
    assert [c.text for c in table.rows[2].cells] == ["1.", "x", "y"]
    header = [row._tr.trPr.find(qn("w:tblHeader")) is not None for row in table.rows]
    assert header == [True, True, False]


# --- through LibreOffice ------------------------------------------------------------------


def _tool(name: str, package: str) -> str:
    path = shutil.which(name)
    if path is None:
        reason = (
            f"{name} is not installed: `make test` installs the Debian package {package} "
            f"when run as root (apt-get install -y {package})"
        )
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    return path


def _pages(pdf: Path, *options: str) -> list[str]:
    """The text of each page of `pdf`, as pdftotext reads it."""
    pdftotext = _tool("pdftotext", "poppler-utils")
    text = subprocess.run(
        [pdftotext, *options, str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    return text.split("\f")[:-1] if text.endswith("\f") else text.split("\f")


@pytest.fixture(scope="module")
def converted(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[str]]:
    """The perjanjian DOCX of data/2024 printed by LibreOffice: its pages' text in reading
    order (`flow`) and as laid out on the page (`layout`: a line of a cell stays whole)."""
    soffice = _tool("soffice", "libreoffice-writer-nogui")
    work = tmp_path_factory.mktemp("soffice")
    source = work / "perjanjian.docx"
    source.write_bytes(_docx())
    subprocess.run(
        [soffice, "--headless", "--convert-to", "pdf", "--outdir", str(work), str(source)],
        check=True,
        capture_output=True,
        timeout=180,
        env={**os.environ, "HOME": str(work)},  # a profile of its own, never the user's
    )
    pdf = work / "perjanjian.pdf"
    return {"flow": _pages(pdf), "layout": _pages(pdf, "-layout")}


def test_libreoffice_opens_it_with_every_indicator_party_date_and_amount(converted) -> None:  # type: ignore[no-untyped-def]
    seed = read_seed(SEED)
    words = " ".join(converted["flow"]).split()
    # pdftotext reads a row's cells line by line in turn, so a cell's words come in their
    # order with the neighbouring cells' lines between them: the indicators, in the
    # lampiran's order, are a subsequence of the words of the PDF, and so are the targets.
    names, targets = iter(words), iter(words)
    for name, target in seed.indikator:
        assert all(word in names for word in name.split()), name
        if target:
            assert all(word in targets for word in indonesian(target).split()), target
    laid_out = "\n".join(converted["layout"])
    for nama in seed.pihak:
        assert nama.upper() in laid_out
    assert seed.tempat_tanggal in laid_out
    for amount in seed.amounts:
        assert amount in laid_out


def test_libreoffice_pages_follow_the_html(converted) -> None:  # type: ignore[no-untyped-def]
    pages = converted["layout"]
    # The cover alone on its page; the statement on the next; the lampiran after them.
    assert "PERJANJIAN KINERJA" in pages[0] and "Dalam rangka" not in pages[0]
    assert "Dalam rangka" in pages[1] and "SASARAN STRATEGIS" not in pages[1]
    assert "SEKRETARIS KPU PROVINSI NTB" in pages[2]
    # Every page of the lampiran's table starts with its header row, and says its number.
    lampiran = [p for p in pages if "Persentase" in p or "Jumlah" in p]
    assert len(lampiran) >= 2
    assert all("INDIKATOR" in page and "TARGET" in page for page in lampiran)
    total = len(pages)
    assert all(f"Halaman {n} dari {total}" in page for n, page in enumerate(pages, 1))


def test_lists_nest_and_each_numbered_list_counts_from_one() -> None:
    html = (
        "<head><style>ol.daftar-isi, ol.daftar-isi ol { list-style: none; }</style></head>"
        "<body><ol><li>satu</li><li>dua<ol><li>dua-a</li></ol></li></ol>"
        "<ul><li>butir</li></ul><ol><li>lagi</li></ol>"
        '<ol class="daftar-isi"><li>Bab I<ol><li>A. Bagian</li></ol></li></ol></body>'
    )
    document = _open(html_to_docx(html))
    shown = [(p.style.name, p.text) for p in document.paragraphs]
    assert shown == [
        ("List Number", "satu"),
        ("List Number", "dua"),
        ("List Number 2", "dua-a"),
        ("List Bullet", "butir"),
        ("List Number", "lagi"),
        ("daftar-isi", "Bab I"),
        ("daftar-isi", "A. Bagian"),
    ]

    def num_id(paragraph: docx.text.paragraph.Paragraph) -> str | None:
        found = paragraph._p.find(f"{qn('w:pPr')}/{qn('w:numPr')}/{qn('w:numId')}")
        return None if found is None else found.get(qn("w:val"))

    ids = [num_id(p) for p in document.paragraphs]
    # One numbering for the first list, another (from 1 again) for the last; none where the
    # CSS prints the list without markers (the daftar isi).
    assert ids[0] == ids[1] and ids[0] is not None and ids[4] not in (None, ids[0])
    assert ids[5] is None and ids[6] is None
    assert document.paragraphs[6].paragraph_format.left_indent.pt == 18
