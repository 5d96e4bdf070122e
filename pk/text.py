"""Control characters in text from the data: which they are, and how every output shows them.

A name or a catatan can hold control characters, written in a double-quoted YAML string as
`\\e`, `\\x07`, `\\u202e`: ESC starts the sequences that clear or recolour a terminal, BEL
rings, a C1 CSI (`\\x9b`) acts as ESC[ does, the bidirectional overrides reorder what is shown,
and a spreadsheet refuses most of them. No signed document holds one. `pk validate` locates
each (`[control-character]`, pk.load.source); every output writes them as `visible` escapes
all the same, so data that was never validated stays harmless: the terminal, CSV, Markdown,
HTML and PDF reports, and the workbook.
"""

from __future__ import annotations

import re

_BIDI = (*range(0x202A, 0x202F), *range(0x2066, 0x206A))
"""Bidirectional embeddings, overrides and isolates: they reorder what is shown."""

_CODES = (*range(0x20), *range(0x7F, 0xA0), *_BIDI)
ALLOWED = "\n\t"
"""The two control characters a text may hold: a line break and a tab."""

CONTROL = re.compile(
    "[" + "".join(re.escape(chr(code)) for code in _CODES if chr(code) not in ALLOWED) + "]"
)
"""Any control character a text may not hold: C0 but tab and line break (a carriage return
too), DEL, C1, and the bidirectional controls."""

_SHOWN = {
    ord(c): (f"\\x{ord(c):02x}" if ord(c) < 0x100 else f"\\u{ord(c):04x}")
    for c in map(chr, _CODES)
    if c not in ALLOWED
} | {ord("\r"): "\\r"}


def escape(char: str) -> str:
    """How `visible` writes the control character `char`: `\\x1b`, `\\r`, `\\u202e`."""
    return _SHOWN[ord(char)]


def visible(text: str) -> str:
    """`text` with each control character written as its escape (`\\x1b`, `\\x07`,
    `\\u202e`), so that it shows instead of acting; line breaks and tabs stay."""
    return text.translate(_SHOWN)


def first_control(text: str) -> str | None:
    """The first control character in `text` that a text may not hold, or None."""
    found = CONTROL.search(text)
    return found.group() if found else None
