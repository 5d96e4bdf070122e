"""Bad inputs that cannot be committed as case folders: huge, unreadable or special files.

Each still ends in one located finding, exit 1 and no traceback.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest
from conftest import ROOT
from typer.testing import CliRunner

from pk.cli import app
from pk.load import source as yamlsource

pytestmark = pytest.mark.usefixtures("english")  # asserts English messages

BASE = ROOT / "tests" / "cases" / "valid" / "minimal" / "2024" / "perjanjian.yaml"


def validate(folder: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[int, str]:
    monkeypatch.chdir(folder.parent)
    result = CliRunner().invoke(app, ["validate", folder.name])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    return result.exit_code, result.stdout


@pytest.fixture
def year(tmp_path: Path) -> Path:
    folder = tmp_path / "2024"
    folder.mkdir()
    return folder


def test_fifty_megabyte_file_is_refused_without_reading_it(
    year: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with (year / "perjanjian.yaml").open("wb") as file:
        file.truncate(50 * 1024 * 1024)  # sparse: 50 MB on paper, nothing on disk
    opened: list[Path] = []
    real_open = Path.open

    def record(self: Path, *args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        opened.append(self)
        return real_open(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "open", record)
    code, out = validate(year, monkeypatch)
    assert code == 1
    assert out == (
        "2024/perjanjian.yaml: error: file is larger than 5 MB, while a pk file is about "
        "40 KB: check that this is the right file [file-too-large]\nFound 1 error (1 file checked).\n"
    )
    assert [p for p in opened if p.name == "perjanjian.yaml"] == []


def test_file_just_over_the_limit_with_real_content(
    year: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = BASE.read_text(encoding="utf-8")
    padding = "# padding\n" * ((yamlsource.MAX_BYTES - len(text)) // 10 + 1)
    (year / "perjanjian.yaml").write_text(text + padding, encoding="utf-8")
    code, out = validate(year, monkeypatch)
    assert (code, out.splitlines()[0].rsplit(" ", 1)[-1]) == (1, "[file-too-large]")


def test_file_that_grows_after_stat_is_read_only_up_to_the_limit(
    year: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The size check does not trust stat alone (a file still being written, /proc files)."""
    (year / "perjanjian.yaml").write_bytes(b"x: 1\n" * (yamlsource.MAX_BYTES // 5 + 10))
    real_stat = Path.stat

    def small_stat(self: Path, **kwargs: object) -> os.stat_result:
        result = real_stat(self, **kwargs)  # type: ignore[arg-type]
        if self.name == "perjanjian.yaml":
            return os.stat_result((*result[:6], 10, *result[7:]))
        return result

    monkeypatch.setattr(Path, "stat", small_stat)
    code, out = validate(year, monkeypatch)
    assert code == 1
    assert "[file-too-large]" in out.splitlines()[0]


def test_unreadable_file(year: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # CI runs as root, where chmod 000 does not stop reading: simulate the refusal instead.
    shutil.copy(BASE, year / "perjanjian.yaml")
    real_open = Path.open

    def refuse(self: Path, *args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        if self.name == "perjanjian.yaml":
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "open", refuse)
    code, out = validate(year, monkeypatch)
    assert code == 1
    assert out == (
        "2024/perjanjian.yaml: error: cannot be read (Permission denied); check that the "
        "file exists and that you may read it [unreadable]\n"
        "Found 1 error (1 file checked).\n"
    )


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_named_pipe_is_not_read(year: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Reading a pipe nobody writes to would hang; it is refused before opening."""
    os.mkfifo(year / "perjanjian.yaml")
    code, out = validate(year, monkeypatch)
    assert code == 1
    assert out.splitlines()[0] == (
        "2024/perjanjian.yaml: error: is not a regular file (a device or pipe?); "
        "a YAML file was expected here [not-a-file]"
    )


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links here")
def test_a_link_that_loops_or_leads_nowhere_says_so(
    year: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Not "no perjanjian.yaml, `pk new` starts one", and a broken realisasi.yaml is not
    silently left out."""
    (year / "perjanjian.yaml").symlink_to("perjanjian.yaml")
    code, out = validate(year, monkeypatch)
    assert code == 1
    assert out.splitlines()[0] == (
        "2024/perjanjian.yaml: error: is a link that points to itself (or round in a loop of "
        "links): replace it with the file, or point it at the real file [unreadable]"
    )
    (year / "perjanjian.yaml").unlink()
    shutil.copy(BASE, year / "perjanjian.yaml")
    (year / "realisasi.yaml").symlink_to("../elsewhere/realisasi.yaml")
    code, out = validate(year, monkeypatch)
    assert code == 1
    assert out.splitlines()[0] == (
        "2024/realisasi.yaml: error: is a link to ../elsewhere/realisasi.yaml, which does not "
        "exist: point it at the real file, or replace the link with the file [unreadable]"
    )
    (year.parent / "loop").symlink_to("loop")
    result = CliRunner().invoke(app, ["show", "loop"])
    assert result.exit_code == 2
    assert result.stderr.startswith("pk: error: loop: is a link that points to itself")


def test_a_folder_named_renstra_yaml_is_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A folder where the Renstra file belongs is named, not silently passed over."""
    data = tmp_path / "data"
    shutil.copytree(ROOT / "examples" / "renstra-contoh" / "data", data)
    (data / "renstra.yaml").unlink()
    (data / "renstra.yaml").mkdir()
    code, out = validate(data / "2025", monkeypatch)
    assert code == 1
    assert "renstra.yaml: error:" in out and "[not-a-file]" in out


@pytest.mark.parametrize("zero", ["-0.0", "-0", "-0.00"])
def test_a_signed_zero_reads_as_zero(tmp_path: Path, zero: str) -> None:
    """`-0.0` is 0 wherever a number is read: no `-0%`, no `100 / -0`, no `TW4: -0`."""
    from pk.edit.entry import _number
    from pk.load.source import load_text
    from pk.numbers import read_figure

    year = tmp_path / "2024"
    shutil.copytree(ROOT / "examples" / "demo-2024", year)
    agreement = year / "perjanjian.yaml"
    agreement.write_text(
        agreement.read_text(encoding="utf-8").replace("target: 100", f"target: {zero}"),
        encoding="utf-8",
    )
    realisasi = year / "realisasi.yaml"
    realisasi.write_text(
        realisasi.read_text(encoding="utf-8").replace("{realisasi: 25}", f"{{realisasi: {zero}}}"),
        encoding="utf-8",
    )
    outputs = ""
    for args in (
        ["validate", str(year)],
        ["capaian", str(year)],
        ["capaian", str(year), "-f", "md"],
    ):
        result = CliRunner().invoke(app, args, env={"PK_LANG": "en", "COLUMNS": "200"})
        assert "Traceback" not in result.output
        outputs += result.output
    assert re.search(r"(?<![\w-])-0(?!\d)", outputs) is None, outputs
    assert not str(load_text(f"a: {zero}\n", "x.yaml")[0].data["a"]).startswith("-")
    figure = read_figure(zero, None)
    assert not isinstance(figure, tuple) and figure is not None and not figure.is_signed()
    for raw in (-0.0, zero):
        cell = _number(raw)
        assert not isinstance(cell, tuple) and cell is not None and not cell.is_signed()


def test_a_comma_decimal_in_a_flow_map_is_explained(tmp_path: Path) -> None:
    year = tmp_path / "2024"
    shutil.copytree(ROOT / "examples" / "demo-2024", year)
    realisasi = year / "realisasi.yaml"
    text = realisasi.read_text(encoding="utf-8")
    realisasi.write_text(text.replace("TW1: {realisasi: 25}", "TW1: {realisasi: 97,5}", 1))
    result = CliRunner().invoke(app, ["validate", str(year)], env={"PK_LANG": "en"})
    assert result.exit_code == 1
    assert "97,5 was split at its comma" in result.output and "write 97.5" in result.output
