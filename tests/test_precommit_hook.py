"""`.pre-commit-hooks.yaml`: the hook selects the year files and runs `pk validate` the way
pre-commit does (the entry, with no file names: the whole repository is checked)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml
from conftest import ROOT
from typer.testing import CliRunner

from pk.cli import app

pytestmark = pytest.mark.usefixtures("english")  # asserts English messages

HOOKS = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
HOOK = next(h for h in HOOKS if h["id"] == "pk-validate")


def run_hook(files: list[str]) -> tuple[int, str]:
    """As pre-commit runs it: the entry's words, then the matching file names."""
    command, *args = HOOK["entry"].split()
    assert command == "pk"
    matching = [f for f in files if re.search(HOOK["files"], f)]
    result = CliRunner().invoke(app, args + (matching if HOOK["pass_filenames"] else []))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout


def test_manifest_is_a_python_hook_running_validate() -> None:
    assert HOOK["language"] == "python"  # pre-commit installs this repository with pip
    assert HOOK["entry"] == "pk validate"
    # Every year, not only the changed ones: `pk validate` with no folder.
    assert HOOK["pass_filenames"] is False


@pytest.mark.parametrize(
    ("path", "selected"),
    [
        ("data/2024/perjanjian.yaml", True),
        ("data/2025/realisasi.yaml", True),
        ("data/2025/pengaturan.yaml", True),
        ("data/renstra.yaml", True),
        ("data/2024/catatan.md", False),
        ("data/2024/lain.yaml", False),
        ("data/demo/perjanjian.yaml", False),
        ("tests/cases/invalid/empty-file/2024/perjanjian.yaml", False),
    ],
)
def test_hook_selects_the_year_files(path: str, selected: bool) -> None:
    assert bool(re.search(HOOK["files"], path)) is selected


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repository with one year that has an agreement and its realisasi."""
    shutil.copytree(ROOT / "examples" / "demo-2024", tmp_path / "data" / "2024")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_hook_checks_each_year_once_as_validate_does(project: Path) -> None:
    files = ["data/2024/perjanjian.yaml", "data/2024/realisasi.yaml", "README.md"]
    by_hook = run_hook(files)
    by_folder = CliRunner().invoke(app, ["validate", "data/2024"])
    assert by_hook == (by_folder.exit_code, by_folder.stdout)
    assert by_hook[0] == 0
    assert "(3 files checked)" in by_hook[1]  # perjanjian, realisasi, pengaturan: once each
    # The files a hook of an older pk passed still work.
    by_files = CliRunner().invoke(app, ["validate", *files[:2]])
    assert (by_files.exit_code, by_files.stdout) == by_hook


def test_a_commit_to_one_year_is_stopped_by_an_error_in_another(project: Path) -> None:
    shutil.copytree(project / "data" / "2024", project / "data" / "2025")
    realisasi = project / "data" / "2024" / "realisasi.yaml"
    realisasi.write_text(realisasi.read_text(encoding="utf-8") + "tahun: 2024\n", encoding="utf-8")
    code, out = run_hook(["data/2025/perjanjian.yaml"])
    assert code == 1
    assert "data/2024/realisasi.yaml:" in out and "[duplicate-key]" in out


def test_hook_fails_the_commit_on_an_error(project: Path) -> None:
    realisasi = project / "data" / "2024" / "realisasi.yaml"
    realisasi.write_text(realisasi.read_text(encoding="utf-8") + "tahun: 2024\n", encoding="utf-8")
    code, out = run_hook(["data/2024/realisasi.yaml"])
    assert code == 1
    assert "data/2024/realisasi.yaml:" in out and "[duplicate-key]" in out
