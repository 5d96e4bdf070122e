"""A change put into words: one function, and a phrase book per reader.

    Change + its kind's phrase "{id}: target {old} → {new}" --describe--> one sentence

`pk diff` and the baseline gate bring gettext phrases (English source), the report's Riwayat
Perubahan brings the template set's Indonesian ones (`templates/_kalimat.j2`). Every phrase
may use the same fields: `{id}` (the subject), `{field}`, `{nama}`, `{old}`, `{new}`,
`{delta}` (a pagu's change in rupiah) and `{pihak}` (a party in the phrase book's words);
`{x:q}` quotes a text the reader's way (an empty value stays unquoted).
"""

from __future__ import annotations

import string
from collections.abc import Callable, Mapping
from typing import Any

from pk.change.diff import Change
from pk.numbers import rupiah


class _Empty(str):
    """The phrase book's word for a missing value: shown, never quoted."""


class _Formatter(string.Formatter):
    def __init__(self, quote: Callable[[str], str]) -> None:
        self.quote = quote

    def format_field(self, value: Any, format_spec: str) -> str:
        if format_spec == "q":
            return str(value) if isinstance(value, _Empty) else self.quote(str(value))
        return str(super().format_field(value, format_spec))


def _plain(text: str) -> str:
    return text


def describe(
    change: Change,
    phrase: str,
    *,
    empty: str,
    quote: Callable[[str], str] = _plain,
    pihak: Mapping[str, str] | None = None,
) -> str:
    """`change` in the words of `phrase` (the reader's phrase for its kind); values as text:
    rupiah for a pagu, `empty` for none."""
    c = change

    def text(value: str | int | None) -> str:
        if value is None:
            return _Empty(empty)
        return rupiah(value) if isinstance(value, int) else str(value)

    delta = ""
    if isinstance(c.old, int) and isinstance(c.new, int):
        delta = f"{'+' if c.new >= c.old else '-'}{rupiah(abs(c.new - c.old))}"
    return _Formatter(quote).format(
        phrase,
        id=c.subject,
        field=c.field or "",
        nama=c.nama or "",
        old=text(c.old),
        new=text(c.new),
        delta=delta,
        pihak=(pihak or {}).get(c.subject, c.subject),
    )
