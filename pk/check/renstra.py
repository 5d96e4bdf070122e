"""Checks on the Renstra, and on each year's PK against it (the cascade).

Like the agreement's checks (pk.check.perjanjian), plain functions yielding `Finding`s
located by their path in the data; `RENSTRA_CHECKS` look at renstra.yaml alone,
`CASCADE_CHECKS` at one year's PK beside its Renstra and the PK of the year before.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal

from pk.check import codes
from pk.check.perjanjian import Finding
from pk.i18n import _
from pk.model.perjanjian import Indikator, Loc, Perjanjian, Polaritas, Rentang
from pk.model.renstra import Nilai, Renstra, RenstraIndikator
from pk.numbers import excerpt, in_message
from pk.vocab import RENSTRA_FILE


@dataclass(frozen=True)
class Cascade:
    """One year's PK with the Renstra that covers it and the PK of the year before."""

    renstra: Renstra
    perjanjian: Perjanjian
    previous: Perjanjian | None = None
    renstra_file: str = RENSTRA_FILE
    """The Renstra's file name, for messages: renstra.yaml or renstra-2025-2029.yaml."""


RenstraCheck = Callable[[Renstra], Iterator[Finding]]
CascadeCheck = Callable[[Cascade], Iterator[Finding]]


def check_renstra_ids(doc: Renstra) -> Iterator[Finding]:
    """Every sasaran and indikator id of the Renstra is used once."""
    seen: set[str] = set()
    for s, sasaran in enumerate(doc.sasaran):
        places: list[tuple[Loc, str]] = [(("sasaran", s, "id"), sasaran.id)]
        places += [
            (("sasaran", s, "indikator", i, "id"), ind.id)
            for i, ind in enumerate(sasaran.indikator)
        ]
        for loc, id_ in places:
            if id_ in seen:
                yield Finding(
                    loc,
                    codes.DUPLICATE_ID,
                    _("id {id} is used twice in the Renstra: give this one a new id").format(
                        id=id_
                    ),
                    file=RENSTRA_FILE,
                )
            seen.add(id_)
    # Two indicators the same PK would call by one id (through `id_di_pk`) cannot be told apart.
    if doc.tahun_akhir < doc.tahun_awal:
        return
    for tahun in range(doc.tahun_awal, doc.tahun_akhir + 1):
        named: dict[str, list[tuple[Loc, RenstraIndikator]]] = {}
        for loc, _sasaran, ind in doc.walk():
            named.setdefault(ind.id_in(tahun), []).append((loc, ind))
        for id_, same in named.items():
            if len({ind.id for _, ind in same}) < 2:
                continue  # one indicator, or a plain duplicate (reported above)
            for loc, ind in same:
                if tahun in ind.id_di_pk:  # the declaration that makes the clash, where made
                    others = ", ".join(o.id for _, o in same if o is not ind)
                    yield Finding(
                        (*loc, "id_di_pk", tahun),
                        codes.DUPLICATE_ID,
                        _(
                            "{id} would be the id of both {first} and {second} in the PK "
                            "{year}: give each indicator its own id"
                        ).format(id=id_, first=ind.id, second=others, year=tahun),
                        key=True,
                        file=RENSTRA_FILE,
                    )


def check_renstra_years(doc: Renstra) -> Iterator[Finding]:
    """The period runs forward, and every year a target names is inside it."""
    if doc.tahun_akhir < doc.tahun_awal:
        yield Finding(
            ("tahun_akhir",),
            codes.RENSTRA_TAHUN,
            _("tahun_akhir {akhir} is before tahun_awal {awal}: the period runs forward").format(
                akhir=doc.tahun_akhir, awal=doc.tahun_awal
            ),
            file=RENSTRA_FILE,
        )
        return
    for loc, _sasaran, ind in doc.walk():
        # The baseline is where the indicator stood before the period: never after it began.
        if ind.kondisi_awal is not None and ind.kondisi_awal.tahun > doc.tahun_awal:
            yield Finding(
                (*loc, "kondisi_awal", "tahun"),
                codes.RENSTRA_TAHUN,
                _(
                    "kondisi_awal of {id} was measured in {year}, after the period began in "
                    "{awal}: the baseline is where it stood before, usually {before}"
                ).format(
                    id=ind.id,
                    year=ind.kondisi_awal.tahun,
                    awal=doc.tahun_awal,
                    before=doc.tahun_awal - 1,
                ),
                file=RENSTRA_FILE,
            )
        for key, years in (
            ("target", ind.target),
            ("target_nasional", ind.target_nasional),
            ("id_di_pk", ind.id_di_pk),
        ):
            for year in years:
                if not doc.covers(year):
                    yield Finding(
                        (*loc, key, year),
                        codes.RENSTRA_TAHUN,
                        _(
                            "{key} of {id} names {year}, outside the period {awal}–{akhir}: "
                            "write only the years of this Renstra"
                        ).format(
                            key=key,
                            id=ind.id,
                            year=year,
                            awal=doc.tahun_awal,
                            akhir=doc.tahun_akhir,
                        ),
                        key=True,
                        file=RENSTRA_FILE,
                    )


RENSTRA_CHECKS: tuple[RenstraCheck, ...] = (check_renstra_ids, check_renstra_years)


def run_renstra_checks(doc: Renstra) -> list[Finding]:
    return [finding for check in RENSTRA_CHECKS for finding in check(doc)]


def same_target(a: Nilai, b: Nilai) -> bool:
    """Whether two targets are the same: 80 and 80.0 are; a number and a code never are."""
    if isinstance(a, Decimal) and isinstance(b, Decimal):
        return a == b
    return type(a) is type(b) and a == b


def _text(value: Nilai, satuan: str | None) -> str:
    return in_message(value, satuan) or ""


def check_target_differs(year: Cascade) -> Iterator[Finding]:
    """A PK target equals the Renstra's target for the year, or says why not."""
    tahun = year.perjanjian.tahun
    for loc, _k, _s, ind in year.perjanjian.walk():
        planned = year.renstra.target_for(ind.id, tahun)
        if planned is None or planned.target is None or ind.target is None:
            continue
        if same_target(ind.target, planned.target) or ind.alasan_target:
            continue
        yield Finding(
            (*loc, "target"),
            codes.RENSTRA_TARGET_DIFFERS,
            _(
                "target {target} of {id} differs from the Renstra's target for {year}, "
                "{planned} ({file}): make them equal, or write why in `alasan_target`"
            ).format(
                target=_text(ind.target, ind.satuan),
                id=ind.id,
                year=tahun,
                planned=_text(planned.target, planned.indikator.satuan or ind.satuan),
                file=year.renstra_file,
            ),
        )


def _score(value: Nilai, ind: Indikator, doc: Perjanjian, low: bool) -> Decimal | None:
    """A target as a number to compare: itself, a range's bound (the lower one for
    higher-is-better, `low`), or a code's score on the indicator's skala."""
    if isinstance(value, Decimal):
        return value
    if isinstance(value, Rentang):
        return value.min if low else value.maks
    skala = doc.skala.get(ind.skala or "")
    return skala.kode.get(value) if skala is not None else None


def check_national_target(year: Cascade) -> Iterator[Finding]:
    """A PK target is not below the national target (not above it, when lower is better)."""
    tahun = year.perjanjian.tahun
    for loc, _k, _s, ind in year.perjanjian.walk():
        planned = year.renstra.target_for(ind.id, tahun)
        if planned is None or planned.target_nasional is None or ind.target is None:
            continue
        higher = ind.polaritas is Polaritas.MAKSIMAL
        target = _score(ind.target, ind, year.perjanjian, low=higher)
        national = _score(planned.target_nasional, ind, year.perjanjian, low=not higher)
        if target is None or national is None:
            continue
        if (target < national) if higher else (target > national):
            message = (
                _(
                    "target {target} of {id} is below the national target for {year}, "
                    "{national} ({file}): a satker's target may not be below it"
                )
                if higher
                else _(
                    "target {target} of {id} is above the national target for {year}, "
                    "{national} ({file}): lower is better here, and a satker's target may "
                    "not be worse than the national one"
                )
            )
            yield Finding(
                (*loc, "target"),
                codes.BELOW_NATIONAL_TARGET,
                message.format(
                    target=_text(ind.target, ind.satuan),
                    id=ind.id,
                    year=tahun,
                    national=_text(planned.target_nasional, ind.satuan),
                    file=year.renstra_file,
                ),
            )


def check_iku_present(year: Cascade) -> Iterator[Finding]:
    """Every IKU of the Renstra is in the year's PK (by its id for that year)."""
    tahun = year.perjanjian.tahun
    ids = year.perjanjian.indikator_by_id()
    for loc, _sasaran, ind in year.renstra.walk():
        id_ = ind.id_in(tahun)
        if ind.iku and id_ not in ids:
            yield Finding(
                (*loc, "id"),
                codes.IKU_MISSING,
                _(
                    "IKU {id} ({nama}) is not in the PK {year}: add it to that year's "
                    "perjanjian.yaml; if the PK calls it by another id, write that id here under "
                    "`id_di_pk`; if it is no IKU, write `iku: false`"
                ).format(id=id_, nama=excerpt(ind.nama), year=tahun),
                file=year.renstra_file,
            )


def check_id_renamed(year: Cascade) -> Iterator[Finding]:
    """An indicator new this year while one of last year's in the same sasaran (or of the
    same name) is gone has the Renstra's link (`id_di_pk`), or is named as a warning."""
    if year.previous is None or year.previous.tahun != year.perjanjian.tahun - 1:
        return
    tahun = year.perjanjian.tahun
    now = {i.id: (s.id, i) for _, s, i in year.perjanjian.indikator()}
    before = {i.id: (s.id, i) for _, s, i in year.previous.indikator()}
    # The Renstra's view: the id each of its indicators has in each of the two years.
    linked = {ind.id_in(tahun): ind.id_in(tahun - 1) for _, _, ind in year.renstra.walk()}
    # Last year's id of each Renstra indicator whose id this year is in the PK: accounted for.
    claimed_before = {old: new for new, old in linked.items() if new in now}
    gone = [id_ for id_ in before if id_ not in now]
    for loc, _k, sasaran, ind in year.perjanjian.walk():
        if ind.id in before:
            continue
        if ind.id in linked and linked[ind.id] != ind.id and linked[ind.id] in before:
            continue  # declared: the Renstra knows last year's id
        candidates = [
            old
            for old in gone
            if (before[old][0] == sasaran.id or before[old][1].nama == ind.nama)
            # last year's indicator that the Renstra follows to another id is not this one
            and not (old in claimed_before and claimed_before[old] != ind.id)
        ]
        if candidates:
            yield Finding(
                (*loc, "id"),
                codes.ID_RENAMED,
                _(
                    "{id} is new in {year} while {old} of {last} is gone: if it is the same "
                    "indicator, keep the id {old}, or record the change in {file} under {old}: "
                    "`id_di_pk: {{{year}: {id}}}`"
                ).format(
                    id=ind.id,
                    year=tahun,
                    old=candidates[0],
                    last=tahun - 1,
                    file=year.renstra_file,
                ),
            )


CASCADE_CHECKS: tuple[CascadeCheck, ...] = (
    check_target_differs,
    check_national_target,
    check_iku_present,
    check_id_renamed,
)


def run_cascade_checks(year: Cascade) -> list[Finding]:
    """The cascade findings of a year that its Renstra covers."""
    if not year.renstra.covers(year.perjanjian.tahun):
        return []
    return [finding for check in CASCADE_CHECKS for finding in check(year)]
