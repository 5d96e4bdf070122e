"""A year folder in git: as it was at a revision (`HEAD~1`, a tag, a branch), and as each of
its revisions (PK perubahan) left it.

    git show REV:./perjanjian.yaml --load.year.load_year_bytes--> Loaded (diagnostics say `REV:path`)
    Loaded (now) + git log --history / load_as_of--> the agreement as signed and as revised

Every git call goes through `git`. Only reading: pk never commits or tags for the user.
"""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from pk.diagnostics import EnvironmentProblem, InvalidData, UsageError
from pk.i18n import _
from pk.load.year import (
    Loaded,
    find_default,
    folder_and_file,
    load_year,
    load_year_bytes,
    year_folders,
)
from pk.model.perjanjian import Perjanjian, Status
from pk.numbers import excerpt
from pk.vocab import PERJANJIAN_FILE, year_of

if TYPE_CHECKING:
    from pk.change.diff import Diff


def git(folder: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    """`git -C folder args…`, its output captured; EnvironmentProblem when git is missing."""
    try:
        return subprocess.run(["git", "-C", str(folder), *args], capture_output=True, check=False)
    except FileNotFoundError as err:
        raise EnvironmentProblem(_("git is not installed; compare two folders instead")) from err


def git_said(done: subprocess.CompletedProcess[bytes]) -> str:
    """git's own message, quoted: its first line, cut to a bounded excerpt."""
    lines = done.stderr.decode(errors="replace").strip().splitlines() or ["—"]
    return f"«{excerpt(lines[0].strip(), 200)}»"


def is_revision(rev: str, folder: Path) -> bool:
    """Whether `rev` names a commit in the repository that holds `folder`."""
    if not folder.is_dir() or rev.startswith("-"):
        return False
    return git(folder, "rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}").returncode == 0


def exists_at(rev: str, path: Path) -> bool:
    """Whether the year's perjanjian.yaml was committed at `rev` (a new year was not)."""
    folder, file = folder_and_file(path)
    return git(folder, "cat-file", "-e", f"{rev}:./{file.name}").returncode == 0


def read_at(rev: str, path: Path) -> bytes:
    """The bytes of a year's perjanjian.yaml at `rev`; a clear UsageError when unavailable."""
    folder, file = folder_and_file(path)
    if not folder.is_dir():
        raise UsageError(_("{path}: no such folder").format(path=folder))
    if not is_revision(rev, folder):
        raise UsageError(
            _("{rev!r} is neither a folder nor a git revision of {path}").format(
                rev=rev, path=folder.as_posix()
            )
        )
    shown = git(folder, "show", f"{rev}:./{file.name}")
    if shown.returncode != 0:
        raise UsageError(
            _(
                "{path} is not in git at {rev}, so pk cannot read it there (git said: {said})"
            ).format(path=file.as_posix(), rev=rev, said=git_said(shown))
        )
    return shown.stdout


def load_year_at(rev: str, path: Path) -> Loaded:
    """Load a year folder as committed at `rev`; diagnostics name it `REV:folder/perjanjian.yaml`."""
    folder, file = folder_and_file(path)
    raw = read_at(rev, path)
    return load_year_bytes(raw, f"{rev}:{file.as_posix()}", folder, year_of(folder.resolve()))


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
    _folder, file = folder_and_file(current.folder)
    if label:
        message = _("revision {label!r} of {path} is not in this repository's history")
    else:
        message = _("the signed original of {path} is not in this repository's history")
    raise UsageError(message.format(label=label, path=file.as_posix()))


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
    folder, file = folder_and_file(current.folder)
    log = git(folder, "log", "--format=%H", "--", file.name)
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


@dataclass(frozen=True)
class YearDiff:
    """One year of `pk diff REV` over the repository: what changed in it, or None for a year
    that was not there at REV (nothing to compare with)."""

    folder: Path
    diff: Diff | None
    removed: bool = False
    """The year was there at REV and is gone now (or at the other revision)."""

    @property
    def changed(self) -> bool:
        return self.diff is None or self.diff.changed


def years_at(rev: str, root: Path = Path("data")) -> list[Path]:
    """The `root/<year>` folders whose perjanjian.yaml was committed at `rev`, oldest first."""
    if not root.is_dir() or not is_revision(rev, root):
        return []
    listed = git(root, "ls-tree", "--name-only", rev, "./")  # names relative to root
    if listed.returncode != 0:
        return []
    names = listed.stdout.decode(errors="replace").splitlines()
    folders = [root / name for name in names if year_of(Path(name)) is not None]
    # Asked from `root`: a year gone now has no folder to ask git from.
    return sorted(
        f
        for f in folders
        if git(root, "cat-file", "-e", f"{rev}:./{f.name}/{PERJANJIAN_FILE}").returncode == 0
    )


def compare_versions(
    old: str,
    new: str | None,
    path: Path | None,
    number: Callable[[Decimal], str] | None = None,
) -> Diff | list[YearDiff]:
    """`pk diff`: what changed from `old` to `new` (folders, or git revisions of the year at
    `path` or of the folder on the other side; `new` None is that year as it is now). With
    only revisions and no `path`, every year of the repository (`compare_years`). `number`
    formats the targets it quotes (as written, by default)."""
    from pk.change.diff import compare

    folders = [Path(spec) for spec in (old, new) if spec is not None and Path(spec).exists()]
    if path is None and not folders:
        return compare_years(old, new, number)
    # A revision on one side is the named folder's, as it was then.
    year = path or (folder_and_file(folders[0])[0] if folders else find_default())
    versions = [load_version(spec, lambda: year) for spec in (old, new)]
    before, after = (_agreement(one) for one in versions)
    new_label = new if new is not None else year.as_posix()
    return compare(before, after, old, new_label, number=number)


def compare_years(
    old: str, new: str | None, number: Callable[[Decimal], str] | None = None
) -> list[YearDiff]:
    """Every data/<year> compared between revision `old` and `new` (None: as it is now): a
    change in any year shows, and a year started since `old` says so."""
    from pk.change.diff import compare

    out = []
    for folder in year_folders() or [find_default()]:
        if not is_revision(old, folder):
            raise UsageError(
                _("{rev!r} is neither a folder nor a git revision of {path}").format(
                    rev=old, path=folder.as_posix()
                )
            )
        if new is not None and not is_revision(new, folder):
            raise UsageError(
                _("{rev!r} is neither a folder nor a git revision of {path}").format(
                    rev=new, path=folder.as_posix()
                )
            )
        if new is not None and not exists_at(new, folder):
            continue  # the year came after `new`: not part of that comparison
        if not exists_at(old, folder):
            out.append(YearDiff(folder, None))
            continue
        before = _agreement(load_year_at(old, folder))
        after = _agreement(load_year(folder) if new is None else load_year_at(new, folder))
        label = folder.as_posix() if new is None else f"{new}:{folder.as_posix()}"
        out.append(YearDiff(folder, compare(before, after, old, label, number=number)))
    # A year there at `old` and gone since is a change too (a rename is one gone, one new).
    there = {f.name for f in years_at(new, Path("data"))} if new is not None else None
    for folder in years_at(old):
        gone = not folder.is_dir() if there is None else folder.name not in there
        if gone:
            out.append(YearDiff(folder, None, removed=True))
    return sorted(out, key=lambda y: y.folder.name)


def _agreement(loaded: Loaded) -> Perjanjian:
    if loaded.perjanjian is None:
        raise InvalidData(
            loaded.diagnostics,
            max(len(loaded.sources), 1),
            _("pk diff compares valid agreements; fix the errors above first."),
        )
    return loaded.perjanjian
