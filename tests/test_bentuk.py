"""The document's form is data: built-in profiles (templates/bentuk/*.yaml), picked and
overridden field by field in perjanjian.yaml, read by every built-in template."""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from conftest import DATA_2024, ROOT
from reporthelp import md_table

from pk import report
from pk.load import bentuk as profiles
from pk.load.year import load_year
from pk.model.bentuk import Bentuk
from pk.render import templates as rp
from pk.vocab import Dokumen, ReportFormat

DEMO_2024 = ROOT / "examples" / "demo-2024"
REGIONAL = ROOT / "tests" / "cases" / "valid" / "bentuk-pemerintah-daerah" / "2024"


def _render(folder: Path, dokumen: Dokumen, fmt: ReportFormat) -> str:
    loaded = load_year(folder)
    assert loaded.ok, loaded.diagnostics
    return rp.render(report.context_for(loaded), dokumen, fmt)


def _with_bentuk(tmp_path: Path, source: Path, bentuk: str) -> Path:
    """`source` (a year folder) copied into tmp_path/2024 with `bentuk` appended to its agreement."""
    folder = tmp_path / "2024"
    shutil.copytree(source, folder)
    file = folder / "perjanjian.yaml"
    file.write_text(file.read_text(encoding="utf-8") + bentuk, encoding="utf-8")
    return folder


@pytest.mark.parametrize("name", sorted(profiles.profiles()))
def test_every_builtin_profile_is_a_complete_form(name: str) -> None:
    form = Bentuk.model_validate(profiles.profiles()[name], context=profiles.context())
    assert form.profil == name
    data = (ROOT / "templates" / "bentuk" / f"{name}.yaml").read_text(encoding="utf-8")
    # Every field is written in the file: a profile relies on no default in Python.
    for field in Bentuk.model_fields:
        assert field in ("profil", "kop") or f"\n{field}:" in data, field


def test_data_2024_uses_the_kpu_satker_profile() -> None:
    loaded = load_year(DATA_2024)
    assert loaded.perjanjian is not None
    assert loaded.perjanjian.bentuk.profil == "kpu-satker"
    assert loaded.perjanjian.bentuk.uang.teks(1250000) == "Rp. 1.250.000,-"


def _strings(data: Any, path: tuple[str, ...] = ()) -> dict[tuple[str, ...], str]:
    """Every text field of a profile's data by its path (lists of paragraphs by index)."""
    if isinstance(data, dict):
        return {
            p: v for key, value in data.items() for p, v in _strings(value, (*path, key)).items()
        }
    if isinstance(data, list):
        return {
            p: v
            for n, value in enumerate(data)
            for p, v in _strings(value, (*path, str(n))).items()
        }
    return {path: data} if isinstance(data, str) else {}


def _marker(path: tuple[str, ...]) -> str:
    return "ZQ" + "".join(part.upper().replace("_", "") for part in path)


def test_a_data_only_change_of_every_label_reaches_every_document(tmp_path: Path) -> None:
    base = profiles.profiles()["kpu-satker"]
    labels = {
        path: _marker(path)
        for path in _strings(base)
        if path[0] in ("label_pihak", "pernyataan", "kolom")
    }
    lines = ["bentuk:"]
    for section in ("label_pihak", "kolom"):
        lines.append(f"  {section}:")
        lines += [f"    {p[1]}: {m}" for p, m in labels.items() if p[0] == section]
    lines.append("  pernyataan:")
    lines += [f"    {p[1]}: {m}" for p, m in labels.items() if p[0] == "pernyataan" and len(p) == 2]
    lines.append("    isi:")
    lines += [f"      - {m}" for p, m in labels.items() if p[:2] == ("pernyataan", "isi")]
    lines.append('  uang: {awalan: "IDR ", akhiran: " ZQSEN"}')
    folder = _with_bentuk(tmp_path, DEMO_2024, "\n".join(lines) + "\n")
    perjanjian = {
        fmt: _render(folder, Dokumen.PERJANJIAN, fmt)
        for fmt in (ReportFormat.MD, ReportFormat.HTML)
    }
    capaian = {
        fmt: _render(folder, Dokumen.CAPAIAN, fmt) for fmt in (ReportFormat.MD, ReportFormat.HTML)
    }
    for fmt, text in perjanjian.items():
        missing = [m for m in labels.values() if m not in text]
        assert missing == [], fmt
        assert "IDR 165.842.289.000 ZQSEN" in text
        assert "PIHAK PERTAMA" not in text and "INDIKATOR KINERJA" not in text
    for fmt, text in capaian.items():
        for path in (("kolom", "no"), ("kolom", "indikator"), ("kolom", "target")):
            assert labels[path] in text, (fmt, path)
        for path in (("kolom", "kegiatan"), ("kolom", "jumlah")):
            assert labels[path] in text, (fmt, path)
        assert "IDR 165.842.289.000 ZQSEN" in text, fmt


def test_the_regional_profile_renders_its_own_form() -> None:
    markdown = _render(REGIONAL, Dokumen.PERJANJIAN, ReportFormat.MD)
    assert "selanjutnya disebut **PIHAK KESATU**." in markdown
    assert "**PIHAK KESATU** pada tahun 2024 ini berjanji" in markdown  # {tahun} filled
    assert "| PIHAK KEDUA | PIHAK KESATU |" in markdown
    assert "PIHAK PERTAMA" not in markdown
    budget = md_table(markdown, "| NO | PROGRAM DAN ANGGARAN | ANGGARAN |")
    # No code after the program's name; the override's money format.
    assert budget[0] == ["1.", "Program Informasi dan Komunikasi Publik", "Rp 1.250.000.000,00"]
    # Both parties sign the lampiran too (the second signature table).
    assert markdown.count("| PIHAK KEDUA | PIHAK KESATU |") == 2
    html = _render(REGIONAL, Dokumen.PERJANJIAN, ReportFormat.HTML)
    assert "<th>Indikator Sasaran</th>" in html
    assert "<p>selanjutnya disebut <b>PIHAK KESATU</b>.</p>" in html
    assert html.count("<div>PIHAK KESATU</div>") == 2


def test_names_keep_their_academic_titles() -> None:
    """`nama_ttd: kapital` writes the name in capitals and the titles after it as written."""
    markdown = _render(REGIONAL, Dokumen.PERJANJIAN, ReportFormat.MD)
    assert "**BUDI SANTOSO, S.Kom., M.T.**" in markdown
    assert "S.KOM." not in markdown


def test_the_names_as_written_with_nama_ttd_asli(tmp_path: Path) -> None:
    folder = _with_bentuk(tmp_path, DATA_2024, "bentuk: {nama_ttd: asli}\n")
    assert "**Mars Ansori Wijaya**" in _render(folder, Dokumen.PERJANJIAN, ReportFormat.MD)


def test_a_landscape_lampiran_and_the_kop_with_its_logo() -> None:
    html = _render(REGIONAL, Dokumen.PERJANJIAN, ReportFormat.HTML)
    assert "@page lanskap { size: A4 landscape; }" in html
    assert '<section class="halaman lanskap" id="lampiran">' in html
    assert '<img src="data:image/svg+xml;base64,' in html
    assert "<div>Jalan Merdeka No. 1, Contoh</div>" in html
    markdown = _render(REGIONAL, Dokumen.PERJANJIAN, ReportFormat.MD)
    assert "PEMERINTAH KABUPATEN CONTOH<br>DINAS KOMUNIKASI DAN INFORMATIKA<br>" in markdown
    portrait = _render(DATA_2024, Dokumen.PERJANJIAN, ReportFormat.HTML)
    assert "landscape" not in portrait and 'class="kop"' not in portrait


def test_paragraphs_escape_the_data_they_name(tmp_path: Path) -> None:
    folder = _with_bentuk(
        tmp_path,
        DATA_2024,
        "bentuk:\n  pernyataan:\n    isi: ['Saya, **{nama_pertama}**, berjanji. Satu ** terbuka']\n",
    )
    file = folder / "perjanjian.yaml"
    text = file.read_text(encoding="utf-8")
    file.write_text(
        text.replace("nama: Mars Ansori Wijaya", "nama: 'Mars <i>*Ansori*</i>'"), encoding="utf-8"
    )
    html = _render(folder, Dokumen.PERJANJIAN, ReportFormat.HTML)
    assert "<p>Saya, <b>Mars &lt;i&gt;*Ansori*&lt;/i&gt;</b>, berjanji. Satu ** terbuka</p>" in html
    markdown = _render(folder, Dokumen.PERJANJIAN, ReportFormat.MD)
    assert r"Saya, **Mars \<i\>\*Ansori\*\</i\>**, berjanji. Satu \*\* terbuka" in markdown


def test_the_form_reaches_the_terminal_and_the_findings(tmp_path: Path) -> None:
    folder = _with_bentuk(tmp_path, DATA_2024, "bentuk: {profil: pemerintah-daerah}\n")
    file = folder / "perjanjian.yaml"
    text = file.read_text(encoding="utf-8")
    file.write_text(text.replace("jumlah: 175862282000", "jumlah: 175862282001"), encoding="utf-8")
    found = [d for d in load_year(folder).diagnostics if d.code == "total-mismatch"]
    assert len(found) == 1 and "Rp 175.862.282.001" in found[0].message


def test_the_older_column_keys_still_name_the_columns(tmp_path: Path) -> None:
    """`anggaran.judul_kolom` / `label_jumlah` (data/2024) are overrides of `bentuk.kolom`,
    and what `bentuk:` itself says wins."""
    folder = _with_bentuk(tmp_path, DATA_2024, "bentuk: {kolom: {jumlah: TOTAL}}\n")
    loaded = load_year(folder)
    assert loaded.perjanjian is not None
    assert loaded.perjanjian.bentuk.kolom.kegiatan == "KEGIATAN"
    assert loaded.perjanjian.bentuk.kolom.jumlah == "TOTAL"


def test_the_landscape_lampiran_is_a_landscape_section_in_word() -> None:
    pytest.importorskip("docx")
    import io

    import docx
    from docx.enum.section import WD_ORIENT

    loaded = load_year(REGIONAL)
    data = rp.render_bytes(report.context_for(loaded), Dokumen.PERJANJIAN, ReportFormat.DOCX)
    document = docx.Document(io.BytesIO(data))
    assert WD_ORIENT.LANDSCAPE in [s.orientation for s in document.sections]
    text = "\n".join(p.text for p in document.paragraphs)
    assert "PIHAK KESATU" in text and "PEMERINTAH KABUPATEN CONTOH" in text


def test_the_regime_decides_the_absorption_guide_and_the_efficiency_rule(tmp_path: Path) -> None:
    """IKPA (an APBN measure) is drawn for a KPU satker and not for a perangkat daerah; the
    efficiency threshold is the regime's unless pengaturan.yaml sets its own."""
    from pk.compute.capaian import compute

    apbn = load_year(DEMO_2024)
    assert apbn.perjanjian is not None and apbn.perjanjian.bentuk.rezim.id == "apbn"
    hasil = compute(apbn.perjanjian, apbn.realisasi, apbn.pengaturan)
    assert hasil.anggaran.pedoman_ikpa == 90
    html = _render(DEMO_2024, Dokumen.CAPAIAN, ReportFormat.HTML)
    assert "pedoman IKPA 90%" in html

    folder = _with_bentuk(tmp_path, DEMO_2024, "bentuk: {rezim: apbd}\n")
    apbd = load_year(folder)
    assert apbd.perjanjian is not None
    hasil = compute(apbd.perjanjian, apbd.realisasi, apbd.pengaturan)
    assert hasil.anggaran.pedoman_ikpa is None
    html = _render(folder, Dokumen.CAPAIAN, ReportFormat.HTML)
    assert "IKPA" not in html

    selisih = hasil.anggaran.selisih
    assert selisih is not None and 0 < abs(selisih) <= 5
    assert hasil.anggaran.efisiensi == "cukup efisien"  # within the regime's ±5
    pengaturan = folder / "pengaturan.yaml"
    pengaturan.write_text(
        pengaturan.read_text(encoding="utf-8") + "efisiensi_batas: 0.5\n", encoding="utf-8"
    )
    again = load_year(folder)
    assert again.perjanjian is not None and again.ok, again.diagnostics
    hasil = compute(again.perjanjian, again.realisasi, again.pengaturan)
    assert hasil.anggaran.efisiensi == ("efisien" if selisih > 0 else "tidak efisien")
    assert hasil.anggaran.batas_efisiensi == Decimal("0.5")
    page = _render(folder, Dokumen.CAPAIAN, ReportFormat.MD)
    assert "\\> 0,5 efisien, −0,5…0,5 cukup efisien" in page


def test_an_unknown_regime_is_located(tmp_path: Path) -> None:
    folder = _with_bentuk(tmp_path, DATA_2024, "bentuk: {rezim: apbx}\n")
    found = [d for d in load_year(folder).diagnostics if d.level == "error"]
    assert len(found) == 1 and "apbd, apbn" in found[0].message
    assert found[0].line == len((folder / "perjanjian.yaml").read_text().splitlines())


def test_pk_explain_rezim_names_each_rule_and_its_source() -> None:
    from typer.testing import CliRunner

    from pk.cli import app

    result = CliRunner().invoke(app, ["--lang", "en", "explain", "rezim"])
    assert result.exit_code == 0
    assert "### apbn" in result.stdout and "### apbd" in result.stdout
    assert "TW1 15%, TW2 40%, TW3 60%, TW4 90%" in result.stdout
    assert "PMK 195/PMK.05/2018" in result.stdout
    assert "Absorption guide: none" in result.stdout
    assert (
        "Predikat scale: Lima kategori (Permendagri 86/2017): sangat tinggi ≥ 91" in result.stdout
    )


def test_a_data_only_change_of_the_labels_reaches_the_terminal(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from pk.cli import app

    kolom = ("no", "indikator", "target", "kegiatan")
    override = "bentuk:\n  label_pihak: {pertama: PIHAK KESATUQ, kedua: PIHAK KEDUAQ}\n"
    override += "  kolom: {" + ", ".join(f"{k}: KOLOM{k.upper()}Q" for k in kolom) + "}\n"
    folder = _with_bentuk(tmp_path, DEMO_2024, override)
    shown = CliRunner().invoke(app, ["show", str(folder)], env={"COLUMNS": "200"})
    assert shown.exit_code == 0, shown.stdout
    assert "PIHAK KESATUQ: " in shown.stdout and "PIHAK KEDUAQ: " in shown.stdout
    assert "Pihak pertama" not in shown.stdout
    achieved = CliRunner().invoke(
        app, ["capaian", str(folder), "--periode", "TW2"], env={"COLUMNS": "200"}
    )
    assert achieved.exit_code == 0, achieved.stdout
    for k in kolom:
        assert f"KOLOM{k.upper()}Q" in achieved.stdout, k
    assert "INDIKATOR KINERJA" not in achieved.stdout and "KEGIATAN " not in achieved.stdout
