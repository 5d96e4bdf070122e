"""`pk capaian`: the capaian of a year, of every unit in a workspace, or of one unit in full.

    year folder --load_valid--> Loaded --compute--> Capaian, and after a quarter --project--> Proyeksi
    workspace --load_workspace--> units --map_units(load_and_compute_unit)--> UnitWork --roll_up-->
        CapaianWorkspace

Loading and the process pool are here, between `pk.load` and `pk.compute`, because a worker
both loads and computes (the one-way rule keeps `load` from importing `compute`); the maths
itself is `pk.compute.workspace`'s. The report of a workspace computes it here too.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from pathlib import Path

from pk.compute.capaian import Capaian, compute
from pk.compute.perbandingan import Perbandingan, Tahun, Tanpa, compare
from pk.compute.proyeksi import Proyeksi, project
from pk.compute.workspace import (
    CapaianWorkspace,
    UnitWork,
    compute_unit,
    roll_up,
    unit_work,
)
from pk.diagnostics import Diagnostic, InvalidData, Level, UsageError
from pk.i18n import _
from pk.load.workspace import LoadedWorkspace, load_workspace, map_units
from pk.load.year import Loaded, is_workspace, load_valid, load_year, year_folders
from pk.model.bentuk import Bentuk
from pk.model.lke import Instrumen
from pk.model.perjanjian import Perjanjian
from pk.phrase import Phrase, phrase
from pk.vocab import Periode, beside, year_of


@dataclass(frozen=True)
class YearCapaian:
    """One agreement's capaian (a year's, or one unit's of a workspace), with its title."""

    result: Capaian
    title: str
    bentuk: Bentuk
    """The agreement's form: the table's column headings are its words."""
    errors: tuple[Diagnostic, ...] = ()
    perbandingan: Perbandingan | None = None
    """The comparisons with the earlier years and the Renstra (a year folder's, not a unit's)."""
    proyeksi: Proyeksi | None = None
    """Each indicator projected to TW4 after a quarter (TW1–TW3; a year folder's, not a unit's)."""


@dataclass(frozen=True)
class UnitsCapaian:
    """A workspace's units side by side; `errors` are the findings of the units shown as
    invalid, for stderr after the table."""

    result: CapaianWorkspace
    title: str
    errors: tuple[Diagnostic, ...] = ()


def capaian_for(
    path: Path | None, periode: Periode, unit: str | None = None, *, progress: bool = False
) -> YearCapaian | UnitsCapaian:
    """What `pk capaian` shows for `path` (default: the newest data/<year>)."""
    if path is not None and path.exists() and is_workspace(path):
        return _workspace_capaian(path, periode, unit, progress)
    if unit is not None:
        raise UsageError(_("--unit needs a workspace (a folder with workspace.yaml)"))
    loaded = load_valid(path)
    p = loaded.perjanjian
    assert p is not None  # load_valid refuses a year without one
    result = compute(p, loaded.realisasi, loaded.pengaturan, periode)
    return YearCapaian(
        result,
        f"Perjanjian Kinerja {p.tahun} — {p.unit.nama_pendek}",
        p.bentuk,
        perbandingan=perbandingan_for(loaded, result),
        proyeksi=project(p, loaded.realisasi, loaded.pengaturan, periode),
    )


@dataclass(frozen=True)
class EarlierYears:
    """The valid sibling year folders before a year, loaded and computed for one period."""

    years: tuple[Tahun, ...]
    invalid: tuple[int, ...]
    """Earlier years whose folder does not validate."""
    tanpa: Phrase | None
    """Why there is none to compare with; None when there are."""


def earlier_years(loaded: Loaded, tahun: int, periode: Periode) -> EarlierYears:
    """Each earlier sibling year folder of `loaded` (data/<tahun-1>, …), oldest first, loaded
    once and computed for `periode`."""
    folder = loaded.folder
    if year_of(folder.resolve()) is None:
        return EarlierYears(
            (),
            (),
            phrase("not-a-year-folder", folder=folder.resolve().name),
        )
    years: list[Tahun] = []
    invalid: list[int] = []
    for other in year_folders(beside(folder)):
        then_tahun = year_of(other)
        if then_tahun is None or then_tahun >= tahun:
            continue
        then = load_year(other)
        if not then.ok or then.perjanjian is None:
            invalid.append(then_tahun)
            continue
        computed = compute(then.perjanjian, then.realisasi, then.pengaturan, periode)
        years.append(Tahun(then_tahun, then.perjanjian, computed))
    tanpa = None
    if not years:
        tanpa = (
            phrase(
                "no-valid-earlier-folder",
                tahun=tahun,
                folder=_where(folder),
                salah=tuple(map(str, invalid)),
            )
            if invalid
            else phrase("no-earlier-folder", tahun=tahun, folder=_where(folder))
        )
    return EarlierYears(tuple(years), tuple(invalid), tanpa)


def _where(folder: Path) -> str:
    # Names, not paths: the report says the same wherever it is rendered from.
    return f"{beside(folder).resolve().name}/"


def perbandingan_for(
    loaded: Loaded,
    result: Capaian,
    perjanjian: Perjanjian | None = None,
    instrumen: Instrumen | None = None,
    earlier: EarlierYears | None = None,
) -> Perbandingan:
    """The comparisons of `perjanjian` (default: the loaded year's) measured as `result`:
    against the earlier years (`earlier_years`, unless given) and the Renstra that covers
    the year; each file read once. Shares are graded by `instrumen`'s bands (default pk's
    LKE instrument)."""
    from pk.load.lke import load_instrumen
    from pk.load.renstra import renstra_for
    from pk.load.year import misnamed_renstra

    p = perjanjian or loaded.perjanjian
    assert p is not None, "a valid year has an agreement"
    folder = loaded.folder
    where = _where(folder)
    if earlier is None:
        earlier = earlier_years(loaded, p.tahun, result.periode)
    loaded_renstra = renstra_for(folder, p.tahun)
    renstra = None
    tanpa_renstra = None
    if loaded_renstra is None:
        tanpa_renstra = phrase("no-renstra-in", folder=where, tahun=p.tahun)
        if ignored := misnamed_renstra(beside(folder)):
            # The planner's renstra is there under a name pk does not read: say which.
            names = tuple(f"{where}{f.name}" for f in ignored)
            tanpa_renstra = phrase("misnamed-renstra", alasan=tanpa_renstra, berkas=names)
    elif not loaded_renstra.ok:
        tanpa_renstra = phrase("invalid-renstra", berkas=f"{where}{loaded_renstra.path.name}")
    else:
        renstra = loaded_renstra.renstra
    return compare(
        p,
        result,
        earlier.years,
        renstra,
        loaded.pengaturan,
        Tanpa(earlier.tanpa, tanpa_renstra, earlier.invalid),
        instrumen=instrumen or load_instrumen(),
    )


def _workspace_capaian(
    path: Path, periode: Periode, unit: str | None, progress: bool
) -> YearCapaian | UnitsCapaian:
    workspace = valid_workspace(path)
    result = compute_workspace(workspace, periode, progress=progress)
    errors = tuple(d for d in result.diagnostics if d.level is Level.ERROR)
    if unit is None:
        assert workspace.workspace is not None
        title = _("Workspace {tahun}").format(tahun=workspace.workspace.tahun)
        return UnitsCapaian(result, title, errors)
    chosen = next((u for u in result.units if u.id == unit), None)
    if chosen is None:
        raise UsageError(_("no unit {unit!r} in {path}").format(unit=unit, path=path))
    achievement = unit_capaian(workspace, result, unit)
    if achievement is None:
        folder = next(u.folder for u in workspace.units if u.ref.id == unit).as_posix()
        raise InvalidData([d for d in errors if d.path.startswith(folder)], 1)
    own, bentuk = achievement
    return YearCapaian(own, f"{chosen.nama} ({chosen.id})", bentuk)


def valid_workspace(path: Path) -> LoadedWorkspace:
    """The workspace at `path`; InvalidData when workspace.yaml itself has errors."""
    workspace = load_workspace(path)
    if workspace.workspace is None or any(d.level is Level.ERROR for d in workspace.diagnostics):
        raise InvalidData(workspace.diagnostics, 1)
    return workspace


def load_and_compute_unit(folder: Path, year: int | None, periode: str) -> UnitWork:
    """A unit's own capaian (nothing rolled up yet), for one worker process."""
    loaded = load_year(folder, year)
    if not loaded.ok or loaded.perjanjian is None:
        return UnitWork(loaded.diagnostics, None, folder.name, None)
    return unit_work(
        loaded.perjanjian, loaded.realisasi, loaded.pengaturan, periode, loaded.diagnostics
    )


def compute_workspace(
    workspace: LoadedWorkspace, periode: str, *, jobs: int | None = None, progress: bool = True
) -> CapaianWorkspace:
    """Every unit's capaian, with indicators rolled up from the units below them."""
    year = workspace.workspace.tahun if workspace.workspace else None
    worked = list(
        map_units(
            partial(load_and_compute_unit, year=year, periode=periode),
            [u.folder for u in workspace.units],
            jobs=jobs,
            label=_("Computing"),
            progress=progress,
        )
    )
    refs = [u.ref for u in workspace.units]
    return roll_up(refs, worked, periode, workspace.diagnostics)


def unit_capaian(
    workspace: LoadedWorkspace, result: CapaianWorkspace, unit_id: str
) -> tuple[Capaian, Bentuk] | None:
    """One unit's capaian in full, with the indicators it rolls up from `result`, and its
    agreement's form; None when its files have errors."""
    unit = next(u for u in workspace.units if u.ref.id == unit_id)
    loaded = load_year(unit.folder, workspace.workspace.tahun if workspace.workspace else None)
    if not loaded.ok or loaded.perjanjian is None:
        return None
    p = loaded.perjanjian
    return compute_unit(result, unit_id, p, loaded.realisasi, loaded.pengaturan), p.bentuk
