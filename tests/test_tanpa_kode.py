"""An agreement as regional documents write it: budget lines without a kode, no singkatan, a
signing date the document does not print. Every command still works, and nothing prints a
code, a short name or a date the document does not have."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import ROOT
from typer.testing import CliRunner

from pk.cli import app
from pk.load.year import load_year

pytestmark = pytest.mark.usefixtures("english")

SOURCE = ROOT / "tests" / "cases" / "valid" / "tanpa-kode" / "2024" / "perjanjian.yaml"
PENUNJANG = "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota"
INFORMASI = "Program Informasi dan Komunikasi Publik"


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.output


def git(root: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=root, capture_output=True, check=True)


@pytest.fixture
def year(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The agreement in a git repository, committed signed, as cwd-relative `data/2024`."""
    folder = tmp_path / "data" / "2024"
    folder.mkdir(parents=True)
    shutil.copy(SOURCE, folder / "perjanjian.yaml")
    git(tmp_path, "init", "-q", "-b", "main")
    git(tmp_path, "config", "user.name", "Perencana")
    git(tmp_path, "config", "user.email", "perencana@example.org")
    git(tmp_path, "config", "commit.gpgsign", "false")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-q", "-m", "PK 2024 ditandatangani")
    monkeypatch.chdir(tmp_path)
    return Path("data/2024")


def test_perjanjian_prints_no_code_no_short_name_and_no_date(year: Path) -> None:
    code, out = run("validate", str(year))
    assert code == 0, out
    for fmt in ("md", "html"):
        code, page = run("report", str(year), "-d", "perjanjian", "-f", fmt, "-o", "-")
        assert code == 0, page
        assert PENUNJANG in page and INFORMASI in page
        assert f"{INFORMASI} (" not in page and "None" not in page
        assert "Januari 2024" not in page  # signed 2024-01-31, a date the document omits
        assert "Rp. 6.250.000.000,-" in page


def test_realisasi_names_an_uncoded_line_by_its_nama(year: Path) -> None:
    code, out = run(
        "set", "--kegiatan", INFORMASI, "-p", "TW1", "--anggaran", "250000000", str(year)
    )
    assert code == 0, out
    loaded = load_year(year)
    assert loaded.ok and loaded.realisasi is not None, loaded.diagnostics
    assert loaded.realisasi.anggaran[INFORMASI].TW1 == 250000000

    code, out = run("capaian", str(year), "--periode", "TW1", "--format", "json")
    assert code == 0, out
    lines = json.loads(out)["anggaran"]["kegiatan"]
    assert [(k["kode"], k["kegiatan"], k["realisasi"]) for k in lines] == [
        (None, PENUNJANG, None),
        (None, INFORMASI, 250000000),
    ]
    code, page = run("report", str(year), "-d", "capaian", "-f", "md", "-o", "-")
    assert code == 0, page
    assert f"| {INFORMASI} | Rp. 1.250.000.000,- | Rp. 250.000.000,- | 20,00 |" in page

    code, out = run("set", "--kegiatan", "Program Lain", "-p", "TW1", "--anggaran", "5", str(year))
    assert code == 1 and "no budget line Program Lain" in out and "[unknown-kegiatan]" in out


def test_import_names_an_uncoded_line_by_its_nama(year: Path) -> None:
    Path("anggaran.csv").write_text(f'kode,periode,anggaran\n"{PENUNJANG}",TW2,1000\n')
    code, out = run("import", "anggaran.csv", str(year))
    assert code == 0, out
    loaded = load_year(year)
    assert loaded.realisasi is not None and loaded.realisasi.anggaran[PENUNJANG].TW2 == 1000


def test_the_workbook_leaves_the_kode_empty_and_reads_the_nama_back(year: Path) -> None:
    from openpyxl import load_workbook

    assert run("export", str(year), "-o", "isi.xlsx")[0] == 0
    workbook = load_workbook("isi.xlsx")
    sheet = workbook["Anggaran"]
    assert [(sheet.cell(r, 1).value, sheet.cell(r, 2).value) for r in (2, 3)] == [
        (None, PENUNJANG),
        (None, INFORMASI),
    ]
    sheet.cell(3, 5).value = 300000000  # TW2
    workbook.save("isi.xlsx")
    code, out = run("import", "isi.xlsx", str(year))
    assert code == 0, out
    loaded = load_year(year)
    assert loaded.realisasi is not None and loaded.realisasi.anggaran[INFORMASI].TW2 == 300000000


def test_a_renamed_uncoded_line_is_a_rename_and_the_gate_asks_for_a_perubahan(
    year: Path,
) -> None:
    """Known by position and name: a corrected nama at the same place is the line renamed."""
    file = year / "perjanjian.yaml"
    renamed = "Program Informasi dan Komunikasi Publik Daerah"
    file.write_text(file.read_text().replace(f"- nama: {INFORMASI}", f"- nama: {renamed}"))

    code, out = run("diff", "HEAD", "--format", "json")
    assert code == 0, out
    changes = json.loads(out)[0]["changes"]
    assert [(c["kind"], c["subject"], c["old"], c["new"]) for c in changes] == [
        ("kegiatan-renamed", renamed, INFORMASI, renamed)
    ]

    code, out = run("validate", str(year), "--baseline", "HEAD")
    assert code == 1
    line = file.read_text().splitlines().index(f"    - nama: {renamed}") + 1
    assert f"data/2024/perjanjian.yaml:{line}:13: error: the name of budget line {renamed}" in out
    assert "since HEAD (signed 2024-01-31)" in out and "[uncovered-change]" in out

    with file.open("a") as handle:
        handle.write(
            "perubahan:\n  - label: PK Perubahan I\n    tanggal: 2024-08-01\n    dasar: b\n"
            "    alasan: Nomenklatur program disesuaikan.\n    surat: Surat Bupati 1/2024\n"
            f"    mengubah: [{renamed}]\n"
        )
    code, out = run("validate", str(year), "--baseline", "HEAD")
    assert code == 0, out


def test_a_changed_pagu_of_an_uncoded_line_is_named_by_its_nama(year: Path) -> None:
    file = year / "perjanjian.yaml"
    text = file.read_text()
    file.write_text(
        text.replace("pagu: 1250000000", "pagu: 1350000000").replace(
            "jumlah: 6250000000", "jumlah: 6350000000"
        )
    )
    code, out = run("diff", "HEAD", "--format", "json")
    changes = json.loads(out)[0]["changes"]
    assert [(c["kind"], c["subject"]) for c in changes] == [("kegiatan-pagu", INFORMASI)]
