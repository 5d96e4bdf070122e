"""Data text in GitHub-flavoured Markdown: the reports' `md` filter and `pk diff --format md`.

What comes from the data is shown as text, never as markup: inline specials and raw HTML are
backslash-escaped (`<img src=x onerror=...>` prints as written), `|` is escaped so a value
stays in its table cell, a leading block marker is neutralised, and control characters are
written as visible escapes (pk.text: `\\x1b`, never ESC itself, which a terminal showing the
Markdown would run).
"""

from __future__ import annotations

import re
from urllib.parse import quote

from pk.text import visible

_SPECIAL = re.compile(r"([\\`*_\[\]<>|&~])")
# What would open a block when a value starts a line: a heading, list item, quote, rule.
_BLOCK_START = re.compile(r"^(\s*\d{0,9})((?<=\d)[.)](?=\s|$)|(?<!\d)(?:#|[-+=](?=\s|$)|>))")
_BACKTICKS = re.compile(r"`+")


def md(value: object) -> str:
    """Data text for Markdown: specials and `|` backslash-escaped (safe in table cells), a
    leading block marker neutralised, line breaks as <br>."""
    text = _SPECIAL.sub(r"\\\1", visible(str(value)))
    lines = [_BLOCK_START.sub(r"\1\\\2", line) for line in text.splitlines()] or [""]
    return "<br>".join(lines)


def md_link(text: object, url: str) -> str:
    """A link in Markdown: the text escaped (`md`), the address percent-encoded beyond the
    characters a URL keeps, so no `)`, `<`, `>` or space can end it or open markup."""
    return f"[{md(text)}](<{quote(url, safe=_URL_SAFE)}>)"


_URL_SAFE = "/:?#[]@!$&'*+,;=%~"
"""What `md_link` leaves as written: a URL's reserved characters, but not `(`, `)`."""


def md_code(value: object) -> str:
    """Data text as a code span in a table cell: shown verbatim (HTML inert), fenced by more
    backticks than it holds, `|` escaped, on one line."""
    text = " ".join(visible(str(value)).split("\n")).replace("|", "\\|")
    fence = "`" * (max((len(run) for run in _BACKTICKS.findall(text)), default=0) + 1)
    if text.startswith("`") or text.endswith("`"):
        text = f" {text} "
    return f"{fence}{text}{fence}"
