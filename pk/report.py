"""`pk report`: plan the documents, load the folder once, compute, gather the history, render.

path + options --plan--> Plan --load once, compute, history, riwayat,
    the earlier years and the Renstra (pk.capaian.perbandingan_for), the pacing after a
    quarter (pk.compute.proyeksi)--> ReportContext
    (--dokumen lke: pk.lke --> LkeContext)
workspace --load, compute_workspace--> PerbandinganContext
    --pk.render.templates--> perjanjian / capaian / perbandingan .md .html .pdf
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from pk.diagnostics import InvalidData, UsageError
from pk.i18n import _
from pk.vocab import EVERY_DOKUMEN, EVERY_FORMAT, Dokumen, Periode, ReportFormat

if TYPE_CHECKING:
    from pk.load.year import Loaded
    from pk.model.perjanjian import Perjanjian
    from pk.render.context import Context, LkeContext, PerbandinganContext, ReportContext

REVISI_AWAL = "awal"
"""`pk report --revisi awal`: the agreement as signed, before any perubahan."""
DEFAULT_FORMATS = (ReportFormat.MD, ReportFormat.HTML)


def _fix_hint() -> str:
    return _("Fix the errors above (pk validate shows them too), then run again.")


@dataclass(frozen=True)
class Plan:
    """What `pk report` will write, checked against the path and the options."""

    path: Path
    """The year folder (or its perjanjian.yaml), or the workspace."""
    workspace: bool
    documents: tuple[Dokumen, ...]
    formats: tuple[ReportFormat, ...]
    output: str | None = None
    """The folder to write into (None: build/<tahun>), or `-` for stdout."""
    templates: Path | None = None
    periode: Periode = Periode.TAHUNAN
    dibuat: dt.datetime | None = None
    revisi: str | None = None
    """A revision's label, `awal`, or None for the file as it is now."""

    @property
    def stdout(self) -> bool:
        return self.output == "-"


def plan(
    path: Path | None,
    dokumen: str = EVERY_DOKUMEN,
    formats: Sequence[str] = (),
    output: str | None = None,
    templates: Path | None = None,
    periode: str = Periode.TAHUNAN,
    timestamp: bool = False,
    revisi: str | None = None,
) -> Plan:
    """The documents and formats `pk report`'s options ask for (in their order); a
    UsageError for a combination that cannot be."""
    from pk.load.year import find_default, is_workspace

    workspace = path is not None and path.exists() and is_workspace(path)
    if workspace and dokumen not in (Dokumen.PERBANDINGAN, EVERY_DOKUMEN):
        raise UsageError(
            _(
                "a workspace has the unit comparison (--dokumen perbandingan); "
                "report one unit from its own folder"
            )
        )
    if not workspace and dokumen == Dokumen.PERBANDINGAN:
        raise UsageError(
            _("--dokumen perbandingan needs a workspace (a folder with workspace.yaml)")
        )
    if dokumen == Dokumen.LKE and revisi is not None:
        raise UsageError(_("--revisi renders an agreement; the LKE pre-check is of the data now"))
    if workspace and revisi is not None:
        raise UsageError(_("--revisi renders one unit's agreement; give that unit's folder"))
    if workspace:
        documents: tuple[Dokumen, ...] = (Dokumen.PERBANDINGAN,)
    elif dokumen == EVERY_DOKUMEN:
        # The LKjIP is written when asked for: a year without chapters has only its tables.
        documents = (Dokumen.PERJANJIAN, Dokumen.CAPAIAN)
    else:
        documents = (Dokumen(dokumen),)
    chosen: list[ReportFormat] = []
    for f in formats or DEFAULT_FORMATS:
        for one in ReportFormat if f == EVERY_FORMAT else (ReportFormat(f),):
            if one not in chosen:
                chosen.append(one)
    if output not in (None, "-") and Path(output).exists() and not Path(output).is_dir():
        raise UsageError(
            _(
                "--output {path} is a file, but --output names the folder the reports are "
                "written into (they are named perjanjian.html, capaian.md, …): name a folder, "
                "or `-` to write one document to the screen"
            ).format(path=output)
        )
    if output == "-" and len(documents) * len(chosen) != 1:
        raise UsageError(
            _(
                "--output - writes one document in one format; "
                "choose them with --dokumen and --format"
            )
        )
    return Plan(
        path or find_default(),
        workspace,
        documents,
        tuple(chosen),
        output,
        templates,
        Periode(periode),
        dt.datetime.now().astimezone() if timestamp else None,
        revisi,
    )


def write(plan: Plan) -> list[Path]:
    """Render every planned document in every format, then write them into the plan's
    folder (default build/<tahun>, for a workspace build/<its folder>); the paths written."""
    from pk.render.templates import write_reports

    context, default = _context(plan)
    folder = Path(plan.output) if plan.output else default
    return write_reports(context, plan.documents, plan.formats, folder, plan.templates)


def render_one(plan: Plan) -> bytes:
    """The one planned document in its one format, for stdout."""
    from pk.render.templates import render_bytes

    context, _default = _context(plan)
    return render_bytes(context, plan.documents[0], plan.formats[0], plan.templates)


def _context(plan: Plan) -> tuple[Context, Path]:
    """The context the plan renders from, and the folder it is written to by default."""
    if plan.workspace:
        return perbandingan(plan.path, plan.periode, plan.dibuat)
    from pk.load.year import load_valid, valid

    current = load_valid(plan.path)
    if plan.documents == (Dokumen.LKE,):
        return lke_context(current, plan.dibuat), _folder(current)
    version = current
    if plan.revisi is not None:
        from pk.change.history import load_as_of

        version = valid(load_as_of(current, None if plan.revisi == REVISI_AWAL else plan.revisi))
    context = context_for(version, current, periode=plan.periode, dibuat=plan.dibuat)
    return context, _folder(current)


def _folder(loaded: Loaded) -> Path:
    assert loaded.perjanjian is not None, "a valid year has an agreement"
    return Path("build") / str(loaded.perjanjian.tahun)


def lke_context(loaded: Loaded, dibuat: dt.datetime | None = None) -> LkeContext:
    """The LKE pre-check page of a valid loaded year (pk.lke)."""
    from pk.lke import lke_of
    from pk.render.context import build_lke

    assert loaded.perjanjian is not None, "a valid year has an agreement"
    return build_lke(loaded.perjanjian, lke_of(loaded), dibuat=dibuat)


def context_for(
    version: Loaded,
    current: Loaded | None = None,
    *,
    periode: Periode = Periode.TAHUNAN,
    dibuat: dt.datetime | None = None,
) -> ReportContext:
    """The context of one agreement: `version` (the current file, or a revision of it from
    git) measured with the realisasi and settings of `current` (default: `version`), its
    Riwayat from the history in git of `current`."""
    from pk import numbers
    from pk.capaian import perbandingan_for
    from pk.change.history import history
    from pk.change.riwayat import riwayat
    from pk.compute.capaian import compute
    from pk.compute.proyeksi import project
    from pk.load.renstra import renstra_for
    from pk.render.context import build_context

    current = current or version
    perjanjian = version.perjanjian
    assert perjanjian is not None, "a valid year has an agreement"
    capaian = compute(perjanjian, current.realisasi, current.pengaturan, periode)
    versions = history(current, perjanjian) if perjanjian.perubahan else {}
    rows = riwayat(perjanjian, versions, numbers.angka)
    compared = perbandingan_for(current, capaian, perjanjian)
    renstra = renstra_for(current.folder, perjanjian.tahun)
    return build_context(
        perjanjian,
        capaian,
        rows,
        realisasi=current.realisasi,
        perbandingan=compared,
        proyeksi=project(perjanjian, current.realisasi, current.pengaturan, periode),
        renstra=renstra.renstra if renstra is not None and renstra.ok else None,
        bab=current.lkjip,
        evaluasi=current.evaluasi,
        dibuat=dibuat,
        logo=_logo(current.folder, perjanjian),
    )


_IMAGE_TYPES = {
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".svg": "image/svg+xml",
}


def _logo(folder: Path, perjanjian: Perjanjian) -> str | None:
    """The kop's logo as a data URI, so the HTML stays one file; None without one (or when
    it is missing, which pk validate reports as [kop-logo])."""
    import base64

    kop = perjanjian.bentuk.kop
    if kop is None or kop.logo is None:
        return None
    path = folder / kop.logo
    kind = _IMAGE_TYPES.get(path.suffix.casefold())
    if kind is None or not path.is_file():
        return None
    return f"data:{kind};base64,{base64.b64encode(path.read_bytes()).decode('ascii')}"


def perbandingan(
    path: Path, periode: Periode = Periode.TAHUNAN, dibuat: dt.datetime | None = None
) -> tuple[PerbandinganContext, Path]:
    """The unit comparison of a workspace and the folder it is written to by default;
    InvalidData if any unit does not load (a comparison with a unit left out would mislead)."""
    from pk.capaian import compute_workspace
    from pk.diagnostics import Level
    from pk.load.workspace import load_workspace
    from pk.render.context import build_perbandingan

    workspace = load_workspace(path)
    diagnostics = list(workspace.diagnostics)
    if workspace.workspace is not None and not any(d.level is Level.ERROR for d in diagnostics):
        result = compute_workspace(workspace, periode)
        diagnostics = list(result.diagnostics)
    errors = [d for d in diagnostics if d.level is Level.ERROR]
    if workspace.workspace is None or errors:
        raise InvalidData(errors, max(len({d.path for d in errors}), 1), _fix_hint())
    context = build_perbandingan(result, workspace.workspace.tahun, dibuat=dibuat)
    return context, Path("build") / workspace.folder.resolve().name
