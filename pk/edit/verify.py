"""The last step of every writer: read back the text about to be written, before writing it.

    intended data (what the command means to write) + the new text
        --pk's read path--> equal data? every comment of the old text still there?
        --> write, or a located error and nothing written

The intended data comes from the read path's data of the old text, changed where the edit
changed ruamel's tree (`intended`); never from ruamel's output, whose mistakes this catches.
"""

from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import yaml

from pk.check import codes
from pk.diagnostics import Diagnostic
from pk.edit.splice import same
from pk.i18n import _
from pk.load.source import Source, load_text

Loc = tuple[str | int, ...]


def intended(data: Any, before: Any, after: Any) -> Any:
    """The read path's `data` of a file with the edit from ruamel's `before` to `after` made."""
    if same(before, after):
        return data
    if isinstance(before, dict) and isinstance(after, dict) and isinstance(data, dict):
        if len(data) == len(before):
            keys = dict(zip(before, data, strict=True))
            return {
                keys[k] if k in keys else plain(k): (
                    intended(data[keys[k]], before[k], v) if k in keys else plain(v)
                )
                for k, v in after.items()
            }
    if isinstance(before, list) and isinstance(after, list) and isinstance(data, list):
        if len(data) == len(before) <= len(after):
            return [
                intended(data[i], before[i], v) if i < len(before) else plain(v)
                for i, v in enumerate(after)
            ]
    return plain(after)


def plain(value: Any) -> Any:
    """A ruamel value as pk's read path gives it: Decimal for fractions, dates as text."""
    if isinstance(value, dict):
        return {plain(k): plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, bool | int | Decimal | None):
        return value if isinstance(value, bool | None | Decimal) else int(value)
    if isinstance(value, float):
        return Decimal(repr(float(value)))
    if isinstance(value, datetime.date):
        return (
            value.isoformat(sep=" ") if isinstance(value, datetime.datetime) else value.isoformat()
        )
    return str(value)


def difference(expected: Any, actual: Any, loc: Loc = ()) -> tuple[Loc, Any, Any] | None:
    """Where `actual` first differs from `expected`, with both values there; None if equal."""
    if isinstance(expected, dict) and isinstance(actual, dict):
        for k in expected:
            if k not in actual:
                return (*loc, k), expected[k], None
            found = difference(expected[k], actual[k], (*loc, k))
            if found:
                return found
        extra = [k for k in actual if k not in expected]
        return ((*loc, extra[0]), None, actual[extra[0]]) if extra else None
    if isinstance(expected, list) and isinstance(actual, list):
        for i, (a, b) in enumerate(zip(expected, actual, strict=False)):
            found = difference(a, b, (*loc, i))
            if found:
                return found
        if len(expected) != len(actual):
            return (*loc, min(len(expected), len(actual))), expected, actual
        return None
    if _equal(expected, actual):
        return None
    return loc, expected, actual


def _equal(a: Any, b: Any) -> bool:
    if isinstance(a, bool) or isinstance(b, bool) or a is None or b is None:
        return a is b
    if isinstance(a, int | Decimal) and isinstance(b, int | Decimal):
        if isinstance(a, Decimal) and isinstance(b, Decimal) and a.is_nan() and b.is_nan():
            return True
        return bool(a == b)
    return type(a) is type(b) and bool(a == b)


def check_written(
    text: str, expected: Any, display: str, *, at: Source | None = None, old: str | None = None
) -> list[Diagnostic]:
    """Errors (nothing may be written) when `text` read back does not hold `expected`, or
    loses a comment of `old`; located in `at` (the file as it is now) where it can be."""
    source, problems = load_text(text, display)

    def error(loc: Loc, message: str) -> Diagnostic:
        line, col = (at or source).locate(loc) if loc else (0, 0)
        return codes.WRITE_MISMATCH.at(display, line, col, message)

    if problems:
        return [
            codes.WRITE_MISMATCH.at(
                display,
                0,
                0,
                _(
                    "pk would write text that does not read back ({problem}); nothing was "
                    "written: please report this"
                ).format(problem=problems[0].message),
            )
        ]
    found = difference(expected, source.data)
    if found is not None:
        loc, meant, got = found
        return [
            error(
                loc,
                _(
                    "pk would write {meant} here, but it would read back as {got}; nothing was "
                    "written: please report this, and write the value in quotes meanwhile"
                ).format(meant=_show(meant), got=_show(got)),
            )
        ]
    if old is not None:
        lost = lost_comments(old, text)
        if lost:
            return [
                codes.WRITE_MISMATCH.at(
                    display,
                    lost[0].line,
                    lost[0].col,
                    _(
                        "pk would lose the comment `{comment}`; nothing was written: please "
                        "report this"
                    ).format(comment=lost[0].text[:80]),
                )
            ]
    return []


def _show(value: Any) -> str:
    text = repr(value) if not isinstance(value, Decimal) else str(value)
    return f"`{text[:80]}`"


@dataclass(frozen=True)
class Comment:
    line: int
    """1-based, as is `col`."""
    col: int
    text: str
    """From the `#` to the end of its line, without trailing spaces."""


def comments(text: str) -> list[Comment]:
    """Every comment: a `#` outside scalars, at the line's start or after a space or tab."""
    scanner = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's, when there is one
    body = text.removeprefix("\ufeff")
    spans: list[tuple[int, int]] = []
    try:
        for token in yaml.scan(body, Loader=scanner):
            if isinstance(token, yaml.ScalarToken):
                spans.append((token.start_mark.index, token.end_mark.index))
    except yaml.YAMLError:
        return []
    found: list[Comment] = []
    offset = 0
    span = 0
    for number, line in enumerate(body.splitlines(keepends=True), start=1):
        for col, char in enumerate(line):
            if char != "#" or (col and line[col - 1] not in " \t"):
                continue
            at = offset + col
            while span < len(spans) and spans[span][1] <= at:
                span += 1
            if span < len(spans) and spans[span][0] <= at:
                continue  # inside a scalar (a quoted `#`, or a block text)
            found.append(Comment(number, col + 1, line[col:].rstrip()))
            break
        offset += len(line)
    return found


def lost_comments(old: str, new: str) -> list[Comment]:
    """The comments of `old` that `new` does not have (with their places in `old`)."""
    missing = Counter(c.text for c in comments(old)) - Counter(c.text for c in comments(new))
    lost = []
    for comment in comments(old):
        if missing[comment.text] > 0:
            missing[comment.text] -= 1
            lost.append(comment)
    return lost
