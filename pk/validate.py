"""`pk validate`: every finding in the years and workspaces named, with the baseline gate.

    paths (none: every data/<year> and the Renstra) --years_named--> year folders,
        workspaces --load_year (+ gate) or map_units--> diagnostics, and how many files were read

Only the read path is imported at the top: a pre-commit hook validates one year, and the
workspace, realisasi and git modules load when a path needs them.
"""

from __future__ import annotations

from collections.abc import Sequence
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
from pk.vocab import YEAR_FILES


def validate(
    paths: Sequence[Path] = (), baseline: str | None = None, *, progress: bool = False
) -> tuple[list[Diagnostic], int]:
    """The findings of every year and workspace in `paths` (none: the whole repository), and
    the number of files read. `baseline` is the git revision the signed agreements are kept
    at: each year that existed there is gated against it."""
    diagnostics: list[Diagnostic] = []
    files = 0
    for path in years_named(paths or default_paths()):
        require(path)
        validate_one = _validate_workspace if is_workspace(path) else _validate_year
        found, read = validate_one(path, baseline, progress)
        diagnostics += found
        files += read
    return diagnostics, files


def default_paths(root: Path = Path("data")) -> list[Path]:
    """What `pk validate` checks when no path is named: the repository, i.e. the Renstra and
    every data/<year> (a changed 2024 must not pass because 2025 is newer)."""
    find_default(root)  # none at all is wrong usage, with what to do
    return [*renstra_paths(root), *year_folders(root)]


def renstra_paths(root: Path) -> list[Path]:
    """The Renstra file(s) checked with the years; none yet. The Renstra's loader adds its
    file here, and its validation beside `_validate_year` in `validate`."""
    return []


def years_named(paths: Sequence[Path]) -> list[Path]:
    """Each year once, however many of its files are named (a pre-commit hook names them all):
    a year file becomes its folder; folders, workspaces and other files stay as named."""
    return list(
        dict.fromkeys(p.parent if p.name in YEAR_FILES and p.is_file() else p for p in paths)
    )


def _validate_year(
    path: Path, baseline: str | None, progress: bool
) -> tuple[list[Diagnostic], int]:
    loaded = load_year(path)
    found = loaded.diagnostics
    # The gate reads git; only an agreement with a baseline to compare needs it.
    if baseline is not None or (loaded.perjanjian and loaded.perjanjian.penandatanganan.tag):
        from pk.change.baseline import gate

        found = found + gate(loaded, baseline)
    return sorted(found), max(len(loaded.sources), 1)


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
