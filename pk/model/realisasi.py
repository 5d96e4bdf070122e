"""The schema of the two optional files beside `perjanjian.yaml`: realisasi and settings.

    data/2024/realisasi.yaml    what was achieved, per indikator and per triwulan (TW1..TW4),
                                the Rencana Aksi quarterly targets, and budget realisasi
    data/2024/pengaturan.yaml   how capaian is judged: predikat scale, cap, rounding

Both files are optional. Without `realisasi.yaml` every indicator is "belum ada data";
without `pengaturan.yaml` the defaults below apply (`Pengaturan()`).
No `from __future__ import annotations`, for start-up: see `pk.model.perjanjian`.
"""

import datetime as dt
from decimal import Decimal
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import Discriminator, Field, Tag

from pk.i18n import N_
from pk.model.base import Model
from pk.model.perjanjian import Id, Rupiah, Target, value_kind
from pk.model.predikat import SkalaPredikat

REALISASI_TYPE_MESSAGE = N_(
    "realisasi must be a number (in the indikator's satuan) or, for a grade or level, a code "
    "on its skala such as A"
)
"""Pydantic's message when a realisasi is neither kind; the loader shows it translated."""

Nilai = Annotated[
    Annotated[Decimal, Tag("angka")] | Annotated[str, Tag("kode")],
    Discriminator(
        value_kind,
        custom_error_type="realisasi_type",
        custom_error_message=REALISASI_TYPE_MESSAGE,
    ),
]


class RealisasiTriwulan(Model):
    """What was achieved by the end of one triwulan."""

    realisasi: Nilai
    """A number in the indikator's satuan (87.5 for 87,5%), or a code on its skala."""
    catatan: str | None = None
    """A short note on this quarter's figure."""
    # A tuple: pydantic deep-copies a list default for each of a year's ~240 quarters.
    bukti: tuple[str, ...] = ()
    """Evidence: links or file references."""


class RencanaAksi(Model):
    """Quarterly targets (Rencana Aksi), cumulative: TW4 equals the annual target."""

    TW1: Target | None = None
    TW2: Target | None = None
    TW3: Target | None = None
    TW4: Target | None = None


class RealisasiIndikator(Model):
    """One indikator's realisasi by triwulan, with the narrative the LKjIP asks for."""

    TW1: RealisasiTriwulan | None = None
    """January–March."""
    TW2: RealisasiTriwulan | None = None
    """January–June (cumulative) or April–June (for `agregasi: jumlah`)."""
    TW3: RealisasiTriwulan | None = None
    TW4: RealisasiTriwulan | None = None
    rencana_aksi: RencanaAksi | None = None
    """Quarterly targets; without them a quarter is compared with the annual target."""
    faktor_pendorong: str | None = None
    """What helped reach the target."""
    faktor_penghambat: str | None = None
    """What held it back."""
    solusi: str | None = None
    """What will be done about the obstacles."""
    bukti: tuple[str, ...] = ()
    """Evidence for the whole year: links or file references."""

    def triwulan(self, tw: str) -> RealisasiTriwulan | None:
        quarter: RealisasiTriwulan | None = getattr(self, tw)
        return quarter


class RealisasiAnggaran(Model):
    """Budget spent on one kegiatan in each triwulan (that quarter's spending, not cumulative)."""

    TW1: Rupiah | None = None
    TW2: Rupiah | None = None
    TW3: Rupiah | None = None
    TW4: Rupiah | None = None


class Realisasi(Model):
    """`realisasi.yaml`: what a year's agreement achieved."""

    versi_format: Literal[1]
    """Version of this file format."""
    tahun: Annotated[int, Field(strict=True, ge=2000, le=2100)]
    """The year; must match perjanjian.yaml."""
    tanggal_laporan: dt.date | None = None
    """The date the head of unit signs the capaian report and the LKjIP, YYYY-MM-DD; without
    it the signature block leaves the date blank, to be written by hand."""
    indikator: dict[Id, RealisasiIndikator] = {}
    """By indikator id as in perjanjian.yaml, e.g. IK-01."""
    anggaran: dict[str, RealisasiAnggaran] = {}
    """By budget line as perjanjian.yaml names it: its kode, e.g. 076.01.CQ, or its nama when
    it has none: rupiah spent per triwulan."""


class Pembulatan(StrEnum):
    HALF_UP = "half_up"
    """Round half away from zero: 104,725 → 104,73 (the default, as reports do by hand)."""
    HALF_EVEN = "half_even"
    """Banker's rounding: 104,725 → 104,72."""
    DOWN = "down"
    """Cut the extra digits."""


class Pengaturan(Model):
    """`pengaturan.yaml`: how capaian is computed and judged. Every key has a default."""

    versi_format: Literal[1] = 1
    """Version of this file format."""
    predikat: SkalaPredikat | None = None
    """The predikat scale. Default: the regime's (apbd and apbn: the five bands of
    Permendagri 86/2017; `pk explain rezim`)."""
    efisiensi_batas: Decimal | None = Field(default=None, ge=0)
    """The efficiency rule's threshold in points: average capaian − penyerapan above it is
    efisien, within ± it cukup efisien. Default: the regime's (5; `pk explain rezim`)."""
    batas_capaian: Decimal | None = None
    """Optional cap on capaian, e.g. 100, 110 or 120. Default none: reports print capaian
    uncapped (104,73%)."""
    desimal: Annotated[int, Field(ge=0, le=6)] = 2
    """Decimals of capaian and penyerapan (default 2)."""
    pembulatan: Pembulatan = Pembulatan.HALF_UP
    """How to round: `half_up` (default), `half_even` or `down`."""
    # The schema's default a number, as editors show it (pydantic writes a Decimal as text).
    batas_berisiko: Decimal = Field(default=Decimal(100), json_schema_extra={"default": 100})
    """After TW1–TW3, an indikator whose capaian projected to TW4 (`pk capaian --periode TW2`)
    is below this is *berisiko* (at risk). Default 100: projected to miss its target."""
    bukti_wajib: bool = False
    """Whether every triwulan's realisasi must list its `bukti` (evidence); `pk validate` then
    warns at each one without. Default false: evidence is optional."""
