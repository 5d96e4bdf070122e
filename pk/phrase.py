"""Words that compute leaves to the templates: a phrase is a key and its values.

    phrase("ratio", r=Decimal("77.5"), t=Decimal(80)) --word(·, frasa)--> "realisasi / target × 100 = 77,5 / 80 × 100"

The stages compute `Phrase`s; the template set's `frasa` (`templates/_kalimat.j2`) words
them, so an office changes a formula's words, or the status words, in its own templates.
A phrase may use its values as `{name}`: a number with a decimal comma, a phrase or a
status in the book's words, a list joined by the spec (`{tw: + }`, else ", "),
and on a phrase, `{rumus:realisasi→proyeksi}` replaces a word in it.
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from typing import Any, Union

from pk.i18n import _
from pk.numbers import plain_comma

Value = Union["Phrase", StrEnum, Decimal, int, str, tuple["Value", ...]]
Book = Mapping[str, str]


class PhraseError(Exception):
    """A phrase the book cannot word: no such key, or a placeholder it does not have."""


@dataclass(frozen=True)
class Phrase:
    key: str
    values: tuple[tuple[str, Value], ...] = ()
    sentence: str | None = None
    """A sentence the data gives (an LKE rule's `alasan`) instead of the book's for `key`."""

    def __str__(self) -> str:
        # Printing a phrase unworded would put its repr on a page: fail where it happens,
        # saying what an office's template written before phrases needs (`| md` alone).
        raise TypeError(
            _(
                "phrase {key!r} is not text: a template words it with `frasa` first "
                "({{{{ x.rumus | frasa | md }}}}); in Python, pk.phrase.word"
            ).format(key=self.key)
        )


def phrase(key: str, **values: Value) -> Phrase:
    return Phrase(key, tuple(values.items()))


def word(value: Value, book: Book) -> str:
    """`value` as text in the words of `book`: a phrase or status by its key, a number with
    a decimal comma."""
    if isinstance(value, Phrase):
        template = value.sentence if value.sentence is not None else _look_up(book, value.key)
        try:
            return _Formatter(book).vformat(template, (), dict(value.values))
        except KeyError as err:
            raise PhraseError(
                _(
                    "sentence {key!r} uses {{{name}}}, which it does not have (it has: {names})"
                ).format(
                    key=value.key,
                    name=err.args[0],
                    names=", ".join(n for n, _v in value.values) or "-",
                )
            ) from None
        except (ValueError, IndexError) as err:
            raise PhraseError(
                _("sentence {key!r}: {error}").format(key=value.key, error=err)
            ) from None
    if isinstance(value, StrEnum):
        return _look_up(book, value.value)
    if isinstance(value, Decimal):
        return plain_comma(value)
    if isinstance(value, tuple):
        return ", ".join(word(v, book) for v in value)
    return str(value)


def _look_up(book: Book, key: str) -> str:
    try:
        return str(book[key])
    except KeyError:
        raise PhraseError(_("no sentence {key!r} in `frasa`").format(key=key)) from None


class _Formatter(string.Formatter):
    """str.format without attribute or item access (a book is data, not code)."""

    def __init__(self, book: Book) -> None:
        self.book = book

    def get_field(self, field_name: str, args: Any, kwargs: Any) -> Any:
        if not field_name.isidentifier():
            raise ValueError(_("{{{name}}} is not a plain name").format(name=field_name))
        return self.get_value(field_name, args, kwargs), field_name

    def convert_field(self, value: Any, conversion: str | None) -> Any:
        if conversion is not None:
            raise ValueError(_("!{conversion} is not allowed").format(conversion=conversion))
        return value

    def format_field(self, value: Any, format_spec: str) -> str:
        if isinstance(value, tuple):
            return (format_spec or ", ").join(word(v, self.book) for v in value)
        text = word(value, self.book)
        if format_spec and isinstance(value, Phrase) and "→" in format_spec:
            old, new = format_spec.split("→", 1)
            return text.replace(old, new)
        if format_spec:
            raise ValueError(_(":{spec} is not allowed here").format(spec=format_spec))
        return text
