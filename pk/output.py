"""Formatters for diagnostics: `text` (a tested, greppable contract), `json` and `github`."""

from __future__ import annotations

import json
from collections.abc import Callable

from pk.diagnostics import Diagnostic, Level, count


def format_text(diagnostics: list[Diagnostic], files: int) -> str:
    lines = [
        f"{d.path}:{d.line}:{d.col}: {d.level}: {_one_line(d.message)} [{d.code}]"
        for d in diagnostics
    ]
    lines.append(summary(diagnostics, files))
    return "\n".join(lines) + "\n"


def _one_line(message: str) -> str:
    """One finding a line, whatever text from the file a message quotes."""
    return message.replace("\r", "\\r").replace("\n", "\\n")


def format_json(diagnostics: list[Diagnostic], files: int) -> str:
    return json.dumps([d.as_dict() for d in diagnostics], ensure_ascii=False, indent=2) + "\n"


def format_github(diagnostics: list[Diagnostic], files: int) -> str:
    """GitHub Actions workflow commands: each finding becomes an annotation on the file."""
    lines = []
    for d in diagnostics:
        where = f"file={_escape_property(d.path)}"
        if d.line:
            where += f",line={d.line},col={d.col}"
        lines.append(f"::{d.level} {where},title={d.code}::{_escape_data(d.message)}")
    lines.append(summary(diagnostics, files))
    return "\n".join(lines) + "\n"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def summary(diagnostics: list[Diagnostic], files: int) -> str:
    errors, warnings = count(diagnostics, Level.ERROR), count(diagnostics, Level.WARNING)
    checked = f"{files} file{'s' if files != 1 else ''} checked"
    if not errors and not warnings:
        return f"No problems found ({checked})."
    parts = []
    if errors:
        parts.append(f"{errors} error{'s' if errors != 1 else ''}")
    if warnings:
        parts.append(f"{warnings} warning{'s' if warnings != 1 else ''}")
    return f"Found {' and '.join(parts)} ({checked})."


FORMATTERS: dict[str, Callable[[list[Diagnostic], int], str]] = {
    "text": format_text,
    "json": format_json,
    "github": format_github,
}
