"""Load the Renstra (`data/renstra.yaml`) and check the years against it.

    data/renstra.yaml --yamlsource--> plain data --models--> Renstra --checks--> findings
    data/<year>/perjanjian.yaml + its Renstra + data/<year-1> --cascade checks--> findings

Each Renstra file is parsed once per run (`load_renstra` keeps what it read), however many
years use it. A year without a Renstra covering it has no cascade findings.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pk.check import renstra as checks
from pk.check.perjanjian import Finding
from pk.diagnostics import Diagnostic, Level
from pk.load.source import Source, load
from pk.load.year import Loaded, validate_source
from pk.model.perjanjian import Perjanjian
from pk.model.renstra import Renstra
from pk.vocab import PERJANJIAN_FILE, RENSTRA_FILE, beside, renstra_files, year_of


@dataclass
class LoadedRenstra:
    """One Renstra file after loading."""

    path: Path
    renstra: Renstra | None
    source: Source | None = None
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.renstra is not None and not any(
            d.level is Level.ERROR for d in self.diagnostics
        )


_READ: dict[tuple[str, str, tuple[Path, int, int]], LoadedRenstra] = {}
"""What this run read, by language (its findings are worded in it), by the path as the user
named it (its findings and reasons show it) and by file and its (mtime, size): a Renstra is
parsed once per run."""
_AGREEMENTS: dict[tuple[Path, int, int], Perjanjian | None] = {}
"""The agreements the cascade has seen, likewise: `pk validate` walks the years in order, so
the year before is the one it has just loaded."""


def _key(path: Path) -> tuple[Path, int, int] | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    return (path.resolve(), stat.st_mtime_ns, stat.st_size)


def load_renstra(path: Path) -> LoadedRenstra:
    """The Renstra in `path`, with its own findings (schema and consistency), located."""
    from pk import i18n

    key = _key(path)
    display = path.as_posix()
    if key is not None and (i18n.language, display, key) in _READ:
        return _READ[i18n.language, display, key]
    source, diagnostics = load(path, display)
    loaded = LoadedRenstra(path, None, source, list(diagnostics))
    if source.data is not None:
        loaded.renstra = validate_source(source, Renstra, loaded.diagnostics)
    if loaded.renstra is not None:
        loaded.diagnostics += _located(checks.run_renstra_checks(loaded.renstra), source)
    loaded.diagnostics.sort()
    if key is not None:
        _READ[i18n.language, display, key] = loaded
    return loaded


def renstra_for(folder: Path, tahun: int) -> LoadedRenstra | None:
    """The Renstra beside the year folder `folder` whose period holds `tahun`; else one that
    failed to load or has errors (its findings say why, e.g. a period run backwards); else None."""
    files = renstra_files(beside(folder))
    loaded = [load_renstra(p) for p in files]
    for one in loaded:
        if one.renstra is not None and one.renstra.covers(tahun):
            return one
    broken = [one for one in loaded if not one.ok]
    return broken[0] if broken else None


def cascade(year: Loaded) -> tuple[list[Diagnostic], Path | None]:
    """The cascade findings of a loaded year, its PK against its Renstra and against the
    year before, with the Renstra's own findings; and the Renstra file used, if any."""
    if year.perjanjian is None:
        return [], None
    tahun = year.perjanjian.tahun
    key = _key(year.folder / PERJANJIAN_FILE)
    if key is not None:
        _AGREEMENTS[key] = year.perjanjian
    renstra = renstra_for(year.folder, tahun)
    if renstra is None:
        return [], None
    if renstra.renstra is None or not renstra.renstra.covers(tahun):
        return list(renstra.diagnostics), renstra.path
    # The Renstra's own findings belong to every year it covers (`validate` shows them once).
    out = list(renstra.diagnostics)
    previous = _previous(year.folder, tahun)
    context = checks.Cascade(
        renstra=renstra.renstra,
        perjanjian=year.perjanjian,
        previous=previous,
        renstra_file=renstra.path.name,
    )
    pk_path = (year.folder / PERJANJIAN_FILE).as_posix()
    pk_source = year.sources.get(pk_path) or next(iter(year.sources.values()), None)
    for finding in checks.run_cascade_checks(context):
        if finding.file == PERJANJIAN_FILE and pk_source is not None:
            line, col = pk_source.locate(finding.loc, key=finding.key)
            out.append(finding.code.at(pk_source.path, line, col, finding.message))
        elif renstra.source is not None:
            line, col = renstra.source.locate(finding.loc, key=finding.key)
            out.append(finding.code.at(renstra.source.path, line, col, finding.message))
    return out, renstra.path


def _previous(folder: Path, tahun: int) -> Perjanjian | None:
    """The agreement of the year before, from the sibling folder; None when absent or
    invalid (its own validation reports why)."""
    if year_of(folder.resolve()) is None:
        return None
    file = beside(folder) / str(tahun - 1) / PERJANJIAN_FILE
    key = _key(file)
    if key is None or not file.is_file():
        return None
    if key not in _AGREEMENTS:
        source, _diagnostics = load(file, file.as_posix())
        found = validate_source(source, Perjanjian, []) if source.data is not None else None
        _AGREEMENTS[key] = found
    return _AGREEMENTS[key]


def _located(findings: list[Finding], source: Source) -> list[Diagnostic]:
    out = []
    for finding in findings:
        line, col = source.locate(finding.loc, key=finding.key)
        out.append(finding.code.at(source.path, line, col, finding.message))
    return out


__all__ = ["RENSTRA_FILE", "LoadedRenstra", "cascade", "load_renstra", "renstra_for"]
