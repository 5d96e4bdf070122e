"""Machine-readable output: diagnostics as `text` (a tested, greppable contract), `json`
and `github`; and rows of data as CSV.

The machine-readable parts (`path:line:col: error|warning: … [code]`, or `path: …` for a
finding about the whole file; the JSON keys, where such a finding has line and col 0; the
GitHub annotations) are the same in every language; only messages and the summary follow it.
"""

from __future__ import annotations

import io
import re
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TypeVar

from pk.diagnostics import Diagnostic, Level, count
from pk.i18n import _, ngettext
from pk.text import json_text, one_line, visible
from pk.vocab import DiagnosticFormat

T = TypeVar("T")


def format_text(diagnostics: list[Diagnostic], files: int) -> str:
    lines = [f"{_where(d)}: {d.level}: {one_line(d.message)} [{d.code}]" for d in diagnostics]
    lines.append(summary(diagnostics, files))
    return "\n".join(lines) + "\n"


def _where(d: Diagnostic) -> str:
    """`path:line:col`, or just the path for a finding about the whole file (line 0), as
    compilers print them; a finding about a command's argument names the command."""
    path = one_line(d.path)
    return f"{path}:{d.line}:{d.col}" if d.line else path


def format_json(diagnostics: list[Diagnostic], files: int) -> str:
    return json_text([d.as_dict() for d in diagnostics])


def format_github(diagnostics: list[Diagnostic], files: int) -> str:
    """GitHub Actions workflow commands: each finding becomes an annotation on the file."""
    lines = []
    for d in diagnostics:
        where = f"file={_escape_property(visible(d.path))}"
        if d.line:
            where += f",line={d.line},col={d.col}"
        lines.append(f"::{d.level} {where},title={d.code}::{_escape_data(visible(d.message))}")
    lines.append(summary(diagnostics, files))
    return "\n".join(lines) + "\n"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def summary(diagnostics: list[Diagnostic], files: int) -> str:
    errors, warnings = count(diagnostics, Level.ERROR), count(diagnostics, Level.WARNING)
    checked = ngettext("{n} file checked", "{n} files checked", files).format(n=files)
    if not errors and not warnings:
        return _("No problems found ({checked}).").format(checked=checked)
    found_errors = ngettext("{n} error", "{n} errors", errors).format(n=errors)
    found_warnings = ngettext("{n} warning", "{n} warnings", warnings).format(n=warnings)
    if errors and warnings:
        found = _("{errors} and {warnings}").format(errors=found_errors, warnings=found_warnings)
    else:
        found = found_errors if errors else found_warnings
    return _("Found {found} ({checked}).").format(found=found, checked=checked)


def render_fmt(changed: Sequence[str], problems: list[Diagnostic], files: int, check: bool) -> str:
    """`pk fmt`'s report: each file (re)formatted, the files it could not read, a summary."""
    lines = [
        (_("would reformat {path}") if check else _("reformatted {path}")).format(path=one_line(p))
        for p in changed
    ]
    text = "".join(line + "\n" for line in lines)
    if problems:
        text += format_text(problems, files)
    broken = len({d.path for d in problems})
    left = files - len(changed) - broken
    if check:
        done = ngettext(
            "{n} file would be reformatted", "{n} files would be reformatted", len(changed)
        )
    else:
        done = ngettext("{n} file reformatted", "{n} files reformatted", len(changed))
    parts = [done.format(n=len(changed)), _("{n} unchanged").format(n=left)]
    if problems:
        parts.append(_("{n} not formatted (errors above)").format(n=broken))
    return text + ", ".join(parts) + ".\n"


def printed(render: Callable[[T], str]) -> Callable[..., None]:
    """A view that returns text as one that prints it, like the table views (which take a
    title too: a text view leaves it out)."""

    def view(result: T, *_title: object) -> None:
        sys.stdout.write(render(result))

    return view


def csv_text(rows: Iterable[Mapping[str, object]], columns: Sequence[str]) -> str:
    """Rows as CSV with a header line; keys outside `columns` are left out, and no text
    cell opens as a formula in a spreadsheet or holds a control character (`inert`)."""
    import csv  # here, not at the top: `pk validate`'s text output needs no csv

    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    writer.writerows({k: inert(v) if isinstance(v, str) else v for k, v in r.items()} for r in rows)
    return out.getvalue()


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = r"[+-]?[0-9]+(?:[.,][0-9]+)?%?"  # compiled by `re` when first used


def inert(text: str) -> str:
    """A text cell that a spreadsheet shows as text, never runs: one beginning with `=`, `+`,
    `-`, `@`, a tab or a carriage return gets a `'` in front (OWASP's advice against CSV
    injection), and control characters are written `visible` (a CSV is also read in a
    terminal). A number such as `-5` or `+2,5%` stays as it is."""
    if text.startswith(_FORMULA_START) and not re.fullmatch(_NUMBER, text):
        return "'" + visible(text)
    return visible(text)


FORMATTERS: dict[DiagnosticFormat, Callable[[list[Diagnostic], int], str]] = {
    DiagnosticFormat.TEXT: format_text,
    DiagnosticFormat.JSON: format_json,
    DiagnosticFormat.GITHUB: format_github,
}
