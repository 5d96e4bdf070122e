"""The schema of the LKE instrument (`pk/model/lke.yaml`): the Evaluasi AKIP's components,
sub-components and criteria with their weights, answer scales and how pk decides each.

The instrument is data with its sources, not code: the weights live only in the YAML file.
No `from __future__ import annotations`, for start-up: see `pk.model.perjanjian`.
"""

from decimal import Decimal
from typing import Annotated, Literal, Self

from pydantic import Field, model_validator

from pk.i18n import _
from pk.model.perjanjian import Model

Persen = Annotated[Decimal, Field(gt=0, le=100)]


class Pita(Model):
    """One band of the grade given by a share: above `lebih_dari` percent, `nilai`."""

    lebih_dari: Decimal | None = None
    """The share must exceed this (percent); leave it out on the last band."""
    nilai: str
    """The grade, a code of the A-E scale."""


class Tenggat(Model):
    """By when a document counts as on time: the last day of `bulan`."""

    bulan: Annotated[int, Field(ge=1, le=12)]
    """The month, 1–12."""
    tahun_berikutnya: bool = False
    """In the year after the document's year (an annual report) rather than in it."""


class Aturan(Model):
    """How pk decides a criterion (one function of pk.compute.lke per name)."""

    cara: str
    """The rule in a sentence, as reports print it."""
    alasan: dict[str, str] = Field(min_length=1)
    """The reason printed for each outcome, with the rule's values in braces."""


class Kriteria(Model):
    """One criterion of a sub-component."""

    id: str
    """E.g. 1.a.3: component, sub-component, number."""
    teks: str
    """The criterion as the instrument words it."""
    bobot: Persen
    """Its share of the sub-component in percent, as the source prints it (14.29 of seven)."""
    jawaban: str | None = None
    """The answer scale (a key of `skala`); default the sub-component's."""
    aturan: str | None = None
    """The rule pk decides it by (a key of `aturan`); none: penilaian evaluator."""
    bukti: str | None = None
    """The evidence the rule expects."""


class SubKomponen(Model):
    """Keberadaan, Kualitas or Pemanfaatan of a component."""

    id: str
    nama: str
    uraian: str
    """The sub-component's statement in the instrument."""
    persen: Persen
    """Its share of the component's weight."""
    jawaban: str
    """The answer scale of its criteria (a key of `skala`)."""
    kriteria: list[Kriteria] = Field(min_length=1)


class Komponen(Model):
    """One of the four components, with its weight in points of 100."""

    id: str
    nama: str
    bobot: Persen
    sub_komponen: list[SubKomponen] = Field(min_length=1)


class Instrumen(Model):
    """The LKE: what the Evaluasi AKIP scores and how, with its sources."""

    versi_format: Literal[1]
    nama: str
    peraturan: str
    sumber: list[str] = Field(min_length=1)
    """Where the criteria, weights and scales were read."""
    skala: dict[str, dict[str, Decimal]] = Field(min_length=1)
    """Each answer scale: its codes with the share of the weight they earn (Y 1, T 0)."""
    pita: list[Pita] = Field(min_length=1)
    """The grade of a share, best band first."""
    tenggat: dict[str, Tenggat] = {}
    """By document (perjanjian, lkjip): by when it is on time."""
    aturan: dict[str, Aturan] = {}
    komponen: list[Komponen] = Field(min_length=1)

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        # One wrong figure here would mis-score every unit: the file is checked as a whole.
        total = sum(k.bobot for k in self.komponen)
        if total != 100:
            raise ValueError(_("component weights sum to {total}, not 100").format(total=total))
        for komponen in self.komponen:
            persen = sum(s.persen for s in komponen.sub_komponen)
            if persen != 100:
                raise ValueError(
                    _("sub-components of {id} sum to {persen}%, not 100%").format(
                        id=komponen.id, persen=persen
                    )
                )
            for sub in komponen.sub_komponen:
                for kriteria in sub.kriteria:
                    self._check_kriteria(sub, kriteria)
        grades = self.skala.get("A-E", {})
        if any(p.nilai not in grades for p in self.pita) or self.pita[-1].lebih_dari is not None:
            raise ValueError(_("pita: grades of the A-E scale, the last band without lebih_dari"))
        return self

    def grade(self, persen: Decimal) -> str:
        """The A–E grade of a share in percent: the first band whose `lebih_dari` it exceeds."""
        return next(p.nilai for p in self.pita if p.lebih_dari is None or persen > p.lebih_dari)

    def _check_kriteria(self, sub: SubKomponen, kriteria: Kriteria) -> None:
        if (kriteria.jawaban or sub.jawaban) not in self.skala:
            raise ValueError(_("{id}: answer scale not in skala").format(id=kriteria.id))
        if kriteria.aturan is not None and kriteria.aturan not in self.aturan:
            raise ValueError(
                _("{id}: aturan {aturan} not declared").format(
                    id=kriteria.id, aturan=kriteria.aturan
                )
            )

    def every(self) -> list[tuple[Komponen, SubKomponen, Kriteria]]:
        """Every criterion with its component and sub-component, in order."""
        return [(k, s, c) for k in self.komponen for s in k.sub_komponen for c in s.kriteria]
