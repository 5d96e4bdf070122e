"""The whole LKjIP (`pk report --dokumen lkjip`): its structure (PermenPANRB 53/2014), the
narrative chapters from lkjip/*.md rendered through a small Markdown subset that no chapter
can turn into markup, the Renstra in short, the APIP's review, and the Lampiran."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from conftest import DATA_2024, ROOT
from typer.testing import CliRunner

from pk import report
from pk.cli import app
from pk.load.year import load_year
from pk.render import narasi
from pk.render import templates as rp
from pk.vocab import Dokumen, ReportFormat

RENSTRA_2027 = ROOT / "examples" / "renstra-contoh" / "data" / "2027"
HOSTILE = (
    "# Judul <img src=x onerror=alert(1)>\n"
    "Teks **tebal** dan *miring* <script>alert(1)</script> [klik](javascript:alert(1))\n"
    "![gambar](http://example.invalid/x.png) | sel | `kode` \x1b[2J\n"
    "\n"
    "- butir <b>satu</b>\n"
    "  lanjutan\n"
    "3. tiga\n"
)


def _render(folder: Path, fmt: ReportFormat) -> str:
    return rp.render(report.context_for(load_year(folder)), Dokumen.LKJIP, fmt)


def test_subset_renders_headings_lists_and_emphasis_and_nothing_else() -> None:
    html = narasi.to_html(HOSTILE)
    assert html.splitlines() == [
        "<h2>Judul &lt;img src=x onerror=alert(1)&gt;</h2>",
        "<p>Teks <b>tebal</b> dan <i>miring</i> &lt;script&gt;alert(1)&lt;/script&gt; "
        "[klik](javascript:alert(1)) ![gambar](http://example.invalid/x.png) | sel | "
        "`kode` \\x1b[2J</p>",
        "<ul>",
        "<li>butir &lt;b&gt;satu&lt;/b&gt; lanjutan</li>",
        "</ul>",
        '<ol start="3">',
        "<li>tiga</li>",
        "</ol>",
    ]
    assert not re.search(r"<(?!/?(h2|p|b|i|ul|ol|li)[ >])", html)


def test_subset_in_markdown_escapes_everything_but_itself() -> None:
    text = narasi.to_md(HOSTILE)
    assert text.splitlines() == [
        "## Judul \\<img src=x onerror=alert(1)\\>",
        "",
        "Teks **tebal** dan *miring* \\<script\\>alert(1)\\</script\\> "
        "\\[klik\\](javascript:alert(1)) !\\[gambar\\](http://example.invalid/x.png) \\| sel "
        "\\| \\`kode\\` \\\\x1b\\[2J",
        "",
        "- butir \\<b\\>satu\\</b\\> lanjutan",
        "",
        "3. tiga",
    ]


def test_the_lkjip_follows_the_structure_of_permenpanrb_53_2014() -> None:
    html = _render(RENSTRA_2027, ReportFormat.HTML)
    titles = [
        re.sub(r"<br>|\s+", " ", t).strip() for t in re.findall(r"<h1>(.*?)</h1>", html, re.S)
    ]
    assert titles == [
        "KATA PENGANTAR",
        "IKHTISAR EKSEKUTIF",
        "DAFTAR ISI",
        "BAB I PENDAHULUAN",
        "BAB II PERENCANAAN KINERJA",
        "BAB III AKUNTABILITAS KINERJA",
        "BAB IV PENUTUP",
        "PERNYATAAN TELAH DIREVIU KOMISI PEMILIHAN UMUM KABUPATEN CONTOH (CONTOH FIKTIF) "
        "TAHUN 2027",
        "LAMPIRAN",
    ]
    # Bab II A: the Renstra's ten indicators over its five years; Bab III A: every sasaran's
    # table with the four comparisons; the Lampiran: the PK and the Pengukuran Kinerja.
    renstra = html.split('id="tabel-renstra"')[1].split("</table>")[0]
    assert renstra.count("<tr data-indikator=") == 10
    assert all(f"<th>{y}</th>" in renstra for y in range(2025, 2030))
    for sasaran in ("SS-01", "SS-02", "SS-03"):
        assert f'id="perbandingan-{sasaran}"' in html
    for table in ("tabel-kinerja", "tabel-pengukuran"):
        body = html.split(f'id="{table}"')[1].split("</table>")[0]
        assert body.count("<tr data-indikator=") == 10, table
    # The chapters come from lkjip/*.md; Bab IV ends with the head of unit's signature.
    assert "<h2>B. Tugas dan Fungsi</h2>" in html
    penutup = html.split('id="bab-4"')[1].split("</section>")[0]
    assert penutup.rstrip().endswith("</div>")
    assert '<div class="nama">Budi Santoso (fiktif)</div>' in penutup
    reviu = html.split('id="reviu"')[1].split("</section>")[0]
    assert "25 Januari 2028" in reviu and "NIP. 198001012005012001" in reviu
    assert "LHR-07/IU/I/2028 (fiktif) (Inspektorat Utama KPU (fiktif))" in reviu


def test_without_chapters_review_or_renstra_it_says_what_is_missing() -> None:
    """data/2024 has no lkjip/ folder, no review and no Renstra: the required chapters are
    marked not yet written, the Renstra cannot be summarised, and no review page is made."""
    for fmt in (ReportFormat.HTML, ReportFormat.MD):
        text = _render(DATA_2024, fmt)
        for name in ("kata-pengantar", "ikhtisar-eksekutif", "bab-1", "bab-4"):
            assert f"Bagian ini belum ditulis (berkas lkjip/{name}.md)." in text
        assert "Ringkasan Renstra tidak dapat disajikan: tidak ada Renstra" in text
        assert "PERNYATAAN TELAH DIREVIU" not in text
        assert "CONTOH FIKTIF" not in text


def test_a_hostile_chapter_stays_text_in_every_format(tmp_path: Path) -> None:
    year = tmp_path / "2024"
    shutil.copytree(DATA_2024, year)
    (year / "lkjip").mkdir()
    (year / "lkjip" / "bab-1.md").write_text(HOSTILE, encoding="utf-8")
    html = _render(year, ReportFormat.HTML)
    bab = html.split('id="bab-1"')[1].split("</section>")[0]
    assert "<script" not in bab and "<img" not in bab and "<a " not in bab
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in bab
    assert "\x1b" not in html
    md = _render(year, ReportFormat.MD)
    assert "<script>" not in md and "\\<script\\>" in md


def test_cli_writes_the_lkjip(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        app,
        ["report", str(RENSTRA_2027), "-d", "lkjip", "-f", "md", "-f", "html", "-o", str(tmp_path)],
    )
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["lkjip.html", "lkjip.md"]
    assert (
        (tmp_path / "lkjip.md")
        .read_text(encoding="utf-8")
        .startswith("# LAPORAN KINERJA INSTANSI PEMERINTAH TAHUN 2027")
    )
