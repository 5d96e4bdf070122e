"""`pk fmt`: the canonical layout, idempotence and comments on every YAML file, `--check`."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from conftest import DATA_2024, ROOT
from typer.testing import CliRunner

from pk.cli import app
from pk.edit.fmt import MODELS, format_file, format_text
from pk.load.source import load_text

pytestmark = pytest.mark.usefixtures("english")  # asserts English messages

CASES = sorted(p for p in (ROOT / "tests" / "cases" / "fmt").iterdir() if p.is_dir())


NOT_OURS = {".git", ".pytest_cache", ".hypothesis", ".mypy_cache", ".ruff_cache", "build"}


def _repo_yaml_files() -> list[Path]:
    """The repository's own YAML files (data/, examples/, every case), virtualenvs and caches
    left out; a case that does not parse is skipped by the test."""
    return sorted(
        p
        for p in ROOT.rglob("*")
        if p.suffix in (".yaml", ".yml")
        and p.is_file()
        and not any(
            part in NOT_OURS or part.startswith(".venv")
            for part in p.relative_to(ROOT).parent.parts
        )
    )


def comments(text: str) -> list[str]:
    """Every comment in the text, in order: a `#` outside scalars, at line start or after a space."""
    scalars: list[tuple[int, int]] = []
    for token in yaml.scan(text):
        if isinstance(token, yaml.ScalarToken):
            scalars.append((token.start_mark.index, token.end_mark.index))
    found = []
    offset = 0
    for line in text.splitlines(keepends=True):
        for col, char in enumerate(line):
            at = offset + col
            if (
                char == "#"
                and (col == 0 or line[col - 1] in " \t")
                and not any(start <= at < end for start, end in scalars)
            ):
                found.append(line[col:].rstrip())
                break
        offset += len(line)
    return found


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_fmt_case(case: Path, tmp_path: Path) -> None:
    target = tmp_path / "perjanjian.yaml"
    shutil.copy(case / "input.yaml", target)
    result = format_file(target)
    assert not result.diagnostics
    assert target.read_text(encoding="utf-8") == (case / "expected.yaml").read_text(
        encoding="utf-8"
    )


@pytest.mark.parametrize("path", _repo_yaml_files(), ids=lambda p: p.relative_to(ROOT).as_posix())
def test_fmt_is_idempotent_and_keeps_comments_and_data(path: Path) -> None:
    try:
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        pytest.skip("not UTF-8 (an invalid-input case); fmt leaves it alone")
    before, problems = load_text(text, path.name)
    if problems:
        pytest.skip("not valid YAML (an invalid-input case); fmt leaves it alone")
    model = MODELS.get(path.name)
    try:
        once = format_text(text, model)
    except ValueError:
        pytest.skip("not a date (an invalid-input case); fmt refuses it, not-formattable")
    assert format_text(once, model) == once
    assert comments(once) == comments(text)
    after, _ = load_text(once, path.name)
    assert after.data == before.data


def test_committed_data_is_formatted() -> None:
    result = CliRunner().invoke(app, ["fmt", "--check", str(DATA_2024)])
    assert result.exit_code == 0, result.output


def test_check_lists_changes_and_writes_nothing(tmp_path: Path) -> None:
    target = tmp_path / "perjanjian.yaml"
    shutil.copy(CASES[0] / "input.yaml", target)
    original = target.read_bytes()
    result = CliRunner().invoke(app, ["fmt", "--check", str(tmp_path)])
    assert result.exit_code == 1
    assert f"would reformat {target.as_posix()}" in result.output
    assert target.read_bytes() == original


def test_fmt_writes_atomically_and_leaves_no_temp_files(tmp_path: Path) -> None:
    target = tmp_path / "perjanjian.yaml"
    shutil.copy(CASES[0] / "input.yaml", target)
    result = CliRunner().invoke(app, ["fmt", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert [p.name for p in tmp_path.iterdir()] == ["perjanjian.yaml"]
    assert CliRunner().invoke(app, ["fmt", "--check", str(tmp_path)]).exit_code == 0


def test_syntax_error_is_located_and_file_untouched(tmp_path: Path) -> None:
    bad = tmp_path / "perjanjian.yaml"
    bad.write_text("versi_format: 1\nunit:\n  nama: [KPU\n", encoding="utf-8")
    original = bad.read_bytes()
    result = CliRunner().invoke(app, ["fmt", str(bad)])
    assert result.exit_code == 1
    assert f"{bad.as_posix()}:4:1: error: YAML syntax error" in result.output
    assert bad.read_bytes() == original


def test_long_texts_are_not_folded() -> None:
    text = "nama: " + " ".join(["Persentase"] * 60) + "\n"
    assert format_text(text) == text


def test_invalid_date_is_reported_not_a_traceback(tmp_path: Path) -> None:
    bad = tmp_path / "perjanjian.yaml"
    bad.write_text("penandatanganan:\n  tanggal: 2024-13-10\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["fmt", str(bad)])
    assert result.exit_code == 1
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "[not-formattable]" in result.output


def test_fmt_refuses_a_device_as_validate_does_before_reading(tmp_path: Path) -> None:
    # A link to /dev/zero would be read without end; /dev/null shows the same check safely.
    (tmp_path / "realisasi.yaml").symlink_to("/dev/null")
    for args in (["fmt", str(tmp_path)], ["fmt", "--check", str(tmp_path)]):
        result = CliRunner().invoke(app, args)
        assert result.exit_code == 1, result.output
        assert f"{tmp_path.as_posix()}/realisasi.yaml: error:" in result.output
        assert "[not-a-file]" in result.output


def test_fmt_reports_a_fifo_in_a_folder_it_walks(tmp_path: Path) -> None:
    import os

    year = tmp_path / "2024"
    shutil.copytree(DATA_2024, year)
    (year / "realisasi.yaml").unlink(missing_ok=True)
    os.mkfifo(year / "realisasi.yaml")
    for args in (["fmt", str(tmp_path)], ["fmt", "--check", str(tmp_path)]):
        result = CliRunner().invoke(app, args)
        assert result.exit_code == 1, result.output
        assert f"{year.as_posix()}/realisasi.yaml: error:" in result.output
        assert "[not-a-file]" in result.output


CRLF_TEXT = "\ufeff# kepala\r\nversi_format: 1\r\n# catatan\r\ntahun:   2024\r\nunit: {nama: A}\r\n"


def test_fmt_keeps_the_files_own_line_ending_and_bom(tmp_path: Path) -> None:
    target = tmp_path / "perjanjian.yaml"
    target.write_bytes(CRLF_TEXT.encode("utf-8"))
    assert format_file(target).diagnostics == ()
    out = target.read_bytes()
    assert out.startswith("\ufeff".encode())
    assert out.count(b"\r\n") == out.count(b"\n") == 5
    assert b"tahun: 2024\r\n" in out
    assert CliRunner().invoke(app, ["fmt", "--check", str(tmp_path)]).exit_code == 0


def test_fmt_check_reports_mixed_line_endings(tmp_path: Path) -> None:
    target = tmp_path / "perjanjian.yaml"
    target.write_bytes(b"# a\r\nversi_format: 1\r\ntahun: 2024\n")
    result = CliRunner().invoke(app, ["fmt", "--check", str(tmp_path)])
    assert result.exit_code == 1, result.output
    format_file(target)
    assert target.read_bytes() == b"# a\r\nversi_format: 1\r\ntahun: 2024\r\n"


@pytest.mark.parametrize(
    "word",
    [
        "1:30",
        "0o17",
        "1_000",
        ".inf",
        "-.INF",
        ".NaN",
        "2024-01-01",
        "017",
        "0x1F",
        "1:20:30",
        "<<",
    ],
)
def test_fmt_keeps_quotes_on_every_yaml_1_1_non_string(word: str) -> None:
    """Decided by PyYAML's 1.1 resolvers: `1:30` unquoted is 90 (base 60) to PyYAML."""
    text = f'kode: {{"{word}": 13}}\nnama: "{word}"\ndaftar:\n  - "{word}"\n'
    out = format_text(text)
    assert out.count(f'"{word}"') == 3, out
    assert yaml.safe_load(out) == yaml.safe_load(text)


@pytest.mark.parametrize(
    "word", ["yes", "no", "No", "ON", "off", "y", "N", "True", "false", "null", "Null", "~", "NO"]
)
def test_fmt_keeps_quotes_on_yaml_1_1_booleans_and_nulls(word: str) -> None:
    text = f'kode: {{"{word}": 13}}\nnama: "{word}"\ndaftar:\n  - "{word}"\n'
    out = format_text(text)
    assert out.count(f'"{word}"') == 3, out
    assert yaml.safe_load(out) == yaml.safe_load(text)
