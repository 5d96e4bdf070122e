"""`pk new`: next year's folder as an unsigned draft with the same structure and ids."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import ROOT
from typer.testing import CliRunner

from pk.cli import app
from pk.load.year import load_year
from pk.model.perjanjian import Status, target_text

pytestmark = pytest.mark.usefixtures("english")  # asserts English messages

DEMO = ROOT / "examples" / "demo-2024"


def invoke(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.output


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A data/ folder with a 2024 that has realisasi and pengaturan beside the agreement."""
    shutil.copytree(DEMO, tmp_path / "data" / "2024")
    monkeypatch.chdir(tmp_path)
    return tmp_path / "data"


def test_new_year_is_an_unsigned_copy_without_realisasi(data: Path) -> None:
    code, output = invoke("new", "2025")
    assert code == 0, output
    old = load_year(data / "2024").perjanjian
    loaded = load_year(data / "2025")
    new = loaded.perjanjian
    assert old is not None and new is not None, loaded.diagnostics
    assert new.tahun == 2025
    assert new.penandatanganan.status is Status.DRAF
    assert new.penandatanganan.tanggal is None
    assert new.perubahan == []
    assert [(s.id, i.id, target_text(i)) for _, s, i in new.indikator()] == [
        (s.id, i.id, target_text(i)) for _, s, i in old.indikator()
    ]
    assert new.anggaran == old.anggaran
    assert sorted(p.name for p in (data / "2025").iterdir()) == [
        "pengaturan.yaml",
        "perjanjian.yaml",
    ]
    assert invoke("validate", "data/2025")[0] == 0
    assert invoke("fmt", "--check", "data/2025")[0] == 0
    text = (data / "2025" / "perjanjian.yaml").read_text(encoding="utf-8")
    assert "# Draf Perjanjian Kinerja 2025" in text


def test_row_comments_are_kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(ROOT / "data" / "2024", tmp_path / "data" / "2024")
    monkeypatch.chdir(tmp_path)
    assert invoke("new", "2025", "--from", "data/2024")[0] == 0
    text = (tmp_path / "data" / "2025" / "perjanjian.yaml").read_text(encoding="utf-8")
    assert "# Teks yang sama dengan IK-27; dokumen sumber mencantumkannya dua kali." in text
    assert "ditandatangani di Mataram, 10 Juni 2024" not in text, "the old header is replaced"


def test_refuses_to_overwrite(data: Path) -> None:
    (data / "2025").mkdir()
    (data / "2025" / "perjanjian.yaml").write_text("# mine\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["new", "2025", "--from", "data/2024"])
    assert result.exit_code == 1
    assert "data/2025 already exists; pk new does not overwrite it" in result.output
    assert (data / "2025" / "perjanjian.yaml").read_text(encoding="utf-8") == "# mine\n"


def test_new_year_drops_last_years_reasons_for_differing_from_the_renstra(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """2026's IK-03 target differs from the Renstra with a reason (`alasan_target`); 2027,
    started from 2026, keeps the target to revise but not the reason, so pk validate asks."""
    example = ROOT / "examples" / "renstra-contoh" / "data"
    shutil.copytree(example, tmp_path / "data", ignore=shutil.ignore_patterns("2027"))
    monkeypatch.chdir(tmp_path)
    code, output = invoke("new", "2027")
    assert code == 0, output
    text = (tmp_path / "data" / "2027" / "perjanjian.yaml").read_text(encoding="utf-8")
    assert "alasan_target" not in text
    code, output = invoke("validate", "data/2027")
    assert "IK-03 differs from the Renstra's target for 2027, 3.4 Indeks" in output
    assert "[renstra-target-differs]" in output


def test_a_crlf_year_is_copied_with_one_line_ending_and_its_bom(data: Path) -> None:
    source = data / "2024" / "perjanjian.yaml"
    text = source.read_text(encoding="utf-8")
    # A CRLF file whose comments and data are CRLF alike, with a BOM (a Windows editor's save).
    source.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    assert invoke("new", "2025")[0] == 0
    written = (data / "2025" / "perjanjian.yaml").read_bytes()
    assert written.startswith(b"\xef\xbb\xbf")
    assert written.count(b"\n") == written.count(b"\r\n") > 10
    assert b"\r\r" not in written
