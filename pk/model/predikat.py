"""The predikat scale: bands of capaian from best to worst.

A regime (templates/rezim/*.yaml) names its default scale with its source; pengaturan.yaml
may set another (`predikat:`). No `from __future__ import annotations`, for start-up: see
`pk.model.perjanjian`.
"""

from decimal import Decimal

from pydantic import Field

from pk.model.base import Model


class Kategori(Model):
    """One band of the predikat scale."""

    nama: str
    """Its name as reports print it, e.g. `sangat tinggi`."""
    min: Decimal | None = None
    """The lowest capaian in the band (inclusive). Leave it out on the last band, which
    takes everything below the others."""
    warna: str | None = None
    """Colour in the terminal table (green, yellow, red, …)."""


class SkalaPredikat(Model):
    """The predikat scale reports state and use. Bands from best to worst."""

    nama: str
    """The scale's name, printed with the results, e.g. Lima kategori (Permendagri 86/2017)."""
    kategori: list[Kategori] = Field(min_length=1)
    """Bands from best to worst; a capaian gets the first band whose `min` it reaches (so
    with bands at 91 and 76, 90,5 is the lower one)."""
    sumber: str | None = None
    """Where the scale comes from (a regulation, or the custom it is)."""
