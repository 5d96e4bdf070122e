"""Characters in text from the data that no text should hold: which they are, and how every
output shows them.

A name or a catatan can hold control characters, written in a double-quoted YAML string as
`\\e`, `\\x07`, `\\u202e`: ESC starts the sequences that clear or recolour a terminal, BEL
rings, a C1 CSI (`\\x9b`) acts as ESC[ does, the bidirectional overrides reorder what is shown,
and a spreadsheet refuses most of them. The same rule covers what is not text at all and what
is invisible: the Unicode noncharacters (`\\ufffe`) and lone surrogates, which XML 1.0 forbids
so a workbook holding one is corrupt, and the invisible format characters (a zero-width space,
the direction marks, a byte-order mark inside a text, the line and paragraph separators), which
make two names that look the same differ. No signed document holds one. `pk validate` locates
each (`[control-character]`, pk.load.source); every output writes them as `visible` escapes
all the same, so data that was never validated stays harmless: the terminal, CSV, JSON,
Markdown, HTML and PDF reports, and the workbook.
"""

from __future__ import annotations

import functools
import re

_BIDI = (*range(0x202A, 0x202F), *range(0x2066, 0x206A))
"""Bidirectional embeddings, overrides and isolates: they reorder what is shown."""

_INVISIBLE = (
    0x061C,  # Arabic letter mark
    *range(
        0x200B, 0x2010
    ),  # zero-width space, non-joiner, joiner; left-to-right/right-to-left marks
    0x2028,  # line separator
    0x2029,  # paragraph separator
    *range(0x2060, 0x2065),  # word joiner, invisible operators
    *range(0x206A, 0x2070),  # deprecated format characters
    0xFEFF,  # a byte-order mark inside a text (the one opening a file is dropped on reading)
    *range(0xFFF9, 0xFFFC),  # interlinear annotation
)
"""Invisible format characters: they show as nothing, or move what is shown."""

_NONCHARACTERS = (
    *range(0xFDD0, 0xFDF0),
    *(plane * 0x10000 + end for plane in range(17) for end in (0xFFFE, 0xFFFF)),
)
"""The 66 Unicode noncharacters: never text; XML 1.0 forbids U+FFFE and U+FFFF."""

_CONTROLS = (*range(0x20), *range(0x7F, 0xA0), *_BIDI)
ALLOWED = "\n\t"
"""The two control characters a text may hold: a line break and a tab."""

_CODES = tuple(
    code for code in (*_CONTROLS, *_INVISIBLE, *_NONCHARACTERS) if chr(code) not in ALLOWED
)
_SURROGATES = (0xD800, 0xDFFF)
"""Lone surrogates: half of a character, which XML and UTF-8 cannot hold."""


@functools.cache
def control_pattern() -> re.Pattern[str]:
    """Any character a text may not hold: C0 but tab and line break (a carriage return too),
    DEL, C1, the bidirectional controls, the invisible format characters, the noncharacters
    and lone surrogates. Compiled on first use: `pk validate` of clean text never needs it."""
    return re.compile(_char_class((*_CODES, *range(_SURROGATES[0], _SURROGATES[1] + 1))))


@functools.cache
def _raw_pattern() -> re.Pattern[str]:
    # libyaml refuses C0 (but tab and breaks), DEL, C1, U+FFFE/U+FFFF and surrogates in a
    # file, and turns raw CR and NEL into line breaks: the others it reads as they are.
    raw = (code for code in _CODES if code > 0x9F and code not in (0xFFFE, 0xFFFF))
    return re.compile(_char_class(tuple(raw)))


def may_hold_control(yaml_text: str) -> bool:
    """Whether a YAML file's text may hold a character a text may not: written as an escape
    (a backslash), or one libyaml reads as it is (a bidirectional control, an invisible one, a
    noncharacter). Cheap, so the reader looks for them only in a file where they can be."""
    return "\\" in yaml_text or _raw_pattern().search(yaml_text) is not None


def _char_class(codes: tuple[int, ...]) -> str:
    """A regular-expression class of `codes`, runs of consecutive ones as ranges."""
    runs: list[list[int]] = []
    for code in sorted(set(codes)):
        if runs and code == runs[-1][1] + 1:
            runs[-1][1] = code
        else:
            runs.append([code, code])
    return (
        "["
        + "".join(
            re.escape(chr(lo)) + ("-" + re.escape(chr(hi)) if hi > lo else "") for lo, hi in runs
        )
        + "]"
    )


def _escape(code: int) -> str:
    if code < 0x100:
        return f"\\x{code:02x}"
    if code < 0x10000:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


_SHOWN = {code: _escape(code) for code in _CODES} | {ord("\r"): "\\r"}


def _shown(char: str) -> str:
    return _SHOWN.get(ord(char)) or _escape(ord(char))


def escape(char: str) -> str:
    """How `visible` writes the character `char`: `\\x1b`, `\\r`, `\\u202e`, `\\ufffe`."""
    return _shown(char)


def is_control(char: str) -> bool:
    """Whether `char` is a control character (C0, DEL, C1, bidirectional) rather than an
    invisible or a noncharacter."""
    return ord(char) in _CONTROLS


def visible(text: str) -> str:
    """`text` with each character a text may not hold written as its escape (`\\x1b`, `\\x07`,
    `\\u202e`, `\\ufffe`), so that it shows instead of acting; line breaks and tabs stay."""
    text = text.translate(_SHOWN)
    # An ASCII text holds no surrogate: the pattern, costly to compile, is left for the others.
    if not text.isascii() and re.search(_SURROGATE, text):
        text = re.sub(_SURROGATE, lambda m: _escape(ord(m.group())), text)
    return text


def one_line(text: str) -> str:
    """`visible`, with line breaks shown as `\\n` too: one finding, one line."""
    return visible(text).replace("\n", "\\n")


_SURROGATE = f"[{chr(_SURROGATES[0])}-{chr(_SURROGATES[1])}]"  # compiled by `re` when first used


def first_control(text: str) -> str | None:
    """The first character in `text` that a text may not hold, or None."""
    found = control_pattern().search(text)
    return found.group() if found else None


def json_text(data: object) -> str:
    """`data` as indented JSON, the one way every JSON output is written: readable letters
    (é, —) as they are, and each character a text may not hold as its `\\u` escape, C1 and
    bidirectional controls included, which `json.dumps` leaves raw."""
    import json

    text = json.dumps(data, ensure_ascii=False, indent=2)
    return control_pattern().sub(_json_escape, text) + "\n"


def _json_escape(found: re.Match[str]) -> str:
    code = ord(found.group())
    if code < 0x10000:
        return f"\\u{code:04x}"
    code -= 0x10000  # a character beyond the first plane: its UTF-16 surrogate pair
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"
