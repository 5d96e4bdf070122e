"""The document's form (`bentuk`): the wording and layout a kind of agency signs with.

A built-in profile (templates/bentuk/<profil>.yaml) holds every field; `bentuk:` in
perjanjian.yaml names one and may override any field of it. The loader merges the two
(`merge`) and validates the result as one `Bentuk`, so a bad override is located in the
file where it is written.
"""

import re
from decimal import Decimal
from enum import StrEnum
from typing import Annotated, Any

from pydantic import AfterValidator, Field, ValidationInfo, field_validator

from pk.i18n import N_
from pk.model.base import Model
from pk.model.predikat import SkalaPredikat

DEFAULT_PROFIL = "kpu-satker"
"""The profile of an agreement that names none: the form pk was first written for."""

PLACEHOLDERS = ("tahun", "unit", "nama_pertama", "jabatan_pertama", "nama_kedua", "jabatan_kedua")
"""What a statement paragraph may name in braces, e.g. `{nama_pertama}`."""

_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")

UNKNOWN_PLACEHOLDER_MESSAGE = N_("unknown placeholder {name}; a paragraph may use {allowed}")
UNKNOWN_PROFIL_MESSAGE = N_("no such profile; the built-in profiles: {known}")
UNKNOWN_REZIM_MESSAGE = N_("no such regime; the built-in regimes: {known}")
MESSAGES = {
    "bentuk_rezim": UNKNOWN_REZIM_MESSAGE,
    "bentuk_placeholder": UNKNOWN_PLACEHOLDER_MESSAGE,
    "bentuk_profil": UNKNOWN_PROFIL_MESSAGE,
}
"""Pydantic's message for each error type of this module; the loader shows it translated."""


class Peran(StrEnum):
    """A party to the agreement, as the form names it."""

    PERTAMA = "pertama"
    """The pihak pertama (the official who promises the targets)."""
    KEDUA = "kedua"
    """The pihak kedua (the superior)."""


class LabelPihak(Model):
    """How the document names the two parties, e.g. PIHAK PERTAMA or PIHAK KESATU."""

    pertama: str
    """The pihak pertama's label above a signature, e.g. PIHAK PERTAMA or PIHAK KESATU."""
    kedua: str
    """The pihak kedua's label above a signature, e.g. PIHAK KEDUA."""


def _check_placeholders(text: str) -> str:
    from pydantic_core import PydanticCustomError

    for name in _PLACEHOLDER.findall(text):
        if name not in PLACEHOLDERS:
            raise PydanticCustomError(
                "bentuk_placeholder",
                UNKNOWN_PLACEHOLDER_MESSAGE,
                {
                    "name": "{" + name + "}",
                    "allowed": ", ".join("{" + p + "}" for p in PLACEHOLDERS),
                },
            )
    return text


Paragraf = Annotated[str, AfterValidator(_check_placeholders)]
"""A paragraph of the statement: text with placeholders, **bold**."""


class Pernyataan(Model):
    """The statement page's paragraphs. A paragraph may name {tahun}, {unit},
    {nama_pertama}, {jabatan_pertama}, {nama_kedua}, {jabatan_kedua}; **text** is bold."""

    pembuka: Paragraf
    """The opening sentence, before the parties' details."""
    sebutan_pertama: Paragraf
    """The line after the pihak pertama's details, e.g. Selanjutnya disebut pihak **PERTAMA**."""
    sebutan_kedua: Paragraf
    """The line after the pihak kedua's details."""
    isi: list[Paragraf] = Field(min_length=1)
    """The paragraphs of the promise, after both parties, in order."""


class Kolom(Model):
    """The column headings of the lampiran's tables (and of the capaian report's budget)."""

    no: str
    """The number column, e.g. NO."""
    sasaran: str
    """The sasaran column, e.g. SASARAN STRATEGIS or SASARAN."""
    indikator: str
    """The indicator column, e.g. INDIKATOR KINERJA or Indikator Sasaran."""
    target: str
    """The target column, e.g. TARGET."""
    kegiatan: str
    """The budget table's name column, e.g. KEGIATAN or PROGRAM DAN ANGGARAN."""
    anggaran: str
    """The budget table's amount column, e.g. ANGGARAN."""
    jumlah: str
    """The label of the budget total's row, e.g. JUMLAH or TOTAL."""


class Uang(Model):
    """How an amount of rupiah is written: `Rp. 1.000,-` or `Rp 1.000`."""

    awalan: str
    """What comes before the digits, e.g. `Rp. ` or `Rp ` (mind the space)."""
    akhiran: str
    """What comes after the digits, e.g. `,-`, or empty."""

    def teks(self, amount: int) -> str:
        """`amount` with dots between thousands, in this format."""
        return self.awalan + f"{amount:,}".replace(",", ".") + self.akhiran


class TandaTangan(Model):
    """Which parties sign where, left to right."""

    pernyataan: list[Peran] = Field(min_length=1)
    """Under the statement, e.g. [kedua, pertama]."""
    lampiran: list[Peran] = Field(min_length=1)
    """Under the lampiran, e.g. [pertama], or [kedua, pertama] when both sign it."""


class HurufNama(StrEnum):
    """How a signatory's name is written under the signature."""

    KAPITAL = "kapital"
    """In capitals up to the first comma; academic titles after it as written (S.Kom.)."""
    ASLI = "asli"
    """As written in the data."""


class Orientasi(StrEnum):
    """The lampiran's page orientation."""

    POTRET = "potret"
    """Portrait A4 (upright)."""
    LANSKAP = "lanskap"
    """Landscape A4 (sideways), for wide tables."""


class Kop(Model):
    """The letterhead above the statement: a logo kept in the repository and address lines."""

    logo: str | None = None
    """The logo image (PNG, JPEG or SVG), relative to the year folder, e.g. ../../kop/logo.png."""
    baris: list[str] = []
    """The letterhead's lines, top to bottom: the agency's name, its address, …"""


class Efisiensi(Model):
    """The efficiency rule: average capaian − penyerapan above `batas` points is efisien,
    within ± `batas` cukup efisien, below tidak efisien."""

    batas: Decimal
    """The threshold in points, e.g. 5."""
    sumber: str
    """Where the rule comes from (a regulation, or the custom it is)."""


class PedomanPenyerapan(Model):
    """A quarterly absorption guide, cumulative, in percent of pagu (IKPA: 15, 40, 60, 90)."""

    TW1: Decimal
    TW2: Decimal
    TW3: Decimal
    TW4: Decimal
    sumber: str
    """The regulation that sets it."""


class Rezim(Model):
    """The rules capaian and budget are judged by, for a kind of funding (APBN, APBD)."""

    id: str
    """The regime's name: apbn or apbd (templates/rezim/<id>.yaml)."""
    nama: str
    """What the regime is, in a few words."""
    efisiensi: Efisiensi
    predikat: SkalaPredikat
    """The default predikat scale, with its source; pengaturan.yaml's `predikat` replaces it."""
    pedoman_penyerapan: PedomanPenyerapan | None
    """The absorption guide drawn on the budget chart; none where it does not apply (IKPA
    is an APBN measure)."""


class Bentuk(Model):
    """The form of the document: a built-in profile, overridden field by field."""

    profil: str = DEFAULT_PROFIL
    """The built-in profile: kpu-satker or pemerintah-daerah."""
    nama: str
    """What the profile is for, in a few words."""
    label_pihak: LabelPihak
    pernyataan: Pernyataan
    kolom: Kolom
    uang: Uang
    tanda_tangan: TandaTangan
    nama_ttd: HurufNama
    """`kapital` (the name in capitals, titles as written) or `asli`."""
    kode_kegiatan: bool
    """Whether each budget line prints its code after its name: Dukungan … (076.01.CQ)."""
    orientasi_lampiran: Orientasi
    """`potret` or `lanskap`."""
    kop: Kop | None = None
    """The letterhead; none when empty."""
    rezim: Rezim
    """The rules of judging: `apbn` (central government) or `apbd` (regional government)."""

    @field_validator("rezim", mode="before")
    @classmethod
    def _named_rezim(cls, value: Any, info: ValidationInfo) -> Any:
        from pydantic_core import PydanticCustomError

        if not isinstance(value, str):
            return value
        known = (info.context or {}).get("rezim", {})
        if value not in known:
            raise PydanticCustomError(
                "bentuk_rezim", UNKNOWN_REZIM_MESSAGE, {"name": value, "known": ", ".join(known)}
            )
        return known[value]

    @field_validator("profil")
    @classmethod
    def _known_profil(cls, name: str, info: ValidationInfo) -> str:
        from pydantic_core import PydanticCustomError

        known = (info.context or {}).get("bentuk", {})
        if name not in known:
            raise PydanticCustomError(
                "bentuk_profil", UNKNOWN_PROFIL_MESSAGE, {"name": name, "known": ", ".join(known)}
            )
        return name


def merge(profile: Any, override: Any) -> Any:
    """`override` laid over `profile`: mappings merge key by key, anything else replaces."""
    if isinstance(profile, dict) and isinstance(override, dict):
        merged = dict(profile)
        for key, value in override.items():
            merged[key] = merge(profile.get(key), value)
        return merged
    return override


def resolve(value: Any, profiles: dict[str, Any]) -> Any:
    """The data of a `bentuk:` value (a profile's name, or a mapping naming `profil` with
    overrides) laid over its profile; an unknown profile is left for `Bentuk` to refuse."""
    override = {"profil": value} if isinstance(value, str) else value
    if not isinstance(override, dict):
        return value
    name = override.get("profil", DEFAULT_PROFIL)
    base = profiles.get(name) if isinstance(name, str) else None
    return merge(base if base is not None else profiles.get(DEFAULT_PROFIL, {}), override)


def split_placeholders(text: str) -> list[str]:
    """`text` as its literal parts and, between them, the placeholders' names:
    "a {tahun} b" is ["a ", "tahun", " b"]."""
    return _PLACEHOLDER.split(text)
