"""Indonesian number, date and money formats shared by the terminal and the reports.

Numbers and dates go through Babel's `id` locale (decimal comma, `.` for thousands, month
names in Indonesian); money follows KPU's documents (`Rp. 165.842.289.000,-`).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

LOCALE = "id"


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
