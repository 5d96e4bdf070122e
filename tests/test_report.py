"""`pk report`: the perjanjian gives the signed document back, in Markdown and HTML.

The source document (tests/fixtures) is parsed here, not copied into lists, so the check is
"everything the signed PK says is in the report", independent of how pk renders it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import DATA_2024, ROOT, SEED, CompareWithGolden
from reporthelp import html_lampiran, html_tables, indonesian, md_cells, md_table, read_seed
from typer.testing import CliRunner

from pk import files, report
from pk.cli import app
from pk.load.year import load_year
from pk.render import pdf
from pk.render import templates as rp
from pk.render.context import ReportContext
from pk.vocab import Dokumen, Periode, ReportFormat

GOLDEN = ROOT / "tests" / "golden"
DEMO_2024 = ROOT / "examples" / "demo-2024"
NTB_2024 = ROOT / "examples" / "ntb-2024"
# Two more kinds of agency (issue 14): a regional dinas in the pemerintah-daerah form, and a
# KPU kabupaten whose lampiran groups its rows under kegiatan headings.
DINAS_2024 = ROOT / "examples" / "dinas-kominfo-2024"
KPU_KAB_2024 = ROOT / "examples" / "kpu-kab-contoh-2024"


def _context(folder: Path = DATA_2024) -> ReportContext:
    loaded = load_year(folder)
    assert loaded.ok and loaded.perjanjian is not None, loaded.diagnostics
    return report.context_for(loaded)


def _render(fmt: ReportFormat, folder: Path = DATA_2024, templates: Path | None = None) -> str:
    return rp.render(_context(folder), Dokumen.PERJANJIAN, fmt, templates)


def _copy_data(tmp_path: Path, replace: dict[str, str]) -> Path:
    """data/2024 copied into tmp_path/2024 with text replacements in perjanjian.yaml."""
    folder = tmp_path / "2024"
    shutil.copytree(DATA_2024, folder)
    file = folder / "perjanjian.yaml"
    text = file.read_text(encoding="utf-8")
    for old, new in replace.items():
        assert old in text, old
        text = text.replace(old, new)
    file.write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def seed():  # type: ignore[no-untyped-def]
    return read_seed(SEED)


# --- the signed document comes back --------------------------------------------------------


def test_seed_parses_to_sixty_indicators(seed) -> None:  # type: ignore[no-untyped-def]
    assert len(seed.indikator) == 60
    assert len(seed.pihak) == 2
    assert len(seed.amounts) == 3


def test_html_lampiran_has_every_indicator_with_its_target(seed) -> None:  # type: ignore[no-untyped-def]
    rows = html_lampiran(_render(ReportFormat.HTML))
    assert len(rows) == len(seed.indikator)
    for (name, target), (shown_name, shown_target) in zip(seed.indikator, rows, strict=True):
        assert shown_name == name
        assert shown_target == (indonesian(target) if target else "—")


def test_markdown_lampiran_has_every_indicator_with_its_target(seed) -> None:  # type: ignore[no-untyped-def]
    rows = md_table(_render(ReportFormat.MD), "| NO | SASARAN STRATEGIS")
    assert len(rows) == len(seed.indikator)
    for (name, target), cells in zip(seed.indikator, rows, strict=True):
        assert len(cells) == 4, cells
        assert cells[2] == name
        assert cells[3] == (indonesian(target) if target else "—")


@pytest.mark.parametrize("fmt", [ReportFormat.HTML, ReportFormat.MD])
def test_parties_date_and_amounts_appear(seed, fmt: ReportFormat) -> None:  # type: ignore[no-untyped-def]
    text = _render(fmt)
    if fmt is ReportFormat.HTML:
        cells = [c for table in html_tables(text).values() for row in table for _, c in row]
        text = text + "\n".join(cells)
    for nama in seed.pihak:
        assert nama in text
        assert nama.upper() in text  # under the signature
    assert seed.tempat_tanggal in text
    for amount in seed.amounts:
        assert amount in text


def test_budget_table_has_codes_amounts_and_total(seed) -> None:  # type: ignore[no-untyped-def]
    rows = html_tables(_render(ReportFormat.HTML))["tabel-anggaran"]
    texts = [[c for _, c in row] for row in rows]
    assert [row[-1] for row in texts] == seed.amounts
    assert "(076.01.CQ)" in texts[0][1] and "(076.01.WA)" in texts[1][1]
    assert texts[-1][0] == "JUMLAH"


def test_sasaran_cell_spans_its_indicators() -> None:
    html = _render(ReportFormat.HTML)
    context = _context()
    for kelompok in context.perjanjian.kelompok:
        for sasaran in kelompok.sasaran:
            if len(sasaran.indikator) > 1:
                assert f'rowspan="{len(sasaran.indikator)}">{sasaran.nama}</td>' in html


# --- wording lives in data and templates ---------------------------------------------------


def test_labels_come_from_the_data(tmp_path: Path) -> None:
    folder = _copy_data(
        tmp_path,
        {
            "judul_kolom: KEGIATAN": "judul_kolom: PROGRAM",
            "label_jumlah: JUMLAH": "label_jumlah: TOTAL",
        },
    )
    markdown = _render(ReportFormat.MD, folder)
    assert md_table(markdown, "| NO | PROGRAM | ANGGARAN")[-1][1] == "**TOTAL**"
    html = _render(ReportFormat.HTML, folder)
    assert html_tables(html)["tabel-anggaran"][-1][0][1] == "TOTAL"


def test_user_template_overrides_the_builtin(tmp_path: Path) -> None:
    own = tmp_path / "templates"
    own.mkdir()
    (own / "perjanjian.md.j2").write_text(
        "Selanjutnya disebut PIHAK KESATU: {{ perjanjian.pihak_pertama.nama | md }}\n",
        encoding="utf-8",
    )
    assert (
        _render(ReportFormat.MD, templates=own)
        == "Selanjutnya disebut PIHAK KESATU: Mars Ansori Wijaya\n"
    )
    # The HTML template is not overridden, so the built-in one is used.
    assert "PIHAK PERTAMA" in _render(ReportFormat.HTML, templates=own)


@pytest.mark.parametrize(
    "body, line, name",
    [
        ("# {{ perjanjian.tahun }}\n\n{{ alamat_kantor }}\n", 3, "alamat_kantor"),
        ("ok\n{% for row in lampiran %}\n{{ row.indikator.bobot }}\n{% endfor %}\n", 3, "bobot"),
    ],
)
def test_missing_variable_names_template_and_line(
    tmp_path: Path, body: str, line: int, name: str
) -> None:
    own = tmp_path / "kop"
    own.mkdir()
    (own / "perjanjian.md.j2").write_text(body, encoding="utf-8")
    with pytest.raises(rp.ReportError) as err:
        _render(ReportFormat.MD, templates=own)
    assert f"perjanjian.md.j2:{line}:" in str(err.value)
    assert name in str(err.value)


def test_missing_variable_through_the_cli_exits_1_without_traceback(tmp_path: Path) -> None:
    own = tmp_path / "kop"
    own.mkdir()
    (own / "perjanjian.html.j2").write_text("<p>\n{{ kop_surat }}</p>\n", encoding="utf-8")
    result = CliRunner().invoke(
        app,
        [
            "report",
            str(DATA_2024),
            "--format",
            "html",
            "--templates",
            str(own),
            "--output",
            str(tmp_path / "o"),
        ],
    )
    assert result.exit_code == 1
    assert "perjanjian.html.j2:2:" in result.output and "kop_surat" in result.output
    assert "Traceback" not in result.output
    assert not (tmp_path / "o").exists()


# --- escaping --------------------------------------------------------------------------------

HOSTILE = "<script>alert(1)</script> a|b *c* _d_ [e](f) `g` \\h & 1. i"
FIRST_INDIKATOR = (
    "nama: Persentase satker yang mendistribusikan logistik Pemilu/Pemilihan "
    "secara tepat sasaran, tepat jumlah, tepat jenis, tepat mutu dan tepat waktu"
)


@pytest.fixture
def hostile_data(tmp_path: Path) -> Path:
    quoted = HOSTILE.replace("\\", "\\\\").replace('"', '\\"')
    return _copy_data(
        tmp_path,
        {
            FIRST_INDIKATOR: f'nama: "{quoted}"',
            "nama: Mars Ansori Wijaya": 'nama: "Mars <b>|</b> Wijaya"',
            "    Provinsi Nusa Tenggara Barat\npihak_kedua:": "    Provinsi </td><script>x()</script>\npihak_kedua:",
            "label_jumlah: JUMLAH": "label_jumlah: JUMLAH | TOTAL",
        },
    )


def test_html_escapes_all_data_text(hostile_data: Path) -> None:
    html = _render(ReportFormat.HTML, hostile_data)
    assert "<script" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert html_lampiran(html)[0][0] == " ".join(HOSTILE.split())
    assert "Mars &lt;b&gt;|&lt;/b&gt; Wijaya" in html


def test_markdown_escapes_cells(hostile_data: Path) -> None:
    markdown = _render(ReportFormat.MD, hostile_data)
    rows = md_table(markdown, "| NO | SASARAN STRATEGIS")
    assert all(len(row) == 4 for row in rows)
    assert rows[0][2] == HOSTILE
    assert "<script>" not in markdown and "\\<script\\>" in markdown
    total = md_table(markdown, "| NO | KEGIATAN")[-1]
    assert len(total) == 3 and total[1] == "**JUMLAH | TOTAL**"
    signatures = next(line for line in markdown.splitlines() if line.startswith("| Ketua Komisi"))
    assert len(md_cells(signatures)) == 2


def test_css_string_cannot_break_out() -> None:
    out = str(rp.FILTERS["css_string"]('PK "a"; } </style><script>x</script> \\'))
    assert out.startswith('"') and out.endswith('"')
    inner = out[1:-1]
    assert not any(ch in inner for ch in '"<>;{}') and "\\5c " in inner


# --- golden files, determinism -----------------------------------------------------------------

# The newest year of the multi-year example, with every comparison (its golden folder is
# named for the example: a bare 2027 would read as a year of data/).
RENSTRA_2027 = ROOT / "examples" / "renstra-contoh" / "data" / "2027"
# After TW2 the capaian report has its "Indikator berisiko" section (pk.compute.proyeksi).
GOLDEN_CASES = [
    (folder, golden, dokumen, fmt, periode)
    for folder, golden, documents, periode in (
        (DATA_2024, "2024", (Dokumen.PERJANJIAN, Dokumen.CAPAIAN), Periode.TAHUNAN),
        (DEMO_2024, "demo-2024", (Dokumen.CAPAIAN,), Periode.TAHUNAN),
        (RENSTRA_2027, "renstra-contoh-2027", (Dokumen.CAPAIAN, Dokumen.LKJIP), Periode.TAHUNAN),
        (RENSTRA_2027, "renstra-contoh-2027-tw2", (Dokumen.CAPAIAN,), Periode.TW2),
        (DINAS_2024, "dinas-kominfo-2024", (Dokumen.PERJANJIAN, Dokumen.CAPAIAN), Periode.TAHUNAN),
        (
            KPU_KAB_2024,
            "kpu-kab-contoh-2024",
            (Dokumen.PERJANJIAN, Dokumen.CAPAIAN),
            Periode.TAHUNAN,
        ),
    )
    for dokumen in documents
    for fmt in (ReportFormat.MD, ReportFormat.HTML)
]


@pytest.mark.parametrize(
    "folder, golden, dokumen, fmt, periode",
    GOLDEN_CASES,
    ids=[f"{g}-{d.value}-{m.value}" for _f, g, d, m, _p in GOLDEN_CASES],
)
def test_golden(
    folder: Path,
    golden: str,
    dokumen: Dokumen,
    fmt: ReportFormat,
    periode: Periode,
    compare_with_golden: CompareWithGolden,
) -> None:
    text = rp.render(report.context_for(load_year(folder), periode=periode), dokumen, fmt)
    compare_with_golden(text, GOLDEN / golden / rp.output_name(dokumen, fmt))


@pytest.mark.parametrize("folder", [DINAS_2024, KPU_KAB_2024], ids=lambda f: f.name)
def test_the_other_agencies_validate_clean_and_render_with_the_built_in_templates(
    folder: Path,
) -> None:
    """Must show (issue 14): each validates with no finding at all, and its perjanjian renders
    from the built-in templates alone (the goldens above hold the pages)."""
    result = CliRunner().invoke(app, ["--lang", "en", "validate", str(folder), "--strict"])
    assert result.exit_code == 0 and result.output.startswith("No problems found"), result.output
    for fmt in ("md", "html"):
        result = CliRunner().invoke(
            app, ["report", str(folder), "-d", "perjanjian", "-f", fmt, "-o", "-"]
        )
        assert result.exit_code == 0, result.output
        assert "CONTOH FIKTIF" in result.output


@pytest.mark.parametrize(
    "folder, documents",
    [
        (DATA_2024, {"perjanjian", "capaian"}),
        (DEMO_2024, {"perjanjian", "capaian"}),
        (NTB_2024, {"perbandingan"}),
    ],
    ids=["2024", "demo-2024", "ntb-2024"],
)
def test_two_runs_give_identical_bytes(tmp_path: Path, folder: Path, documents: set[str]) -> None:
    outputs = []
    for n, seed_value in enumerate(("1", "2")):
        out = tmp_path / f"run{n}"
        env = {**os.environ, "PYTHONHASHSEED": seed_value}
        subprocess.run(
            [sys.executable, "-m", "pk", "report", str(folder), "--output", str(out)],
            check=True,
            env=env,
            capture_output=True,
        )
        outputs.append({p.name: p.read_bytes() for p in sorted(out.iterdir())})
    assert set(outputs[0]) == {f"{d}.{f}" for d in documents for f in ("md", "html")}
    assert outputs[0] == outputs[1]


def test_timestamp_only_on_request(tmp_path: Path) -> None:
    runner = CliRunner()
    args = ["report", str(DATA_2024), "-d", "perjanjian", "-f", "md", "-o", "-"]
    plain = runner.invoke(app, args)
    stamped = runner.invoke(app, [*args, "--timestamp"])
    assert plain.exit_code == 0 and stamped.exit_code == 0
    assert "Dibuat dengan pk" not in plain.stdout
    assert "Dibuat dengan pk" in stamped.stdout


# --- the command -------------------------------------------------------------------------------


def test_cli_writes_files(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["report", str(DATA_2024), "--output", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "capaian.html",
        "capaian.md",
        "perjanjian.html",
        "perjanjian.md",
    ]
    assert (tmp_path / "perjanjian.md").read_text(encoding="utf-8") == _render(ReportFormat.MD)
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_cli_stdout_needs_one_document_in_one_format() -> None:
    result = CliRunner().invoke(app, ["report", str(DATA_2024), "--output", "-"])
    assert result.exit_code != 0
    single = CliRunner().invoke(
        app, ["report", str(DATA_2024), "-d", "perjanjian", "-f", "html", "-o", "-"]
    )
    assert single.exit_code == 0
    assert single.stdout == _render(ReportFormat.HTML)


def test_cli_invalid_data_exits_1(tmp_path: Path) -> None:
    folder = _copy_data(tmp_path, {"tahun: 2024": "tahun: dua ribu"})
    result = CliRunner().invoke(app, ["report", str(folder), "-o", str(tmp_path / "o")])
    assert result.exit_code == 1
    assert "perjanjian.yaml:" in result.output
    assert not (tmp_path / "o").exists()


def test_pdf_without_chromium_names_the_package(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pdf, "find_chromium", lambda: None)
    result = CliRunner().invoke(app, ["report", str(DATA_2024), "-f", "pdf", "-o", str(tmp_path)])
    assert result.exit_code == 2  # the environment lacks something, not the data
    assert result.stderr.startswith("pk: error: ")
    assert "apt-get install chromium" in result.output
    assert "Traceback" not in result.output


def test_templates_found_without_the_repository(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A wheel carries the templates inside the package (pyproject force-include)."""
    package = tmp_path / "pk"
    shutil.copytree(ROOT / "templates", package / "templates")
    monkeypatch.setattr(files, "__file__", str(package / "files.py"))
    assert files.builtin_templates() == package / "templates"


def test_pk_cli_import_stays_light() -> None:
    code = (
        "import sys, pk.cli; heavy = [m for m in ('jinja2', 'babel', 'markupsafe') "
        "if m in sys.modules]; print(heavy)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True
    ).stdout
    assert out.strip() == "[]"


def test_a_failing_user_template_is_a_located_error_not_a_traceback(tmp_path: Path) -> None:
    own = tmp_path / "kop"
    own.mkdir()
    (own / "perjanjian.md.j2").write_text("ok\n{{ 1 // 0 }}\n", encoding="utf-8")
    with pytest.raises(rp.ReportError) as err:
        _render(ReportFormat.MD, templates=own)
    assert str(err.value).startswith(f"{own / 'perjanjian.md.j2'}:2: ")
    assert "ZeroDivisionError" in str(err.value)


@pytest.mark.parametrize(
    "attack",
    [
        "{{ self.__init__.__globals__.__builtins__.__import__('os').popen('touch {proof}') }}",
        "{{ cycler.__init__.__globals__.os.popen('touch {proof}').read() }}",
        "{{ lipsum.__globals__['os'].popen('touch {proof}').read() }}",
        "{{ ''.__class__.__mro__[1].__subclasses__() }}{{ '{proof}' }}",
        "{{ perjanjian.__class__.__init__.__globals__ }}{{ '{proof}' }}",
        "{% set x = [] %}{{ x.append('{proof}') }}",
        "{{ 'x' * 10 ** 10 }}{{ '{proof}' }}",
        "{% set n = namespace(x=3) %}{% for i in range(99) %}{% set n.x = n.x * n.x %}"
        "{% endfor %}{{ '{proof}' }}",
    ],
)
def test_a_template_from_a_colleague_cannot_run_code(tmp_path: Path, attack: str) -> None:
    """A `--templates` file once ran `os.popen`; in Jinja's sandbox it is a located error."""
    proof = tmp_path / "ran"
    own = tmp_path / "kop"
    own.mkdir()
    (own / "perjanjian.md.j2").write_text(
        "ok\n" + attack.replace("{proof}", str(proof)) + "\n", encoding="utf-8"
    )
    result = CliRunner().invoke(
        app,
        [
            "report",
            str(DATA_2024),
            "-d",
            "perjanjian",
            "-f",
            "md",
            "-o",
            "-",
            "--templates",
            str(own),
        ],
    )
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert result.stderr.startswith(f"pk: error: {own / 'perjanjian.md.j2'}:2: ")
    assert not proof.exists()


def test_a_template_that_is_not_utf8_names_its_file_and_line(tmp_path: Path) -> None:
    own = tmp_path / "kop"
    own.mkdir()
    (own / "capaian.md.j2").write_bytes("# Capaian\n\nKop surat caf\xe9\n".encode("cp1252"))
    result = CliRunner().invoke(
        app,
        [
            "--lang",
            "en",
            "report",
            str(DEMO_2024),
            "-d",
            "capaian",
            "-f",
            "md",
            "-o",
            "-",
            "--templates",
            str(own),
        ],
    )
    assert result.exit_code == 1, result.output
    assert result.stderr == (
        f"pk: error: {own / 'capaian.md.j2'}:3: the template is not UTF-8 (byte 0xe9): save "
        "it as UTF-8 (in the editor: Save As, encoding UTF-8)\n"
    )


@pytest.mark.parametrize("dokumen", [Dokumen.PERJANJIAN, Dokumen.CAPAIAN])
def test_made_up_data_says_so_at_the_top_and_on_every_printed_page(dokumen: Dokumen) -> None:
    """`fiktif: true` (the demo, the Renstra example): the running footer, printed on every
    page, starts CONTOH FIKTIF, and so does a notice under the title; real data says neither."""
    fictional = _context(DEMO_2024)
    real = _context(DATA_2024)
    html = rp.render(fictional, dokumen, ReportFormat.HTML, None)
    footer = next(line for line in html.splitlines() if "content:" in line and "Tahun" in line)
    assert footer.strip().startswith('content: "CONTOH FIKTIF')
    assert '<p class="fiktif"><b>CONTOH FIKTIF</b>' in html
    assert "> **CONTOH FIKTIF**" in rp.render(fictional, dokumen, ReportFormat.MD, None)
    for fmt in (ReportFormat.HTML, ReportFormat.MD):
        assert "CONTOH FIKTIF" not in rp.render(real, dokumen, fmt, None)


def _signature(dokumen: Dokumen, folder: Path, fmt: ReportFormat) -> str:
    text = rp.render(_context(folder), dokumen, fmt, None)
    if fmt is ReportFormat.HTML:
        body = text.split("</section>")[-2]  # the last page
        return body[body.index('<div class="ttd-laporan"') :]
    return text[text.rindex("Aturan: ") :]


def test_capaian_report_ends_with_the_head_of_units_signature() -> None:
    """Place and the report's date (realisasi.yaml tanggal_laporan), the head of unit's
    position, name as written and NIP; nothing after it but the optional generation stamp."""
    html = _signature(Dokumen.CAPAIAN, RENSTRA_2027, ReportFormat.HTML)
    assert html.split("\n")[1:6] == [
        "<div>Kota Contoh, 20 Januari 2028</div>",
        "<div>Sekretaris Komisi Pemilihan Umum Kabupaten Contoh</div>",
        '<div class="ruang"></div>',
        '<div class="nama">Budi Santoso (fiktif)</div>',
        "<div>NIP. 197501012000031001</div>",
    ]
    assert html.rstrip().endswith("</div>")
    md = _signature(Dokumen.CAPAIAN, RENSTRA_2027, ReportFormat.MD)
    assert md.rstrip().endswith(
        "Kota Contoh, 20 Januari 2028<br>\n"
        "Sekretaris Komisi Pemilihan Umum Kabupaten Contoh<br><br><br>\n"
        "**Budi Santoso (fiktif)**<br>NIP. 197501012000031001"
    )


def test_without_a_report_date_the_signature_leaves_it_to_be_written() -> None:
    for fmt in (ReportFormat.HTML, ReportFormat.MD):
        block = _signature(Dokumen.CAPAIAN, DATA_2024, fmt)
        assert "Mataram, ……………………" in block
        assert "Mars Ansori Wijaya" in block and "NIP" not in block
