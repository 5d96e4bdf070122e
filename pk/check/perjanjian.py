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
from typing import TYPE_CHECKING

from pk.diagnostics import Level
from pk.i18n import N_, _
from pk.model.perjanjian import (
    TRIWULAN,
    Agregasi,
    Indikator,
    Perjanjian,
    Polaritas,
    Rentang,
    Status,
    plain_number,
)
from pk.numbers import rupiah

if TYPE_CHECKING:  # a year without realisasi.yaml or pengaturan.yaml never loads their models
    from pk.model.realisasi import Pengaturan, Realisasi

Loc = tuple[str | int, ...]


@dataclass(frozen=True)
class Context:
    """Facts about the run that the data cannot know: the year its folder names."""

    folder_year: int | None = None
    year_source: str = N_("the folder")
    """What named the expected year (translated when shown): the folder, or the workspace."""


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
            locs: list[tuple[Loc, str]] = [(("kelompok", k, "sasaran", s), sasaran.id)]
            locs += [
                (("kelompok", k, "sasaran", s, "indikator", i), ind.id)
                for i, ind in enumerate(sasaran.indikator)
            ]
            for loc, id_ in locs:
                where = f"kelompok {kelompok.no}"
                if id_ in seen:
                    yield Finding(
                        (*loc, "id"),
                        Level.ERROR,
                        "duplicate-id",
                        _(
                            "id {id} is already used in {where}: give this one a new id that is "
                            "not used elsewhere, e.g. the next number"
                        ).format(id=id_, where=seen[id_]),
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
            yield Finding(
                loc,
                Level.ERROR,
                "empty-name",
                _("`{key}` is empty: write the text as in the signed document").format(key=loc[-1]),
            )


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
                    Level.ERROR,
                    "unknown-skala",
                    message.format(skala=ind.skala, known=", ".join(doc.skala)),
                )
            elif target is not None and (not isinstance(target, str) or target not in scale.kode):
                codes = ", ".join(scale.kode)
                yield Finding(
                    (*loc, "target"),
                    Level.ERROR,
                    "target-not-on-scale",
                    _(
                        "target {target} is not a code of skala '{skala}' ({codes}): write one of "
                        "them, in quotes if it is a number"
                    ).format(target=target, skala=ind.skala, codes=codes),
                )
            continue
        if isinstance(target, str):
            yield Finding(
                (*loc, "target"),
                Level.ERROR,
                "target-is-text",
                _(
                    "target '{target}' is text: write the number and put the unit in `satuan` "
                    '(target: 100, satuan: "%"), or name a `skala` for a grade'
                ).format(target=target),
            )
        elif target is not None and not ind.satuan:
            yield Finding(
                (*loc, "target"),
                Level.ERROR,
                "satuan-missing",
                _(
                    "target {target} has no unit: add `satuan` as in the signed document, "
                    'e.g. satuan: "%" or satuan: Dokumen'
                ).format(target=_show(target)),
            )
        if isinstance(target, Rentang) and target.min > target.maks:
            yield Finding(
                (*loc, "target", "min"),
                Level.ERROR,
                "range-reversed",
                _(
                    "range min {min} is above maks {maks}: swap the two, the smaller number "
                    "goes in `min`"
                ).format(min=_show(target.min), maks=_show(target.maks)),
            )


def check_target_missing(doc: Perjanjian, ctx: Context) -> Iterator[Finding]:
    """Warns when an indicator has no target: capaian cannot be computed for it.

    Fails: `target: null`, or no `target` key. Fill it in once the target is decided.
    """
    for loc, ind in _indikator_locs(doc):
        if ind.target is None:
            # At `target: null` when the key is there, else at the indikator itself.
            yield Finding(
                (*loc, "target"),
                Level.WARNING,
                "target-missing",
                _(
                    "the target of indikator {id} is empty: write the target as in the signed "
                    'document, e.g. `target: 100` with `satuan: "%"`; until then its capaian '
                    "cannot be computed"
                ).format(id=ind.id),
            )


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
            yield Finding(
                (*loc, "nama"),
                Level.WARNING,
                "duplicate-indikator",
                _(
                    "indikator {id} has the same text as {other}: check in the signed document "
                    "whether both are meant, and remove or reword one"
                ).format(id=ind.id, other=seen[text]),
            )
        else:
            seen[text] = ind.id


def check_total(doc: Perjanjian, ctx: Context) -> Iterator[Finding]:
    """The stated budget total equals the sum of the budget lines.

    Fails: `jumlah: 175862282001` when the lines add up to 175862282000.
    """
    stated = doc.anggaran.jumlah
    total = sum(k.pagu for k in doc.anggaran.kegiatan)
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
            Level.ERROR,
            "total-mismatch",
            message.format(
                stated=rupiah(stated), total=rupiah(total), difference=rupiah(abs(stated - total))
            ),
        )


def check_year(doc: Perjanjian, ctx: Context) -> Iterator[Finding]:
    """`tahun` agrees with the folder (`data/2024`) and with the signing date.

    Fails: `tahun: 2025` in `data/2024/`, or `tanggal: 2023-06-10` with `tahun: 2024`.
    """
    if ctx.folder_year is not None and doc.tahun != ctx.folder_year:
        yield Finding(
            ("tahun",),
            Level.ERROR,
            "year-mismatch",
            _("tahun is {tahun} but {source} is {year}: correct one of them").format(
                tahun=doc.tahun, source=_(ctx.year_source), year=ctx.folder_year
            ),
        )
    signed = doc.penandatanganan.tanggal
    if signed is not None and signed.year != doc.tahun:
        yield Finding(
            ("penandatanganan", "tanggal"),
            Level.ERROR,
            "year-mismatch",
            _(
                "signed on {date}, which is not in tahun {tahun}: correct the signing date or "
                "the tahun"
            ).format(date=signed.isoformat(), tahun=doc.tahun),
        )


def check_kelompok_order(doc: Perjanjian, ctx: Context) -> Iterator[Finding]:
    """Group numbers run 1, 2, 3… in document order.

    Fails: groups numbered 1, 2, 2 or 1, 3.
    """
    for k, kelompok in enumerate(doc.kelompok):
        if kelompok.no != k + 1:
            yield Finding(
                ("kelompok", k, "no"),
                Level.ERROR,
                "kelompok-order",
                _(
                    "group number {no} where {expected} was expected: number the groups 1, 2, 3… "
                    "in the order they appear"
                ).format(no=kelompok.no, expected=k + 1),
            )


def check_perubahan(doc: Perjanjian, ctx: Context) -> Iterator[Finding]:
    """A signed agreement has its date; revisions follow signing, in order, each label once.

    Fails: `status: ditandatangani` without `tanggal`; a `perubahan` entry while the status is
    `draf`; a revision dated before the signing or before the revision above it; two
    revisions both labelled "PK Perubahan I".
    """
    signing = doc.penandatanganan
    if signing.status is Status.DITANDATANGANI and signing.tanggal is None:
        yield Finding(
            ("penandatanganan", "status"),
            Level.ERROR,
            "signed-without-date",
            _(
                "the agreement is marked ditandatangani but has no `tanggal`: write the signing "
                "date (YYYY-MM-DD), e.g. tanggal: 2024-06-10"
            ),
        )
    if doc.perubahan and signing.status is not Status.DITANDATANGANI:
        yield Finding(
            ("perubahan",),
            Level.ERROR,
            "perubahan-unsigned",
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
                Level.ERROR,
                "duplicate-perubahan",
                _(
                    "revision label {label!r} is used twice: number each revision "
                    "(PK Perubahan I, II, …)"
                ).format(label=entry.label),
            )
        labels.add(entry.label)
        if previous is not None and entry.tanggal < previous:
            yield Finding(
                ("perubahan", n, "tanggal"),
                Level.ERROR,
                "perubahan-order",
                _(
                    "{label} is dated {date}, before {previous} (the signing or the revision "
                    "above): list revisions oldest first, after the signing"
                ).format(
                    label=entry.label, date=entry.tanggal.isoformat(), previous=previous.isoformat()
                ),
            )
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
            yield Finding(
                (*loc, "agregasi"),
                Level.ERROR,
                "agregasi-kode",
                _(
                    "indikator {id} is a grade or level (skala {skala}); its quarters cannot be "
                    "combined by `{agregasi}`: write `agregasi: terakhir`"
                ).format(id=ind.id, skala=ind.skala, agregasi=ind.agregasi),
            )


def check_realisasi_year(year: Year, ctx: Context) -> Iterator[Finding]:
    """realisasi.yaml is for the agreement's year.

    Fails: `tahun: 2023` in realisasi.yaml beside a perjanjian.yaml of 2024.
    """
    if year.realisasi is not None and year.realisasi.tahun != year.perjanjian.tahun:
        yield Finding(
            ("tahun",),
            Level.ERROR,
            "year-mismatch",
            _(
                "tahun is {tahun} but perjanjian.yaml is for {year}: realisasi.yaml records the "
                "agreement's year"
            ).format(tahun=year.realisasi.tahun, year=year.perjanjian.tahun),
            file=REALISASI_FILE,
        )


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
            if close:
                message = _("no indikator {id} in perjanjian.yaml; did you mean {close}?")
            else:
                message = _(
                    "no indikator {id} in perjanjian.yaml: use an id from the agreement "
                    "(`pk show` lists them)"
                )
            yield Finding(
                ("indikator", id_),
                Level.ERROR,
                "unknown-indikator",
                message.format(id=id_, close=close[0] if close else ""),
                key=True,
                file=REALISASI_FILE,
            )
    kodes = [k.kode for k in year.perjanjian.anggaran.kegiatan]
    for kode in year.realisasi.anggaran:
        if kode not in kodes:
            yield Finding(
                ("anggaran", kode),
                Level.ERROR,
                "unknown-kegiatan",
                _("no kegiatan with kode {kode} in perjanjian.yaml: use one of {kodes}").format(
                    kode=kode, kodes=", ".join(kodes)
                ),
                key=True,
                file=REALISASI_FILE,
            )


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
    from pk.compute.capaian import as_kode

    if ind.skala is not None:
        scale = doc.skala.get(ind.skala)
        if scale is None or (isinstance(value, str | Decimal) and as_kode(value, scale.kode)):
            return None
        return _(
            "{value} is not a code of skala '{skala}' of indikator {id}: write one of {codes}"
        ).format(value=value, skala=ind.skala, id=ind.id, codes=", ".join(scale.kode))
    if isinstance(value, str):
        if ind.satuan:
            message = _(
                "indikator {id} is measured as a number in {satuan}; '{value}' is "
                "text: write the number only, e.g. 87.5"
            )
        else:
            message = _(
                "indikator {id} is measured as a number; '{value}' is text: write "
                "the number only, e.g. 87.5"
            )
        return message.format(id=ind.id, satuan=ind.satuan, value=value)
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
            yield Finding(
                (*loc, "TW4"),
                Level.WARNING,
                "rencana-aksi-tw4",
                _(
                    "TW4 target {tw4} differs from the annual target {target} of {id}: the "
                    "cumulative TW4 target is the annual one, so write {target} (or record the "
                    "PK perubahan that changed it)"
                ).format(tw4=_show(plan.TW4), target=_show(ind.target), id=id_),
                file=REALISASI_FILE,
            )
        if ind.polaritas is not Polaritas.MAKSIMAL:
            continue
        previous: tuple[str, Decimal] | None = None
        for tw in TRIWULAN:
            value = getattr(plan, tw)
            number = value.min if isinstance(value, Rentang) else value
            if not isinstance(number, Decimal):
                continue
            if previous is not None and number < previous[1]:
                yield Finding(
                    (*loc, tw),
                    Level.WARNING,
                    "rencana-aksi-turun",
                    _(
                        "{tw} target {value} is below {previous} ({previous_value}): Rencana Aksi "
                        "targets are cumulative, each quarter at least the one before"
                    ).format(
                        tw=tw,
                        value=_show(number),
                        previous=previous[0],
                        previous_value=_show(previous[1]),
                    ),
                    file=REALISASI_FILE,
                )
            previous = (tw, number)


def check_realisasi_turun(year: Year, ctx: Context) -> Iterator[Finding]:
    """Warns when a cumulative realisasi falls: with `agregasi: terakhir` each triwulan reports
    January to its end, so a later quarter below an earlier one is usually a typo.

    Fails: `TW1: {realisasi: 60}`, `TW2: {realisasi: 45}` for a cumulative indicator.
    """
    if year.realisasi is None:
        return
    inds = {ind.id: ind for _k, _s, ind in year.perjanjian.indikator()}
    for id_, data in year.realisasi.indikator.items():
        ind = inds.get(id_)
        if ind is None or ind.agregasi is not Agregasi.TERAKHIR:
            continue
        previous: tuple[str, Decimal] | None = None
        for tw in TRIWULAN:
            entry = data.triwulan(tw)
            if entry is None or not isinstance(entry.realisasi, Decimal):
                continue
            if previous is not None and entry.realisasi < previous[1]:
                yield Finding(
                    ("indikator", id_, tw, "realisasi"),
                    Level.WARNING,
                    "realisasi-turun",
                    _(
                        "{tw} realisasi {value} of {id} is below {previous} ({previous_value}): "
                        "triwulan realisasi are cumulative (January to the quarter's end); check "
                        "the figure, or set `agregasi: jumlah` on the indikator if each quarter "
                        "counts only itself"
                    ).format(
                        tw=tw,
                        value=_show(entry.realisasi),
                        id=id_,
                        previous=previous[0],
                        previous_value=_show(previous[1]),
                    ),
                    file=REALISASI_FILE,
                )
            previous = (tw, entry.realisasi)


def _show(value: object) -> str:
    if isinstance(value, Rentang):
        return f"{_show(value.min)}–{_show(value.maks)}"
    if isinstance(value, Decimal):
        return plain_number(value)
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
            yield Finding(
                ("anggaran", kode),
                Level.WARNING,
                "anggaran-over-pagu",
                _(
                    "realisasi of {kode} adds up to {spent}, above its pagu {pagu}: check the "
                    "quarterly figures (each is that quarter's spending only)"
                ).format(kode=kode, spent=rupiah(spent), pagu=rupiah(pagu[kode])),
                key=True,
                file=REALISASI_FILE,
            )


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
                yield Finding(
                    loc,
                    Level.ERROR,
                    "predikat-order",
                    _(
                        "band '{nama}' has no `min`; only the last band may omit it: write its "
                        "lower limit"
                    ).format(nama=band.nama),
                    file=PENGATURAN_FILE,
                )
            continue
        if previous is not None and band.min >= previous:
            yield Finding(
                (*loc, "min"),
                Level.ERROR,
                "predikat-order",
                _(
                    "band '{nama}' starts at {min}, not below the band before it ({previous}): "
                    "list bands from best to worst"
                ).format(nama=band.nama, min=_show(band.min), previous=_show(previous)),
                file=PENGATURAN_FILE,
            )
        previous = band.min
    cap = year.pengaturan.batas_capaian
    if cap is not None and cap < 100:
        yield Finding(
            ("batas_capaian",),
            Level.WARNING,
            "batas-capaian-low",
            _(
                "batas_capaian {cap} is below 100, so an indicator on target could not reach 100: "
                "write 100 or more (often 120)"
            ).format(cap=_show(cap)),
            file=PENGATURAN_FILE,
        )


YEAR_CHECKS: tuple[YearCheck, ...] = (
    check_agregasi,
    check_realisasi_year,
    check_realisasi_ids,
    check_realisasi_kind,
    check_rencana_aksi,
    check_realisasi_turun,
    check_anggaran_pagu,
    check_predikat,
)


def run_year_checks(year: Year, ctx: Context) -> list[Finding]:
    return [finding for check in YEAR_CHECKS for finding in check(year, ctx)]
