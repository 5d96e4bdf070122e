"""A workspace: several units' agreements for one year, with parent–child relations.

    ntb-2024/workspace.yaml          versi_format, tahun, and the list of units
    ntb-2024/kpu-ntb/perjanjian.yaml one folder per unit, laid out like data/2024
    ntb-2024/kpu-kota-mataram/...

Each unit is loaded exactly like a single year folder. With many units the work is spread
over the machine's cores; `map_units` keeps the results in workspace order.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from pk.check import codes
from pk.check.codes import Code
from pk.diagnostics import Diagnostic
from pk.i18n import _
from pk.load.source import load
from pk.load.year import WORKSPACE_FILE, load_year, validate_source
from pk.model.perjanjian import UnitRef, Workspace

if TYPE_CHECKING:  # validate imports this module; capaian is only needed to compute
    from pk.compute.capaian import Achievement
    from pk.compute.rollup import KeadaanUnit, RingkasanUnit, Rollup, UnitRow
    from pk.model.perjanjian import Perjanjian
    from pk.model.realisasi import Pengaturan, Realisasi

PARALLEL_FROM = 16
"""Below this many units a process pool costs more than it saves."""
PROGRESS_FROM = 40
"""Below this many units the work is over before a progress bar is worth drawing."""

T = TypeVar("T")


@dataclass(frozen=True)
class Unit:
    ref: UnitRef
    folder: Path


@dataclass
class LoadedWorkspace:
    folder: Path
    workspace: Workspace | None
    units: list[Unit] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)


def load_workspace(path: Path) -> LoadedWorkspace:
    """Read workspace.yaml and check its units: ids, parents and folders."""
    file = path if path.name == WORKSPACE_FILE else path / WORKSPACE_FILE
    display = file.as_posix()
    loaded = LoadedWorkspace(file.parent, None)
    source, diagnostics = load(file, display)
    loaded.diagnostics.extend(diagnostics)
    if source.data is None:
        return loaded
    loaded.workspace = validate_source(source, Workspace, loaded.diagnostics)
    if loaded.workspace is None:
        return loaded

    def report(loc: tuple[str | int, ...], code: Code, message: str) -> None:
        line, col = source.locate(loc)
        loaded.diagnostics.append(code.at(display, line, col, message))

    seen: set[str] = set()
    for i, ref in enumerate(loaded.workspace.unit):
        if ref.id in seen:
            report(
                ("unit", i, "id"),
                codes.DUPLICATE_ID,
                _(
                    "unit id {id} is listed twice: remove the second entry, or give it its own id"
                ).format(id=ref.id),
            )
            continue
        if ref.induk is not None and ref.induk not in seen:
            report(
                ("unit", i, "induk"),
                codes.UNKNOWN_INDUK,
                _(
                    "induk {induk} is not a unit listed above this one: list the parent unit "
                    "first, or correct the id"
                ).format(induk=ref.induk),
            )
        seen.add(ref.id)
        folder = file.parent / (ref.folder or ref.id)
        if not folder.is_dir():
            report(
                ("unit", i),
                codes.MISSING_FOLDER,
                _(
                    "unit {id} has no folder {folder}: create it (with perjanjian.yaml), or set "
                    "`folder` to where the unit's files are"
                ).format(id=ref.id, folder=folder.as_posix()),
            )
            continue
        loaded.units.append(Unit(ref, folder))
    return loaded


def map_units(
    fn: Callable[[Path], T],
    folders: Sequence[Path],
    *,
    jobs: int | None = None,
    label: str = "",
    progress: bool = True,
) -> Iterator[T]:
    """`fn` over each folder, in order; on several cores when there are many folders."""
    label = label or _("Checking")
    jobs = jobs or os.cpu_count() or 1
    show = progress and len(folders) >= PROGRESS_FROM and sys.stderr.isatty()
    if jobs <= 1 or len(folders) < PARALLEL_FROM:
        results: Iterator[T] = map(fn, folders)
        yield from _with_progress(results, len(folders), label, show)
        return
    from concurrent.futures import ProcessPoolExecutor

    chunk = max(1, len(folders) // (jobs * 8))
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        yield from _with_progress(pool.map(fn, folders, chunksize=chunk), len(folders), label, show)


def _with_progress(results: Iterator[T], total: int, label: str, show: bool) -> Iterator[T]:
    if not show:
        yield from results
        return
    from rich.console import Console
    from rich.progress import Progress

    with Progress(console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task(label, total=total)
        for result in results:
            bar.advance(task)
            yield result


@dataclass(frozen=True)
class UnitResult:
    """One unit's capaian for the period, as the workspace keeps it; None when its files have
    errors. `unit_achievement` gives a unit's capaian in full."""

    id: str
    induk: str | None
    nama: str
    ringkasan: RingkasanUnit | None


@dataclass(frozen=True)
class WorkspaceAchievement:
    periode: str
    units: tuple[UnitResult, ...]
    rollups: tuple[Rollup, ...]
    diagnostics: tuple[Diagnostic, ...]

    def rows(self) -> tuple[UnitRow, ...]:
        from pk.compute.rollup import unit_row

        return tuple(unit_row(u.id, u.nama, u.induk, u.ringkasan) for u in self.units)


@dataclass(frozen=True)
class UnitWork:
    """What a worker sends back for one unit: findings, its own capaian in short and, when
    some of its indicators roll up the units below, its documents to compute them with."""

    diagnostics: list[Diagnostic]
    ringkasan: RingkasanUnit | None
    nama: str
    documents: tuple[Perjanjian, Realisasi | None, Pengaturan | None] | None


def achieve_unit(folder: Path, year: int | None, periode: str) -> UnitWork:
    """A unit's own capaian (nothing rolled up yet), for one worker process."""
    from pk.compute.capaian import compute
    from pk.compute.rollup import ringkas

    loaded = load_year(folder, year)
    if not loaded.ok or loaded.perjanjian is None:
        return UnitWork(loaded.diagnostics, None, folder.name, None)
    p = loaded.perjanjian
    result = compute(p, loaded.realisasi, loaded.pengaturan, periode)
    rolls_up = any(ind.dari_unit is not None for _, _, ind in p.indikator())
    # Sending a few parents' documents back costs less than reading them again.
    documents = (p, loaded.realisasi, loaded.pengaturan) if rolls_up else None
    return UnitWork(loaded.diagnostics, ringkas(result), p.unit.singkatan, documents)


def compute_workspace(
    workspace: LoadedWorkspace, periode: str, *, jobs: int | None = None, progress: bool = True
) -> WorkspaceAchievement:
    """Every unit's capaian, with indicators rolled up from the units below them."""
    from functools import partial

    from pk.compute.capaian import Turunan, compute
    from pk.compute.rollup import Rollup, derive, ringkas

    year = workspace.workspace.tahun if workspace.workspace else None
    worked = list(
        map_units(
            partial(achieve_unit, year=year, periode=periode),
            [u.folder for u in workspace.units],
            jobs=jobs,
            label=_("Computing"),
            progress=progress,
        )
    )
    children: dict[str, list[str]] = {}
    for unit in workspace.units:
        if unit.ref.induk is not None:
            children.setdefault(unit.ref.induk, []).append(unit.ref.id)
    final: dict[str, RingkasanUnit | None] = {}
    rollups: list[Rollup] = []
    # Children are listed after their parents: walking backwards finishes every child
    # (its own roll-ups included) before its parent needs it.
    for unit, work in reversed(list(zip(workspace.units, worked, strict=True))):
        final[unit.ref.id] = work.ringkasan
        if work.ringkasan is None or work.documents is None:
            continue
        perjanjian, realisasi, pengaturan = work.documents
        turunan: dict[str, Turunan] = {}
        derived_from: dict[str, tuple[KeadaanUnit, ...]] = {}
        for _kelompok, _sasaran, ind in perjanjian.indikator():
            if ind.dari_unit is None:
                continue
            members: list[tuple[str, RingkasanUnit | None]] = (
                [(unit.ref.id, work.ringkasan)] if ind.dari_unit.termasuk_sendiri else []
            )
            members += [(child, final[child]) for child in children.get(unit.ref.id, [])]
            turunan[ind.id], derived_from[ind.id] = derive(ind.dari_unit, ind.id, members)
        result = compute(perjanjian, realisasi, pengaturan, periode, turunan)
        hasil = {i.id: i for i in result.indikator}
        rollups[:0] = [
            Rollup(unit.ref.id, id_, turunan[id_], states, hasil.get(id_))
            for id_, states in derived_from.items()
        ]
        final[unit.ref.id] = ringkas(result)
    units = tuple(
        UnitResult(unit.ref.id, unit.ref.induk, work.nama, final[unit.ref.id])
        for unit, work in zip(workspace.units, worked, strict=True)
    )
    diagnostics = [*workspace.diagnostics, *(d for work in worked for d in work.diagnostics)]
    return WorkspaceAchievement(periode, units, tuple(rollups), tuple(sorted(diagnostics)))


def unit_achievement(
    workspace: LoadedWorkspace, result: WorkspaceAchievement, unit_id: str
) -> Achievement | None:
    """One unit's capaian in full, with the indicators it rolls up from `result`; None when its
    files have errors."""
    from pk.compute.capaian import compute

    unit = next(u for u in workspace.units if u.ref.id == unit_id)
    loaded = load_year(unit.folder, workspace.workspace.tahun if workspace.workspace else None)
    if not loaded.ok or loaded.perjanjian is None:
        return None
    turunan = {r.indikator: r.turunan for r in result.rollups if r.unit == unit_id}
    return compute(loaded.perjanjian, loaded.realisasi, loaded.pengaturan, result.periode, turunan)
