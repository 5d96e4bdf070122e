"""The schema of `evaluasi.yaml`, the facts the planner records for the Evaluasi AKIP.

    data/2027/evaluasi.yaml   reviews by the APIP, publications and submissions with their
                              dates and links, the evaluation's recommendations and their
                              follow-up, and each indicator's definisi operasional

Optional, like realisasi.yaml; `pk lke` decides the criteria these facts answer.
No `from __future__ import annotations`, for start-up: see `pk.model.perjanjian`.
"""

import datetime as dt
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import Field

from pk.model.perjanjian import Id, Model

Tautan = Annotated[str, Field(pattern=r"^https?://\S+$")]


class Dokumen(StrEnum):
    """The documents the evaluation asks about."""

    PERJANJIAN = "perjanjian"
    """The year's Perjanjian Kinerja."""
    LKJIP = "lkjip"
    """The year's Laporan Kinerja (LKjIP)."""
    RENSTRA = "renstra"
    """The Renstra."""


class Reviu(Model):
    """A review of a document by the APIP (the Inspektorat)."""

    dokumen: Dokumen
    """What was reviewed: `lkjip`, `perjanjian` or `renstra`."""
    tanggal: dt.date
    """Date of the review's letter, YYYY-MM-DD."""
    oleh: str
    """The APIP that reviewed it, e.g. Inspektorat Utama KPU."""
    surat: str
    """Reference of the APIP's letter (Laporan Hasil Reviu)."""
    bukti: tuple[str, ...] = ()
    """Evidence: links or file references."""
    nama: str | None = None
    """Who signs the review of the LKjIP (Pernyataan Telah Direviu), e.g. the Inspektur."""
    jabatan: str | None = None
    """The signer's position; default `oleh`."""
    nip: str | None = None
    """The signer's NIP, if the statement shows it. Write it in quotes."""
    tempat: str | None = None
    """Where it is signed; default the agreement's place."""


class Publikasi(Model):
    """Where and when a document was published."""

    dokumen: Dokumen
    tanggal: dt.date
    """Date of publication, YYYY-MM-DD."""
    tautan: Tautan
    """The page it is published on, https://…"""


class Penyampaian(Model):
    """A document sent to those it is due to (e.g. the LKjIP to KPU RI or KemenPANRB)."""

    dokumen: Dokumen
    tanggal: dt.date
    """Date sent, YYYY-MM-DD."""
    kepada: str
    """To whom, e.g. Biro Perencanaan KPU RI, or esr.menpan.go.id."""
    bukti: tuple[str, ...] = ()
    """Evidence: a receipt, an upload confirmation."""


class StatusTindakLanjut(StrEnum):
    BELUM = "belum"
    """Belum ditindaklanjuti."""
    DALAM_PROSES = "dalam_proses"
    """Dalam proses."""
    TUNTAS = "tuntas"
    """Tuntas."""


class Rekomendasi(Model):
    """A recommendation of an evaluation (the LHE) and its follow-up."""

    id: Id
    """Short stable id, e.g. R-01."""
    sumber: str
    """Where it comes from, e.g. LHE AKIP 2026 Inspektorat Utama."""
    isi: str
    """The recommendation as written."""
    status: StatusTindakLanjut
    """`belum`, `dalam_proses` or `tuntas`."""
    tindak_lanjut: str | None = None
    """What was done about it."""
    bukti: tuple[str, ...] = ()
    """Evidence of the follow-up."""


class IndikatorEvaluasi(Model):
    """How one indicator is measured."""

    definisi_operasional: str | None = None
    """What the indicator means and how it is computed."""
    sumber_data: str | None = None
    """Where its data comes from and who collects it."""


class Evaluasi(Model):
    """`evaluasi.yaml`: what the planner records for the Evaluasi AKIP, with evidence."""

    versi_format: Literal[1]
    """Version of this file format."""
    tahun: Annotated[int, Field(strict=True, ge=2000, le=2100)]
    """The year; must match perjanjian.yaml."""
    reviu: list[Reviu] = []
    publikasi: list[Publikasi] = []
    penyampaian: list[Penyampaian] = []
    rekomendasi: list[Rekomendasi] = []
    """The recommendations of the last evaluation and their follow-up status."""
    indikator: dict[Id, IndikatorEvaluasi] = {}
    """By indikator id as in perjanjian.yaml."""
