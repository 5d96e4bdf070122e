"""Every command that reads a year, on hostile years: messages of bounded length and an exit
code, never a traceback (`pk validate`'s own findings for them are in tests/cases and
test_hostile_inputs); and every YAML syntax error in the user's language."""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from conftest import ROOT
from typer.testing import CliRunner

from pk.cli import app
from pk.load import source
from pk.load.source import load_text

pytestmark = pytest.mark.usefixtures("english")  # asserts English messages

DEMO = ROOT / "examples" / "demo-2024"


def _append(name: str, text: str) -> Callable[[Path], None]:
    def spoil(folder: Path) -> None:
        with (folder / name).open("a", encoding="utf-8") as file:
            file.write(text)

    return spoil


def _replace(name: str, old: str, new: str) -> Callable[[Path], None]:
    def spoil(folder: Path) -> None:
        path = folder / name
        path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")

    return spoil


def _link_loop(folder: Path) -> None:
    (folder / "realisasi.yaml").unlink()
    (folder / "realisasi.yaml").symlink_to("realisasi.yaml")


def _not_utf8(folder: Path) -> None:
    with (folder / "perjanjian.yaml").open("ab") as file:
        file.write(b"# caf\xe9\n")


HOSTILE: dict[str, Callable[[Path], None]] = {
    "alias-bomb": _append("pengaturan.yaml", "a: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]\n"),
    "deep-nesting": _append("pengaturan.yaml", "a: " + "[" * 3000 + "]" * 3000 + "\n"),
    "not-utf8": _not_utf8,
    "second-document": _append("realisasi.yaml", "---\nversi_format: 1\n"),
    "pagu-of-5000-digits": _replace("perjanjian.yaml", "pagu: 165842289000", "pagu: " + "9" * 5000),
    "realisasi-1e30": _replace("realisasi.yaml", "realisasi: 25}", "realisasi: 1e30}"),
    "target-1e400": _replace("perjanjian.yaml", "target: 100", "target: 1e400"),
    "key-a-number": _append("pengaturan.yaml", "1: a\n"),
    "link-loop": _link_loop,
    "an-id-of-100000-characters": _replace("perjanjian.yaml", "id: IK-01", "id: " + "I" * 100_000),
}
COMMANDS = [
    ["show", "{year}"],
    ["capaian", "{year}", "-f", "json"],
    ["report", "{year}", "-o", "{tmp}/out"],
    ["set", "IK-01", "{year}", "-p", "TW1", "-r", "5"],
    ["export", "{year}", "-o", "{tmp}/out.xlsx"],
    ["fmt", "--check", "{year}"],
    ["new", "2025", "--from", "{year}"],
    ["diff", "{year}", str(DEMO)],
]


@pytest.mark.parametrize("spoil", HOSTILE.values(), ids=list(HOSTILE))
def test_every_command_on_a_hostile_year_says_what_is_wrong(
    spoil: Callable[[Path], None], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if spoil is _link_loop and not hasattr(os, "symlink"):
        pytest.skip("no symbolic links here")
    year = tmp_path / "data" / "2024"
    shutil.copytree(DEMO, year)
    spoil(year)
    monkeypatch.chdir(tmp_path)
    for command in COMMANDS:
        args = [a.format(year=year, tmp=tmp_path) for a in command]
        result = CliRunner().invoke(app, args)
        # Some commands need only part of the year (pk diff the agreement, pk new no realisasi).
        assert result.exit_code in (0, 1, 2), (args, result.output)
        assert result.exception is None or isinstance(result.exception, SystemExit), (
            args,
            result.exception,
        )
        assert "Traceback" not in result.output
        # Messages quote a bounded excerpt of what the file holds, never all of it.
        assert all(len(line) < 1000 for line in result.output.splitlines()), args


# Broken YAML of every kind libyaml names, each seen by fuzzing pk's own files.
BROKEN = [
    "a: {b: 1",
    "a: [1, 2",
    "a: 1\n--- x\nb",
    "a: |x\n  t\n",
    "a: *\n",
    "a: {b: }\n: c\n",
    "a: b: c\n",
    "a: 1\n- b\n",
    "%\na: 1\n",
    "a: !x,y\n",
    'a: "\\xZZ"\n',
    'a: "\\q"\n',
    'a: "\\ud800"\n',
    "a:\n\t- b\n",
    'a: "x\n---\ny"\n',
    "a: 'b\n",
    "a:\n  b: 1\n c: 2\n",
    "a: @b\n",
]


@pytest.mark.parametrize("text", BROKEN)
def test_every_yaml_syntax_error_speaks_the_users_language(text: str) -> None:
    """libyaml's English problem is never the message itself: each is translated."""
    try:
        source.parse(text)
    except yaml.MarkedYAMLError as err:
        problem = err.problem or ""
    else:
        pytest.fail(f"{text!r} parsed")
    _source, found = load_text(text, "x.yaml")
    assert len(found) == 1 and found[0].code in ("yaml-syntax", "yaml-alias")
    assert problem not in found[0].message, found[0].message
    assert re.match(r"^(YAML syntax error|alias)", found[0].message)
