"""Change control after signing: the baseline gate and the history of revisions (PK perubahan).

    baseline (git REV) + current folder --diff.compare--> changes --not in a new perubahan--> Diagnostic

Once the agreement at the baseline is signed (`penandatanganan.status: ditandatangani`), each
change since then to a target, indikator, sasaran, budget line or party must be listed
(`mengubah`) by a `perubahan` entry added since the baseline; a revision already recorded at
the baseline must stay as it was. Reports use `riwayat` for the "Riwayat Perubahan" table
(with `history`, the earlier versions it compares) and `load_as_of` to render the original or
any revision.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from pk.change.diff import GATED, Change, Kind, compare
from pk.diagnostics import Diagnostic, Level
from pk.i18n import N_, _
from pk.load.source import Source
from pk.load.year import PERJANJIAN_FILE, Loaded, load_year
from pk.model.perjanjian import DASAR_TEXT, Perjanjian, Status

_WHAT = {
    Kind.INDIKATOR_ADDED: N_("indikator {s} was added"),
    Kind.INDIKATOR_REMOVED: N_("indikator {s} was removed"),
    Kind.INDIKATOR_RETARGETED: N_("the target of {s} changed from {old} to {new}"),
    Kind.INDIKATOR_RENAMED: N_("the text of {s} changed"),
    Kind.INDIKATOR_MOVED: N_("{s} moved from {old} to {new}"),
    Kind.INDIKATOR_POLARITAS: N_("the polaritas of {s} changed from {old} to {new}"),
    Kind.SASARAN_ADDED: N_("sasaran {s} was added"),
    Kind.SASARAN_REMOVED: N_("sasaran {s} was removed"),
    Kind.SASARAN_RENAMED: N_("the text of sasaran {s} changed"),
    Kind.KEGIATAN_ADDED: N_("budget line {s} was added"),
    Kind.KEGIATAN_REMOVED: N_("budget line {s} was removed"),
    Kind.KEGIATAN_PAGU: N_("the pagu of {s} changed from {old} to {new}"),
    Kind.KEGIATAN_RENAMED: N_("the name of budget line {s} changed"),
    Kind.PIHAK_CHANGED: N_("{s}.{field} changed"),
}


def check_baseline(current: Loaded, baseline: Loaded, rev: str) -> list[Diagnostic]:
    """A located error for each change since `rev` that no new `perubahan` entry covers."""
    now, then = current.perjanjian, baseline.perjanjian
    if now is None or then is None or then.penandatanganan.status is not Status.DITANDATANGANI:
        return []
    display, source = _perjanjian_source(current)
    known = {p.label for p in then.perubahan}
    covered = {i for p in now.perubahan if p.label not in known for i in p.mengubah}
    signed = then.penandatanganan.tanggal
    if signed:
        since = _("since {rev} (signed {date})").format(rev=rev, date=signed.isoformat())
    else:
        since = _("since {rev}").format(rev=rev)
    out = []
    for change in compare(then, now, rev, display).changes:
        if change.kind is Kind.PERUBAHAN_REWRITTEN:
            message = _(
                "perubahan {label!r} was recorded at {rev} and has been changed or "
                "removed; a revision on record stays as it was, add a new one "
                "instead"
            ).format(label=change.subject, rev=rev)
            code = "perubahan-rewritten"
        elif change.kind in GATED and change.subject not in covered:
            what = _(_WHAT[change.kind]).format(
                s=change.subject, old=_shown(change.old), new=_shown(change.new), field=change.field
            )
            message = _(
                "{what} {since}, but no perubahan entry added since then lists "
                "{subject}; add one under `perubahan` (label, tanggal, dasar a|b|c, "
                "alasan, surat, mengubah: [{subject}])"
            ).format(what=what, since=since, subject=change.subject)
            code = "uncovered-change"
        else:
            continue
        line, col = source.locate(change.loc)
        out.append(Diagnostic(display, line, col, Level.ERROR, code, message))
    return sorted(out)


def _perjanjian_source(loaded: Loaded) -> tuple[str, Source]:
    return next((k, s) for k, s in loaded.sources.items() if k.endswith(PERJANJIAN_FILE))


def _shown(value: str | int | None) -> str:
    if isinstance(value, int):
        from pk.numbers import rupiah

        return rupiah(value)
    return _("(empty)") if value is None else value


def gate(loaded: Loaded, rev: str | None) -> list[Diagnostic]:
    """`pk validate`'s baseline step: compare with `rev`, or with the tag the data names.

    With no `rev` and no `penandatanganan.tag` there is nothing to compare with, nor for a year
    that did not exist at `rev`. A tag the repository does not have (a shallow clone without
    tags) is a warning, not a pass in silence.
    """
    from pk.change.history import exists_at, is_revision, load_year_at
    from pk.diagnostics import UsageError

    perjanjian = loaded.perjanjian
    if perjanjian is None:
        return []
    if rev is None:
        rev = perjanjian.penandatanganan.tag
        if rev is None:
            return []
        if not is_revision(rev, loaded.folder):
            display, source = _perjanjian_source(loaded)
            line, col = source.locate(("penandatanganan", "tag"))
            return [
                Diagnostic(
                    display,
                    line,
                    col,
                    Level.WARNING,
                    "baseline-missing",
                    _(
                        "git tag {rev!r} is not in this repository, so changes since signing are not "
                        "checked; fetch the tags (git fetch --tags)"
                    ).format(rev=rev),
                )
            ]
    if is_revision(rev, loaded.folder) and not exists_at(rev, loaded.folder):
        return []  # a year started after `rev` has no baseline there yet
    baseline = load_year_at(rev, loaded.folder)
    if baseline.perjanjian is None:
        raise UsageError(
            _("the agreement at {rev} does not load, so it cannot be the baseline").format(rev=rev)
        )
    return check_baseline(loaded, baseline, rev)


@dataclass(frozen=True)
class RiwayatRow:
    """One row of the "Riwayat Perubahan" table."""

    no: int
    label: str
    tanggal: dt.date
    dasar: str
    """The ground's letter: a, b or c."""
    dasar_text: str
    """The ground in words, e.g. perubahan strategi (program, kegiatan, anggaran)."""
    alasan: str
    surat: str
    mengubah: tuple[str, ...]
    rincian: tuple[Change, ...] = ()
    """What it changed, value by value, against the version before it: empty when that
    version is not at hand (a folder outside git)."""


def riwayat(
    perjanjian: Perjanjian,
    versions: Mapping[str | None, Perjanjian] | None = None,
    number: Callable[[Decimal], str] | None = None,
) -> list[RiwayatRow]:
    """The revisions, oldest first, as the report's "Riwayat Perubahan" table shows them.

    `versions` (from `history`) holds the agreement as signed (key None) and as each revision
    left it; with them each row lists its changes, targets written with `number`.
    """
    versions = versions or {}
    labels = [None, *(p.label for p in perjanjian.perubahan)]
    rows = []
    for n, p in enumerate(perjanjian.perubahan, start=1):
        before, after = versions.get(labels[n - 1]), versions.get(labels[n])
        rincian = (
            tuple(c for c in compare(before, after, number=number).changes if c.kind in GATED)
            if before is not None and after is not None
            else ()
        )
        rows.append(
            RiwayatRow(
                n,
                p.label,
                p.tanggal,
                str(p.dasar),
                DASAR_TEXT[p.dasar],
                p.alasan,
                p.surat,
                tuple(p.mengubah),
                rincian,
            )
        )
    return rows


def history(path: Path, perjanjian: Perjanjian) -> dict[str | None, Perjanjian]:
    """`perjanjian` as signed (None) and as each of its revisions left it, from git; empty
    when the folder's history does not have them all."""
    labels = [None, *(p.label for p in perjanjian.perubahan)]
    versions = {
        label: loaded.perjanjian
        for label, loaded in _as_of(path, labels).items()
        if loaded.perjanjian is not None
    }
    return versions if len(versions) == len(labels) else {}


def load_as_of(path: Path, label: str | None = None) -> Loaded:
    """The agreement as it stood at revision `label`, or as signed originally (`None`).

    From git: the newest commit whose file has `label` as its latest revision (for None: the
    signed file before any revision, or `penandatanganan.tag` when set). The current file
    answers for its own latest revision.
    """
    from pk.change.history import year_file
    from pk.diagnostics import UsageError

    found = _as_of(path, [label])
    if label in found:
        return found[label]
    folder, name = year_file(path)
    if label:
        message = _("revision {label!r} of {path} is not in this repository's history")
    else:
        message = _("the signed original of {path} is not in this repository's history")
    raise UsageError(message.format(label=label, path=(folder / name).as_posix()))


def _as_of(path: Path, labels: list[str | None]) -> dict[str | None, Loaded]:
    """Each of `labels` found, as `load_as_of` finds one, in one walk back through git."""
    from pk.change.history import load_year_at, year_file

    found: dict[str | None, Loaded] = {}
    current = load_year(path)
    now = current.perjanjian
    if now is not None and _latest(now) in labels and (_latest(now) is not None or _signed(now)):
        found[_latest(now)] = current
    if None in labels and None not in found and now is not None and now.penandatanganan.tag:
        found[None] = load_year_at(now.penandatanganan.tag, path)
    if len(found) == len(labels):
        return found
    folder, name = year_file(path)
    log = subprocess.run(
        ["git", "-C", str(folder), "log", "--format=%H", "--", name],
        capture_output=True,
        text=True,
        check=False,
    )
    for commit in log.stdout.split():
        then = load_year_at(commit, path)
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
