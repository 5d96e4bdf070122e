"""Indonesian number and money formats shared by the terminal and the reports."""

from __future__ import annotations


def rupiah(amount: int) -> str:
    """`Rp. 165.842.289.000,-` as KPU's documents print amounts."""
    return f"Rp. {amount:,}".replace(",", ".") + ",-"
