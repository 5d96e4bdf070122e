"""The command line's shape: thin commands, one error boundary, light imports at start-up.

User errors end in `pk.cli._Pk.invoke`: exit 2 for wrong usage or environment with
`pk: error: …`, exit 1 for problems in the data with the findings and what to do; never a
traceback. Every run passes through it, typer's test runner as much as `python -m pk`.
"""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import DATA_2024, ROOT
from typer.testing import CliRunner

from pk.cli import app

pytestmark = pytest.mark.usefixtures("english")  # asserts English messages

CLI = ROOT / "pk" / "cli.py"
CASES = ROOT / "tests" / "cases"
MINIMAL = CASES / "valid" / "minimal" / "2024"
INVALID = CASES / "invalid" / "total-mismatch" / "2024"
UNREADABLE = CASES / "invalid" / "invalid-value" / "2024"
"""No agreement at all (the schema fails), which even `pk diff` cannot compare."""
MAX_BODY = 15


def _commands() -> list[ast.FunctionDef]:
    tree = ast.parse(CLI.read_text(encoding="utf-8"))
    return [
        node
        for node in tree.body
        if isinstance(node, ast.FunctionDef)
        and any(
            isinstance(d, ast.Call)
            and isinstance(d.func, ast.Attribute)
            and d.func.attr in ("command", "callback")
            for d in node.decorator_list
        )
    ]


def _body_lines(fn: ast.FunctionDef, source: list[str]) -> int:
    """Code lines of a command after its docstring and local imports, without blanks or
    comments."""
    body = list(fn.body)
    if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
        body = body[1:]
    while body and isinstance(body[0], ast.Import | ast.ImportFrom):
        body = body[1:]
    lines = {n for stmt in body for n in range(stmt.lineno, (stmt.end_lineno or stmt.lineno) + 1)}
    return sum(
        1 for n in lines if source[n - 1].strip() and not source[n - 1].strip().startswith("#")
    )


def test_every_command_body_is_at_most_15_lines() -> None:
    source = CLI.read_text(encoding="utf-8").splitlines()
    commands = _commands()
    assert len(commands) >= 12  # the commands really were found
    long = {fn.name: n for fn in commands if (n := _body_lines(fn, source)) > MAX_BODY}
    assert long == {}


LIGHT = {"os", "sys", "collections.abc", "enum", "pathlib", "typing", "typer", "typer.core"}
LIGHT_PK = {"pk", "pk.vocab", "pk.i18n", "pk.diagnostics"}


def test_cli_imports_only_light_modules_at_the_top() -> None:
    tree = ast.parse(CLI.read_text(encoding="utf-8"))
    imported = set()
    for node in tree.body:
        if isinstance(node, ast.Import):
            imported |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names = {f"{node.module}.{a.name}" for a in node.names}
            # `from pk import i18n` imports a module; `from pk import __version__` a name.
            imported.add(node.module if not names & {"pk.i18n"} else "pk.i18n")
    assert imported - LIGHT - LIGHT_PK == set()


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["validate", "data/1999"], "data/1999: no such file or folder"),
        (["show", "data/1999"], "data/1999: no such file or folder"),
        (["schema", "nothing"], "no schema named 'nothing'"),
        (["fmt", "data/1999"], "data/1999: no such file or folder"),
        (["capaian", str(DATA_2024), "--unit", "x"], "--unit needs a workspace"),
        (["achievement", str(DATA_2024), "--unit", "x"], "--unit needs a workspace"),
        (["report", str(DATA_2024), "-d", "perbandingan"], "needs a workspace"),
        (["diff", "data/1999", str(DATA_2024)], "is neither a folder nor a git revision"),
        (["set", "IK-01", str(DATA_2024)], "pk set needs an indikator and what to record"),
        (["import", "nothing.csv", str(DATA_2024)], "nothing.csv: no such file"),
        (["export", str(DATA_2024), "-o", "out.txt"], "the workbook must end in .xlsx"),
        (["new", "2025", "--from", "data/1999"], "data/1999: not a year folder"),
        (["explain", "no-such-code"], "no finding code 'no-such-code'"),
        (["report", str(DATA_2024), "--templates", "README.md"], "no such template folder"),
    ],
)
def test_wrong_usage_exits_2_with_one_message(
    args: list[str], message: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    code, out, err = invoke(*args)
    assert (code, out) == (2, "")
    assert err.startswith("pk: error: ")
    assert message in err
    assert err.count("\n") == 1


@pytest.mark.parametrize(
    ("args", "hint"),
    [
        (
            ["show", str(INVALID)],
            "Fix the errors above (pk validate shows them too), then run again.",
        ),
        (
            ["capaian", str(INVALID)],
            "Fix the errors above (pk validate shows them too), then run again.",
        ),
        (["export", str(INVALID), "-o", "x.xlsx"], "Fix the errors above"),
        (
            ["diff", str(UNREADABLE), str(MINIMAL)],
            "pk diff compares valid agreements; fix the errors above first.",
        ),
    ],
)
def test_invalid_data_exits_1_with_the_findings(args: list[str], hint: str) -> None:
    code, out, err = invoke(*args)
    assert (code, out) == (1, "")
    assert "[total-mismatch]" in err or "[invalid-value]" in err
    assert err.splitlines()[-1].startswith(hint)
    assert "Traceback" not in err


def test_an_entry_with_errors_writes_nothing(tmp_path: Path) -> None:
    year = tmp_path / "2024"
    shutil.copytree(MINIMAL, year)
    code, out, err = invoke("set", "IK-99", str(year), "--periode", "TW1", "--realisasi", "5")
    assert (code, out) == (1, "")
    assert err.endswith("Nothing was written.\n")
    assert not (year / "realisasi.yaml").exists()


def test_a_folder_that_exists_is_refused(tmp_path: Path) -> None:
    shutil.copytree(MINIMAL, tmp_path / "2024")
    (tmp_path / "2025").mkdir()
    code, out, err = invoke("new", "2025", "--from", str(tmp_path / "2024"))
    assert (code, out) == (1, "")
    assert err.startswith("pk: error: ") and "already exists" in err


def test_git_missing_is_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(MINIMAL, tmp_path / "2024")
    monkeypatch.setenv("PATH", str(tmp_path / "no-bin"))
    code, out, err = invoke("diff", "HEAD~1", "--path", str(tmp_path / "2024"))
    assert (code, out) == (2, "")
    assert err == "pk: error: git is not installed; compare two folders instead\n"


def test_the_real_entry_point_passes_through_the_same_boundary(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "pk", "--lang", "en", "capaian", str(INVALID)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
    )
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr.endswith(
        "Fix the errors above (pk validate shows them too), then run again.\n"
    )


def test_achievement_is_an_alias_of_capaian_kept_out_of_the_list() -> None:
    code, out, _err = invoke("--help")
    assert code == 0
    assert "capaian" in out and "achievement" not in out
    assert (
        invoke("achievement", str(MINIMAL), "-f", "json")[:2]
        == invoke("capaian", str(MINIMAL), "-f", "json")[:2]
    )


def test_output_onto_a_file_says_it_names_a_folder(tmp_path: Path) -> None:
    existing = tmp_path / "laporan.html"
    existing.write_text("mine\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["report", str(DATA_2024), "-o", str(existing)])
    assert result.exit_code == 2
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert result.stderr == (
        f"pk: error: --output {existing} is a file, but --output names the folder the reports "
        "are written into (they are named perjanjian.html, capaian.md, …): name a folder, or "
        "`-` to write one document to the screen\n"
    )
    assert existing.read_text(encoding="utf-8") == "mine\n"


@pytest.mark.skipif(not Path("/sys/kernel").is_dir(), reason="needs Linux's /sys")
def test_output_where_nothing_may_be_written_names_the_path() -> None:
    result = CliRunner().invoke(app, ["report", str(DATA_2024), "-o", "/sys/pk-laporan"])
    assert result.exit_code == 2
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert result.stderr.startswith("pk: error: /sys")
    assert "cannot write here" in result.stderr and result.stderr.count("\n") == 1


@pytest.mark.parametrize(
    ("errno_", "says"),
    [
        (13, "permission denied"),
        (28, "the disk is full"),
        (30, "the disk is read-only"),
        (20, "a part of the path is a file, not a folder"),
    ],
)
def test_any_os_error_a_stage_lets_through_is_a_message_naming_the_path(
    errno_: int, says: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The generic net at the boundary: the system's refusal, in the user's language."""
    from pk.render import templates

    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError(errno_, "the system's own words", str(tmp_path / "out" / "capaian.md"))

    monkeypatch.setattr(templates, "write_reports", refuse)
    result = CliRunner().invoke(app, ["report", str(DATA_2024), "-o", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert result.stderr == (
        f"pk: error: {tmp_path / 'out' / 'capaian.md'}: {says}: check the path, and that you "
        "may read and write there\n"
    )
    indonesian = CliRunner().invoke(
        app, ["--lang", "id", "report", str(DATA_2024), "-o", str(tmp_path / "out")]
    )
    assert indonesian.exit_code == 2 and says not in indonesian.stderr
