"""Change control after signing: the signed-baseline gate of `pk validate`.

    baseline (git REV) + current folder --diff.compare--> changes --not in a new perubahan--> Diagnostic

Once the agreement at the baseline is signed (`penandatanganan.status: ditandatangani`), each
change since then to a target, indikator, sasaran, budget line or party must be listed
(`mengubah`) by a `perubahan` entry added since the baseline; a revision already recorded at
the baseline must stay as it was.
"""

from __future__ import annotations

from pk.change import words
from pk.change.diff import GATED, Kind, compare
from pk.check import codes
from pk.diagnostics import Diagnostic
from pk.i18n import N_, _
from pk.load.source import Source
from pk.load.year import Loaded
from pk.model.perjanjian import Status
from pk.numbers import message_number
from pk.vocab import PERJANJIAN_FILE

PHRASES = {
    Kind.INDIKATOR_ADDED: N_("indikator {id} was added"),
    Kind.INDIKATOR_REMOVED: N_("indikator {id} was removed"),
    Kind.INDIKATOR_RETARGETED: N_("the target of {id} changed from {old} to {new}"),
    Kind.INDIKATOR_RENAMED: N_("the text of {id} changed"),
    Kind.INDIKATOR_MOVED: N_("{id} moved from {old} to {new}"),
    Kind.INDIKATOR_POLARITAS: N_("the polaritas of {id} changed from {old} to {new}"),
    Kind.SASARAN_ADDED: N_("sasaran {id} was added"),
    Kind.SASARAN_REMOVED: N_("sasaran {id} was removed"),
    Kind.SASARAN_RENAMED: N_("the text of sasaran {id} changed"),
    Kind.KEGIATAN_ADDED: N_("budget line {id} was added"),
    Kind.KEGIATAN_REMOVED: N_("budget line {id} was removed"),
    Kind.KEGIATAN_PAGU: N_("the pagu of {id} changed from {old} to {new}"),
    Kind.KEGIATAN_RENAMED: N_("the name of budget line {id} changed"),
    Kind.PIHAK_CHANGED: N_("{id}.{field} changed"),
}
"""How the gate words a change no perubahan covers (the fields: `pk.change.words`)."""


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
    for change in compare(then, now, rev, display, number=message_number).changes:
        if change.kind is Kind.PERUBAHAN_REWRITTEN:
            message = _(
                "perubahan {label!r} was recorded at {rev} and has been changed or "
                "removed; a revision on record stays as it was, add a new one "
                "instead"
            ).format(label=change.subject, rev=rev)
            code = codes.PERUBAHAN_REWRITTEN
        elif change.kind in GATED and change.subject not in covered:
            what = words.describe(change, _(PHRASES[change.kind]), empty=_("(empty)"))
            message = _(
                "{what} {since}, but no perubahan entry added since then lists "
                "{subject}; add one under `perubahan` (label, tanggal, dasar a|b|c, "
                "alasan, surat, mengubah: [{subject}])"
            ).format(what=what, since=since, subject=change.subject)
            code = codes.UNCOVERED_CHANGE
        else:
            continue
        line, col = source.locate(change.loc)
        out.append(code.at(display, line, col, message))
    return sorted(out)


def _perjanjian_source(loaded: Loaded) -> tuple[str, Source]:
    return next((k, s) for k, s in loaded.sources.items() if k.endswith(PERJANJIAN_FILE))


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
                codes.BASELINE_MISSING.at(
                    display,
                    line,
                    col,
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


def gone_years(rev: str) -> list[Diagnostic]:
    """An error on the file of each data/<year> signed at `rev` and gone now: a signed
    agreement stays on record, and deleting it must not pass the gate in silence."""
    from pk.change.history import git, years_at
    from pk.load.year import load_year_bytes
    from pk.vocab import year_of

    out = []
    for folder in years_at(rev):
        if (folder / PERJANJIAN_FILE).exists():
            continue
        # Read from data/: the year's own folder is gone.
        shown = git(folder.parent, "show", f"{rev}:./{folder.name}/{PERJANJIAN_FILE}")
        display = f"{rev}:{(folder / PERJANJIAN_FILE).as_posix()}"
        then = load_year_bytes(shown.stdout, display, folder, year_of(folder)).perjanjian
        if then is None or then.penandatanganan.status is not Status.DITANDATANGANI:
            continue
        message = _(
            "the agreement for {year} was signed at {rev} and is gone now (deleted or "
            "renamed); a signed agreement stays on record: bring it back with "
            "git restore --source={rev} {folder}"
        ).format(year=folder.name, rev=rev, folder=folder.as_posix())
        path = (folder / PERJANJIAN_FILE).as_posix()
        out.append(codes.SIGNED_YEAR_REMOVED.at(path, 0, 0, message))
    return out
