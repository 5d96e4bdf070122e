"""Indonesian number, date and money formats shared by the terminal and the reports.

Numbers and dates go through Babel's `id` locale (decimal comma, `.` for thousands, month
names in Indonesian); money follows KPU's documents (`Rp. 165.842.289.000,-`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import Protocol, runtime_checkable

LOCALE = "id"


@runtime_checkable
class Range(Protocol):
    """A range of two numbers (the model's `Rentang`), as `nilai` reads it."""

    @property
    def min(self) -> Decimal: ...

    @property
    def maks(self) -> Decimal: ...


def plain(number: Decimal) -> str:
    """A number as written in the YAML, without exponent or a whole number's trailing zeros:
    `97.5`, `100`."""
    if number == number.to_integral():
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


def rupiah(amount: int) -> str:
    """`Rp. 165.842.289.000,-` as KPU's documents print amounts."""
    return f"Rp. {amount:,}".replace(",", ".") + ",-"


def desimal(number: Decimal) -> str:
    """A Decimal with a decimal comma and its digits as computed: `104,73`, `100,00`."""
    return format(number, "f").replace(".", ",")


def angka(number: Decimal | int) -> str:
    """A number as written in Indonesian: `97,5`, `11`, `1.250`; every given digit kept."""
    from babel.numbers import format_decimal

    if isinstance(number, Decimal) and number == number.to_integral():
        number = number.quantize(Decimal(1))
    return format_decimal(number, format="#,##0.###", locale=LOCALE, decimal_quantization=False)


def angka_tetap(number: Decimal) -> str:
    """A computed value with the decimals it was rounded to: `104,73`, `100,00`, `1.234,50`."""
    from babel.numbers import format_decimal

    places = max(0, -int(number.as_tuple().exponent))
    pattern = "#,##0" + ("." + "0" * places if places else "")
    return format_decimal(number, format=pattern, locale=LOCALE)


def persen(number: Decimal) -> str:
    """A computed percentage: `104,73%` (the value is already rounded)."""
    return angka_tetap(number) + "%"


def tanggal(date: dt.date) -> str:
    """`10 Juni 2024`."""
    from babel.dates import format_date

    return format_date(date, format="d MMMM y", locale=LOCALE)
