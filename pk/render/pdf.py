"""PDF: an HTML report printed by the system Chromium (A4, from the report's print CSS).

Never a downloaded browser: Debian's package `chromium`, Chrome or Edge where Windows installs
them, or $PK_CHROMIUM.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Mapping
from pathlib import Path

from pk.diagnostics import EnvironmentProblem
from pk.i18n import _
from pk.render.templates import ReportError

CHROMIUM_PACKAGE = "chromium"
"""The Debian package that provides the browser `--format pdf` prints through."""


def find_chromium(
    environ: Mapping[str, str] = os.environ, platform: str = sys.platform
) -> str | None:
    """The browser to print with: $PK_CHROMIUM, else Chromium, Chrome or Edge on PATH, else
    where each system installs them (/usr/bin/chromium; on Windows, Chrome and Edge under
    Program Files or the user's AppData, as their installers put them)."""
    path = environ.get("PATH")
    names = ("chromium", "chromium-browser", "google-chrome", "chrome", "msedge")
    candidates = [environ.get("PK_CHROMIUM"), *(shutil.which(n, path=path) for n in names)]
    if platform == "win32":
        candidates += [
            str(Path(root, *where))
            for variable, where in WINDOWS_PLACES
            if (root := environ.get(variable))
        ]
    elif platform == "darwin":
        candidates += [f"/Applications/{app}.app/Contents/MacOS/{app}" for app in MAC_APPS]
    else:
        candidates.append("/usr/bin/chromium")
    for candidate in candidates:
        if candidate and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return candidate
    return None


WINDOWS_PLACES: tuple[tuple[str, tuple[str, ...]], ...] = tuple(
    (variable, where)
    for where in (
        ("Google", "Chrome", "Application", "chrome.exe"),
        ("Microsoft", "Edge", "Application", "msedge.exe"),
        ("Chromium", "Application", "chrome.exe"),
    )
    for variable in ("ProgramFiles", "ProgramFiles(x86)", "LOCALAPPDATA")
)
"""Where Chrome, Edge (on every Windows 10 and 11) and Chromium install themselves: the
folder named by each variable, then the path inside it."""
MAC_APPS = ("Chromium", "Google Chrome", "Microsoft Edge")


CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-pdf-header-footer",
)


def print_pdf(html: str) -> bytes:
    """Print an HTML document to PDF (A4, from its print CSS) with the system Chromium."""
    chromium = find_chromium()
    if chromium is None:
        if sys.platform == "win32":
            raise EnvironmentProblem(
                _(
                    "--format pdf prints through Microsoft Edge or Google Chrome, and neither "
                    "was found where Windows installs them; install one, or set PK_CHROMIUM "
                    "to its chrome.exe or msedge.exe"
                )
            )
        raise EnvironmentProblem(
            _(
                "--format pdf prints through Chromium, which is not installed; install the "
                "Debian package `{package}` (sudo apt-get install {package}) or set PK_CHROMIUM "
                "to a Chromium binary"
            ).format(package=CHROMIUM_PACKAGE)
        )
    with tempfile.TemporaryDirectory(prefix="pk-pdf-") as work:
        source = Path(work) / "report.html"
        target = Path(work) / "report.pdf"
        source.write_text(html, encoding="utf-8")
        command = [
            chromium,
            *CHROMIUM_FLAGS,
            f"--user-data-dir={Path(work) / 'profile'}",
            f"--print-to-pdf={target}",
            source.as_uri(),
        ]
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
        except subprocess.TimeoutExpired:
            raise ReportError(
                _("{chromium} did not finish printing within 120 s").format(chromium=chromium)
            ) from None
        if not target.is_file() or target.stat().st_size == 0:
            detail = (done.stderr or done.stdout).strip().splitlines()[-3:]
            raise ReportError(
                _("{chromium} could not print the PDF (exit {code}): {detail}").format(
                    chromium=chromium, code=done.returncode, detail=" / ".join(detail)
                )
            )
        return fixed_dates(target.read_bytes())


_PDF_DATE = re.compile(rb"/(CreationDate|ModDate) ?\(D:[0-9]{4,14}(?:[Z+-][0-9']*)?\)")
FIXED_DATES = (b"D:20000101000000+00'00'", b"D:20000101000000Z", b"D:2000")
"""What the PDF says it was made and modified, always the same (the generation time is in the
report itself with --timestamp): the first that fits in what Chromium wrote."""


def fixed_dates(pdf: bytes) -> bytes:
    """`pdf` with Chromium's /CreationDate and /ModDate (the time of printing) fixed, so the
    same data gives the same bytes.

    Each keeps its length (padded with spaces, which a PDF dictionary allows between its
    entries), so every byte offset in the cross-reference table stays true."""

    def fixed(match: re.Match[bytes]) -> bytes:
        found = match.group(0)
        for date in FIXED_DATES:
            value = b"/" + match.group(1) + b" (" + date + b")"
            if len(value) <= len(found):
                return value.ljust(len(found), b" ")
        return found  # unreachable: the pattern needs at least D:YYYY

    return _PDF_DATE.sub(fixed, pdf)
