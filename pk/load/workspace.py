"""A workspace: several units' agreements for one year, with parent–child relations.

    ntb-2024/workspace.yaml          versi_format, tahun, and the list of units
    ntb-2024/kpu-ntb/perjanjian.yaml one folder per unit, laid out like data/2024
    ntb-2024/kpu-kota-mataram/...

Each unit is loaded exactly like a single year folder. With many units the work is spread
over the machine's cores; `map_units` keeps the results in workspace order. Computing a
workspace's capaian is `pk.capaian`'s (it loads here and computes in `pk.compute.workspace`).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import TypeVar

from pk import i18n
from pk.check import codes
from pk.check.codes import Code
from pk.diagnostics import Diagnostic
from pk.i18n import _
from pk.load.source import load
from pk.load.year import folder_and_file, validate_source
from pk.model.perjanjian import UnitRef, Workspace
from pk.numbers import excerpt
from pk.vocab import WORKSPACE_FILE, YEAR_FILES

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
    _folder, file = folder_and_file(path, WORKSPACE_FILE)
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

    root = file.parent.resolve()
    folders: dict[Path, str] = {}
    """Each unit's folder as resolved, with the unit that has it."""
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
        if ref.folder is not None and _outside(ref.folder):
            report(
                ("unit", i, "folder"),
                codes.UNIT_FOLDER_OUTSIDE,
                _(
                    "unit {id}: folder `{folder}` leads out of the workspace; write the "
                    "folder relative to workspace.yaml and inside it, without `..` or a "
                    "leading `/` or drive (move the unit's folder into the workspace)"
                ).format(id=ref.id, folder=excerpt(ref.folder, 200)),
            )
            continue
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
        link = _link_out(folder, root)
        if link is not None:
            report(
                ("unit", i, "folder"),
                codes.UNIT_FOLDER_OUTSIDE,
                _(
                    "unit {id}: {path} is a link to {target}, outside the workspace; pk reads "
                    "only units inside the workspace folder: move the unit's files into it"
                ).format(
                    id=ref.id,
                    path=excerpt(link.as_posix(), 200),
                    target=excerpt(link.resolve().as_posix(), 200),
                ),
            )
            continue
        real = folder.resolve()
        if real in folders:
            report(
                ("unit", i, "folder"),
                codes.DUPLICATE_UNIT_FOLDER,
                _(
                    "unit {id}: folder `{folder}` is already the folder of unit {other}, so one "
                    "unit would count twice: give each unit its own folder"
                ).format(id=ref.id, folder=excerpt(ref.folder or ref.id, 200), other=folders[real]),
            )
            continue
        folders[real] = ref.id
        loaded.units.append(Unit(ref, folder))
    return loaded


def _link_out(folder: Path, root: Path) -> Path | None:
    """The unit's folder, or the first file of it pk reads, that is a link leading out of the
    workspace folder `root` (resolved); None when all stay inside."""
    for path in (folder, *(folder / name for name in YEAR_FILES)):
        if path.exists() and not path.resolve().is_relative_to(root):
            return path
    return None


def _outside(folder: str) -> bool:
    """Whether a unit's `folder` is absolute or climbs out of the workspace, on any system
    (a workspace made on Windows is read on Linux, and the other way round)."""
    windows = PureWindowsPath(folder)
    return bool(
        PurePosixPath(folder).is_absolute()
        or windows.drive
        or windows.root
        or ".." in windows.parts  # Windows parts split on both `/` and `\\`
    )


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
    # The workers speak the run's language, however they were started.
    with ProcessPoolExecutor(
        max_workers=jobs, initializer=i18n.set_language, initargs=(i18n.language,)
    ) as pool:
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
