"""The `pk` command line: thin typer commands over the core modules.

Start-up matters (`pk validate` runs in a pre-commit hook), so each command imports what it
needs inside its body: `pk --help` loads neither pydantic nor jinja2. For the same reason
this module does without `from __future__ import annotations`: typer reads every command's
signature on each run, and string annotations would be evaluated anew each time (~10 ms).
Exit codes: 0 fine, 1 problems in the data, 2 wrong usage.
"""

import os
import sys
from enum import Enum, StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from pk import __version__
from pk.diagnostics import InvalidData, PkError, UsageError
from pk.i18n import LANGUAGES, _, ngettext
from pk.report import DOKUMEN_CHOICES, EVERY_DOKUMEN, FORMAT_CHOICES


class _Pk(TyperGroup):
    """pk's commands: the user errors a command raises end here, as a message and an exit code."""

    def invoke(self, ctx: Any) -> Any:  # typer's click Context, which typer does not export
        try:
            return super().invoke(ctx)
        except UsageError:
            raise  # `main` turns it into exit 2; tests check the exception itself
        except PkError as err:
            raise typer.Exit(_report_error(err)) from None


def _report_error(err: PkError) -> int:
    """Write a user error to stderr: `pk: error: …`, or the findings of data that has errors
    and what to do about them. The exit code it calls for."""
    if isinstance(err, InvalidData):
        from pk.render.diagnostics import format_text

        sys.stderr.write(format_text(err.diagnostics, err.files))
        if err.hint:
            sys.stderr.write(err.hint + "\n")
    else:
        sys.stderr.write(f"pk: error: {err}\n")
    return err.exit_code


app = typer.Typer(
    name="pk",
    cls=_Pk,
    help=_("Perjanjian Kinerja as YAML: validate it, compute capaian, write the reports."),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


Language = Enum("Language", {lang: lang for lang in LANGUAGES}, type=str)  # type: ignore[misc]


class DiagnosticFormat(StrEnum):
    text = "text"
    json = "json"
    github = "github"


class ShowFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


PathsArg = Annotated[
    list[Path] | None,
    typer.Argument(
        help=_(
            "Year folders, perjanjian.yaml files or workspaces. Default: the newest data/<year>."
        )
    ),
]
PathArg = Annotated[
    Path | None,
    typer.Argument(
        help=_("A year folder or its perjanjian.yaml. Default: the newest data/<year>.")
    ),
]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"pk {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help=_("Show the version.")),
    ] = False,
    lang: Annotated[
        Language | None,
        typer.Option(
            "--lang",
            help=_(
                "Language of messages: id (Bahasa Indonesia, the default) or "
                "en. Also PK_LANG=en, or an English locale."
            ),
        ),
    ] = None,
) -> None:
    from pk import i18n

    # Each run speaks the language it was asked for (tests run many in one process).
    i18n.set_language(lang.value if lang else i18n.from_environment(os.environ))


@app.command(
    help=_("Check the agreement: YAML, schema and consistency, each finding at file:line:col.")
)
def validate(
    paths: PathsArg = None,
    format: Annotated[
        DiagnosticFormat, typer.Option("--format", "-f", help=_("Output format."))
    ] = DiagnosticFormat.text,
    strict: Annotated[bool, typer.Option(help=_("Exit 1 on warnings too."))] = False,
    baseline: Annotated[
        str | None,
        typer.Option(
            "--baseline",
            metavar="REV",
            help=_(
                "Git revision of the signed agreement: each "
                "change since then needs a `perubahan` entry. Default: penandatanganan.tag."
            ),
        ),
    ] = None,
) -> None:
    from functools import partial

    from pk.diagnostics import Level
    from pk.load.year import diagnose_year, find_default, is_workspace, load_year, year_folder
    from pk.render.diagnostics import FORMATTERS

    diagnostics = []
    files = 0
    # Each year once, however many of its files are named (a pre-commit hook names them all).
    for path in dict.fromkeys(year_folder(p) for p in paths or [find_default()]):
        if not path.exists():
            raise UsageError(_("{path}: no such file or folder").format(path=path))
        if not is_workspace(path):
            loaded = load_year(path)
            found = loaded.diagnostics
            # The gate reads git; only an agreement with a baseline to compare needs it.
            if baseline is not None or (
                loaded.perjanjian and loaded.perjanjian.penandatanganan.tag
            ):
                from pk.change.baseline import gate

                found = found + gate(loaded, baseline)
            diagnostics.extend(sorted(found))
            files += max(len(loaded.sources), 1)
            continue
        from pk.load.workspace import load_workspace, map_units

        workspace = load_workspace(path)
        diagnostics.extend(workspace.diagnostics)
        files += 1
        year = workspace.workspace.tahun if workspace.workspace else None
        folders = [unit.folder for unit in workspace.units]
        show_progress = format is DiagnosticFormat.text
        for found, read in map_units(
            partial(diagnose_year, year=year), folders, progress=show_progress
        ):
            diagnostics.extend(found)
            files += read
    sys.stdout.write(FORMATTERS[format.value](diagnostics, files))
    failing = {Level.ERROR, Level.WARNING} if strict else {Level.ERROR}
    if any(d.level in failing for d in diagnostics):
        raise typer.Exit(1)


@app.command(help=_("Print the agreement: its indicators with targets, and its budget lines."))
def show(
    path: PathArg = None,
    format: Annotated[
        ShowFormat,
        typer.Option("--format", "-f", help=_("table for people, json or csv for scripts.")),
    ] = ShowFormat.table,
) -> None:
    from pk.render import perjanjian as views

    perjanjian = _load_or_exit(path)
    if format is ShowFormat.json:
        sys.stdout.write(views.render_json(perjanjian))
    elif format is ShowFormat.csv:
        sys.stdout.write(views.render_csv(perjanjian))
    else:
        views.print_table(perjanjian)


@app.command(help=_("Print the JSON Schema of a pk file (editors use it to complete and check)."))
def schema(
    name: Annotated[
        str, typer.Argument(help=_("Which file's schema: perjanjian, workspace, …"))
    ] = "perjanjian",
) -> None:
    from pk.model.jsonschema import SCHEMA_FILES, render_schema

    file = f"{name}.schema.json"
    if file not in SCHEMA_FILES:
        names = ", ".join(f.removesuffix(".schema.json") for f in SCHEMA_FILES)
        raise UsageError(
            _("no schema named {name!r}; choose one of: {names}").format(name=name, names=names)
        )
    sys.stdout.write(render_schema(file))


@app.command(help=_("Rewrite the YAML files in pk's canonical layout, keeping every comment."))
def fmt(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(help=_("YAML files or folders. Default: data/.")),
    ] = None,
    check: Annotated[
        bool,
        typer.Option(
            "--check", help=_("Change nothing; list the files that would change, exit 1 if any.")
        ),
    ] = False,
) -> None:
    from pk.edit.fmt import collect_files, format_file
    from pk.render.diagnostics import format_text

    targets = paths or [Path("data")]
    for path in targets:
        if not path.exists():
            raise UsageError(_("{path}: no such file or folder").format(path=path))
    results = [format_file(f, check=check) for f in collect_files(targets)]
    problems = [d for r in results for d in r.diagnostics]
    changed = [r for r in results if r.changed]
    for r in changed:
        line = _("would reformat {path}") if check else _("reformatted {path}")
        typer.echo(line.format(path=r.path.as_posix()))
    if problems:
        sys.stdout.write(format_text(problems, len(results)))
    broken = len({d.path for d in problems})
    left = len(results) - len(changed) - broken
    if check:
        done = ngettext(
            "{n} file would be reformatted", "{n} files would be reformatted", len(changed)
        )
    else:
        done = ngettext("{n} file reformatted", "{n} files reformatted", len(changed))
    parts = [done.format(n=len(changed)), _("{n} unchanged").format(n=left)]
    if problems:
        parts.append(_("{n} not formatted (errors above)").format(n=broken))
    typer.echo(", ".join(parts) + ".")
    if problems or (check and changed):
        raise typer.Exit(1)


class PeriodeOption(StrEnum):
    TW1 = "TW1"
    TW2 = "TW2"
    TW3 = "TW3"
    TW4 = "TW4"
    tahunan = "tahunan"


@app.command(
    help=_(
        "Capaian per indikator for a period, with summaries per sasaran and budget absorption.\n\nGiven a workspace, one row per unit, and the indicators rolled up from the units below."
    )
)
def achievement(
    path: Annotated[
        Path | None,
        typer.Argument(help=_("A year folder or a workspace. Default: the newest data/<year>.")),
    ] = None,
    periode: Annotated[
        PeriodeOption,
        typer.Option("--periode", "-p", help=_("A triwulan (cumulative) or the year.")),
    ] = PeriodeOption.tahunan,
    format: Annotated[
        ShowFormat,
        typer.Option("--format", "-f", help=_("table for people, json or csv for scripts.")),
    ] = ShowFormat.table,
    unit: Annotated[
        str | None, typer.Option("--unit", "-u", help=_("In a workspace: show this unit in full."))
    ] = None,
) -> None:
    from pk.compute.capaian import compute
    from pk.load.year import is_workspace
    from pk.render import capaian as views

    if path is not None and path.exists() and is_workspace(path):
        _achievement_workspace(path, periode.value, format, unit)
        return
    if unit is not None:
        raise UsageError(_("--unit needs a workspace (a folder with workspace.yaml)"))
    loaded = _load_year_or_exit(path)
    result = compute(loaded.perjanjian, loaded.realisasi, loaded.pengaturan, periode.value)
    if format is ShowFormat.json:
        sys.stdout.write(views.render_json(result))
    elif format is ShowFormat.csv:
        sys.stdout.write(views.render_csv(result))
    else:
        p = loaded.perjanjian
        views.print_table(result, f"Perjanjian Kinerja {p.tahun} — {p.unit.singkatan}")


def _achievement_workspace(path: Path, periode: str, format: ShowFormat, unit: str | None) -> None:
    from pk.diagnostics import Level
    from pk.load.workspace import compute_workspace, load_workspace, unit_achievement
    from pk.render import capaian as views
    from pk.render.diagnostics import format_text

    workspace = load_workspace(path)
    errors = [d for d in workspace.diagnostics if d.level is Level.ERROR]
    if workspace.workspace is None or errors:
        sys.stderr.write(format_text(workspace.diagnostics, 1))
        raise typer.Exit(1)
    result = compute_workspace(workspace, periode, progress=format is ShowFormat.table)
    errors = [d for d in result.diagnostics if d.level is Level.ERROR]
    if unit is not None:
        chosen = next((u for u in result.units if u.id == unit), None)
        if chosen is None:
            raise UsageError(_("no unit {unit!r} in {path}").format(unit=unit, path=path))
        achievement = unit_achievement(workspace, result, unit)
        if achievement is None:
            sys.stderr.write(
                format_text(
                    [
                        d
                        for d in errors
                        if d.path.startswith(
                            next(u.folder for u in workspace.units if u.ref.id == unit).as_posix()
                        )
                    ],
                    1,
                )
            )
            raise typer.Exit(1)
        if format is ShowFormat.json:
            sys.stdout.write(views.render_json(achievement))
        elif format is ShowFormat.csv:
            sys.stdout.write(views.render_csv(achievement))
        else:
            views.print_table(achievement, f"{chosen.nama} ({chosen.id})")
        return
    if format is ShowFormat.json:
        sys.stdout.write(views.render_units_json(result))
    elif format is ShowFormat.csv:
        sys.stdout.write(views.render_units_csv(result))
    else:
        views.print_units_table(
            result, _("Workspace {tahun}").format(tahun=workspace.workspace.tahun)
        )
    if errors:
        # Units with errors are shown as invalid above; their findings go to stderr.
        sys.stderr.write(format_text(errors, len({d.path for d in errors})))
        raise typer.Exit(1)


# The report's choices, from the core's own words (pk.report imports only pk.vocab at start-up).
DokumenChoice = StrEnum("DokumenChoice", {c: c for c in DOKUMEN_CHOICES})  # type: ignore[misc]
ReportFormatChoice = StrEnum("ReportFormatChoice", {c: c for c in FORMAT_CHOICES})  # type: ignore[misc]


@app.command(
    help=_(
        "Write the reports: the signed perjanjian, and capaian (LKjIP Bab III), as md/html/pdf.\n\nGiven a workspace, the unit comparison (perbandingan)."
    )
)
def report(
    path: PathArg = None,
    dokumen: Annotated[
        DokumenChoice, typer.Option("--dokumen", "-d", help=_("Which document to write."))
    ] = DokumenChoice[EVERY_DOKUMEN],
    format: Annotated[
        list[ReportFormatChoice] | None,
        typer.Option(
            "--format",
            "-f",
            help=_(
                "md, html, pdf (through Chromium) or all; repeat for several. Default: md and html."
            ),
        ),
    ] = None,
    output: Annotated[
        str | None,
        typer.Option(
            "--output",
            "-o",
            help=_(
                "Folder to write into (default build/<tahun>), "
                "or - for one document in one format on stdout."
            ),
        ),
    ] = None,
    templates: Annotated[
        Path | None,
        typer.Option(
            "--templates",
            help=_(
                "Folder of your own templates; a file there replaces "
                "the built-in one of the same name (e.g. perjanjian.html.j2)."
            ),
        ),
    ] = None,
    periode: Annotated[
        PeriodeOption, typer.Option("--periode", "-p", help=_("Period of the capaian report."))
    ] = PeriodeOption.tahunan,
    timestamp: Annotated[
        bool,
        typer.Option(
            "--timestamp",
            help=_(
                "Print the generation time in the reports "
                "(off by default so the same data gives the same files)."
            ),
        ),
    ] = False,
    revisi: Annotated[
        str | None,
        typer.Option(
            "--revisi",
            metavar="LABEL",
            help=_(
                "The agreement as it stood at this "
                "revision (its perubahan label, e.g. 'PK Perubahan I'), or 'awal' as "
                "signed; read from git. Default: the file as it is now."
            ),
        ),
    ] = None,
) -> None:
    from pk import report as use_case

    plan = use_case.plan(path, dokumen, format or [], output, templates, periode, timestamp, revisi)
    if plan.stdout:
        typer.echo(use_case.render_one(plan), nl=False)
        return
    for written in use_case.write(plan):
        typer.echo(_("wrote {path}").format(path=written))


class DiffFormat(StrEnum):
    text = "text"
    md = "md"
    json = "json"


@app.command(
    help=_("Show what changed between two versions: targets, indicators, sasaran, budget, parties.")
)
def diff(
    old: Annotated[
        str, typer.Argument(help=_("A year folder, or a git revision: HEAD~1, a tag, a branch."))
    ],
    new: Annotated[
        str | None,
        typer.Argument(
            help=_("A year folder or a git revision. Default: the folder as it is now.")
        ),
    ] = None,
    path: Annotated[
        Path | None,
        typer.Option(
            "--path",
            help=_(
                "The year folder whose revisions are compared. Default: the newest data/<year>."
            ),
        ),
    ] = None,
    format: Annotated[
        DiffFormat, typer.Option("--format", "-f", help=_("md pastes into a pull request."))
    ] = DiffFormat.text,
    exit_code: Annotated[
        bool, typer.Option("--exit-code", help=_("Exit 1 when anything changed."))
    ] = False,
) -> None:
    from pk.change.diff import compare
    from pk.change.history import load_version
    from pk.load.year import find_default
    from pk.render.diagnostics import format_text
    from pk.render.diff import FORMATTERS

    versions = [load_version(spec, lambda: path or find_default()) for spec in (old, new)]
    for one in versions:
        if one.perjanjian is None:
            sys.stderr.write(format_text(one.diagnostics, max(len(one.sources), 1)))
            sys.stderr.write(
                _("pk diff compares valid agreements; fix the errors above first.") + "\n"
            )
            raise typer.Exit(1)
    labels = [old, new if new is not None else (path or find_default()).as_posix()]
    result = compare(versions[0].perjanjian, versions[1].perjanjian, *labels)  # type: ignore[arg-type]
    sys.stdout.write(FORMATTERS[format.value](result))
    if exit_code and result.changed:
        raise typer.Exit(1)


@app.command(
    "set",
    help=_("Record one realisasi in realisasi.yaml, keeping every comment and untouched line."),
)
def set_(
    id: Annotated[str, typer.Argument(help=_("Indikator id, e.g. IK-05."))],
    path: PathArg = None,
    periode: Annotated[str, typer.Option("--periode", "-p", help=_("TW1, TW2, TW3 or TW4."))] = "",
    realisasi: Annotated[
        str,
        typer.Option("--realisasi", "-r", help=_("In the indikator's satuan (87.5), or a code.")),
    ] = "",
    catatan: Annotated[str | None, typer.Option(help=_("A note on this quarter's figure."))] = None,
) -> None:
    from pk.edit.entry import Cell, Entry

    if not periode or not realisasi:
        raise UsageError(
            _(
                "pk set needs --periode and --realisasi, e.g. "
                "pk set IK-05 --periode TW2 --realisasi 87.5"
            )
        )
    where = Cell("pk set", 0, 0)
    _enter(path, [Entry(id, periode, realisasi, catatan, where, where, where)], [])


@app.command(
    "import",
    help=_("Read realisasi from CSV or XLSX into realisasi.yaml: all rows or, on any error, none."),
)
def import_(
    file: Annotated[
        Path,
        typer.Argument(
            help=_("A .csv or .xlsx: id,periode,realisasi[,catatan] or the workbook of pk export.")
        ),
    ],
    path: PathArg = None,
) -> None:
    from pk.edit.entry import read_table

    if not file.is_file():
        raise UsageError(_("{path}: no such file").format(path=file))
    entries, problems = read_table(file)
    _enter(path, entries, problems)


@app.command(
    help=_("Write a workbook for collecting realisasi by spreadsheet; `pk import` reads it back.")
)
def export(
    path: PathArg = None,
    output: Annotated[
        Path, typer.Option("--output", "-o", help=_("The .xlsx file to write."))
    ] = Path("realisasi.xlsx"),
) -> None:
    from pk.edit.entry import export_workbook

    if output.suffix.lower() != ".xlsx":
        raise UsageError(_("{path}: the workbook must end in .xlsx").format(path=output))
    loaded = _load_year_or_exit(path)
    export_workbook(loaded, output)
    typer.echo(
        _("wrote {path} ({n} indikator)").format(
            path=output.as_posix(), n=len(loaded.perjanjian.indikator())
        )
    )


def _enter(path: Path | None, entries, problems) -> None:  # type: ignore[no-untyped-def]
    """Check entries, then write them all or, on any error, print them and write nothing."""
    from pk.edit import entry
    from pk.render.diagnostics import format_text

    loaded = _load_year_or_exit(path)
    changes, more = entry.check_entries(loaded.perjanjian, entries)
    problems = [*problems, *more]
    if not problems:
        text, changed, problems = entry.apply(loaded, changes)
    if problems:
        sys.stderr.write(format_text(problems, 1))
        sys.stderr.write(_("Nothing was written.") + "\n")
        raise typer.Exit(1)
    if not changed:
        typer.echo(
            _("{n} realisasi read; all already recorded, nothing to write").format(n=len(changes))
        )
        return
    written = entry.write(loaded, text)
    typer.echo(
        ngettext(
            "{path}: {n} realisasi read, {changed} value changed",
            "{path}: {n} realisasi read, {changed} values changed",
            changed,
        ).format(path=written.as_posix(), n=len(changes), changed=changed)
    )


@app.command(
    help=_(
        "Start a year's folder from an existing one: same ids and targets, unsigned, no realisasi."
    )
)
def new(
    year: Annotated[
        int, typer.Argument(help=_("The year to start, e.g. 2025."), min=2000, max=2100)
    ],
    from_: Annotated[
        Path | None,
        typer.Option("--from", help=_("The year folder to copy. Default: the newest data/<year>.")),
    ] = None,
) -> None:
    from pk.edit.newyear import FolderExists, create_year
    from pk.load.year import find_default

    previous = from_ or find_default()
    if not previous.is_dir():
        raise UsageError(_("{path}: not a year folder").format(path=previous))
    try:
        target = create_year(previous, year)
    except FolderExists as err:
        sys.stderr.write(f"pk: error: {err}\n")
        raise typer.Exit(1) from None
    typer.echo(
        _(
            "created {target}/ from {previous}: a draft (status: draf); "
            "set the targets, then the signing date and status"
        ).format(target=target.as_posix(), previous=previous.as_posix())
    )


@app.command(help=_("Explain a finding code: what it means, a failing example and the fix."))
def explain(
    code: Annotated[
        str | None,
        typer.Argument(
            help=_("The code in brackets at the end of a finding, e.g. target-missing.")
        ),
    ] = None,
    list_: Annotated[bool, typer.Option("--list", help=_("List every code."))] = False,
) -> None:
    from pk import i18n
    from pk.check.codes import BY_ID
    from pk.render.explain import render_list, render_text

    if list_ or code is None:
        sys.stdout.write(render_list(i18n.language))
        return
    code = code.strip().strip("[]").lower()
    if code not in BY_ID:
        import difflib

        close = difflib.get_close_matches(code, list(BY_ID), n=1)
        hint = (
            _("did you mean {code}?").format(code=close[0])
            if close
            else _("pk explain --list shows every code")
        )
        raise UsageError(_("no finding code {code!r}; {hint}").format(code=code, hint=hint))
    sys.stdout.write(render_text(BY_ID[code], i18n.language))


def _load_or_exit(path: Path | None):  # type: ignore[no-untyped-def]
    """Load a year for a command that needs valid data; print the errors and exit 1 if not."""
    return _load_year_or_exit(path).perjanjian


def _load_year_or_exit(path: Path | None):  # type: ignore[no-untyped-def]
    """Like `_load_or_exit`, but the whole `Loaded` year: agreement, realisasi, settings."""
    from pk.load.year import find_default, load_year
    from pk.render.diagnostics import format_text

    folder = path or find_default()
    loaded = load_year(folder)
    if not loaded.ok or loaded.perjanjian is None:
        sys.stderr.write(format_text(loaded.diagnostics, max(len(loaded.sources), 1)))
        sys.stderr.write(
            _("Fix the errors above (pk validate shows them too), then run again.") + "\n"
        )
        raise typer.Exit(1)
    return loaded


def main() -> None:
    """Entry point: user errors end with a message and exit 2; bugs keep their traceback."""
    # pk uses no pydantic plugins; looking for them scans every installed package's metadata,
    # a fifth of `pk validate`'s start-up. An explicit setting by the user still wins.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    args = _lang_first(sys.argv[1:])
    if args and args[0] == "--lang" and len(args) > 1:
        os.environ["PK_LANG"] = args[1]  # worker processes of a workspace speak it too
    if {"--help", "-h"} & set(args) or not args or len(args) == 2 and args[0] == "--lang":
        _translate_help_titles()
    try:
        app(args=args)
    except UsageError as err:
        sys.stderr.write(f"pk: error: {err}\n")
        sys.exit(2)


def _lang_first(args: list[str]) -> list[str]:
    """`--lang X` is a global option; accept it anywhere (`pk validate --lang en`) by moving
    it before the command."""
    rest, lang = [], []
    i = 0
    while i < len(args):
        if args[i] == "--lang" and i + 1 < len(args):
            lang = ["--lang", args[i + 1]]
            i += 2
            continue
        if args[i].startswith("--lang="):
            lang = ["--lang", args[i].partition("=")[2]]
        else:
            rest.append(args[i])
        i += 1
    return lang + rest


def _translate_help_titles() -> None:
    """The panel titles typer prints in a help page, in pk's language (typer keeps them as
    module constants; its own gettext domain has no Indonesian)."""
    from typer import rich_utils

    rich_utils.ARGUMENTS_PANEL_TITLE = _("Arguments")
    rich_utils.OPTIONS_PANEL_TITLE = _("Options")
    rich_utils.COMMANDS_PANEL_TITLE = _("Commands")
    rich_utils.DEFAULT_STRING = _("[default: {}]")
    rich_utils.REQUIRED_LONG_STRING = _("[required]")
