"""The schema of a year's agreement (`perjanjian.yaml`), as strict pydantic models.

Field names are the YAML keys. Attribute docstrings become the JSON Schema descriptions
that editors show (`pk.model.jsonschema` reads them), so they are written for the planner who edits
the file.
"""

import datetime as dt
from collections.abc import Callable, Iterator
from decimal import Decimal
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import Discriminator, Field, Tag, ValidationInfo, field_validator, model_validator

from pk.i18n import N_
from pk.model.base import Model as Model  # re-exported: the other models import it from here
from pk.model.bentuk import DEFAULT_PROFIL, Bentuk, merge, resolve
from pk.numbers import nilai, plain, plain_comma

Loc = tuple[str | int, ...]
"""Where a value is in a file: the path of keys and indexes, as pydantic's `loc`."""

Id = Annotated[str, Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]{0,19}$")]
Rupiah = Annotated[int, Field(strict=True, ge=0)]


class Polaritas(StrEnum):
    MAKSIMAL = "maksimal"
    """Higher is better (the usual case)."""
    MINIMAL = "minimal"
    """Lower is better, e.g. complaints or findings."""


class RumusMinimal(StrEnum):
    """Which lower-is-better convention an indicator's capaian uses (domain.md, Capaian)."""

    SELISIH = "selisih"
    """`(2 × target − realisasi) / target × 100`: PermenPANRB's rule, the most common (default)."""
    RASIO = "rasio"
    """`target / realisasi × 100`, as several e-SAKIP apps compute it; realisasi 0 gives 100."""


class Agregasi(StrEnum):
    """How an indicator's quarterly realisasi make the value for a period or the year."""

    TERAKHIR = "terakhir"
    """The last filled quarter (cumulative series; the usual default)."""
    JUMLAH = "jumlah"
    """The sum of the quarters (flows, such as documents delivered each quarter)."""
    RATA_RATA = "rata_rata"
    """The average of the filled quarters."""


class Hitung(StrEnum):
    """How a rolled-up indicator turns the units that meet the condition into a number."""

    PERSENTASE = "persentase"
    """Share of the units, in percent: 8 of 11 units → 72,73."""
    JUMLAH = "jumlah"
    """Count of the units: 8 of 11 units → 8."""


class DariUnit(Model):
    """Realisasi derived from the units below this one in a workspace (a province's
    kabupaten/kota): the share or count of units whose own indicator meets a condition."""

    hitung: Hitung = Hitung.PERSENTASE
    """`persentase` (share of units) or `jumlah` (count of units)."""
    indikator: Id | None = None
    """The units' own indicator to look at. Default: the same id as this one."""
    realisasi_min: Decimal | None = None
    """A unit counts when its realisasi is at least this. Default: when its capaian reaches
    100 (its own target met)."""
    termasuk_sendiri: bool = True
    """Count this unit too, by its own realisasi.yaml (a province with its kabupaten/kota)."""


class Rentang(Model):
    """A range target, e.g. 80–90%: anywhere inside it is on target."""

    min: Decimal
    """Lower bound."""
    maks: Decimal
    """Upper bound."""


def value_kind(value: Any) -> str | None:
    """`angka` for a number, `kode` for text, None otherwise (a YAML boolean is neither)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | Decimal | float):
        return "angka"
    if isinstance(value, str):
        return "kode"
    return None


def _target_kind(value: Any) -> str | None:
    return "rentang" if isinstance(value, dict) else value_kind(value)


TARGET_TYPE_MESSAGE = N_(
    "target must be a number (with `satuan`), a range {min, maks}, or a code on the "
    "indikator's `skala` such as A"
)
"""Pydantic's message when a target is none of its kinds; the loader shows it translated."""

Target = Annotated[
    Annotated[Decimal, Tag("angka")]
    | Annotated[Rentang, Tag("rentang")]
    | Annotated[str, Tag("kode")],
    Discriminator(
        _target_kind,
        custom_error_type="target_type",
        custom_error_message=TARGET_TYPE_MESSAGE,
    ),
]


class Indikator(Model):
    """An indikator kinerja with its target for the year."""

    id: Id
    """Short stable id, e.g. IK-01. It stays the same when the text is corrected."""
    nama: str
    """The indicator's text as in the signed document."""
    target: Target | None = None
    """A number (with `satuan`), a range {min, maks}, or a code on `skala`. Leave empty only
    when the signed document has none, and say so in `catatan`."""
    satuan: str | None = None
    """Unit of the target, e.g. `%`, `Dok`, `Lap`, `KPU Prov/Kab/Kota`."""
    skala: str | None = None
    """For a grade or level target: the name of a scale declared under `skala`."""
    polaritas: Polaritas = Polaritas.MAKSIMAL
    """`maksimal` when higher is better (default), `minimal` when lower is better."""
    rumus_minimal: RumusMinimal = RumusMinimal.SELISIH
    """For `polaritas: minimal`: `selisih` (2T−R)/T (default) or `rasio` T/R."""
    agregasi: Agregasi = Agregasi.TERAKHIR
    """How quarters make the annual realisasi: `terakhir` (last filled quarter, default),
    `jumlah` (sum) or `rata_rata` (average)."""
    alasan_target: str | None = None
    """Why the target differs from the Renstra's target for this year (data/renstra.yaml),
    e.g. the letter that set it; `pk validate` asks for it when they differ."""
    dari_unit: DariUnit | None = None
    """In a workspace: derive the realisasi from the units below (see `DariUnit`)."""
    catatan: str | None = None
    """A note, e.g. on how the target reads in the source document."""


class Sasaran(Model):
    """A sasaran strategis with the indicators that measure it."""

    id: Id
    """Short stable id, e.g. SS-01."""
    nama: str
    """The sasaran's text as in the signed document."""
    indikator: list[Indikator] = Field(min_length=1)
    """Its indicators, in document order."""


class Kelompok(Model):
    """A numbered row group of the lampiran (the NO column)."""

    no: Annotated[int, Field(strict=True, ge=1)]
    """The number printed in the NO column."""
    judul: str | None = None
    """A heading printed above the group's sasaran rows, as documents that group by kegiatan
    or program have it, e.g. `KEGIATAN 3355: Pelaksanaan Akuntabilitas Pengelolaan Keuangan`."""
    sasaran: list[Sasaran] = Field(min_length=1)
    """The sasaran of this group, in document order."""


class Skala(Model):
    """An ordinal scale for grade or level targets, e.g. SAKIP grades AA…D."""

    nama: str
    """What the scale is, e.g. `Predikat evaluasi SAKIP`."""
    kode: dict[str, Decimal] = Field(min_length=1)
    """Each code with its score, from best to worst; capaian is computed on the scores."""

    def kode_of(self, value: Decimal | str) -> str | None:
        """The code a realisasi names: `A` stays `A`; the number 3 is code "3" if declared."""
        text = value if isinstance(value, str) else plain_comma(value)
        return text if text in self.kode else None


class Pihak(Model):
    """A party to the agreement."""

    nama: str
    """Full name."""
    jabatan: str
    """Position as written in the statement."""
    jabatan_ttd: str | None = None
    """Position as written above the signature, if different (may span lines)."""
    pangkat: str | None = None
    """Rank (pangkat/golongan), if the document shows it."""
    nip: str | None = None
    """NIP, if the document shows it. Write it in quotes."""


class Unit(Model):
    """The government unit whose agreement this is."""

    nama: str
    """Full name, e.g. Komisi Pemilihan Umum Provinsi Nusa Tenggara Barat."""
    singkatan: str | None = None
    """Short name, e.g. KPU Provinsi NTB, if the documents use one (the cover prints the
    full name without it)."""

    @property
    def nama_pendek(self) -> str:
        """The short name where there is one, else the full name."""
        return self.singkatan or self.nama


class Status(StrEnum):
    DRAF = "draf"
    """Not signed yet: targets may still change freely."""
    DITANDATANGANI = "ditandatangani"
    """Signed: from then on every change needs an entry under `perubahan`."""


class Penandatanganan(Model):
    """Where and when the agreement was signed."""

    tempat: str | None = None
    """Place, e.g. Mataram."""
    tanggal: dt.date | None = None
    """Date as YYYY-MM-DD, e.g. 2024-06-10."""
    status: Status = Status.DRAF
    """`ditandatangani` once signed (then changes need a `perubahan` entry); `draf` before."""
    tag: str | None = None
    """Git tag of the signed version, e.g. pk-2024; `pk validate` then checks every change
    since that tag against `perubahan`."""
    cetak_tanggal: bool = True
    """`false` when the signed document prints no date (some have no place-and-date line):
    `tanggal` is then kept here only, for the record and the baseline gate."""

    @property
    def tanggal_dokumen(self) -> dt.date | None:
        """The date the document prints: `tanggal`, unless `cetak_tanggal` is false."""
        return self.tanggal if self.cetak_tanggal else None


class Dasar(StrEnum):
    """The grounds on which a PK may be revised (PermenPANRB 53/2014)."""

    A = "a"
    """(a) change or transfer of an official."""
    B = "b"
    """(b) change of strategy: program, kegiatan, budget."""
    C = "c"
    """(c) change of priorities or assumptions that significantly affects the objectives."""


DASAR_TEXT = {
    Dasar.A: "perubahan atau pengalihan pejabat",
    Dasar.B: "perubahan strategi (program, kegiatan, anggaran)",
    Dasar.C: "perubahan prioritas atau asumsi yang berpengaruh signifikan terhadap tujuan",
}
"""Each ground as a report prints it."""


class Perubahan(Model):
    """A revision of the signed agreement (PK Perubahan), and what it changes."""

    label: str
    """Its name, e.g. PK Perubahan I."""
    tanggal: dt.date
    """Date of the revised agreement, YYYY-MM-DD."""
    dasar: Dasar
    """Ground: `a` change of official, `b` change of strategy (program, kegiatan, budget),
    `c` change of priorities or assumptions."""
    alasan: str
    """Why, in a sentence or two."""
    surat: str
    """Reference of the approving letter, e.g. Surat Sekjen KPU No. 123/PR.01-SD/04/2024."""
    mengubah: list[str] = Field(min_length=1)
    """What it changes, by id: indikator (IK-05), sasaran (SS-03), budget line by its kode
    (076.01.CQ) or, without one, its nama, or pihak_pertama / pihak_kedua."""


class Kegiatan(Model):
    """A budget line of the agreement."""

    kode: str | None = None
    """Budget code, e.g. 076.01.CQ, as the signed document prints it; leave the key out when
    the document lists the line without one. Write it in quotes if it could read as a number."""
    nama: str
    """Name of the kegiatan or program."""
    pagu: Rupiah
    """Budget in whole rupiah, without dots: 165842289000."""

    @field_validator("kode", mode="before")
    @classmethod
    def _written_null_is_empty(cls, value: Any) -> Any:
        # `kode:` with no value is a code left blank, not a line without one (no key):
        # the check [empty-kode] then points at it.
        return "" if value is None else value

    @property
    def ref(self) -> str:
        """How realisasi.yaml, `mengubah`, pk set and pk import name the line: its kode, or
        its nama when it has none."""
        return self.nama if self.kode is None else self.kode


class Anggaran(Model):
    """The budget table of the lampiran."""

    judul_kolom: str | None = None
    """Heading of the name column: KEGIATAN or PROGRAM. Kept for older files: the same as
    `bentuk: {kolom: {kegiatan: …}}`, which is where the document's words now live."""
    label_jumlah: str | None = None
    """Label of the total row: JUMLAH or TOTAL. Kept for older files: the same as
    `bentuk: {kolom: {jumlah: …}}`."""
    kegiatan: list[Kegiatan] = Field(min_length=1)
    """The budget lines, in document order."""
    jumlah: Rupiah | None = None
    """The total as printed; pk checks that it is the sum of the lines."""

    @property
    def sum_pagu(self) -> int:
        """The sum of the budget lines."""
        return sum(k.pagu for k in self.kegiatan)

    @property
    def total(self) -> int:
        """The budget total: `jumlah` as printed, else the sum of the lines."""
        return self.jumlah if self.jumlah is not None else self.sum_pagu


class Perjanjian(Model):
    """A unit's Perjanjian Kinerja for one year: the statement and its lampiran."""

    versi_format: Literal[1]
    """Version of this file format."""
    tahun: Annotated[int, Field(strict=True, ge=2000, le=2100)]
    """The year of the agreement; must match the folder name."""
    unit: Unit
    judul_lampiran: str | None = None
    """Second title line of the lampiran, e.g. SEKRETARIS KPU PROVINSI NTB."""
    pihak_pertama: Pihak
    """The official who promises the targets."""
    pihak_kedua: Pihak
    """The superior of the pihak pertama."""
    penandatanganan: Penandatanganan = Penandatanganan()
    skala: dict[str, Skala] = {}
    """Ordinal scales used by grade or level targets, by name."""
    kelompok: list[Kelompok] = Field(min_length=1)
    """The numbered groups of the lampiran, in document order."""
    anggaran: Anggaran
    perubahan: list[Perubahan] = []
    """Revisions since signing, oldest first. Each change to a target, indikator, sasaran,
    budget line or party after signing is listed in one of them."""
    fiktif: bool = False
    """Made-up data (an example, a training file): every page of its reports says CONTOH FIKTIF."""
    bentuk: Bentuk = Field(DEFAULT_PROFIL, validate_default=True)
    """The document's form: a built-in profile's name (kpu-satker, pemerintah-daerah), or
    `profil:` with the fields that differ from it, e.g. `label_pihak: {pertama: PIHAK KESATU}`."""

    @model_validator(mode="before")
    @classmethod
    def _form(cls, data: Any, info: ValidationInfo) -> Any:
        """`bentuk` laid over its profile (given in the context by the loader), with the older
        `anggaran.judul_kolom` / `label_jumlah` as overrides of its column headings."""
        if not isinstance(data, dict):
            return data
        profiles = (info.context or {}).get("bentuk")
        if profiles is None:
            raise ValueError("the built-in bentuk profiles are not in the validation context")
        value = data.get("bentuk", DEFAULT_PROFIL)
        override = {"profil": value} if isinstance(value, str) else value
        anggaran = data.get("anggaran")
        if isinstance(override, dict) and isinstance(anggaran, dict):
            legacy = {
                key: anggaran[old]
                for old, key in (("judul_kolom", "kegiatan"), ("label_jumlah", "jumlah"))
                if anggaran.get(old) is not None
            }
            kolom = override.get("kolom")
            if legacy:  # under the words written in `bentuk:` itself
                override = {**override, "kolom": legacy if kolom is None else merge(legacy, kolom)}
        value = resolve(override, profiles)
        return {**data, "bentuk": value}

    def walk(self) -> Iterator[tuple[Loc, Kelompok, Sasaran, Indikator]]:
        """Every indicator with its location, group and sasaran, in document order; the
        sasaran's own location is `loc[:4]`."""
        for k, kelompok in enumerate(self.kelompok):
            for s, sasaran in enumerate(kelompok.sasaran):
                for i, indikator in enumerate(sasaran.indikator):
                    yield (
                        ("kelompok", k, "sasaran", s, "indikator", i),
                        kelompok,
                        sasaran,
                        indikator,
                    )

    def indikator(self) -> list[tuple[Kelompok, Sasaran, Indikator]]:
        """Every indicator with its group and sasaran, in document order."""
        return [(k, s, i) for _, k, s, i in self.walk()]

    def indikator_by_id(self) -> dict[str, Indikator]:
        """The indicators by id."""
        return {i.id: i for _, _, _, i in self.walk()}


def target_text(indikator: Indikator, number: Callable[[Decimal], str] | None = None) -> str | None:
    """The target as the signed document prints it: `100%`, `97.5%`, `1 Dok`, `A`.

    `number` formats the numbers (the reports pass the Indonesian `97,5`).
    """
    return nilai(indikator.target, indikator.satuan, number or plain)


class UnitRef(Model):
    """One unit of a workspace: its folder and the unit above it."""

    id: Id
    """Short stable id of the unit, e.g. kpu-ntb or kpu-kota-mataram."""
    folder: str | None = None
    """Its folder, relative to workspace.yaml. Default: the id."""
    induk: str | None = None
    """Id of the parent unit (the province for a kabupaten/kota); empty for the top unit."""


class Workspace(Model):
    """Several units' agreements for one year, e.g. a province with its kabupaten/kota."""

    versi_format: Literal[1]
    """Version of this file format."""
    tahun: Annotated[int, Field(strict=True, ge=2000, le=2100)]
    """The year; every unit's agreement must be for this year."""
    unit: list[UnitRef] = Field(min_length=1)
    """The units, parents before their children."""
