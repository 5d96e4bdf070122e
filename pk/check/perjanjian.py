"""Semantic checks on a schema-valid agreement: plain functions, each emitting one code or more.

A check yields `Finding`s located by their path in the data (the same path pydantic uses),
so the loader can turn them into file:line:col. Every check is listed in `CHECKS`; its code in
pk.check.codes explains it, with a failing example. The checks that need realisasi.yaml or
pengaturan.yaml beside the agreement are in pk.check.year.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import NamedTuple

from pk.check import codes
from pk.check.codes import Code
from pk.i18n import N_, _
from pk.model.perjanjian import (
    Agregasi,
    Loc,
    Perjanjian,
    Rentang,
    Status,
)
from pk.numbers import decimal_comma, excerpt, in_message, typed
from pk.vocab import PERJANJIAN_FILE


# The records here and in pk.check.year are NamedTuples, not frozen dataclasses, which cost
# ten times as much to define (`pk validate` defines them on every run).
class Context(NamedTuple):
    """Facts about the run that the data cannot know: the year its folder names."""

    folder_year: int | None = None
    year_source: str = N_("the folder")
    """What named the expected year (translated when shown): the folder, or the workspace."""
    folder: Path | None = None
    """The year's folder on disk (None for a version read from git): files it names are there."""


class Finding(NamedTuple):
    """A problem a check found, located by its path in the data of `file`."""

    loc: Loc
    code: Code
    message: str
    key: bool = False
    """Point at the key rather than the value."""
    file: str = PERJANJIAN_FILE
    """The file of the year folder that `loc` is in."""


Check = Callable[[Perjanjian, Context], Iterator[Finding]]


def check_duplicate_id(doc: Perjanjian, ctx: Context) -> Iterator[Finding]:
    """Every sasaran and indikator id is used once: `pk set IK-05` must name one row."""
    seen: dict[str, str] = {}
    for loc, kelompok, sasaran, ind in doc.walk():
        # A sasaran's id counts just before those of its indicators.
        ids = [(loc[:4], sasaran.id)] if loc[-1] == 0 else []
        for where_id, id_ in [*ids, (loc, ind.id)]:
            where = f"kelompok {kelompok.no}"
            if id_ in seen:
                yield Finding(
                    (*where_id, "id"),
                    codes.DUPLICATE_ID,
                    _(
                        "id {id} is already used in {where}: give this one a new id that is "
                        "not used elsewhere, e.g. the next number"
                    ).format(id=id_, where=seen[id_]),
                )
            else:
                seen[id_] = where


def check_empty_name(doc: Perjanjian, ctx: Context) -> Iterator[Finding]:
    """Names and positions are not blank."""
    texts: list[tuple[Loc, str]] = [
        (("unit", "nama"), doc.unit.nama),
        (("pihak_pertama", "nama"), doc.pihak_pertama.nama),
        (("pihak_pertama", "jabatan"), doc.pihak_pertama.jabatan),
        (("pihak_kedua", "nama"), doc.pihak_kedua.nama),
        (("pihak_kedua", "jabatan"), doc.pihak_kedua.jabatan),
    ]
    texts += [
        (("kelompok", k, "judul"), kelompok.judul)
        for k, kelompok in enumerate(doc.kelompok)
        if kelompok.judul is not None
    ]
    walk = list(doc.walk())
    texts += [((*loc[:4], "nama"), s.nama) for loc, _k, s, _i in walk if loc[-1] == 0]
    texts += [((*loc, "nama"), ind.nama) for loc, _k, _s, ind in walk]
    texts += [
        (("anggaran", "kegiatan", i, "nama"), keg.nama)
        for i, keg in enumerate(doc.anggaran.kegiatan)
    ]
    for loc, text in texts:
        if not text.strip():
            yield Finding(
                loc,
                codes.EMPTY_NAME,
                _("`{key}` is empty: write the text as in the signed document").format(key=loc[-1]),
            )


def check_target(doc: Perjanjian, ctx: Context) -> Iterator[Finding]:
    """A target is typed: a number or range with `satuan`, or a code on a declared `skala`."""
    for loc, _k, _s, ind in doc.walk():
        target = ind.target
        if ind.skala is not None:
            scale = doc.skala.get(ind.skala)
            if scale is None:
                if doc.skala:
                    message = _(
                        "skala '{skala}' is not declared under `skala` (declared: "
                        "{known}): correct the name, or declare it with its codes"
                    )
                else:
                    message = _(
                        "skala '{skala}' is not declared: add it under `skala` at the "
                        "top of the file, with its codes"
                    )
                yield Finding(
                    (*loc, "skala"),
                    codes.UNKNOWN_SKALA,
                    message.format(skala=ind.skala, known=", ".join(doc.skala)),
                )
            elif target is not None and (not isinstance(target, str) or target not in scale.kode):
                declared = ", ".join(scale.kode)
                yield Finding(
                    (*loc, "target"),
                    codes.TARGET_NOT_ON_SCALE,
                    _(
                        "target {target} is not a code of skala '{skala}' ({codes}): write one of "
                        "them, in quotes if it is a number"
                    ).format(target=target, skala=ind.skala, codes=declared),
                )
            continue
        if isinstance(target, str) and (number := decimal_comma(target)) is not None:
            yield Finding(
                (*loc, "target"),
                codes.TARGET_IS_TEXT,
                _(
                    "target '{target}' has a decimal comma, which YAML reads as text: write "
                    "`target: {number}` with a decimal point (the reports still print {target})"
                ).format(target=target.strip().rstrip("%").strip(), number=typed(number)),
            )
        elif isinstance(target, str):
            yield Finding(
                (*loc, "target"),
                codes.TARGET_IS_TEXT,
                _(
                    "target '{target}' is text: write the number and put the unit in `satuan` "
                    '(target: 100, satuan: "%"), or name a `skala` for a grade'
                ).format(target=target),
            )
        elif target is not None and not ind.satuan:
            yield Finding(
                (*loc, "target"),
                codes.SATUAN_MISSING,
                _(
                    "target {target} has no unit: add `satuan` as in the signed document, "
                    'e.g. satuan: "%" or satuan: Dokumen'
                ).format(target=in_message(target)),
            )
        if (negative := negative_target(ind.id, target)) is not None:
            bound, message = negative
            yield Finding((*loc, "target", *bound), codes.TARGET_NEGATIVE, message)
        if isinstance(target, Rentang) and target.min > target.maks:
            yield Finding(
                (*loc, "target", "min"),
                codes.RANGE_REVERSED,
                _(
                    "range min {min} is above maks {maks}: swap the two, the smaller number "
                    "goes in `min`"
                ).format(min=in_message(target.min), maks=in_message(target.maks)),
            )


def negative_target(
    id_: str, target: object, triwulan: str | None = None
) -> tuple[Loc, str] | None:
    """Where a target (or a quarter's Rencana Aksi target) below 0 is, in a range the bound
    (`("min",)`), and why it is refused; None if it is 0 or more. The rule of
    `realisasi-negative`, for what is agreed: against -5, a realisasi of 100 scores -2000%."""
    bounds: list[tuple[Loc, object]] = (
        [(("min",), target.min), (("maks",), target.maks)]
        if isinstance(target, Rentang)
        else [((), target)]
    )
    for bound, number in bounds:
        if isinstance(number, Decimal) and number < 0:
            if triwulan is None:
                message = _(
                    "the target of {id} cannot be negative ({value}): write the target of the "
                    "signed document, 0 or more"
                )
            else:
                message = _(
                    "the Rencana Aksi target {tw} of {id} cannot be negative ({value}): write "
                    "the target for the quarter, 0 or more"
                )
            return bound, message.format(id=id_, tw=triwulan, value=in_message(number))
    return None


def check_target_missing(doc: Perjanjian, ctx: Context) -> Iterator[Finding]:
    """Warns when an indicator has no target: capaian cannot be computed for it."""
    for loc, _k, _s, ind in doc.walk():
        if ind.target is None:
            # At `target: null` when the key is there, else at the indikator itself.
            yield Finding(
                (*loc, "target"),
                codes.TARGET_MISSING,
                _(
                    "the target of indikator {id} is empty: write the target as in the signed "
                    'document, e.g. `target: 100` with `satuan: "%"`; until then its capaian '
                    "cannot be computed"
                ).format(id=ind.id),
            )


def check_duplicate_indikator(doc: Perjanjian, ctx: Context) -> Iterator[Finding]:
    """Warns when the same indicator text appears twice in one agreement."""
    seen: dict[str, str] = {}
    for loc, _k, _s, ind in doc.walk():
        text = " ".join(ind.nama.casefold().split())
        if not text:
            continue
        if text in seen:
            yield Finding(
                (*loc, "nama"),
                codes.DUPLICATE_INDIKATOR,
                _(
                    "indikator {id} has the same text as {other}: check in the signed document "
                    "whether both are meant, and remove or reword one"
                ).format(id=ind.id, other=seen[text]),
            )
        else:
            seen[text] = ind.id


def check_total(doc: Perjanjian, ctx: Context) -> Iterator[Finding]:
    """The stated budget total equals the sum of the budget lines."""
    stated = doc.anggaran.jumlah
    total = doc.anggaran.sum_pagu
    uang = doc.bentuk.uang
    if stated is not None and stated != total:
        if stated > total:
            message = _(
                "jumlah is {stated} but the kegiatan add up to {total} ({difference} "
                "more): correct a pagu or the jumlah, as in the signed document"
            )
        else:
            message = _(
                "jumlah is {stated} but the kegiatan add up to {total} ({difference} "
                "less): correct a pagu or the jumlah, as in the signed document"
            )
        yield Finding(
            ("anggaran", "jumlah"),
            codes.TOTAL_MISMATCH,
            message.format(
                stated=uang.teks(stated),
                total=uang.teks(total),
                difference=uang.teks(abs(stated - total)),
            ),
        )


def check_kegiatan_kode(doc: Perjanjian, ctx: Context) -> Iterator[Finding]:
    """A budget line's kode is absent or written, and names one line: realisasi.yaml and
    `mengubah` name a line by it (by its nama when it has none), so two lines one name
    would share a realisasi and count it twice."""
    seen: dict[str, int] = {}
    for n, keg in enumerate(doc.anggaran.kegiatan):
        loc: Loc = ("anggaran", "kegiatan", n)
        if keg.kode is not None and not keg.kode.strip():
            yield Finding(
                (*loc, "kode"),
                codes.EMPTY_KODE,
                _(
                    "the kode of budget line {n} is empty: write the code as in the signed "
                    "document, or remove the `kode` key when the document lists the line "
                    "without one"
                ).format(n=n + 1),
                # At the key: a value left out (`kode:`) has no place of its own.
                key=True,
            )
            continue
        ref = keg.ref
        if ref in seen:
            if keg.kode is None:
                message = _(
                    "budget line {n} has no kode and the same nama as line {other}; a line "
                    "without a kode is known by its nama: give each its kode, or correct the "
                    "nama as in the signed document"
                )
            else:
                message = _(
                    "kode {kode} is already used by budget line {other}: each line has its "
                    "own kode (correct it as in the signed document), or the pagu would count "
                    "twice"
                )
            yield Finding(
                (*loc, "kode" if keg.kode is not None else "nama"),
                codes.DUPLICATE_KODE,
                message.format(n=n + 1, other=seen[ref] + 1, kode=excerpt(ref)),
            )
        else:
            seen[ref] = n


LOGO_SUFFIXES = (".png", ".jpg", ".jpeg", ".svg")
"""The image files a kop's logo may be: what every browser and PDF shows."""


def check_kop_logo(doc: Perjanjian, ctx: Context) -> Iterator[Finding]:
    """The kop's logo is an image file there, relative to the year folder."""
    kop = doc.bentuk.kop
    if kop is None or kop.logo is None or ctx.folder is None:
        return
    path = Path(os.path.normpath(ctx.folder / kop.logo))
    if not path.is_file():
        message = _(
            "{path}: no such file (the logo's path is relative to the year folder {folder})"
        )
    elif path.suffix.casefold() not in LOGO_SUFFIXES:
        message = _("{path} is not a PNG, JPEG or SVG image; save the logo as one")
    else:
        return
    yield Finding(
        ("bentuk", "kop", "logo"),
        codes.KOP_LOGO,
        message.format(path=path.as_posix(), folder=ctx.folder.as_posix()),
    )


def check_year(doc: Perjanjian, ctx: Context) -> Iterator[Finding]:
    """`tahun` agrees with the folder (`data/2024`) and with the signing date."""
    if ctx.folder_year is not None and doc.tahun != ctx.folder_year:
        yield Finding(
            ("tahun",),
            codes.YEAR_MISMATCH,
            _("tahun is {tahun} but {source} is {year}: correct one of them").format(
                tahun=doc.tahun, source=_(ctx.year_source), year=ctx.folder_year
            ),
        )
    signed = doc.penandatanganan.tanggal
    if signed is not None and signed.year != doc.tahun:
        yield Finding(
            ("penandatanganan", "tanggal"),
            codes.YEAR_MISMATCH,
            _(
                "signed on {date}, which is not in tahun {tahun}: correct the signing date or "
                "the tahun"
            ).format(date=signed.isoformat(), tahun=doc.tahun),
        )


def check_kelompok_order(doc: Perjanjian, ctx: Context) -> Iterator[Finding]:
    """Group numbers run 1, 2, 3… in document order."""
    for k, kelompok in enumerate(doc.kelompok):
        if kelompok.no != k + 1:
            yield Finding(
                ("kelompok", k, "no"),
                codes.KELOMPOK_ORDER,
                _(
                    "group number {no} where {expected} was expected: number the groups 1, 2, 3… "
                    "in the order they appear"
                ).format(no=kelompok.no, expected=k + 1),
            )


def check_perubahan(doc: Perjanjian, ctx: Context) -> Iterator[Finding]:
    """A signed agreement has its date; revisions follow signing, in order, each label once."""
    signing = doc.penandatanganan
    if signing.status is Status.DITANDATANGANI and signing.tanggal is None:
        yield Finding(
            ("penandatanganan", "status"),
            codes.SIGNED_WITHOUT_DATE,
            _(
                "the agreement is marked ditandatangani but has no `tanggal`: write the signing "
                "date (YYYY-MM-DD), e.g. tanggal: 2024-06-10, and `cetak_tanggal: false` when "
                "the signed document prints none"
            ),
        )
    if doc.perubahan and signing.status is not Status.DITANDATANGANI:
        yield Finding(
            ("perubahan",),
            codes.PERUBAHAN_UNSIGNED,
            _(
                "revisions are listed but the agreement is not signed; a draft changes freely, so "
                "set `status: ditandatangani` or remove `perubahan`"
            ),
            key=True,
        )
    previous = signing.tanggal
    labels: set[str] = set()
    for n, entry in enumerate(doc.perubahan):
        if entry.label in labels:
            yield Finding(
                ("perubahan", n, "label"),
                codes.DUPLICATE_PERUBAHAN,
                _(
                    "revision label {label!r} is used twice: number each revision "
                    "(PK Perubahan I, II, …)"
                ).format(label=entry.label),
            )
        labels.add(entry.label)
        if previous is not None and entry.tanggal < previous:
            yield Finding(
                ("perubahan", n, "tanggal"),
                codes.PERUBAHAN_ORDER,
                _(
                    "{label} is dated {date}, before {previous} (the signing or the revision "
                    "above): list revisions oldest first, after the signing"
                ).format(
                    label=entry.label, date=entry.tanggal.isoformat(), previous=previous.isoformat()
                ),
            )
        previous = max(previous, entry.tanggal) if previous else entry.tanggal


def check_agregasi(doc: Perjanjian, ctx: Context) -> Iterator[Finding]:
    """A grade or level cannot be summed or averaged: `agregasi` is `terakhir` for them."""
    for loc, _k, _s, ind in doc.walk():
        if ind.skala is not None and ind.agregasi is not Agregasi.TERAKHIR:
            yield Finding(
                (*loc, "agregasi"),
                codes.AGREGASI_KODE,
                _(
                    "indikator {id} is a grade or level (skala {skala}); its quarters cannot be "
                    "combined by `{agregasi}`: write `agregasi: terakhir`"
                ).format(id=ind.id, skala=ind.skala, agregasi=ind.agregasi),
            )


CHECKS: tuple[Check, ...] = (
    check_year,
    check_empty_name,
    check_duplicate_id,
    check_kelompok_order,
    check_target,
    check_target_missing,
    check_duplicate_indikator,
    check_total,
    check_kegiatan_kode,
    check_perubahan,
    check_agregasi,
    check_kop_logo,
)


def run_checks(doc: Perjanjian, ctx: Context) -> list[Finding]:
    return [finding for check in CHECKS for finding in check(doc, ctx)]
