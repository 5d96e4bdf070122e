"""`pk validate`: every finding in the years and workspaces named, with the baseline gate.

    paths (none: every data/<year> and the Renstra) --years_named--> year folders,
        workspaces --load_year (+ gate) or map_units--> diagnostics, and how many files were read

Only the read path is imported at the top: a pre-commit hook validates one year, and the
workspace, realisasi and git modules load when a path needs them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path

from pk.diagnostics import Diagnostic
from pk.load.year import (
    diagnose_year,
    find_default,
    is_workspace,
    load_year,
    require,
    year_folders,
)
from pk.vocab import YEAR_FILES, beside, is_renstra_file, renstra_files


def validate(
    paths: Sequence[Path] = (), baseline: str | None = None, *, progress: bool = False
) -> tuple[list[Diagnostic], int]:
    """The findings of every year and workspace in `paths` (none: the whole repository), and
    the number of files read. `baseline` is the git revision the signed agreements are kept
    at: each year that existed there is gated against it."""
    diagnostics: list[Diagnostic] = []
    files = 0
    renstras: set[Path] = set()  # each Renstra counts once among the files read
    if not paths:
        from pk.load.year import misnamed_renstra_findings, not_year_folders

        diagnostics += not_year_folders() + misnamed_renstra_findings(Path("data"))
    if baseline is not None and not paths:
        from pk.change.baseline import gone_years

        diagnostics += gone_years(baseline)
    for path in years_named(paths or default_paths()):
        require(path)
        validate_one: Callable[[Path, str | None, bool], tuple[list[Diagnostic], int]]
        if is_renstra_file(path) and not path.is_dir():
            validate_one = partial(_validate_renstra, renstras=renstras)
        elif is_workspace(path):
            validate_one = _validate_workspace
        else:
            validate_one = partial(_validate_year, renstras=renstras)
        found, read = validate_one(path, baseline, progress)
        diagnostics += found
        files += read
    # A Renstra's own findings come with each year it covers, and with the Renstra itself:
    # each is shown once.
    return list(dict.fromkeys(diagnostics)), files


def default_paths(root: Path = Path("data")) -> list[Path]:
    """What `pk validate` checks when no path is named: the repository, i.e. the Renstra and
    every data/<year> (a changed 2024 must not pass because 2025 is newer)."""
    find_default(root)  # none at all is wrong usage, with what to do
    return [*renstra_paths(root), *year_folders(root)]


def renstra_paths(root: Path) -> list[Path]:
    """The Renstra file(s) checked with the years: data/renstra.yaml, or one per period
    (data/renstra-2025-2029.yaml)."""
    return renstra_files(root)


def years_named(paths: Sequence[Path]) -> list[Path]:
    """Each year once, however many of its files are named (a pre-commit hook names them all):
    a year file becomes its folder; folders, workspaces and other files stay as named."""
    return list(
        dict.fromkeys(p.parent if p.name in YEAR_FILES and p.is_file() else p for p in paths)
    )


def _validate_renstra(
    path: Path, baseline: str | None, progress: bool, *, renstras: set[Path]
) -> tuple[list[Diagnostic], int]:
    from pk.load.renstra import load_renstra

    loaded = load_renstra(path)
    read = 0 if path.resolve() in renstras else 1
    renstras.add(path.resolve())
    return loaded.diagnostics, read


def _validate_year(
    path: Path, baseline: str | None, progress: bool, *, renstras: set[Path]
) -> tuple[list[Diagnostic], int]:
    loaded = load_year(path)
    found = loaded.diagnostics
    files = max(len(loaded.sources), 1)
    # The Renstra's model and checks load only where there is a Renstra beside the years.
    if renstra_files(beside(loaded.folder)):
        from pk.load.renstra import cascade

        cascaded, used = cascade(loaded)
        found = found + cascaded
        if used is not None and used.resolve() not in renstras:
            renstras.add(used.resolve())
            files += 1
    # The gate reads git; only an agreement with a baseline to compare needs it.
    if baseline is not None or (loaded.perjanjian and loaded.perjanjian.penandatanganan.tag):
        from pk.change.baseline import gate

        found = found + gate(loaded, baseline)
    return sorted(found), files


def _validate_workspace(
    path: Path, baseline: str | None, progress: bool
) -> tuple[list[Diagnostic], int]:
    from pk.load.workspace import load_workspace, map_units

    workspace = load_workspace(path)
    diagnostics = list(workspace.diagnostics)
    files = 1
    year = workspace.workspace.tahun if workspace.workspace else None
    folders = [unit.folder for unit in workspace.units]
    for found, read in map_units(partial(diagnose_year, year=year), folders, progress=progress):
        diagnostics += found
        files += read
    return diagnostics, files
