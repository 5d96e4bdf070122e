"""`pk lke`, the LKE pre-check, on examples/renstra-contoh/data/2027, answers worked out by hand.

The facts come from the example's files: data/renstra.yaml (2025–2029, nine IKU; IK-06 is
IK-06a from 2026; national targets for 2027 on IK-01, IK-04, IK-05, IK-07), 2027/perjanjian.yaml
(ten indicators, signed 2027-02-03, two kegiatan), 2027/realisasi.yaml (rencana_aksi on IK-09 only, no
faktor or solusi, no budget realisasi; IK-03, IK-07 and IK-10 only at TW4) and 2027/evaluasi.yaml
(a review of the LKjIP, the PK published 2027-02-10, R-01 dalam_proses and R-02 tuntas,
definisi operasional and sumber data for IK-01 and IK-04), 2027/lkjip/ (the four chapters the
LKjIP requires). Bands: > 90 A, > 75 B, > 40 C,
> 10 D, else E.
"""

from __future__ import annotations

import json
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import ROOT, CompareWithGolden, said
from typer.testing import CliRunner

from pk import report
from pk.cli import app
from pk.compute.lke import RULES, StatusKriteria
from pk.lke import lke_for
from pk.load.lke import load_instrumen
from pk.load.year import load_year
from pk.render import templates
from pk.vocab import Dokumen, ReportFormat

EXAMPLE = ROOT / "examples" / "renstra-contoh" / "data"
YEAR = EXAMPLE / "2027"
GOLDEN = ROOT / "tests" / "golden"
D = Decimal

DECIDED = {
    "1.a.3": "Y",  # renstra.yaml covers 2027
    "1.a.4": "Y",  # perjanjian.yaml is there and valid
    "1.a.5": "T",  # rencana_aksi on IK-09 only: Y needs all ten
    "1.a.6": "Y",  # 2 kegiatan, pagu 3.315.000.000
    "1.b.1": "A",  # status: ditandatangani
    "1.b.2": "A",  # published 2027-02-10, before the end of February 2027
    "1.b.6": "A",  # every IKU in the PKs of 2025, 2026, 2027 (IK-06 as IK-06a)
    # capaian ≥ 100: IK-01 71,5/70, IK-03 3,42/3,4, IK-04 100, IK-08 95,7/95, IK-09 5/5,
    # IK-10 3,63/3,6; not IK-02 13/14, IK-05 7 > 6, IK-06a 88/90, IK-07 74,1/75: 6/10 = 60 %
    "1.c.3": "C",
    "1.c.4": "C",  # all four quarters on 7 of 10 (not IK-03, IK-07, IK-10): 70 %
    "2.a.2": "T",  # definisi_operasional on 2 of 10
    "2.a.3": "T",  # sumber_data on 2 of 10
    "2.b.4": "C",  # as 1.c.4
    "2.b.6": "A",  # realisasi for 10 of 10
    "2.b.7": "A",  # capaian computed for 10 of 10
    "3.a.1": "Y",  # lkjip/ has the four required chapters; TW4 for every indicator
    "3.a.4": "Y",  # reviu of the lkjip with the APIP's letter
    "3.b.1": "A",  # lkjip/: kata-pengantar, ikhtisar-eksekutif, bab-1, bab-4 written: 4/4
    "3.b.3": "A",  # 10/10
    "3.b.4": "A",  # every indicator has a Renstra end target: 10/10
    "3.b.5": "A",  # 2025 and 2026 carry every indicator: 10/10
    "3.b.6": "D",  # national target for 4 of 10 = 40 %, not above 40
    "3.b.7": "E",  # no faktor_pendorong/penghambat
    "3.b.8": "E",  # no budget realisasi: 0 of 2 kegiatan
    "3.b.9": "E",  # no solusi
    "4.c.1": "C",  # 1 of 2 recommendations tuntas: 50 %
}
NOT_RECORDED = {"3.a.5", "3.a.6"}  # no LKjIP publication or submission recorded


def test_the_instrument_is_data_with_80_criteria_and_the_weights_of_88_2021() -> None:
    instrumen = load_instrumen()
    assert len(instrumen.every()) == 80
    assert [k.bobot for k in instrumen.komponen] == [30, 30, 15, 25]
    assert {tuple(s.persen for s in k.sub_komponen) for k in instrumen.komponen} == {(20, 30, 50)}
    assert instrumen.sumber and "88 Tahun 2021" in instrumen.peraturan
    # Every rule the file names is one pk has, and every rule pk has is used.
    named = {c.aturan for _, _, c in instrumen.every() if c.aturan}
    assert named == set(RULES) == set(instrumen.aturan)


def test_decidable_criteria_on_the_example() -> None:
    result = lke_for(YEAR)
    decided = {c.id: c.jawaban for c in result.kriteria(StatusKriteria.DIPUTUSKAN)}
    assert decided == DECIDED
    assert {c.id for c in result.kriteria(StatusKriteria.BELUM_TERCATAT)} == NOT_RECORDED
    evaluator = result.kriteria(StatusKriteria.EVALUATOR)
    assert len(evaluator) == 80 - len(DECIDED) - len(NOT_RECORDED)
    assert all(c.alasan is None and c.jawaban is None for c in evaluator)
    # Reasons are located or say what is missing.
    lines = (YEAR / "perjanjian.yaml").read_text(encoding="utf-8").splitlines()
    status = lines.index("  status: ditandatangani") + 1
    assert result.of("1.b.1").rujukan == (f"{YEAR.as_posix()}/perjanjian.yaml:{status}",)
    assert said(result.of("1.b.1").alasan) == "ditandatangani pada 3 Februari 2027"
    assert said(result.of("1.a.5").alasan) == (
        "1 dari 10 indikator memuat rencana_aksi; "
        "tanpa: IK-01, IK-02, IK-03, IK-04, IK-05, IK-06a, IK-07, IK-08, IK-10"
    )
    assert said(result.of("3.b.6").alasan) == (
        "4 dari 10 indikator (40%); tanpa: IK-02, IK-03, IK-06a, IK-08, IK-09, IK-10"
    )
    assert said(result.of("1.b.6").alasan) == (
        "9 IKU ada pada Perjanjian Kinerja 2025–2027; berganti id (id_di_pk): IK-06 → IK-06a (2026)"
    )
    assert result.of("3.a.4").rujukan == (f"{YEAR.as_posix()}/evaluasi.yaml:9",)


def test_score_bands_per_component() -> None:
    result = lke_for(YEAR)
    bands = {k.id: (k.pasti, k.maks) for k in result.komponen}
    # 1: 1.a 6/7 a criterion, Y on three: 2,571; 1.b 0,9 each, A on three: 2,7; 1.c 15/8
    #    each, C (0,5) on two: 1,875. Sum 7,146. Undecided at full weight: 1.a three (2,571),
    #    1.b seven (6,3), 1.c six (11,25): 7,146 + 20,121 = 27,268.
    assert bands["1"] == (D("7.15"), D("27.27"))
    # 2: 2.a 2 each, T T: 0 (2.a.1 open: 2); 2.b 9/7 each: C 0,643 + A A 2,571 = 3,214
    #    (four open: 5,143); 2.c all open: 15. Max 3,214 + 22,143 = 25,357.
    assert bands["2"] == (D("3.21"), D("25.36"))
    # 3: 3.a 0,5 each, Y Y: 1; 3.b 0,5 each, A A A A 2 + D 0,125; 3,125. Open: 3.a.2, 3.a.3,
    #    3.a.5, 3.a.6 (2), 3.b.2 (0,5), 3.c (7,5): 13,125.
    assert bands["3"] == (D("3.13"), D("13.13"))
    # 4: 4.c 2,5 each, C on 4.c.1: 1,25; open: 4.a 5, 4.b 7,5, 4.c four 10: 23,75.
    assert bands["4"] == (D("1.25"), D("23.75"))
    assert (result.pasti, result.maks) == (D("14.74"), D("89.50"))


def test_a_criterion_flips_when_one_fact_is_removed(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(EXAMPLE, data)
    (data / "renstra.yaml").unlink()
    result = lke_for(data / "2027")
    assert result.of("1.a.3").jawaban == "T"
    assert "tidak ada Renstra" in said(result.of("1.a.3").alasan)
    assert result.of("3.b.4").jawaban == "E"  # no end target to compare with
    assert result.of("1.b.6").status is StatusKriteria.BELUM_TERCATAT

    (data / "2027" / "evaluasi.yaml").unlink()
    result = lke_for(data / "2027")
    assert result.of("3.a.4").status is StatusKriteria.BELUM_TERCATAT
    assert result.of("3.a.4").jawaban is None
    assert "reviu LKjIP belum tercatat" in said(result.of("3.a.4").alasan)
    assert result.of("4.c.1").status is StatusKriteria.BELUM_TERCATAT

    (data / "2027" / "lkjip" / "bab-4.md").unlink()
    found = lke_for(data / "2027").of("3.b.1")
    assert found.jawaban == "C"  # 3 of 4 required chapters: 75 %, not above 75
    assert said(found.alasan) == "3 dari 4 bab wajib tertulis (75%); belum: bab-4"


def test_the_lkjip_is_written_when_its_required_chapters_and_tw4_are(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(EXAMPLE, data)
    lkjip = data / "2027" / "lkjip"
    where = f"{lkjip.as_posix()}/"
    assert lke_for(data / "2027").of("3.a.1").jawaban == "Y"

    (lkjip / "kata-pengantar.md").write_text("  \n", encoding="utf-8")  # empty is not written
    found = lke_for(data / "2027").of("3.a.1")
    assert found.jawaban == "T"
    assert said(found.alasan) == (
        "bab wajib belum tertulis: kata-pengantar; 10 dari 10 indikator punya realisasi TW4, "
        "belum: -"
    )
    assert found.rujukan[0] == where
    assert found.rujukan[1].startswith(f"{(data / '2027' / 'realisasi.yaml').as_posix()}:")

    (lkjip / "kata-pengantar.md").write_text("Puji syukur …\n", encoding="utf-8")
    realisasi = data / "2027" / "realisasi.yaml"
    text = realisasi.read_text(encoding="utf-8")
    realisasi.write_text(text.replace("    TW4: {realisasi: 100}\n", "", 1), encoding="utf-8")
    found = lke_for(data / "2027").of("3.a.1")
    assert found.jawaban == "T"  # the year's measurement is not complete: IK-04 lacks TW4
    assert said(found.alasan) == (
        "bab wajib belum tertulis: -; 9 dari 10 indikator punya realisasi TW4, belum: IK-04"
    )

    shutil.rmtree(lkjip)  # no LKjIP written with pk: neither yes nor no
    result = lke_for(data / "2027")
    for id_ in ("3.a.1", "3.b.1"):
        assert result.of(id_).status is StatusKriteria.BELUM_TERCATAT
        assert said(result.of(id_).alasan) == f"{where} belum ada: LKjIP belum disusun dengan pk"


def test_a_late_publication_is_answered_e(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(EXAMPLE, data)
    evaluasi = data / "2027" / "evaluasi.yaml"
    evaluasi.write_text(evaluasi.read_text().replace("2027-02-10", "2027-03-01"))
    found = lke_for(data / "2027").of("1.b.2")
    assert found.jawaban == "E"
    assert said(found.alasan) == "dipublikasikan 1 Maret 2027, melewati tenggat 28 Februari 2027"


def test_json_shape() -> None:
    result = CliRunner().invoke(app, ["lke", str(YEAR), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["label"] == "estimasi, bukan nilai resmi"
    assert set(data) == {
        "label", "instrumen", "tahun", "unit", "fiktif", "nilai", "komponen", "penilaian_evaluator"
    }  # fmt: skip
    assert data["nilai"] == {"pasti": 14.74, "maks": 89.5}
    assert [k["bobot"] for k in data["komponen"]] == [30, 30, 15, 25]
    kriteria = [c for k in data["komponen"] for s in k["sub_komponen"] for c in s["kriteria"]]
    assert len(kriteria) == 80
    assert set(kriteria[0]) == {
        "id", "teks", "skala", "bobot", "status", "aturan", "cara", "bukti", "jawaban", "nilai",
        "persen", "alasan", "rujukan",
    }  # fmt: skip
    one = next(c for c in kriteria if c["id"] == "3.b.6")
    assert (one["jawaban"], one["persen"], one["nilai"], one["bobot"]) == ("D", 40, 0.13, 0.5)
    assert len(data["penilaian_evaluator"]) == 80 - len(DECIDED) - len(NOT_RECORDED)


def test_the_terminal_says_it_is_an_estimate() -> None:
    result = CliRunner().invoke(app, ["lke", str(YEAR)])
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "estimasi, bukan nilai resmi" in out.splitlines()[1]
    assert "Jumlah: 14,74–89,50 dari 100 (estimasi, bukan nilai resmi)" in out
    assert "    3.b.6   D  " in out
    assert "penilaian evaluator: 1.a.1, 1.a.2, 1.a.7" in out
    assert "CONTOH FIKTIF" in out


@pytest.mark.usefixtures("english")
def test_the_terminal_in_english() -> None:
    result = CliRunner().invoke(app, ["--lang", "en", "lke", str(YEAR)])
    assert "estimate, not an official score" in result.stdout
    assert "evaluator's judgment: 1.a.1, 1.a.2, 1.a.7" in result.stdout


def test_a_year_without_realisasi_has_a_reason_for_every_criterion() -> None:
    # data/2024 holds only its perjanjian.yaml: no capaian, so the rules' `tidak_ada` outcomes.
    year = ROOT / "data" / "2024"
    assert not (year / "realisasi.yaml").exists()
    result = lke_for(year)
    assert said(result.of("2.b.7").alasan) == (
        "belum ada capaian yang dapat dihitung (belum ada realisasi)"
    )
    for format in ("text", "json"):
        run = CliRunner().invoke(app, ["lke", str(year), "--format", format])
        assert run.exit_code == 0, run.output
        assert "belum ada capaian yang dapat dihitung" in run.stdout


def test_a_broken_instrument_is_located(tmp_path: Path) -> None:
    broken = tmp_path / "lke.yaml"
    text = (ROOT / "pk" / "model" / "lke.yaml").read_text(encoding="utf-8")
    broken.write_text(text.replace("    bobot: 30\n", "    bobot: 31\n", 1), encoding="utf-8")
    result = CliRunner().invoke(app, ["lke", str(YEAR), "--instrumen", str(broken)])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert f"{broken.as_posix()}:" in result.output
    # The instrument's own check, in pk's words: not pydantic's "Value error, …".
    assert "bobot komponen berjumlah 101, bukan 100" in result.output
    assert "Value error" not in result.output


@pytest.mark.parametrize(
    ("before", "after", "said_"),
    [
        # The reason names a value the rule does not give, or is not a sentence with values.
        ("indikator punya realisasi di {berkas}", "indikator di {berkas_lain}", "{berkas_lain}"),
        ("indikator punya realisasi di {berkas}", "indikator di {berkas!r}", "{berkas!r}"),
        ("indikator punya realisasi di {berkas}", "indikator di {berkas", "'{'"),
        # No reason for an outcome the rule found.
        (
            '      persen: "{ada} dari {dari} indikator punya realisasi',
            '      ya: "{ada}',
            "persen",
        ),
    ],
)
def test_an_instrument_reason_pk_cannot_word_is_that_files_error(
    tmp_path: Path, before: str, after: str, said_: str
) -> None:
    # Before: the wording failed in the terminal and blamed templates/_kalimat.j2, or a
    # missing outcome was a KeyError traceback.
    own = tmp_path / "lke.yaml"
    text = (ROOT / "pk" / "model" / "lke.yaml").read_text(encoding="utf-8")
    assert text.count(before) == 1
    own.write_text(text.replace(before, after), encoding="utf-8")
    for format in ("text", "json"):
        run = CliRunner().invoke(app, ["lke", str(YEAR), "--instrumen", str(own), "-f", format])
        assert run.exit_code == 1, run.output
        assert "Traceback" not in run.output and "_kalimat" not in run.output
        message = run.output.replace("\n", "")
        assert f"{own.as_posix()}: aturan realisasi-tercatat: alasan" in message
        assert said_ in message


# --- the report page: pk report --dokumen lke ---------------------------------------------------

RELATIVE = "examples/renstra-contoh/data/2027"
"""The example named from the repository's root: the page names files as the user did."""


@pytest.mark.parametrize("fmt", [ReportFormat.MD, ReportFormat.HTML], ids=["md", "html"])
def test_report_page_golden(
    fmt: ReportFormat, monkeypatch: pytest.MonkeyPatch, compare_with_golden: CompareWithGolden
) -> None:
    monkeypatch.chdir(ROOT)
    context = report.lke_context(load_year(Path(RELATIVE)))
    text = templates.render(context, Dokumen.LKE, fmt)
    assert "Estimasi, bukan nilai resmi." in text
    assert "CONTOH FIKTIF" in text
    compare_with_golden(
        text, GOLDEN / "renstra-contoh-2027" / templates.output_name(Dokumen.LKE, fmt)
    )


def test_report_page_from_the_command_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    out = tmp_path / "build"
    result = CliRunner().invoke(
        app, ["report", RELATIVE, "--dokumen", "lke", "--format", "md", "--output", str(out)]
    )
    assert result.exit_code == 0, result.output
    page = (out / "lke.md").read_text(encoding="utf-8")
    assert "| **Jumlah** | **100** | **14,74–89,5** |" in page
    assert "| 3.b.6 | " in page and "| D | 0,13 / 0,5 |" in page
    # Not part of `--dokumen semua`: the agreement's documents stay as they were.
    assert report.plan(Path(RELATIVE)).documents == (Dokumen.PERJANJIAN, Dokumen.CAPAIAN)


def test_report_page_escapes_the_data(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(EXAMPLE, data)
    evaluasi = data / "2027" / "evaluasi.yaml"
    evaluasi.write_text(
        evaluasi.read_text().replace("Inspektorat Utama KPU (fiktif)", "<b>Inspektorat</b> | *x*")
    )
    context = report.lke_context(load_year(data / "2027"))
    html = templates.render(context, Dokumen.LKE, ReportFormat.HTML)
    assert "&lt;b&gt;Inspektorat&lt;/b&gt;" in html and "<b>Inspektorat</b>" not in html
    md = templates.render(context, Dokumen.LKE, ReportFormat.MD)
    assert "<b>Inspektorat</b> | *x*" not in md
