"""Indonesian number, date and money formats shared by the terminal and the reports.

Numbers and dates go through Babel's `id` locale (decimal comma, `.` for thousands, month
names in Indonesian); money follows KPU's documents (`Rp. 165.842.289.000,-`).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable
from decimal import Decimal, InvalidOperation, localcontext
from typing import Any, Protocol, runtime_checkable

LOCALE = "id"

MAX_DIGITS = 15
"""Digits before the decimal point that a number in a pk file may have: a ministry's rupiah
totals fit in 15, and no target or realisasi comes near."""
MAX_PLACES = 6
"""Digits after the decimal point (as many as `pengaturan.desimal` may ask for)."""
PRECISION = 2 * (MAX_DIGITS + MAX_PLACES) + 4
"""Significant digits for the maths and the formats: the largest capaian of numbers within
the bound (four realisasi of 15 digits summed, against a target of 0.000001, × 100) has 24
digits before the point and 6 after, which Decimal's default of 28 could not round to."""
EXCERPT = 60
"""Characters of a value from a file that a message quotes at most."""


@runtime_checkable
class Range(Protocol):
    """A range of two numbers (the model's `Rentang`), as `nilai` reads it."""

    @property
    def min(self) -> Decimal: ...

    @property
    def maks(self) -> Decimal: ...


def out_of_range(number: Decimal | int) -> bool:
    """Whether `number` lies outside what pk reads: more than `MAX_DIGITS` digits before the
    point, more than `MAX_PLACES` after it, or not finite. Every number from a file or a cell
    passes this one bound, so the maths on any accepted value can neither overflow nor raise."""
    if isinstance(number, int):
        return not -(10**MAX_DIGITS) < number < 10**MAX_DIGITS
    if not number.is_finite():
        return True
    if number.is_zero():
        return False
    if number.adjusted() >= MAX_DIGITS:  # the exponent of the leading digit: 14 for 15 digits
        return True
    _sign, digits, exponent = number.as_tuple()
    assert isinstance(exponent, int)  # a finite number's
    zeros = len(digits) - len("".join(map(str, digits)).rstrip("0"))
    return -(exponent + zeros) > MAX_PLACES


def excerpt(value: object, limit: int = EXCERPT) -> str:
    """`value` as a message quotes it: at most `limit` characters, cut with `…`."""
    try:
        text = value if isinstance(value, str) else str(value)
    except ValueError:  # an int past Python's digit limit
        return "…"
    return text if len(text) <= limit else text[: limit - 1] + "…"


def plain(number: Decimal) -> str:
    """A number as written in the YAML, without exponent or a whole number's trailing zeros:
    `97.5`, `100`."""
    if number == number.to_integral():
        with localcontext(prec=PRECISION):  # normalize() rounds to the context's precision
            return format(number.normalize(), "f")
    return format(number, "f")


def plain_comma(number: Decimal) -> str:
    """`plain` with a decimal comma, as the formulas of capaian print it: `97,5`, `1250`."""
    return plain(number).replace(".", ",")


def nilai(
    value: Decimal | Range | str | object,
    satuan: str | None = None,
    number: Callable[[Decimal], str] = plain,
) -> str | None:
    """A value as the documents print it: `97.5%`, `80–90 Dok`, a code `A`, a date `2024-06-10`.

    Numbers go through `number` (`angka` for the reports' `97,5`); `satuan` follows a number
    or a range (`%` without a space), never a code. None stays None.
    """
    if value is None:
        return None
    if isinstance(value, Decimal):
        text = number(value)
    elif isinstance(value, Range):
        text = f"{number(value.min)}–{number(value.maks)}"
    else:
        return str(value)
    if not satuan:
        return text
    return f"{text}{satuan}" if satuan == "%" else f"{text} {satuan}"


# The patterns here are kept as text, for `re` to compile and cache on first use: most runs
# (`pk validate` of a clean year) need none of them.
_PLAIN_TEXT = r"[^\s\-?:,\[\]{}#&*!|>'\"%@`](?:[^\s:#,\[\]{}]|[ \t](?!#)|:(?![\s]|$)|#(?<!\s#))*"
"""A text YAML reads as that text without quotes, in a flow mapping too: no indicator first,
no `: `, ` #`, `,` or bracket inside (a number, boolean or null: `typed` asks the readers)."""
_YAML_NUMBER = (
    r"[-+]?(?:\d[\d_]*(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?|0[ox][\da-fA-F]+|[-+]?\.(?:inf|Inf|INF)"
    r"|\.(?:nan|NaN|NAN)"
)
"""Texts pk's YAML 1.2 reader takes for a number (`1e5` too, which YAML 1.1 leaves text)."""


def yaml_1_1_not_text(value: str) -> bool:
    """Whether a YAML 1.1 reader (PyYAML, yaml-language-server in 1.1 mode) takes the plain
    scalar `value` for something other than text: `yes`, `No`, `~`, `1:30` (base 60, 90),
    `1_000`, `.inf`, `2024-01-01`, `017`. pk reads YAML 1.2, where most are text, but writes
    them quoted so that every reader agrees; decided by PyYAML's own 1.1 resolvers."""
    if value.casefold() in ("y", "n"):  # booleans in the 1.1 spec, which PyYAML leaves out
        return True
    return _resolve_1_1(value) != "tag:yaml.org,2002:str"


@functools.cache
def _resolver() -> Any:  # typed Any: PyYAML's stubs leave `resolve` untyped
    import yaml.resolver  # here: the base of every stage imports no YAML library at the top

    return yaml.resolver.Resolver()


def _resolve_1_1(value: str) -> str:
    import yaml.nodes

    return str(_resolver().resolve(yaml.nodes.ScalarNode, value, (True, False)))


def typed(value: Decimal | Range | str | object) -> str:
    """A value as the planner types it into a pk file, in YAML's notation whatever the
    language of the message: `97.5`, `{min: 80, maks: 90}`, a code `A` (`"3"` in quotes,
    where YAML would read a number). Every message that says "write X" writes X with this."""
    if isinstance(value, Decimal):
        return plain(value)
    if isinstance(value, Range):
        return f"{{min: {plain(value.min)}, maks: {plain(value.maks)}}}"
    text = str(value)
    if (
        re.fullmatch(_PLAIN_TEXT, text)
        and not re.fullmatch(_YAML_NUMBER, text)
        and not yaml_1_1_not_text(text)
        and text == text.strip()
    ):
        return text
    import json

    return json.dumps(text, ensure_ascii=False)  # a JSON string is a double-quoted YAML one


_DECIMAL_COMMA = r"([+-]?)(\d{1,3}(?:\.\d{3})+|\d+),(\d+)\s*(%?)"


def decimal_comma(text: str) -> Decimal | None:
    """The number a text writes with a decimal comma: `97,5` → 97.5, `1.250,5` → 1250.5 (a
    `%` after it is left to `satuan`); None for any other text."""
    match = re.fullmatch(_DECIMAL_COMMA, text.strip())
    if match is None:
        return None
    sign, whole, fraction, _percent = match.groups()
    return Decimal(f"{sign}{whole.replace('.', '')}.{fraction}")


def message_number(number: Decimal) -> str:
    """A number as a finding or `pk diff` quotes it, in the run's language: `97,5` and
    `1.250` in Bahasa Indonesia, as the reports print them; `97.5` in English."""
    from pk import i18n

    return angka(number) if i18n.language == "id" else plain(number)


def in_message(value: object, satuan: str | None = None) -> str | None:
    """`nilai` with `message_number`: `97,5%` (or `97.5%` in English)."""
    return nilai(value, satuan, message_number)


def rupiah(amount: int) -> str:
    """`Rp. 165.842.289.000,-` as KPU's documents print amounts."""
    return f"Rp. {amount:,}".replace(",", ".") + ",-"


def desimal(number: Decimal) -> str:
    """A Decimal with a decimal comma and its digits as computed: `104,73`, `100,00`."""
    return format(number, "f").replace(".", ",")


def angka(number: Decimal | int) -> str:
    """A number as written in Indonesian: `97,5`, `11`, `1.250`; every given digit kept."""
    from babel.numbers import format_decimal

    # Babel quantizes in the current context: wide enough for any number within the bound.
    with localcontext(prec=PRECISION):
        if isinstance(number, Decimal) and number == number.to_integral():
            number = number.quantize(Decimal(1))
        return format_decimal(number, format="#,##0.###", locale=LOCALE, decimal_quantization=False)


def angka_tetap(number: Decimal) -> str:
    """A computed value with the decimals it was rounded to: `104,73`, `100,00`, `1.234,50`."""
    from babel.numbers import format_decimal

    places = max(0, -int(number.as_tuple().exponent))
    pattern = "#,##0" + ("." + "0" * places if places else "")
    with localcontext(prec=PRECISION):
        return format_decimal(number, format=pattern, locale=LOCALE)


def persen(number: Decimal) -> str:
    """A computed percentage: `104,73%` (the value is already rounded)."""
    return angka_tetap(number) + "%"


def tanggal(date: dt.date) -> str:
    """`10 Juni 2024`."""
    from babel.dates import format_date

    return format_date(date, format="d MMMM y", locale=LOCALE)


_FIGURE = r"([+-]?)(\d[\d.,]*)"


def read_figure(text: str, decimal: str | None) -> Decimal | tuple[Decimal, ...] | None:
    """A figure as typed: `87,5`, `1.250,5`, `1,250.5`, `97.5%`, `1e3`.

    `decimal` is the mark the source uses before decimals (`,` for a `;` CSV, which only
    Indonesian and other decimal-comma locales save), or None when the source does not say.
    Returns the number; or, when the text does not say which number it is (`1.250` with
    `decimal` None is 1250 or 1.25) or is written in the other notation (`1.25` where `,` marks
    decimals), the numbers it could mean; or None when it is no number at all."""
    s = text.strip().removesuffix("%").strip()
    shape = re.fullmatch(_FIGURE, s)
    if shape is None:
        if "," in s:
            return None
        try:  # Decimal's own syntax: 1e3, .5
            number = Decimal(s)
        except InvalidOperation:
            return None
        return unsigned_zero(number) if number.is_finite() else None
    sign, body = shape.groups()
    readings = {mark: _reading(body, mark) for mark in ".,"}
    mine = readings[decimal] if decimal is not None else None
    if mine is not None:
        return _signed(sign, mine)
    meanings = sorted({r for r in readings.values() if r is not None})
    if decimal is None and len(meanings) == 1:
        return _signed(sign, meanings[0])
    return tuple(_signed(sign, m) for m in meanings) or None


def _reading(body: str, mark: str) -> Decimal | None:
    """`body` read with `mark` before the decimals and the other of `.`/`,` between thousands
    (only in groups of three: 1.250.000), or None when it cannot be read so."""
    group = "," if mark == "." else "."
    whole, _, fraction = body.partition(mark)
    if mark in fraction or group in fraction or (mark in body and not fraction):
        return None
    if group in whole:
        if not re.fullmatch(rf"[1-9]\d{{0,2}}(?:{re.escape(group)}\d{{3}})+", whole):
            return None
        whole = whole.replace(group, "")
    return Decimal(f"{whole}.{fraction}" if fraction else whole)


def _signed(sign: str, number: Decimal) -> Decimal:
    return unsigned_zero(-number if sign == "-" else number)


def unsigned_zero(number: Decimal) -> Decimal:
    """`number`, with a zero written `-0` or `-0.0` read as 0: a sign on zero means nothing
    and would print as `-0%` or divide as `100 / -0`."""
    return number.copy_abs() if number.is_zero() else number


def in_notation(number: Decimal, decimal: str | None) -> str:
    """`number` as a source with `decimal` before its decimals writes it, without grouping."""
    text = format(number.normalize(), "f")
    return text.replace(".", ",") if decimal == "," else text
