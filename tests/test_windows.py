"""What pk needs on the planners' Windows PCs, checked where the tests run: the browser for
PDF found where Windows installs it, and no POSIX-only call outside a Windows branch."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import ROOT

from pk.render.pdf import find_chromium


def install(root: Path, *where: str) -> str:
    exe = root.joinpath(*where)
    exe.parent.mkdir(parents=True)
    exe.write_bytes(b"")
    exe.chmod(0o755)
    return str(exe)


@pytest.mark.parametrize(
    ("variable", "where"),
    [
        ("ProgramFiles(x86)", ("Microsoft", "Edge", "Application", "msedge.exe")),
        ("ProgramFiles", ("Microsoft", "Edge", "Application", "msedge.exe")),
        ("ProgramFiles", ("Google", "Chrome", "Application", "chrome.exe")),
        ("ProgramFiles(x86)", ("Google", "Chrome", "Application", "chrome.exe")),
        ("LOCALAPPDATA", ("Google", "Chrome", "Application", "chrome.exe")),
    ],
)
def test_finds_edge_or_chrome_where_windows_installs_them(
    tmp_path: Path, variable: str, where: tuple[str, ...]
) -> None:
    exe = install(tmp_path / variable, *where)
    environ = {"PATH": "", variable: str(tmp_path / variable)}
    assert find_chromium(environ, "win32") == exe


def test_chrome_comes_before_edge_and_pk_chromium_before_both(tmp_path: Path) -> None:
    files = tmp_path / "pf"
    edge = install(files, "Microsoft", "Edge", "Application", "msedge.exe")
    chrome = install(files, "Google", "Chrome", "Application", "chrome.exe")
    environ = {"PATH": "", "ProgramFiles": str(files)}
    assert find_chromium(environ, "win32") == chrome
    assert find_chromium({**environ, "PK_CHROMIUM": edge}, "win32") == edge


def test_no_browser_on_windows_is_none(tmp_path: Path) -> None:
    assert find_chromium({"PATH": "", "ProgramFiles": str(tmp_path)}, "win32") is None


def test_a_browser_on_path_is_found_anywhere(tmp_path: Path) -> None:
    exe = install(tmp_path, "bin", "msedge")
    assert find_chromium({"PATH": str(tmp_path / "bin")}, "win32") == exe


POSIX_ONLY = re.compile(
    r"\b(fcntl|os\.(getuid|geteuid|getgid|fork|sched_yield|setsid|killpg|getpgid)"
    r"|signal\.SIG(ALRM|HUP|KILL|CHLD|USR1)|import (pwd|grp|termios|resource))\b"
)


def test_posix_only_calls_sit_in_a_branch_for_other_systems() -> None:
    """pk runs on Windows: a POSIX-only module or call appears only under a platform test
    (pk/files.py's lock has a branch for each)."""
    for source in sorted((ROOT / "pk").rglob("*.py")):
        lines = source.read_text(encoding="utf-8").splitlines()
        for n, line in enumerate(lines):
            if POSIX_ONLY.search(line) and not line.lstrip().startswith("#"):
                before = "\n".join(lines[max(0, n - 25) : n])
                assert 'sys.platform == "win32"' in before or "os.name" in before, (
                    f"{source.relative_to(ROOT)}:{n + 1}: {line.strip()}"
                )


def test_output_into_a_file_is_utf8_whatever_the_code_page(tmp_path: Path) -> None:
    """Windows writes its ANSI code page (cp1252) into a redirected stdout: pk's `—` and
    `→` would stop the command there. pk writes UTF-8 instead."""
    import os
    import subprocess
    import sys

    env = {**os.environ, "PYTHONIOENCODING": "cp1252", "PK_LANG": "id"}
    done = subprocess.run(
        [sys.executable, "-m", "pk", "capaian", str(ROOT / "examples" / "demo-2024"), "-f", "json"],
        capture_output=True,
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    assert "—".encode() in done.stdout
