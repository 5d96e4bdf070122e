"""Semantic checks on a schema-valid agreement: plain functions, each with a stable code.

A check yields `Finding`s located by their path in the data (the same path pydantic uses),
so the loader can turn them into file:line:col. Every check is listed in `CHECKS`; its
docstring says what it catches, with a failing example.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from pk.diagnostics import Level
from pk.models import Indikator, Perjanjian, Rentang

Loc = tuple[str | int, ...]


@dataclass(frozen=True)
class Context:
    """Facts about the run that the data cannot know: the year its folder names."""

    folder_year: int | None = None


@dataclass(frozen=True)
class Finding:
    loc: Loc
    level: Level
    code: str
    message: str
    key: bool = False
    """Point at the key rather than the value."""


Check = Callable[[Perjanjian, Context], Iterator[Finding]]


def _indikator_locs(doc: Perjanjian) -> Iterator[tuple[Loc, Indikator]]:
    for k, kelompok in enumerate(doc.kelompok):
        for s, sasaran in enumerate(kelompok.sasaran):
            for i, indikator in enumerate(sasaran.indikator):
                yield ("kelompok", k, "sasaran", s, "indikator", i), indikator


def check_duplicate_id(doc: Perjanjian, ctx: Context) -> Iterator[Finding]:
    """Every sasaran and indikator id is used once: `pk set IK-05` must name one row.

    Fails: two indicators both with `id: IK-05`.
    """
    seen: dict[str, str] = {}
    for k, kelompok in enumerate(doc.kelompok):
        for s, sasaran in enumerate(kelompok.sasaran):
            locs = [(("kelompok", k, "sasaran", s), sasaran.id)]
            locs += [
                (("kelompok", k, "sasaran", s, "indikator", i), ind.id)
                for i, ind in enumerate(sasaran.indikator)
            ]
            for loc, id_ in locs:
                where = f"kelompok {kelompok.no}"
                if id_ in seen:
                    yield Finding(
                        (*loc, "id"), Level.ERROR, "duplicate-id",
                        f"id {id_} is already used ({seen[id_]}); give this one a new id",
                    )
                else:
                    seen[id_] = where


def check_empty_name(doc: Perjanjian, ctx: Context) -> Iterator[Finding]:
    """Names and positions are not blank.

    Fails: `nama: ""` or `nama: "  "` on a sasaran, indikator, kegiatan, unit or party.
    """
    texts: list[tuple[Loc, str]] = [
        (("unit", "nama"), doc.unit.nama),
        (("pihak_pertama", "nama"), doc.pihak_pertama.nama),
        (("pihak_pertama", "jabatan"), doc.pihak_pertama.jabatan),
        (("pihak_kedua", "nama"), doc.pihak_kedua.nama),
        (("pihak_kedua", "jabatan"), doc.pihak_kedua.jabatan),
    ]
    for k, kelompok in enumerate(doc.kelompok):
        for s, sasaran in enumerate(kelompok.sasaran):
            texts.append((("kelompok", k, "sasaran", s, "nama"), sasaran.nama))
    texts += [((*loc, "nama"), ind.nama) for loc, ind in _indikator_locs(doc)]
    texts += [
        (("anggaran", "kegiatan", i, "nama"), keg.nama)
        for i, keg in enumerate(doc.anggaran.kegiatan)
    ]
    for loc, text in texts:
        if not text.strip():
            yield Finding(loc, Level.ERROR, "empty-name", f"`{loc[-1]}` is empty; write the text "
                          "as in the signed document")


def check_target(doc: Perjanjian, ctx: Context) -> Iterator[Finding]:
    """A target is typed: a number or range with `satuan`, or a code on a declared `skala`.

    Fails: `target: 100%` (text, no skala), `target: 100` without `satuan`,
    `skala: predikat` not declared under `skala`, `target: Z` not a code of its skala,
    a range whose `min` is above `maks`.
    """
    for loc, ind in _indikator_locs(doc):
        target = ind.target
        if ind.skala is not None:
            scale = doc.skala.get(ind.skala)
            if scale is None:
                known = ", ".join(doc.skala) or "none declared"
                yield Finding((*loc, "skala"), Level.ERROR, "unknown-skala",
                              f"skala '{ind.skala}' is not declared under `skala` ({known})")
            elif target is not None and (not isinstance(target, str) or target not in scale.kode):
                codes = ", ".join(scale.kode)
                yield Finding((*loc, "target"), Level.ERROR, "target-not-on-scale",
                              f"target {target} is not a code of skala '{ind.skala}' ({codes}); "
                              "write one of them, in quotes if it is a number")
            continue
        if isinstance(target, str):
            yield Finding((*loc, "target"), Level.ERROR, "target-is-text",
                          f"target '{target}' is text; write a number with `satuan` "
                          "(target: 100, satuan: \"%\") or name a `skala` for a grade")
        elif target is not None and not ind.satuan:
            yield Finding((*loc, "target"), Level.ERROR, "satuan-missing",
                          "a number target needs `satuan`, e.g. satuan: \"%\" or satuan: Dok")
        if isinstance(target, Rentang) and target.min > target.maks:
            yield Finding((*loc, "target", "min"), Level.ERROR, "range-reversed",
                          f"range min {target.min} is above maks {target.maks}")


def check_target_missing(doc: Perjanjian, ctx: Context) -> Iterator[Finding]:
    """Warns when an indicator has no target: capaian cannot be computed for it.

    Fails: `target: null`, or no `target` key. Fill it in once the target is decided.
    """
    for loc, ind in _indikator_locs(doc):
        if ind.target is None:
            yield Finding(loc, Level.WARNING, "target-missing",
                          f"indikator {ind.id} has no target; capaian cannot be computed "
                          "until one is written here")


def check_duplicate_indikator(doc: Perjanjian, ctx: Context) -> Iterator[Finding]:
    """Warns when the same indicator text appears twice in one agreement.

    Fails: two indicators both named "Jumlah dokumen riset kepemiluan".
    """
    seen: dict[str, str] = {}
    for loc, ind in _indikator_locs(doc):
        text = " ".join(ind.nama.casefold().split())
        if not text:
            continue
        if text in seen:
            yield Finding((*loc, "nama"), Level.WARNING, "duplicate-indikator",
                          f"indikator {ind.id} has the same text as {seen[text]}; "
                          "check the signed document whether both are meant")
        else:
            seen[text] = ind.id


def check_total(doc: Perjanjian, ctx: Context) -> Iterator[Finding]:
    """The stated budget total equals the sum of the budget lines.

    Fails: `jumlah: 175862282001` when the lines add up to 175862282000.
    """
    stated = doc.anggaran.jumlah
    total = sum(k.pagu for k in doc.anggaran.kegiatan)
    if stated is not None and stated != total:
        yield Finding(("anggaran", "jumlah"), Level.ERROR, "total-mismatch",
                      f"jumlah is {stated:,} but the kegiatan add up to {total:,} "
                      f"(difference {stated - total:+,}); correct a pagu or the jumlah")


def check_year(doc: Perjanjian, ctx: Context) -> Iterator[Finding]:
    """`tahun` agrees with the folder (`data/2024`) and with the signing date.

    Fails: `tahun: 2025` in `data/2024/`, or `tanggal: 2023-06-10` with `tahun: 2024`.
    """
    if ctx.folder_year is not None and doc.tahun != ctx.folder_year:
        yield Finding(("tahun",), Level.ERROR, "year-mismatch",
                      f"tahun is {doc.tahun} but the folder is {ctx.folder_year}; "
                      "correct one of them")
    signed = doc.penandatanganan.tanggal
    if signed is not None and signed.year != doc.tahun:
        yield Finding(("penandatanganan", "tanggal"), Level.ERROR, "year-mismatch",
                      f"signed on {signed.isoformat()}, which is not in tahun {doc.tahun}")


def check_kelompok_order(doc: Perjanjian, ctx: Context) -> Iterator[Finding]:
    """Group numbers run 1, 2, 3… in document order.

    Fails: groups numbered 1, 2, 2 or 1, 3.
    """
    for k, kelompok in enumerate(doc.kelompok):
        if kelompok.no != k + 1:
            yield Finding(("kelompok", k, "no"), Level.ERROR, "kelompok-order",
                          f"group number {kelompok.no} where {k + 1} was expected")


CHECKS: tuple[Check, ...] = (
    check_year,
    check_empty_name,
    check_duplicate_id,
    check_kelompok_order,
    check_target,
    check_target_missing,
    check_duplicate_indikator,
    check_total,
)


def run_checks(doc: Perjanjian, ctx: Context) -> list[Finding]:
    return [finding for check in CHECKS for finding in check(doc, ctx)]
