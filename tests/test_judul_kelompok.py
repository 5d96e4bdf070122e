"""A group's heading (`kelompok.judul`, "KEGIATAN 3355: …"): printed once above its sasaran
rows in the lampiran and above its first sasaran in the capaian report."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import DATA_2024
from typer.testing import CliRunner

from pk.cli import app

pytestmark = pytest.mark.usefixtures("english")

JUDUL = "KEGIATAN 3355: Pelaksanaan Akuntabilitas Pengelolaan Administrasi Keuangan"


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.output


@pytest.fixture
def year(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """data/2024 with a heading on group 2 (sasaran SS-04 to SS-06)."""
    folder = tmp_path / "2024"
    folder.mkdir()
    text = (DATA_2024 / "perjanjian.yaml").read_text(encoding="utf-8")
    assert text.count("  - no: 2\n") == 1
    text = text.replace("  - no: 2\n", f'  - no: 2\n    judul: "{JUDUL}"\n')
    (folder / "perjanjian.yaml").write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return Path("2024")


def report(year: Path, dokumen: str, fmt: str) -> str:
    code, page = run("report", str(year), "-d", dokumen, "-f", fmt, "-o", "-")
    assert code == 0, page
    return page


def test_the_lampiran_prints_the_heading_above_its_group(year: Path) -> None:
    lines = report(year, "perjanjian", "md").splitlines()
    heading = lines.index(f"| | **{JUDUL}** | | |")
    assert lines[heading + 1].startswith("| 2. | ")  # the group's first row follows it
    html = report(year, "perjanjian", "html")
    row = f'<tr class="judul-kelompok"><td colspan="4"><b>{JUDUL}</b></td></tr>'
    assert html.count(row) == 1
    assert html.index(row) < html.index('<td class="no">2.</td>')


def test_the_capaian_report_prints_it_once_above_the_first_sasaran(year: Path) -> None:
    for fmt in ("md", "html"):
        page = report(year, "capaian", fmt)
        assert page.count(JUDUL) == 1, fmt
        first = page.index(JUDUL)
        # After group 1's last sasaran, before the title of group 2's first.
        assert page.index("Kelompok 1 · SS-03") < first, fmt
        assert first < page.index("Tersedianya Sistematika dan Standar pengiriman"), fmt


def test_an_empty_heading_is_located(year: Path) -> None:
    file = year / "perjanjian.yaml"
    file.write_text(file.read_text(encoding="utf-8").replace(f'"{JUDUL}"', '" "'))
    code, out = run("validate", str(year))
    line = file.read_text(encoding="utf-8").splitlines().index('    judul: " "') + 1
    assert code == 1
    assert f"2024/perjanjian.yaml:{line}:12: error: `judul` is empty" in out
    assert "[empty-name]" in out
