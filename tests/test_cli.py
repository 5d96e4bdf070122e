"""`pk validate` and `pk show` end to end: exit codes, output formats, default paths."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import DATA_2024, ROOT
from typer.testing import CliRunner

from pk.cli import app

pytestmark = pytest.mark.usefixtures("english")  # asserts English messages

CASES = ROOT / "tests" / "cases"
MINIMAL = CASES / "valid" / "minimal" / "2024"


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout


def pk(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    """The real entry point in a subprocess, where the exit-2 boundary in `main` applies."""
    return subprocess.run(
        [sys.executable, "-m", "pk", *args], cwd=cwd, capture_output=True, text=True, timeout=120
    )


def line_of(path: Path, needle: str, after: str = "") -> int:
    """1-based number of the first line containing `needle` after the line containing `after`."""
    lines = path.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if after in line) if after else 0
    return next(i for i in range(start, len(lines)) if needle in lines[i]) + 1


def test_validate_2024_prints_exactly_the_two_warnings_of_the_source() -> None:
    code, out = run("validate", "data/2024")
    assert code == 0
    *findings, summary = out.splitlines()
    assert summary == "Found 2 warnings (1 file checked)."
    data = DATA_2024 / "perjanjian.yaml"
    # IK-38 repeats IK-27's text (the source lists it twice); IK-56 (SPIP) has no target.
    ik38 = line_of(data, "nama: Jumlah dokumen riset kepemiluan", after="id: IK-38")
    ik56 = line_of(data, "target:", after="id: IK-56")
    assert [re.sub(r":\d+: ", ": ", f, count=1) for f in findings] == [
        f"data/2024/perjanjian.yaml:{ik38}: warning: indikator IK-38 has the same text as IK-27: "
        "check in the signed document whether both are meant, and remove or reword one "
        "[duplicate-indikator]",
        f"data/2024/perjanjian.yaml:{ik56}: warning: the target of indikator IK-56 is empty: "
        'write the target as in the signed document, e.g. `target: 100` with `satuan: "%"`; '
        "until then its capaian cannot be computed [target-missing]",
    ]


def test_strict_turns_warnings_into_exit_1() -> None:
    assert run("validate", "--strict", "data/2024")[0] == 1
    assert run("validate", "--strict", str(MINIMAL))[0] == 0


def test_errors_exit_1_and_the_file_itself_can_be_named() -> None:
    bad = CASES / "invalid" / "total-mismatch" / "2024" / "perjanjian.yaml"
    code, out = run("validate", str(bad))
    assert code == 1
    assert out.splitlines()[0].startswith(f"{bad.as_posix()}:")
    assert run("validate", str(MINIMAL / "perjanjian.yaml"))[0] == 0


def test_several_paths_are_all_checked() -> None:
    bad = CASES / "invalid" / "kelompok-order" / "2024"
    code, out = run("validate", str(MINIMAL), str(bad))
    assert code == 1
    assert out.splitlines()[-1] == "Found 1 error (2 files checked)."


def test_path_that_does_not_exist_is_a_usage_error() -> None:
    result = pk("validate", "data/1999")
    assert result.returncode == 2
    assert result.stderr == "pk: error: data/1999: no such file or folder\n"
    assert result.stdout == ""


def test_unknown_option_is_a_usage_error() -> None:
    assert run("validate", "--format", "xml", "data/2024")[0] == 2


def test_json_format_is_a_list_of_findings() -> None:
    code, out = run("validate", "--format", "json", "data/2024")
    assert code == 0
    findings = json.loads(out)
    assert [f["code"] for f in findings] == ["duplicate-indikator", "target-missing"]
    for finding in findings:
        assert set(finding) == {"path", "line", "col", "level", "code", "message"}
        assert finding["path"] == "data/2024/perjanjian.yaml"
        assert finding["level"] == "warning"
        assert isinstance(finding["line"], int) and finding["line"] >= 1
        assert isinstance(finding["col"], int) and finding["col"] >= 1


def test_json_format_of_a_clean_file_is_an_empty_list() -> None:
    assert run("validate", "--format", "json", str(MINIMAL)) == (0, "[]\n")


def test_github_format_gives_workflow_annotations() -> None:
    code, out = run("validate", "--format", "github", "data/2024")
    assert code == 0
    *annotations, summary = out.splitlines()
    assert len(annotations) == 2
    pattern = re.compile(
        r"^::warning file=data/2024/perjanjian\.yaml,line=(\d+),col=(\d+),"
        r"title=(duplicate-indikator|target-missing)::(the target of )?indikator IK-(38|56) .+$"
    )
    assert all(pattern.match(a) for a in annotations), annotations
    assert summary == "Found 2 warnings (1 file checked)."


def test_github_format_escapes_messages() -> None:
    """A message with a newline or % must stay one annotation (GitHub's escaping)."""
    code, out = run(
        "validate", "--format", "github", str(CASES / "invalid" / "target-is-text" / "2024")
    )
    assert code == 1
    line = out.splitlines()[0]
    assert (
        line.startswith("::error file=")
        and ",title=target-is-text::target '100%25' is text" in line
    )


def test_show_csv_has_the_60_indicators() -> None:
    code, out = run("show", "data/2024", "--format", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == 60
    assert [r["id"] for r in rows] == [f"IK-{n:02d}" for n in range(1, 61)]
    assert {"id", "kelompok", "sasaran", "indikator", "target"} <= set(rows[0])


def test_show_refuses_invalid_data_with_the_findings() -> None:
    result = CliRunner().invoke(app, ["show", str(CASES / "invalid" / "total-mismatch" / "2024")])
    assert result.exit_code == 1
    assert "[total-mismatch]" in result.stderr
    assert result.stdout == ""


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project with data/2023 (broken) and data/2024 (valid): the default is the newest."""
    shutil.copytree(CASES / "invalid" / "total-mismatch" / "2024", tmp_path / "data" / "2023")
    shutil.copytree(MINIMAL, tmp_path / "data" / "2024")
    (tmp_path / "data" / "notes").mkdir()  # not a year: ignored
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_validate_without_paths_checks_every_year(project: Path) -> None:
    """Not only the newest: the broken data/2023 fails the run, and a broken 2025 joins it."""
    code, out = run("validate")
    assert code == 1
    assert out.startswith("data/2023/perjanjian.yaml:")
    assert "(1 file checked)" not in out
    shutil.copytree(CASES / "invalid" / "kelompok-order" / "2024", project / "data" / "2025")
    code, out = run("validate")
    assert code == 1
    paths = [line.split(":")[0] for line in out.splitlines()[:-1]]
    assert paths == sorted(paths) and {
        "data/2023/perjanjian.yaml",
        "data/2025/perjanjian.yaml",
    } <= set(paths)


def test_show_without_path_shows_the_newest_year(project: Path) -> None:
    code, out = run("show", "--format", "json")
    assert code == 0
    assert json.loads(out)["tahun"] == 2024


def test_no_year_folder_is_a_usage_error(tmp_path: Path) -> None:
    result = pk("validate", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.startswith("pk: error: no year folder such as data/2024 here")
    assert "Traceback" not in result.stderr
