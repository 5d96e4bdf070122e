"""Checks across a year folder's files: realisasi.yaml and pengaturan.yaml beside the agreement.

Like the agreement's checks (pk.check.perjanjian), each yields `Finding`s located by their
path in the file they concern; `pk set` and `pk import` share the realisasi checks' judgement
of an indikator id and of a value's kind.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable, Iterator
from decimal import Decimal
from typing import TYPE_CHECKING, NamedTuple

from pk.check import codes
from pk.check.perjanjian import Context, Finding, negative_target
from pk.i18n import _
from pk.model.perjanjian import Agregasi, Indikator, Loc, Perjanjian, Polaritas, Rentang
from pk.numbers import decimal_comma, excerpt, in_message, rupiah, typed
from pk.vocab import EVALUASI_FILE, PENGATURAN_FILE, REALISASI_FILE, TRIWULAN

if TYPE_CHECKING:  # a year without realisasi.yaml or pengaturan.yaml never loads their models
    from pk.model.evaluasi import Evaluasi
    from pk.model.realisasi import Pengaturan, Realisasi


class Year(NamedTuple):  # not a dataclass: see pk.check.perjanjian.Context
    """All of a year folder's documents that loaded; the optional ones may be None."""

    perjanjian: Perjanjian
    realisasi: Realisasi | None = None
    pengaturan: Pengaturan | None = None
    evaluasi: Evaluasi | None = None


YearCheck = Callable[[Year, Context], Iterator[Finding]]


def check_realisasi_year(year: Year, ctx: Context) -> Iterator[Finding]:
    """realisasi.yaml is for the agreement's year."""
    if year.realisasi is not None:
        yield from _other_year(year, REALISASI_FILE, year.realisasi.tahun)


def check_evaluasi(year: Year, ctx: Context) -> Iterator[Finding]:
    """evaluasi.yaml is for the agreement's year and names only its indicators."""
    if year.evaluasi is not None:
        yield from _other_year(year, EVALUASI_FILE, year.evaluasi.tahun)
        yield from _unknown_ids(year, EVALUASI_FILE, year.evaluasi.indikator)


def _other_year(year: Year, file: str, tahun: int) -> Iterator[Finding]:
    if tahun != year.perjanjian.tahun:
        yield Finding(
            ("tahun",),
            codes.YEAR_MISMATCH,
            _(
                "tahun is {tahun} but perjanjian.yaml is for {year}: {file} records the "
                "agreement's year"
            ).format(tahun=tahun, year=year.perjanjian.tahun, file=file),
            file=file,
        )


def _unknown_ids(year: Year, file: str, written: Iterable[str]) -> Iterator[Finding]:
    ids = [ind.id for _, _, ind in year.perjanjian.indikator()]
    for id_ in written:
        if id_ not in ids:
            yield Finding(
                ("indikator", id_),
                codes.UNKNOWN_INDIKATOR,
                unknown_indikator(id_, ids),
                key=True,
                file=file,
            )


def check_realisasi_ids(year: Year, ctx: Context) -> Iterator[Finding]:
    """Every indikator id and kegiatan kode in realisasi.yaml exists in perjanjian.yaml."""
    if year.realisasi is None:
        return
    yield from _unknown_ids(year, REALISASI_FILE, year.realisasi.indikator)
    refs = [k.ref for k in year.perjanjian.anggaran.kegiatan]
    for ref in year.realisasi.anggaran:
        if ref not in refs:
            yield Finding(
                ("anggaran", ref),
                codes.UNKNOWN_KEGIATAN,
                unknown_kegiatan(ref, refs),
                key=True,
                file=REALISASI_FILE,
            )


def unknown_indikator(id_: str, ids: list[str]) -> str:
    """Why `id_` names no indikator of the agreement, with the closest of its `ids`."""
    close = difflib.get_close_matches(id_, ids, n=1, cutoff=0.6) if len(id_) <= 40 else []
    if close:
        message = _("no indikator {id} in perjanjian.yaml; did you mean {close}?")
    else:
        message = _(
            "no indikator {id} in perjanjian.yaml: use an id from the agreement "
            "(`pk show` lists them)"
        )
    return message.format(id=excerpt(id_), close=close[0] if close else "")


def unknown_kegiatan(ref: str, refs: list[str]) -> str:
    """Why `ref` names no budget line of the agreement, whose lines are named `refs`."""
    return _(
        "no budget line {ref} in perjanjian.yaml (a line is named by its kode, or by its nama "
        "when it has none): use one of {refs}"
    ).format(ref=excerpt(ref), refs="; ".join(refs))


def check_realisasi_kind(year: Year, ctx: Context) -> Iterator[Finding]:
    """Realisasi and Rencana Aksi targets are numbers, or codes of the indicator's skala."""
    if year.realisasi is None:
        return
    inds = year.perjanjian.indikator_by_id()
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
            message = kind_problem(year.perjanjian, ind, value)
            if message:
                yield Finding(loc, codes.REALISASI_KIND, message, file=REALISASI_FILE)
            elif loc[-1] == "realisasi" and (message := negative_problem(ind, value)):
                yield Finding(loc, codes.REALISASI_NEGATIVE, message, file=REALISASI_FILE)
            elif loc[-2] == "rencana_aksi" and (
                negative := negative_target(id_, value, str(loc[-1]))
            ):
                bound, message = negative
                yield Finding((*loc, *bound), codes.TARGET_NEGATIVE, message, file=REALISASI_FILE)


def negative_problem(ind: Indikator, value: object) -> str | None:
    """Why a realisasi below 0 is refused, or None. Also for lower-is-better indicators: there
    a stray minus sign would score best ((2 × target − realisasi) / target above 200)."""
    if isinstance(value, Decimal) and value < 0:
        return _(
            "realisasi for {id} cannot be negative ({value}): write the figure achieved, 0 or more"
        ).format(id=ind.id, value=excerpt(in_message(value)))
    return None


def kind_problem(doc: Perjanjian, ind: Indikator, value: object) -> str | None:
    """Why `value` is not of the indicator's kind (a number, or a code of its skala), or None.

    An undeclared skala passes here: `unknown-skala` already reports it."""
    if ind.skala is not None:
        scale = doc.skala.get(ind.skala)
        if scale is None or (isinstance(value, str | Decimal) and scale.kode_of(value)):
            return None
        return _(
            "{value} is not a code of skala '{skala}' of indikator {id}: write one of {codes}"
        ).format(value=excerpt(value), skala=ind.skala, id=ind.id, codes=", ".join(scale.kode))
    if isinstance(value, str) and (number := decimal_comma(value)) is not None:
        return _(
            "realisasi '{value}' of indikator {id} has a decimal comma, which YAML reads as "
            "text: write {number} with a decimal point (the reports still print {value})"
        ).format(value=excerpt(value.strip().rstrip("%").strip()), id=ind.id, number=typed(number))
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
        return message.format(id=ind.id, satuan=ind.satuan, value=excerpt(value))
    return None


def check_rencana_aksi(year: Year, ctx: Context) -> Iterator[Finding]:
    """Rencana Aksi targets are cumulative: TW4 equals the annual target, and (when higher is
    better) the series never goes down. Warnings: the agreement may have been revised."""
    if year.realisasi is None:
        return
    inds = year.perjanjian.indikator_by_id()
    for id_, data in year.realisasi.indikator.items():
        ind = inds.get(id_)
        plan = data.rencana_aksi
        if ind is None or plan is None:
            continue
        loc: Loc = ("indikator", id_, "rencana_aksi")
        if (
            plan.TW4 is not None
            and ind.target is not None
            and plan.TW4 != ind.target
            # A negative annual target is an error of its own, and no target to copy.
            and negative_target(id_, ind.target) is None
        ):
            yield Finding(
                (*loc, "TW4"),
                codes.RENCANA_AKSI_TW4,
                _(
                    "TW4 target {tw4} differs from the annual target {target} of {id}: the "
                    "cumulative TW4 target is the annual one, so write `TW4: {typed}` (or "
                    "record the PK perubahan that changed it)"
                ).format(
                    tw4=in_message(plan.TW4),
                    target=in_message(ind.target),
                    id=id_,
                    typed=typed(ind.target),
                ),
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
                    codes.RENCANA_AKSI_TURUN,
                    _(
                        "{tw} target {value} is below {previous} ({previous_value}): Rencana Aksi "
                        "targets are cumulative, each quarter at least the one before"
                    ).format(
                        tw=tw,
                        value=in_message(number),
                        previous=previous[0],
                        previous_value=in_message(previous[1]),
                    ),
                    file=REALISASI_FILE,
                )
            previous = (tw, number)


def check_realisasi_turun(year: Year, ctx: Context) -> Iterator[Finding]:
    """Warns when a cumulative realisasi falls: with `agregasi: terakhir` each triwulan reports
    January to its end, so a later quarter below an earlier one is usually a typo."""
    if year.realisasi is None:
        return
    inds = year.perjanjian.indikator_by_id()
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
                    codes.REALISASI_TURUN,
                    _(
                        "{tw} realisasi {value} of {id} is below {previous} ({previous_value}): "
                        "triwulan realisasi are cumulative (January to the quarter's end); check "
                        "the figure, or set `agregasi: jumlah` on the indikator if each quarter "
                        "counts only itself"
                    ).format(
                        tw=tw,
                        value=in_message(entry.realisasi),
                        id=id_,
                        previous=previous[0],
                        previous_value=in_message(previous[1]),
                    ),
                    file=REALISASI_FILE,
                )
            previous = (tw, entry.realisasi)


def check_bukti(year: Year, ctx: Context) -> Iterator[Finding]:
    """When pengaturan.yaml sets `bukti_wajib`, warns at each triwulan realisasi without bukti."""
    if year.realisasi is None or year.pengaturan is None or not year.pengaturan.bukti_wajib:
        return
    for id_, data in year.realisasi.indikator.items():
        for tw in TRIWULAN:
            entry = data.triwulan(tw)
            if entry is not None and not entry.bukti:
                yield Finding(
                    ("indikator", id_, tw, "realisasi"),
                    codes.BUKTI_MISSING,
                    _(
                        "{tw} realisasi of {id} lists no bukti, which pengaturan.yaml requires "
                        "(bukti_wajib: true): add `bukti: [link or file]` to the quarter"
                    ).format(tw=tw, id=id_),
                    file=REALISASI_FILE,
                )


def check_anggaran_pagu(year: Year, ctx: Context) -> Iterator[Finding]:
    """Warns when a kegiatan's recorded spending exceeds its pagu."""
    if year.realisasi is None:
        return
    pagu = {k.ref: k.pagu for k in year.perjanjian.anggaran.kegiatan}
    for kode, entry in year.realisasi.anggaran.items():
        spent = sum(getattr(entry, tw) or 0 for tw in TRIWULAN)
        if kode in pagu and spent > pagu[kode]:
            yield Finding(
                ("anggaran", kode),
                codes.ANGGARAN_OVER_PAGU,
                _(
                    "realisasi of {kode} adds up to {spent}, above its pagu {pagu}: check the "
                    "quarterly figures (each is that quarter's spending only)"
                ).format(kode=kode, spent=rupiah(spent), pagu=rupiah(pagu[kode])),
                key=True,
                file=REALISASI_FILE,
            )


def check_predikat(year: Year, ctx: Context) -> Iterator[Finding]:
    """The predikat bands run from best to worst with falling `min`; only the last may omit it."""
    if year.pengaturan is None or year.pengaturan.predikat is None:
        return
    bands = year.pengaturan.predikat.kategori
    previous: Decimal | None = None
    for i, band in enumerate(bands):
        loc: Loc = ("predikat", "kategori", i)
        if band.min is None:
            if i != len(bands) - 1:
                yield Finding(
                    loc,
                    codes.PREDIKAT_ORDER,
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
                codes.PREDIKAT_ORDER,
                _(
                    "band '{nama}' starts at {min}, not below the band before it ({previous}): "
                    "list bands from best to worst"
                ).format(nama=band.nama, min=in_message(band.min), previous=in_message(previous)),
                file=PENGATURAN_FILE,
            )
        previous = band.min
    cap = year.pengaturan.batas_capaian
    if cap is not None and cap < 100:
        yield Finding(
            ("batas_capaian",),
            codes.BATAS_CAPAIAN_LOW,
            _(
                "batas_capaian {cap} is below 100, so an indicator on target could not reach 100: "
                "write 100 or more (often 120)"
            ).format(cap=in_message(cap)),
            file=PENGATURAN_FILE,
        )


YEAR_CHECKS: tuple[YearCheck, ...] = (
    check_realisasi_year,
    check_realisasi_ids,
    check_realisasi_kind,
    check_rencana_aksi,
    check_realisasi_turun,
    check_bukti,
    check_anggaran_pagu,
    check_predikat,
    check_evaluasi,
)


def run_year_checks(year: Year, ctx: Context) -> list[Finding]:
    return [finding for check in YEAR_CHECKS for finding in check(year, ctx)]
