"""Semantic checks on a schema-valid agreement: plain functions, each with a stable code.

A check yields `Finding`s located by their path in the data (the same path pydantic uses),
so the loader can turn them into file:line:col. Every check is listed in `CHECKS`; its
docstring says what it catches, with a failing example.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal

from pk.diagnostics import Level
from pk.formats import rupiah
from pk.models import Agregasi, Indikator, Perjanjian, Polaritas, Rentang, Status
from pk.models_realisasi import TRIWULAN, Pengaturan, Realisasi

Loc = tuple[str | int, ...]


@dataclass(frozen=True)
class Context:
    """Facts about the run that the data cannot know: the year its folder names."""

    folder_year: int | None = None
    year_source: str = "the folder"


@dataclass(frozen=True)
class Finding:
    loc: Loc
    level: Level
    code: str
    message: str
    key: bool = False
    """Point at the key rather than the value."""
    file: str = "perjanjian.yaml"
    """The file of the year folder that `loc` is in."""


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
                        f"id {id_} is already used in {seen[id_]}; give this one a new id",
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
            # At `target: null` when the key is there, else at the indikator itself.
            yield Finding((*loc, "target"), Level.WARNING, "target-missing",
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
        more_less = "more" if stated > total else "less"
        yield Finding(("anggaran", "jumlah"), Level.ERROR, "total-mismatch",
                      f"jumlah is {rupiah(stated)} but the kegiatan add up to {rupiah(total)} "
                      f"({rupiah(abs(stated - total))} {more_less}); correct a pagu or the jumlah")


def check_year(doc: Perjanjian, ctx: Context) -> Iterator[Finding]:
    """`tahun` agrees with the folder (`data/2024`) and with the signing date.

    Fails: `tahun: 2025` in `data/2024/`, or `tanggal: 2023-06-10` with `tahun: 2024`.
    """
    if ctx.folder_year is not None and doc.tahun != ctx.folder_year:
        yield Finding(("tahun",), Level.ERROR, "year-mismatch",
                      f"tahun is {doc.tahun} but {ctx.year_source} is {ctx.folder_year}; "
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


def check_perubahan(doc: Perjanjian, ctx: Context) -> Iterator[Finding]:
    """A signed agreement has its date; revisions follow signing, in order, each label once.

    Fails: `status: ditandatangani` without `tanggal`; a `perubahan` entry while the status is
    `draf`; a revision dated before the signing or before the revision above it; two
    revisions both labelled "PK Perubahan I".
    """
    signing = doc.penandatanganan
    if signing.status is Status.DITANDATANGANI and signing.tanggal is None:
        yield Finding(("penandatanganan", "status"), Level.ERROR, "signed-without-date",
                      "the agreement is marked ditandatangani but has no `tanggal`; write the "
                      "signing date (YYYY-MM-DD)")
    if doc.perubahan and signing.status is not Status.DITANDATANGANI:
        yield Finding(("perubahan",), Level.ERROR, "perubahan-unsigned",
                      "revisions are listed but the agreement is not signed; a draft changes "
                      "freely, so set `status: ditandatangani` or remove `perubahan`", key=True)
    previous = signing.tanggal
    labels: set[str] = set()
    for n, entry in enumerate(doc.perubahan):
        if entry.label in labels:
            yield Finding(("perubahan", n, "label"), Level.ERROR, "duplicate-perubahan",
                          f"revision label {entry.label!r} is used twice; number each revision "
                          "(PK Perubahan I, II, …)")
        labels.add(entry.label)
        if previous is not None and entry.tanggal < previous:
            yield Finding(("perubahan", n, "tanggal"), Level.ERROR, "perubahan-order",
                          f"{entry.label} is dated {entry.tanggal.isoformat()}, before "
                          f"{previous.isoformat()} (the signing or the revision above); list "
                          "revisions oldest first, after the signing")
        previous = max(previous, entry.tanggal) if previous else entry.tanggal


CHECKS: tuple[Check, ...] = (
    check_year,
    check_empty_name,
    check_duplicate_id,
    check_kelompok_order,
    check_target,
    check_target_missing,
    check_duplicate_indikator,
    check_total,
    check_perubahan,
)


def run_checks(doc: Perjanjian, ctx: Context) -> list[Finding]:
    return [finding for check in CHECKS for finding in check(doc, ctx)]


# --- checks across the year's files: realisasi.yaml and pengaturan.yaml beside the agreement --

REALISASI_FILE = "realisasi.yaml"
PENGATURAN_FILE = "pengaturan.yaml"


@dataclass(frozen=True)
class Year:
    """All of a year folder's documents that loaded; the optional ones may be None."""

    perjanjian: Perjanjian
    realisasi: Realisasi | None = None
    pengaturan: Pengaturan | None = None


YearCheck = Callable[[Year, Context], Iterator[Finding]]


def check_agregasi(year: Year, ctx: Context) -> Iterator[Finding]:
    """A grade or level cannot be summed or averaged: `agregasi` is `terakhir` for them.

    Fails: `skala: predikat-sakip` with `agregasi: jumlah`.
    """
    for loc, ind in _indikator_locs(year.perjanjian):
        if ind.skala is not None and ind.agregasi is not Agregasi.TERAKHIR:
            yield Finding((*loc, "agregasi"), Level.ERROR, "agregasi-kode",
                          f"indikator {ind.id} is a grade or level (skala {ind.skala}); its "
                          f"quarters cannot be combined by `{ind.agregasi}`: use `terakhir`")


def check_realisasi_year(year: Year, ctx: Context) -> Iterator[Finding]:
    """realisasi.yaml is for the agreement's year.

    Fails: `tahun: 2023` in realisasi.yaml beside a perjanjian.yaml of 2024.
    """
    if year.realisasi is not None and year.realisasi.tahun != year.perjanjian.tahun:
        yield Finding(("tahun",), Level.ERROR, "year-mismatch",
                      f"tahun is {year.realisasi.tahun} but perjanjian.yaml is for "
                      f"{year.perjanjian.tahun}", file=REALISASI_FILE)


def check_realisasi_ids(year: Year, ctx: Context) -> Iterator[Finding]:
    """Every indikator id and kegiatan kode in realisasi.yaml exists in perjanjian.yaml.

    Fails: `IK-61:` under `indikator` when the agreement ends at IK-60; `076.01.XX:` under
    `anggaran` when no kegiatan has that kode.
    """
    if year.realisasi is None:
        return
    ids = [ind.id for _, _, ind in year.perjanjian.indikator()]
    for id_ in year.realisasi.indikator:
        if id_ not in ids:
            close = difflib.get_close_matches(id_, ids, n=1, cutoff=0.6)
            hint = f"; did you mean {close[0]}?" if close else ""
            yield Finding(("indikator", id_), Level.ERROR, "unknown-indikator",
                          f"no indikator {id_} in perjanjian.yaml{hint}", key=True,
                          file=REALISASI_FILE)
    kodes = [k.kode for k in year.perjanjian.anggaran.kegiatan]
    for kode in year.realisasi.anggaran:
        if kode not in kodes:
            yield Finding(("anggaran", kode), Level.ERROR, "unknown-kegiatan",
                          f"no kegiatan with kode {kode} in perjanjian.yaml "
                          f"(there are {', '.join(kodes)})", key=True, file=REALISASI_FILE)


def check_realisasi_kind(year: Year, ctx: Context) -> Iterator[Finding]:
    """A realisasi or Rencana Aksi target has the indicator's kind: a number, or a code of its skala.

    Fails: `realisasi: A` for an indicator with `satuan: "%"`; `realisasi: 85` or `Z` for one
    with `skala: predikat-sakip`.
    """
    if year.realisasi is None:
        return
    inds = {ind.id: ind for _, _, ind in year.perjanjian.indikator()}
    for id_, data in year.realisasi.indikator.items():
        ind = inds.get(id_)
        if ind is None:
            continue
        values: list[tuple[Loc, object]] = []
        for tw in TRIWULAN:
            entry = data.triwulan(tw)
            if entry is not None:
                values.append((("indikator", id_, tw, "realisasi"), entry.realisasi))
            planned = getattr(data.rencana_aksi, tw) if data.rencana_aksi else None
            if planned is not None:
                values.append((("indikator", id_, "rencana_aksi", tw), planned))
        for loc, value in values:
            message = _kind_problem(year.perjanjian, ind, value)
            if message:
                yield Finding(loc, Level.ERROR, "realisasi-kind", message, file=REALISASI_FILE)


def _kind_problem(doc: Perjanjian, ind: Indikator, value: object) -> str | None:
    from pk.capaian import as_kode

    if ind.skala is not None:
        scale = doc.skala.get(ind.skala)
        if scale is None or (isinstance(value, str | Decimal) and as_kode(value, scale.kode)):
            return None
        return (f"{value} is not a code of skala '{ind.skala}' of indikator {ind.id}; "
                f"write one of {', '.join(scale.kode)}")
    if isinstance(value, str):
        unit = f" in {ind.satuan}" if ind.satuan else ""
        return f"indikator {ind.id} is measured as a number{unit}; '{value}' is text"
    return None


def check_rencana_aksi(year: Year, ctx: Context) -> Iterator[Finding]:
    """Rencana Aksi targets are cumulative: TW4 equals the annual target, and (when higher is
    better) the series never goes down. Warnings: the agreement may have been revised.

    Fails: `rencana_aksi: {TW1: 50, TW2: 40, TW3: 75, TW4: 90}` for an annual target of 100.
    """
    if year.realisasi is None:
        return
    inds = {ind.id: ind for _, _, ind in year.perjanjian.indikator()}
    for id_, data in year.realisasi.indikator.items():
        ind = inds.get(id_)
        plan = data.rencana_aksi
        if ind is None or plan is None:
            continue
        loc: Loc = ("indikator", id_, "rencana_aksi")
        if plan.TW4 is not None and ind.target is not None and plan.TW4 != ind.target:
            yield Finding((*loc, "TW4"), Level.WARNING, "rencana-aksi-tw4",
                          f"TW4 target {_show(plan.TW4)} differs from the annual target "
                          f"{_show(ind.target)} of {id_}; the cumulative TW4 target is the "
                          "annual one", file=REALISASI_FILE)
        if ind.polaritas is not Polaritas.MAKSIMAL:
            continue
        previous: tuple[str, Decimal] | None = None
        for tw in TRIWULAN:
            value = getattr(plan, tw)
            number = value.min if isinstance(value, Rentang) else value
            if not isinstance(number, Decimal):
                continue
            if previous is not None and number < previous[1]:
                yield Finding((*loc, tw), Level.WARNING, "rencana-aksi-turun",
                              f"{tw} target {_show(number)} is below {previous[0]} "
                              f"({_show(previous[1])}); Rencana Aksi targets are cumulative",
                              file=REALISASI_FILE)
            previous = (tw, number)


def _show(value: object) -> str:
    if isinstance(value, Rentang):
        return f"{_show(value.min)}–{_show(value.maks)}"
    if isinstance(value, Decimal):
        return format(value.normalize(), "f") if value == value.to_integral() else format(value, "f")
    return str(value)


def check_anggaran_pagu(year: Year, ctx: Context) -> Iterator[Finding]:
    """Warns when a kegiatan's recorded spending exceeds its pagu.

    Fails: TW1..TW4 adding up to 10.019.993.001 for a pagu of 10.019.993.000.
    """
    if year.realisasi is None:
        return
    pagu = {k.kode: k.pagu for k in year.perjanjian.anggaran.kegiatan}
    for kode, entry in year.realisasi.anggaran.items():
        spent = sum(getattr(entry, tw) or 0 for tw in TRIWULAN)
        if kode in pagu and spent > pagu[kode]:
            yield Finding(("anggaran", kode), Level.WARNING, "anggaran-over-pagu",
                          f"realisasi of {kode} adds up to {spent:,} above its pagu "
                          f"{pagu[kode]:,}", key=True, file=REALISASI_FILE)


def check_predikat(year: Year, ctx: Context) -> Iterator[Finding]:
    """The predikat bands run from best to worst with falling `min`; only the last may omit it.

    Fails: `min: 76` before `min: 91`; a band without `min` that is not the last; a cap
    (`batas_capaian`) below 100.
    """
    if year.pengaturan is None:
        return
    bands = year.pengaturan.predikat.kategori
    previous: Decimal | None = None
    for i, band in enumerate(bands):
        loc: Loc = ("predikat", "kategori", i)
        if band.min is None:
            if i != len(bands) - 1:
                yield Finding(loc, Level.ERROR, "predikat-order",
                              f"band '{band.nama}' has no `min`; only the last band may omit it",
                              file=PENGATURAN_FILE)
            continue
        if previous is not None and band.min >= previous:
            yield Finding((*loc, "min"), Level.ERROR, "predikat-order",
                          f"band '{band.nama}' starts at {_show(band.min)}, not below the band "
                          f"before it ({_show(previous)}); list bands from best to worst",
                          file=PENGATURAN_FILE)
        previous = band.min
    cap = year.pengaturan.batas_capaian
    if cap is not None and cap < 100:
        yield Finding(("batas_capaian",), Level.WARNING, "batas-capaian-low",
                      f"batas_capaian {_show(cap)} is below 100: an indicator on target could "
                      "not reach 100", file=PENGATURAN_FILE)


YEAR_CHECKS: tuple[YearCheck, ...] = (
    check_agregasi,
    check_realisasi_year,
    check_realisasi_ids,
    check_realisasi_kind,
    check_rencana_aksi,
    check_anggaran_pagu,
    check_predikat,
)


def run_year_checks(year: Year, ctx: Context) -> list[Finding]:
    return [finding for check in YEAR_CHECKS for finding in check(year, ctx)]
