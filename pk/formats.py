"""Indonesian number and money formats shared by the terminal and the reports."""

from __future__ import annotations

from decimal import Decimal


def rupiah(amount: int) -> str:
    """`Rp. 165.842.289.000,-` as KPU's documents print amounts."""
    return f"Rp. {amount:,}".replace(",", ".") + ",-"


def desimal(number: Decimal) -> str:
    """A Decimal with a decimal comma and its digits as computed: `104,73`, `100,00`."""
    return format(number, "f").replace(".", ",")
