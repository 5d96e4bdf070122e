"""The `pk` command line: thin typer commands over the core modules.

Each command parses its options, calls one core function, prints and returns. User errors
(`pk.diagnostics.PkError`) become a message and an exit code in one place, `_Pk.invoke`,
which every run passes through (`pk`, `python -m pk`, typer's test runner): exit 0 fine,
1 problems in the data, 2 wrong usage or environment. Bugs keep their traceback.

Start-up matters (`pk validate` runs in a pre-commit hook), so each command imports what it
needs inside its body, and this module imports only typer and pk's dependency-free base
(`vocab`, `i18n`, `diagnostics`) at the top: `pk --help` loads neither pydantic nor jinja2.
For the same reason this module does without `from __future__ import annotations`: typer
reads every command's signature on each run, and string annotations would be evaluated anew
each time (~10 ms).
"""

import os
import sys
from collections.abc import Callable, Iterator, MutableMapping, Sequence
from enum import Enum, StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer
from typer.core import TyperArgument, TyperCommand, TyperGroup, TyperOption

from pk import __version__, i18n
from pk.diagnostics import InvalidData, PkError, UsageError
from pk.i18n import LANGUAGES, N_, _, ngettext
from pk.vocab import (
    DOKUMEN_CHOICES,
    EVERY_DOKUMEN,
    FORMAT_CHOICES,
    DiagnosticFormat,
    DiffFormat,
    LkeFormat,
    Periode,
    ShowFormat,
)

if TYPE_CHECKING:
    from typer.models import CommandInfo

    from pk.edit.entry import Entered


class _Plain:
    """What typer prints itself, in pk's language and without programmer labels: the
    usage line, the help option, no `<bool>` beside a flag (see `_plain_params`)."""

    def format_usage(self, ctx: Any, formatter: Any) -> None:
        pieces = self.collect_usage_pieces(ctx)  # type: ignore[attr-defined]
        formatter.write_usage(ctx.command_path, " ".join(pieces), prefix=_("Usage: "))

    def get_help_option(self, ctx: Any) -> Any:
        option = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:
            option.help = _("Show this message and exit.")
            option.metavar = ""  # a flag takes no value: show no type
        return option


class _PkCommand(_Plain, TyperCommand):
    """One of pk's commands (see `_Plain`)."""


class _Pk(_Plain, TyperGroup):
    """pk's commands: each run decides its language here, and its user errors end here."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.commands = _Declared(app)

    def main(self, args: Sequence[str] | None = None, *more: Any, **options: Any) -> Any:
        args = i18n.decide(sys.argv[1:] if args is None else list(args), os.environ)
        # Here, in the run's language (typer adds its completion options after __init__).
        _plain_params(self)
        if {"--help", "-h"} & set(args) or not args or len(args) == 2 and args[0] == "--lang":
            _translate_help_titles()
        return super().main(args, *more, **options)

    def make_context(self, *args: Any, **kwargs: Any) -> Any:
        try:
            return super().make_context(*args, **kwargs)
        except _CLICK.UsageError as err:
            raise _translated(err) from None

    def invoke(self, ctx: Any) -> Any:  # typer's click Context, which typer does not export
        try:
            return super().invoke(ctx)
        except PkError as err:
            raise typer.Exit(_report_error(err)) from None
        except _CLICK.UsageError as err:
            raise _translated(err) from None
        except BrokenPipeError:
            raise  # the reader of the output stopped (`pk show | head`): nothing to say
        except OSError as err:
            # A file pk had to read or write that the system refused, wherever it was met:
            # the stages name the paths they know a better message for; this is the rest.
            raise typer.Exit(_report_os_error(err)) from None


_COMPLETION_HELP = {
    "install_completion": N_("Install completion of pk's commands and options for this shell."),
    "show_completion": N_("Print the completion script for this shell, to install it yourself."),
}


def _plain_params(command: Any) -> None:
    command.options_metavar = _("[OPTIONS]")
    if isinstance(command, TyperGroup):
        command.subcommand_metavar = _("COMMAND [ARGS]...")
    for param in command.params:
        if param.name in _COMPLETION_HELP:  # typer's own options, when completion is on
            param.help = _(_COMPLETION_HELP[param.name])
            param.metavar = ""
        elif isinstance(param, TyperOption) and param.is_flag and param.metavar is None:
            param.metavar = ""
        elif isinstance(param, TyperArgument) and param.metavar:
            # Its plain name (FOLDER...) says it all: no `<list[Path]>` beside it.
            setattr(param, "display_type_rich", _no_type)  # noqa: B010


def _no_type(ctx: Any) -> None:
    return None


def _click_errors() -> Any:
    """The exceptions of the click that typer runs on: its vendored copy (typer ≥ 0.20),
    else click itself."""
    import importlib

    for name in ("typer._click.exceptions", "click.exceptions"):
        try:
            return importlib.import_module(name)
        except ImportError:
            continue
    raise ImportError("typer runs on no click that pk knows")  # pragma: no cover


_CLICK = _click_errors()


def _translated(err: Any) -> Any:
    """A usage error of typer's (English, from its vendored click) in pk's language, with
    typer's own words around it; an error pk does not know keeps its English text."""
    from pk.render.usage import translate

    _translate_error_titles()
    if type(err).__name__ == "NoArgsIsHelpError":  # the help page itself
        return err
    translated = _CLICK.UsageError(translate(err), err.ctx)
    translated.exit_code = err.exit_code
    return translated


def _report_error(err: PkError) -> int:
    """Write a user error to stderr: `pk: error: …`, or the findings of data that has errors
    and what to do about them. The exit code it calls for."""
    from pk.text import visible

    if isinstance(err, InvalidData):
        from pk.render.diagnostics import format_text

        sys.stderr.write(format_text(err.diagnostics, err.files))
        if err.hint:
            sys.stderr.write(visible(err.hint) + "\n")
    else:
        sys.stderr.write(f"pk: error: {visible(str(err))}\n")
    return err.exit_code


def _report_os_error(err: OSError) -> int:
    """`pk: error: <path>: <why>` for an OSError no stage turned into a PkError; exit 2."""
    from pk.files import reason
    from pk.text import visible

    path = err.filename if err.filename is not None else err.filename2
    where = f"{os.fsdecode(path)}: " if path is not None else ""
    message = _("{where}{reason}: check the path, and that you may read and write there")
    sys.stderr.write(f"pk: error: {visible(message.format(where=where, reason=reason(err)))}\n")
    return 2


_Command = TypeVar("_Command", bound=Callable[..., Any])


class _App(typer.Typer):
    """pk's typer: every command is a `_PkCommand`, declared here and built by `_Declared`
    when a run asks for it."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.declared: dict[str, CommandInfo] = {}

    def command(
        self, name: str | None = None, *, cls: type[TyperCommand] | None = None, **kwargs: Any
    ) -> Callable[[_Command], _Command]:
        register = super().command(name, cls=cls or _PkCommand, **kwargs)

        def declare(function: _Command) -> _Command:
            register(function)
            # Kept from typer's own list, which it would build whole on every run.
            info = self.registered_commands.pop()
            self.declared[info.name or typer.main.get_command_name(function.__name__)] = info
            return function

        return declare


class _Declared(MutableMapping[str, Any]):
    """pk's click commands by name, each built from its declaration when first asked for:
    building all fourteen on every run was a tenth of what `pk validate` adds to the bare
    typer + pydantic floor (`make bench`)."""

    def __init__(self, typer_app: _App) -> None:
        self._app = typer_app
        self._built: dict[str, Any] = {}

    def __getitem__(self, name: str) -> Any:
        if name not in self._built:
            command = typer.main.get_command_from_info(
                self._app.declared[name],
                pretty_exceptions_short=self._app.pretty_exceptions_short,
                rich_markup_mode=self._app.rich_markup_mode,
            )
            _plain_params(command)
            self._built[name] = command
        return self._built[name]

    def __setitem__(self, name: str, command: Any) -> None:
        self._built[name] = command

    def __delitem__(self, name: str) -> None:
        self._app.declared.pop(name, None)
        self._built.pop(name, None)

    def __iter__(self) -> Iterator[str]:
        return iter({**dict.fromkeys(self._app.declared), **dict.fromkeys(self._built)})

    def __len__(self) -> int:
        return len(set(self._app.declared) | set(self._built))


app = _App(
    name="pk",
    cls=_Pk,
    help=_("Perjanjian Kinerja as YAML: validate it, compute capaian, write the reports."),
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
)


Language = Enum("Language", {lang: lang for lang in LANGUAGES}, type=str)  # type: ignore[misc]


PathsArg = Annotated[
    list[Path] | None,
    typer.Argument(
        metavar=_("FOLDER"),
        help=_("Year folders, perjanjian.yaml files or workspaces. Default: every data/<year>."),
    ),
]
PathArg = Annotated[
    Path | None,
    typer.Argument(
        metavar=_("FOLDER"),
        help=_("A year folder or its perjanjian.yaml. Default: the newest data/<year>."),
    ),
]


def _year(path: Path | None, *, writing: bool = False) -> Path:
    """`path`, or the year pk picks when none is named (`pk.load.year.pick_year`): which
    and why go to stderr, so that JSON and CSV on stdout stay clean."""
    if path is not None:
        return path
    from pk.load.year import pick_year

    picked = pick_year(writing=writing)
    sys.stderr.write(
        _("pk: using {folder}: {why}; name the folder to choose another").format(
            folder=picked.folder.as_posix(), why=picked.why
        )
        + "\n"
    )
    return picked.folder


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
    """The global options; `_Pk.main` has read `--lang` already (the help texts needed it)."""


@app.command(
    help=_("Check the agreement: YAML, schema and consistency, each finding at file:line:col.")
)
def validate(
    paths: PathsArg = None,
    format: Annotated[
        DiagnosticFormat, typer.Option("--format", "-f", help=_("Output format."))
    ] = DiagnosticFormat.TEXT,
    strict: Annotated[bool, typer.Option(help=_("Exit 1 on warnings too."))] = False,
    baseline: Annotated[
        str | None,
        typer.Option(
            "--baseline",
            metavar=_("REVISION"),
            help=_(
                "Git revision of the signed agreement: each "
                "change since then needs a `perubahan` entry. Default: penandatanganan.tag."
            ),
        ),
    ] = None,
) -> None:
    from pk.diagnostics import Level
    from pk.render.diagnostics import FORMATTERS
    from pk.validate import validate as validate_paths

    progress = format is DiagnosticFormat.TEXT
    diagnostics, files = validate_paths(paths or [], baseline, progress=progress)
    sys.stdout.write(FORMATTERS[format](diagnostics, files))
    failing = {Level.ERROR, Level.WARNING} if strict else {Level.ERROR}
    if any(d.level in failing for d in diagnostics):
        raise typer.Exit(1)


@app.command(help=_("Print the agreement: its indicators with targets, and its budget lines."))
def show(
    path: PathArg = None,
    format: Annotated[
        ShowFormat,
        typer.Option("--format", "-f", help=_("table for people, json or csv for scripts.")),
    ] = ShowFormat.TABLE,
) -> None:
    from pk.load.year import load_agreement
    from pk.render.perjanjian import VIEWS

    VIEWS[format](load_agreement(_year(path)))


@app.command(help=_("Print the JSON Schema of a pk file (editors use it to complete and check)."))
def schema(
    name: Annotated[
        str,
        typer.Argument(metavar=_("NAME"), help=_("Which file's schema: perjanjian, workspace, …")),
    ] = "perjanjian",
) -> None:
    from pk.model.jsonschema import SCHEMA_FILES, render_schema

    file = f"{name}.schema.json"
    if file not in SCHEMA_FILES:
        names = ", ".join(f.removesuffix(".schema.json") for f in SCHEMA_FILES)
        raise UsageError(
            _("no schema named {name!r}; choose one of: {names}").format(name=name, names=names)
        )
    sys.stdout.write(render_schema(file, i18n.language))


@app.command(help=_("Rewrite the YAML files in pk's canonical layout, keeping every comment."))
def fmt(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(metavar=_("FILE"), help=_("YAML files or folders. Default: data/.")),
    ] = None,
    check: Annotated[
        bool,
        typer.Option(
            "--check", help=_("Change nothing; list the files that would change, exit 1 if any.")
        ),
    ] = False,
) -> None:
    from pk.edit.fmt import format_paths
    from pk.render.diagnostics import render_fmt

    done = format_paths(paths or [], check=check)
    changed = [r.path.as_posix() for r in done.changed]
    sys.stdout.write(render_fmt(changed, done.problems, len(done.results), check))
    if done.failed:
        raise typer.Exit(1)


_CAPAIAN_HELP = _(
    "Capaian per indikator for a period, with summaries per sasaran and budget absorption; after TW1–TW3, the indikator berisiko: those projected to miss their target at the pace so far.\n\nGiven a workspace, one row per unit, and the indicators rolled up from the units below."
)


@app.command(help=_CAPAIAN_HELP)
def capaian(
    path: Annotated[
        Path | None,
        typer.Argument(
            metavar=_("FOLDER"),
            help=_("A year folder or a workspace. Default: the newest data/<year>."),
        ),
    ] = None,
    periode: Annotated[
        Periode,
        typer.Option("--periode", "-p", help=_("A triwulan (cumulative) or the year.")),
    ] = Periode.TAHUNAN,
    format: Annotated[
        ShowFormat,
        typer.Option("--format", "-f", help=_("table for people, json or csv for scripts.")),
    ] = ShowFormat.TABLE,
    unit: Annotated[
        str | None,
        typer.Option(
            "--unit", "-u", metavar="ID", help=_("In a workspace: show this unit in full.")
        ),
    ] = None,
) -> None:
    from pk.capaian import UnitsCapaian, capaian_for
    from pk.render import capaian as views

    shown = capaian_for(_year(path), periode, unit, progress=format is ShowFormat.TABLE)
    if isinstance(shown, UnitsCapaian):
        views.UNITS_VIEWS[format](shown.result, shown.title)
    else:
        views.VIEWS[format](
            shown.result, shown.title, shown.bentuk, shown.perbandingan, shown.proyeksi
        )
    if shown.errors:
        # Units with errors are shown as invalid above; their findings go to stderr.
        raise InvalidData(list(shown.errors), len({d.path for d in shown.errors}))


# The command's first name, kept working; `pk --help` lists only `capaian`.
app.command("achievement", hidden=True, help=_CAPAIAN_HELP)(capaian)


# The report's choices, from the core's own words in pk.vocab.
DokumenChoice = StrEnum("DokumenChoice", {c: c for c in DOKUMEN_CHOICES})  # type: ignore[misc]
ReportFormatChoice = StrEnum("ReportFormatChoice", {c: c for c in FORMAT_CHOICES})  # type: ignore[misc]


@app.command(
    help=_(
        "Write the reports: the signed perjanjian, and capaian (LKjIP Bab III), as md/html/pdf/docx.\n\nGiven a workspace, the unit comparison (perbandingan)."
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
            metavar="<md|html|pdf|docx|all>",
            help=_(
                "md, html, pdf (through Chromium), docx (Word, on referensi.docx from --templates) or all; "
                "repeat for several. Default: md and html."
            ),
        ),
    ] = None,
    output: Annotated[
        str | None,
        typer.Option(
            "--output",
            "-o",
            metavar=_("FOLDER"),
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
            metavar=_("FOLDER"),
            help=_(
                "Folder of your own templates; a file there replaces "
                "the built-in one of the same name (e.g. perjanjian.html.j2)."
            ),
        ),
    ] = None,
    periode: Annotated[
        Periode, typer.Option("--periode", "-p", help=_("Period of the capaian report."))
    ] = Periode.TAHUNAN,
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
            metavar=_("LABEL"),
            help=_(
                "The agreement as it stood at this "
                "revision (its perubahan label, e.g. 'PK Perubahan I'), or 'awal' as "
                "signed; read from git. Default: the file as it is now."
            ),
        ),
    ] = None,
) -> None:
    from pk import report as use_case

    plan = use_case.plan(
        _year(path), dokumen, format or [], output, templates, periode, timestamp, revisi
    )
    if plan.stdout:
        typer.echo(use_case.render_one(plan), nl=False)
        return
    for written in use_case.write(plan):
        typer.echo(_("wrote {path}").format(path=written))


@app.command(
    help=_("Show what changed between two versions: targets, indicators, sasaran, budget, parties.")
)
def diff(
    old: Annotated[
        str,
        typer.Argument(
            metavar=_("OLD"), help=_("A year folder, or a git revision: HEAD~1, a tag, a branch.")
        ),
    ],
    new: Annotated[
        str | None,
        typer.Argument(
            metavar=_("NEW"),
            help=_("A year folder or a git revision. Default: the folder as it is now."),
        ),
    ] = None,
    path: Annotated[
        Path | None,
        typer.Option(
            "--path",
            metavar=_("FOLDER"),
            help=_("The year folder whose revisions are compared. Default: every data/<year>."),
        ),
    ] = None,
    format: Annotated[
        DiffFormat, typer.Option("--format", "-f", help=_("md pastes into a pull request."))
    ] = DiffFormat.TEXT,
    exit_code: Annotated[
        bool, typer.Option("--exit-code", help=_("Exit 1 when anything changed."))
    ] = False,
) -> None:
    from pk.change.history import compare_versions
    from pk.numbers import message_number
    from pk.render.diff import FORMATTERS, render_years

    # Text for people quotes targets as the reports print them; JSON, as written.
    number = None if format is DiffFormat.JSON else message_number
    result = compare_versions(old, new, path, number)
    if isinstance(result, list):  # revisions only: every year of the repository
        sys.stdout.write(render_years(format, result, old))
        changed = any(year.changed for year in result)
    else:
        sys.stdout.write(FORMATTERS[format](result))
        changed = result.changed
    if exit_code and changed:
        raise typer.Exit(1)


@app.command(
    "set",
    help=_(
        "Record a realisasi, a Rencana Aksi target, the narrative or a kegiatan's budget "
        "realisasi in realisasi.yaml, keeping every comment and untouched line."
    ),
)
def set_(
    id: Annotated[
        str | None,
        typer.Argument(
            metavar="ID",
            help=_("Indikator id, e.g. IK-05 (none with --kegiatan)."),
            show_default=False,
        ),
    ] = None,
    path: PathArg = None,
    periode: Annotated[
        str, typer.Option("--periode", "-p", metavar="TW", help=_("TW1, TW2, TW3 or TW4."))
    ] = "",
    realisasi: Annotated[
        str,
        typer.Option(
            "--realisasi",
            "-r",
            metavar=_("VALUE"),
            help=_("Cumulative to the quarter's end, in the indikator's satuan (87.5), or a code."),
        ),
    ] = "",
    catatan: Annotated[
        str | None, typer.Option(metavar=_("TEXT"), help=_("A note on this quarter's figure."))
    ] = None,
    rencana_aksi: Annotated[
        str,
        typer.Option(
            "--rencana-aksi",
            metavar=_("VALUE"),
            help=_("The quarter's Rencana Aksi target, cumulative (TW4 is the annual target)."),
        ),
    ] = "",
    faktor_pendorong: Annotated[
        str | None,
        typer.Option(
            "--faktor-pendorong", metavar=_("TEXT"), help=_("What helped reach the target.")
        ),
    ] = None,
    faktor_penghambat: Annotated[
        str | None,
        typer.Option("--faktor-penghambat", metavar=_("TEXT"), help=_("What held it back.")),
    ] = None,
    solusi: Annotated[
        str | None,
        typer.Option(
            "--solusi", metavar=_("TEXT"), help=_("What will be done about the obstacles.")
        ),
    ] = None,
    kegiatan: Annotated[
        str,
        typer.Option(
            "--kegiatan",
            metavar="KODE",
            help=_("A kegiatan's kode, for --anggaran, e.g. 076.01.CQ."),
        ),
    ] = "",
    anggaran: Annotated[
        str,
        typer.Option(
            "--anggaran",
            metavar="RUPIAH",
            help=_("Rupiah the kegiatan spent in that quarter alone (not cumulative)."),
        ),
    ] = "",
) -> None:
    from pk.edit.entry import enter
    from pk.edit.tables import command_entries

    narasi = {
        "faktor_pendorong": faktor_pendorong,
        "faktor_penghambat": faktor_penghambat,
        "solusi": solusi,
    }
    if kegiatan or anggaran:
        if id is not None and path is None:  # `pk set --kegiatan K … 2024`: the one positional
            path, id = Path(id), None
    entries = command_entries(
        id, periode, realisasi, catatan, rencana_aksi, narasi, kegiatan, anggaran
    )
    _say_entered(enter(_year(path, writing=True), entries, []))


@app.command(
    "import",
    help=_("Read realisasi from CSV or XLSX into realisasi.yaml: all rows or, on any error, none."),
)
def import_(
    file: Annotated[
        Path,
        typer.Argument(
            metavar=_("FILE"),
            help=_("A .csv or .xlsx: id,periode,realisasi[,catatan] or the workbook of pk export."),
        ),
    ],
    path: PathArg = None,
) -> None:
    from pk.edit.entry import enter
    from pk.edit.tables import read_table

    # read_table says what `file` is when it is no table: missing, a folder, a device.
    _say_entered(enter(_year(path, writing=True), *read_table(file)))


@app.command(
    help=_("Write a workbook for collecting realisasi by spreadsheet; `pk import` reads it back.")
)
def export(
    path: PathArg = None,
    output: Annotated[
        Path,
        typer.Option("--output", "-o", metavar=_("FILE"), help=_("The .xlsx file to write.")),
    ] = Path("realisasi.xlsx"),
) -> None:
    from pk.edit.workbook import export_workbook
    from pk.load.year import load_valid

    if output.suffix.lower() != ".xlsx":
        raise UsageError(_("{path}: the workbook must end in .xlsx").format(path=output))
    n = export_workbook(load_valid(_year(path)), output)
    typer.echo(_("wrote {path} ({n} indikator)").format(path=output.as_posix(), n=n))


def _say_entered(entered: "Entered") -> None:
    if entered.written is None:
        typer.echo(
            _("{n} realisasi read; all already recorded, nothing to write").format(n=entered.read)
        )
    else:
        typer.echo(
            ngettext(
                "{path}: {n} realisasi read, {changed} value changed",
                "{path}: {n} realisasi read, {changed} values changed",
                entered.changed,
            ).format(path=entered.written.as_posix(), n=entered.read, changed=entered.changed)
        )
    if entered.kept:
        # An emptied cell does not delete: say so, or the planner thinks the figure is gone.
        typer.echo(
            ngettext(
                "{n} cell of the table is empty while realisasi.yaml holds a figure for it: "
                "left unchanged (pk import never deletes; to remove a figure, delete it in "
                "realisasi.yaml)",
                "{n} cells of the table are empty while realisasi.yaml holds a figure for them: "
                "left unchanged (pk import never deletes; to remove a figure, delete it in "
                "realisasi.yaml)",
                entered.kept,
            ).format(n=entered.kept)
        )


@app.command(
    help=_(
        "Start a year's folder from an existing one: same ids and targets, unsigned, no realisasi."
    )
)
def new(
    year: Annotated[
        int,
        typer.Argument(
            metavar=_("YEAR"), help=_("The year to start, e.g. 2025."), min=2000, max=2100
        ),
    ],
    from_: Annotated[
        Path | None,
        typer.Option(
            "--from",
            metavar=_("FOLDER"),
            help=_("The year folder to copy. Default: the newest data/<year>."),
        ),
    ] = None,
) -> None:
    from pk.edit.newyear import create_year

    previous = _year(from_)
    target = create_year(previous, year)
    typer.echo(
        _(
            "created {target}/ from {previous}: a draft (status: draf); "
            "set the targets, then the signing date and status"
        ).format(target=target.as_posix(), previous=(target.parent / previous.name).as_posix())
    )


@app.command(
    help=_(
        "Make a data repository for a unit's Perjanjian Kinerja: data/ with a first year's "
        "draft and the Renstra, the JSON Schemas, the CI workflow and the pre-commit hook."
    )
)
def init(
    folder: Annotated[
        Path,
        typer.Argument(metavar=_("FOLDER"), help=_("Where to make it (new or empty).")),
    ] = Path("."),
    tahun: Annotated[
        int | None,
        typer.Option(
            "--tahun",
            metavar=_("YEAR"),
            help=_("The first year's draft, e.g. 2025. Default: this year."),
            min=2000,
            max=2100,
        ),
    ] = None,
    source: Annotated[
        str | None,
        typer.Option("--source", metavar="URL", help=_("Where pk is installed from (a git URL).")),
    ] = None,
    rev: Annotated[
        str | None,
        typer.Option("--rev", metavar=_("REVISION"), help=_("The revision of pk to install.")),
    ] = None,
) -> None:
    import datetime

    from pk.edit import scaffold

    made = scaffold.make_repository(
        folder,
        tahun or datetime.date.today().year,
        source or scaffold.PK_SOURCE,
        rev or scaffold.PK_REV,
    )
    for written in made.files:
        typer.echo(_("wrote {path}").format(path=(folder / written).as_posix()))
    if not made.git_started:
        typer.echo(
            _(
                "git init not run there: the folder is inside a git repository already, or git is not installed"
            )
        )


@app.command(
    help=_(
        "Pre-check the Evaluasi AKIP (LKE): each criterion pk can decide from the year's data, "
        "with its answer and reason, and a score band per component (an estimate)."
    )
)
def lke(
    path: PathArg = None,
    format: Annotated[
        LkeFormat,
        typer.Option("--format", "-f", help=_("text for people, json for scripts.")),
    ] = LkeFormat.TEXT,
    instrumen: Annotated[
        Path | None,
        typer.Option(
            "--instrumen",
            metavar=_("FILE"),
            help=_("Another LKE instrument file. Default: PermenPANRB 88/2021, shipped with pk."),
        ),
    ] = None,
) -> None:
    from pk.lke import lke_for
    from pk.render.lke import VIEWS

    sys.stdout.write(VIEWS[format](lke_for(_year(path), instrumen)))


@app.command(help=_("Explain a finding code: what it means, a failing example and the fix."))
def explain(
    code: Annotated[
        str | None,
        typer.Argument(
            metavar=_("CODE"),
            help=_("The code in brackets at the end of a finding, e.g. target-missing."),
        ),
    ] = None,
    list_: Annotated[bool, typer.Option("--list", help=_("List every code."))] = False,
) -> None:
    from pk import i18n
    from pk.render.explain import explanation, render_list

    if list_ or code is None:
        sys.stdout.write(render_list(i18n.language))
        return
    sys.stdout.write(explanation(code, i18n.language))


def main() -> None:
    """Entry point of `pk` and `python -m pk`."""
    _without_pydantic_plugins()
    _utf8_when_redirected()
    import gc

    # What is loaded by now (typer, this module) lives until exit: the garbage collector
    # leaves it out of every later pass, each of which walked it again (and at exit).
    gc.freeze()
    app()


def _utf8_when_redirected() -> None:
    """pk's output (`—`, `→`, names in any script) as UTF-8 into a file or a pipe: Windows
    would write its ANSI code page there and stop at the first character it lacks. A
    console already takes Unicode."""
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
        if encoding != "utf8" and not stream.isatty() and hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8")


def _without_pydantic_plugins() -> None:
    """pk uses no pydantic plugins. Looking for them imports importlib.metadata (with email,
    zipfile, csv…) and scans every installed package's metadata: a fifth of `pk validate`'s
    start-up. An explicit PYDANTIC_DISABLE_PLUGINS of the user's still wins."""
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    if os.environ["PYDANTIC_DISABLE_PLUGINS"] == "__all__":
        # With every plugin disabled, pydantic's loader module answers "none" anyway; this one
        # answers the same without importing what the scan needs. tests/test_startup.py checks
        # that pydantic still asks the loader for nothing but get_plugins.
        import types

        loader = types.ModuleType("pydantic.plugin._loader")
        loader.get_plugins = tuple  # type: ignore[attr-defined]  # get_plugins() -> ()
        sys.modules.setdefault("pydantic.plugin._loader", loader)


def _translate_error_titles() -> None:
    """The words typer prints around a usage error, in pk's language."""
    from typer import rich_utils

    rich_utils.ERRORS_PANEL_TITLE = _("Error")
    rich_utils.RICH_HELP = _("Try [blue]'{command_path} {help_option}'[/] for help.")


def _translate_help_titles() -> None:
    """The panel titles typer prints in a help page, in pk's language (typer keeps them as
    module constants; its own gettext domain has no Indonesian)."""
    from typer import rich_utils

    rich_utils.ARGUMENTS_PANEL_TITLE = _("Arguments")
    rich_utils.OPTIONS_PANEL_TITLE = _("Options")
    rich_utils.COMMANDS_PANEL_TITLE = _("Commands")
    rich_utils.DEFAULT_STRING = _("[default: {}]")
    rich_utils.REQUIRED_LONG_STRING = _("[required]")
