"""`pk report --revisi`: the perjanjian as signed and as revised, from a real git history,
with the "Riwayat Perubahan" table and the version in the footer.

The repository is built here: the signed data/2024 agreement, then PK Perubahan I (IK-43
retargeted from 97,5% to 95%), then PK Perubahan II (a new pihak pertama).
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from conftest import ROOT, CompareWithGolden
from gitrepo import IK43_TARGET, PERUBAHAN_I, PERUBAHAN_II, Repo
from reporthelp import html_tables, md_table
from typer.testing import CliRunner

from pk import numbers as formats
from pk import report
from pk.cli import app
from pk.load.year import load_year
from pk.model.perjanjian import Dasar, Perubahan
from pk.render import templates as rp

pytestmark = pytest.mark.usefixtures("english")  # asserts English messages

GOLDEN = ROOT / "tests" / "golden"
RIWAYAT_I = [
    "1.",
    "PK Perubahan I",
    "2 September 2024",
    "(c) perubahan prioritas atau asumsi yang berpengaruh signifikan terhadap tujuan",
    "Penyesuaian target layanan kepegawaian setelah reorganisasi.",
    "Surat Sekretaris Jenderal KPU Nomor 1234/SDM.01-SD/08/2024",
    "IK-43: target 97,5% → 95%",  # what it changed, from the history in git
]


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Repo:
    repo = Repo(tmp_path_factory.mktemp("revisi"))
    repo.edit(IK43_TARGET, IK43_TARGET.replace("97.5", "95"))
    with repo.file.open("a", encoding="utf-8") as handle:
        handle.write(PERUBAHAN_I.format(ids="IK-43"))
    repo.commit("PK Perubahan I")
    repo.edit("nama: Mars Ansori Wijaya", "nama: Budi Santoso")
    with repo.file.open("a", encoding="utf-8") as handle:
        handle.write(PERUBAHAN_II)
    repo.commit("PK Perubahan II")
    return repo


def render(repo: Repo, fmt: str, *revisi: str) -> str:
    args = ["report", str(repo.file.parent), "-d", "perjanjian", "-f", fmt, "-o", "-"]
    result = CliRunner().invoke(app, [*args, *(["--revisi", *revisi] if revisi else [])])
    assert result.exit_code == 0, result.output
    return result.stdout


def ik43_target(html: str) -> str:
    row = next(
        r
        for r in html_tables(html)["tabel-kinerja"]
        if "Administrasi Kepegawaian" in dict(r).get("indikator", "")
    )
    return dict(row)["target"]


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_the_signed_original_renders_as_data_2024(repo: Repo, fmt: str) -> None:
    """`--revisi awal` reads the first signed commit: byte for byte the data/2024 golden."""
    assert render(repo, fmt, "awal") == (GOLDEN / "2024" / f"perjanjian.{fmt}").read_text(
        encoding="utf-8"
    )


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_golden_revision_from_history(
    repo: Repo, fmt: str, compare_with_golden: CompareWithGolden
) -> None:
    text = render(repo, fmt, "PK Perubahan I")
    compare_with_golden(text, GOLDEN / "2024-perubahan-i" / f"perjanjian.{fmt}")


def test_revision_shows_its_target_table_and_footer(repo: Repo) -> None:
    html = render(repo, "html", "PK Perubahan I")
    assert ik43_target(html) == "95%"
    assert [c for _, c in html_tables(html)["tabel-riwayat"][0]] == RIWAYAT_I
    assert len(html_tables(html)["tabel-riwayat"]) == 1
    assert 'content: "Perjanjian Kinerja Tahun 2024 \\b7  PK Perubahan I"' in html
    assert "Mars Ansori Wijaya" in html and "Budi Santoso" not in html

    markdown = render(repo, "md", "PK Perubahan I")
    assert "Versi: PK Perubahan I" in markdown
    assert md_table(markdown, "| NO | PERUBAHAN") == [RIWAYAT_I]


def test_original_has_no_history_and_says_pk_awal(repo: Repo) -> None:
    html = render(repo, "html", "awal")
    assert ik43_target(html) == "97,5%"
    assert "tabel-riwayat" not in html and "RIWAYAT PERUBAHAN" not in html
    assert 'content: "Perjanjian Kinerja Tahun 2024 \\b7  PK awal"' in html


def test_current_file_is_the_latest_revision(repo: Repo) -> None:
    html = render(repo, "html")
    rows = html_tables(html)["tabel-riwayat"]
    assert [[c for _, c in r][1] for r in rows] == ["PK Perubahan I", "PK Perubahan II"]
    assert [c for _, c in rows[1]][3] == "(a) perubahan atau pengalihan pejabat"
    assert [c for _, c in rows[1]][-1] == "pihak pertama, nama: Mars Ansori Wijaya → Budi Santoso"
    assert "PK Perubahan II" in html.split("tabel-riwayat")[0]  # cover and footer
    assert "Budi Santoso" in html and ik43_target(html) == "95%"
    assert render(repo, "html", "PK Perubahan II") == html


def test_unknown_revision_is_a_usage_error(repo: Repo) -> None:
    result = CliRunner().invoke(
        app,
        [
            "report",
            str(repo.file.parent),
            "-o",
            "-",
            "-d",
            "perjanjian",
            "-f",
            "md",
            "--revisi",
            "PK Perubahan IX",
        ],
    )
    assert result.exit_code == 2
    assert result.stderr.startswith("pk: error: ")
    assert "revision 'PK Perubahan IX'" in result.stderr


def test_revision_context_matches_riwayat(repo: Repo) -> None:
    from pk.change.history import load_as_of

    current = load_year(repo.file.parent)
    context = report.context_for(load_as_of(current, "PK Perubahan I"), current)
    assert context.versi == "PK Perubahan I"
    assert [r.label for r in context.riwayat] == ["PK Perubahan I"]
    assert report.context_for(load_as_of(current), current).versi is None


def test_outside_git_the_riwayat_lists_the_ids_each_revision_changes(
    repo: Repo, tmp_path: Path
) -> None:
    """Without the history there are no earlier versions to compare: the ids stay."""
    copy = tmp_path / "2024"
    shutil.copytree(repo.file.parent, copy)
    args = ["report", str(copy), "-d", "perjanjian", "-f", "html", "-o", "-"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    rows = html_tables(result.stdout)["tabel-riwayat"]
    assert [[c for _, c in r][-1] for r in rows] == ["IK-43", "pihak_pertama"]


def test_riwayat_words_each_kind_of_change() -> None:
    from pk.change.riwayat import riwayat
    from pk.load.year import load_year

    signed = load_year(ROOT / "data" / "2024").perjanjian
    assert signed is not None
    kegiatan = signed.anggaran.kegiatan
    revised = signed.model_copy(
        update={
            "anggaran": signed.anggaran.model_copy(
                update={"kegiatan": [kegiatan[0].model_copy(update={"pagu": 160_000_000_000})]}
            ),
            "perubahan": [
                Perubahan(
                    label="PK Perubahan I",
                    tanggal=dt.date(2024, 9, 2),
                    dasar=Dasar.B,
                    alasan="Efisiensi anggaran.",
                    surat="Surat Sekjen KPU Nomor 1/2024",
                    mengubah=["076.01.CQ", "076.01.WA"],
                )
            ],
        }
    )
    [row] = riwayat(revised, {None: signed, "PK Perubahan I": revised}, formats.angka)
    env = rp.make_environment()
    assert [env.filters["rincian"](env, c) for c in row.rincian] == [
        "076.01.CQ: pagu Rp. 165.842.289.000,- → Rp. 160.000.000.000,-",
        f"076.01.WA dihapus: {kegiatan[1].nama}, pagu semula Rp. 10.019.993.000,-",
    ]


def test_a_revision_is_signed_on_its_own_date(repo: Repo) -> None:
    """A PK Perubahan is signed anew: its statement and lampiran carry perubahan[].tanggal,
    not the original's 10 Juni 2024."""
    for fmt in ("md", "html"):
        text = render(repo, fmt, "PK Perubahan I")
        assert text.count("Mataram, 2 September 2024") == 2, fmt
        assert "Mataram, 10 Juni 2024" not in text
        assert render(repo, fmt, "awal").count("Mataram, 10 Juni 2024") == 2
