"""PDF: an HTML report printed by the system Chromium (A4, from the report's print CSS).

Never a downloaded browser: Debian's package `chromium`, or $PK_CHROMIUM.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from pk.diagnostics import EnvironmentProblem
from pk.i18n import _
from pk.render.templates import ReportError

CHROMIUM_PACKAGE = "chromium"
"""The Debian package that provides the browser `--format pdf` prints through."""


def find_chromium() -> str | None:
    """The system Chromium: $PK_CHROMIUM, else `chromium` on PATH, else /usr/bin/chromium."""
    for candidate in (
        os.environ.get("PK_CHROMIUM"),
        shutil.which("chromium"),
        shutil.which("chromium-browser"),
        "/usr/bin/chromium",
    ):
        if candidate and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return candidate
    return None


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
        return target.read_bytes()
