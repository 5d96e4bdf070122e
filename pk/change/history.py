"""A year folder in git: as it was at a revision (`HEAD~1`, a tag, a branch), and as each of
its revisions (PK perubahan) left it.

    git show REV:./perjanjian.yaml --load.year.load_year_bytes--> Loaded (diagnostics say `REV:path`)
    Loaded (now) + git log --history / load_as_of--> the agreement as signed and as revised

Every git call goes through `_git`. Only reading: pk never commits or tags for the user.
"""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

from pk.diagnostics import UsageError
from pk.i18n import _
from pk.load.year import PERJANJIAN_FILE, Loaded, load_year, load_year_bytes
from pk.model.perjanjian import Perjanjian, Status

_YEAR_DIGITS = 4


def _git(folder: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(["git", "-C", str(folder), *args], capture_output=True, check=False)
    except FileNotFoundError as err:
        raise UsageError(_("git is not installed; compare two folders instead")) from err


def is_revision(rev: str, folder: Path) -> bool:
    """Whether `rev` names a commit in the repository that holds `folder`."""
    if not folder.is_dir() or rev.startswith("-"):
        return False
    return _git(folder, "rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}").returncode == 0


def year_file(path: Path) -> tuple[Path, str]:
    """The folder and file name of a year given as a folder or its perjanjian.yaml."""
    if path.suffix in (".yaml", ".yml"):
        return path.parent, path.name
    return path, PERJANJIAN_FILE


def exists_at(rev: str, path: Path) -> bool:
    """Whether the year's perjanjian.yaml was committed at `rev` (a new year was not)."""
    folder, name = year_file(path)
    return _git(folder, "cat-file", "-e", f"{rev}:./{name}").returncode == 0


def read_at(rev: str, path: Path) -> bytes:
    """The bytes of a year's perjanjian.yaml at `rev`; a clear UsageError when unavailable."""
    folder, name = year_file(path)
    if not folder.is_dir():
        raise UsageError(_("{path}: no such folder").format(path=folder))
    if not is_revision(rev, folder):
        raise UsageError(
            _("{rev!r} is neither a folder nor a git revision of {path}").format(
                rev=rev, path=folder.as_posix()
            )
        )
    shown = _git(folder, "show", f"{rev}:./{name}")
    if shown.returncode != 0:
        raise UsageError(
            _("{path} did not exist at {rev}: {reason}").format(
                path=(folder / name).as_posix(),
                rev=rev,
                reason=shown.stderr.decode(errors="replace").strip(),
            )
        )
    return shown.stdout


def load_year_at(rev: str, path: Path) -> Loaded:
    """Load a year folder as committed at `rev`; diagnostics name it `REV:folder/perjanjian.yaml`."""
    folder, name = year_file(path)
    raw = read_at(rev, path)
    resolved = folder.resolve().name
    year = int(resolved) if resolved.isdigit() and len(resolved) == _YEAR_DIGITS else None
    return load_year_bytes(raw, f"{rev}:{(folder / name).as_posix()}", folder, year)


def load_version(spec: str | None, folder: Callable[[], Path]) -> Loaded:
    """One side of a comparison: a folder or file named `spec`, else `spec` as a git revision
    of `folder()`; None is `folder()` as it is now. `folder` is called only when needed."""
    if spec is not None and Path(spec).exists():
        return load_year(Path(spec))
    return load_year(folder()) if spec is None else load_year_at(spec, folder())


def history(current: Loaded, perjanjian: Perjanjian) -> dict[str | None, Perjanjian]:
    """`perjanjian` (the current agreement or one of its revisions) as signed (None) and as
    each of its revisions left it, from git; empty when the history does not have them all."""
    labels = [None, *(p.label for p in perjanjian.perubahan)]
    versions = {
        label: loaded.perjanjian
        for label, loaded in _as_of(current, labels).items()
        if loaded.perjanjian is not None
    }
    return versions if len(versions) == len(labels) else {}


def load_as_of(current: Loaded, label: str | None = None) -> Loaded:
    """The agreement of the folder `current` was loaded from, as it stood at revision `label`,
    or as signed originally (`None`).

    From git: the newest commit whose file has `label` as its latest revision (for None: the
    signed file before any revision, or `penandatanganan.tag` when set). The current file
    answers for its own latest revision.
    """
    found = _as_of(current, [label])
    if label in found:
        return found[label]
    folder, name = year_file(current.folder)
    if label:
        message = _("revision {label!r} of {path} is not in this repository's history")
    else:
        message = _("the signed original of {path} is not in this repository's history")
    raise UsageError(message.format(label=label, path=(folder / name).as_posix()))


def _as_of(current: Loaded, labels: list[str | None]) -> dict[str | None, Loaded]:
    """Each of `labels` found, as `load_as_of` finds one, in one walk back through git."""
    found: dict[str | None, Loaded] = {}
    now = current.perjanjian
    if now is not None and _latest(now) in labels and (_latest(now) is not None or _signed(now)):
        found[_latest(now)] = current
    if None in labels and None not in found and now is not None and now.penandatanganan.tag:
        found[None] = load_year_at(now.penandatanganan.tag, current.folder)
    if len(found) == len(labels):
        return found
    folder, name = year_file(current.folder)
    log = _git(folder, "log", "--format=%H", "--", name)
    for commit in log.stdout.decode().split():
        then = load_year_at(commit, current.folder)
        p = then.perjanjian
        if p is not None and _signed(p) and _latest(p) in labels and _latest(p) not in found:
            found[_latest(p)] = then
            if len(found) == len(labels):
                break
    return found


def _latest(perjanjian: Perjanjian) -> str | None:
    return perjanjian.perubahan[-1].label if perjanjian.perubahan else None


def _signed(perjanjian: Perjanjian) -> bool:
    return perjanjian.penandatanganan.status is Status.DITANDATANGANI
