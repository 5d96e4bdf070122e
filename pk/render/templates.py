"""Templates: one Jinja environment per template folder, the filters, and the report files.

    ReportContext / PerbandinganContext / LkeContext --templates/<dokumen>.<md|html>.j2--> text
                                          --pdf.print_pdf / docx.html_to_docx--> bytes
                                          --write_reports--> files

Formatting lives in the filters below (Python, Indonesian through Babel); wording lives in
the templates, `_kalimat.j2` included (the sentences of the Riwayat Perubahan and `frasa`,
the words of what compute found: pk.phrase), so an office with other wording brings its own
(`--templates DIR`: a file there replaces the built-in one of the same name; its
`_kalimat.j2` need hold only the sentences it changes).
"""

from __future__ import annotations

import functools
import traceback
from collections.abc import Callable, Iterable, Sequence
from dataclasses import fields
from decimal import Decimal
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jinja2
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment
from markupsafe import Markup, escape

from pk import numbers as formats
from pk.change import words  # pure wording of a change: no git, no loading
from pk.diagnostics import PkError, UsageError
from pk.files import builtin_templates, write_atomic
from pk.i18n import _
from pk.model import bentuk as bentuk_model
from pk.model.bentuk import Bentuk, HurufNama
from pk.model.perjanjian import Indikator, Perjanjian, Rentang, target_text
from pk.numbers import excerpt
from pk.phrase import Phrase, PhraseError, Value, word
from pk.render import charts, narasi
from pk.render.context import Context, LkeContext, PerbandinganContext, ReportContext
from pk.render.markdown import md, md_link
from pk.text import visible
from pk.vocab import Dokumen, Periode, ReportFormat

if TYPE_CHECKING:
    from pk.change.diff import Change

PHRASES_TEMPLATE = "_kalimat.j2"
"""The template set's sentences that Python puts together (the Riwayat's `rincian`, `frasa`)."""


class ReportError(PkError):
    """A report cannot be written (a bad office template, Chromium failing): exit 1."""


def template_name(dokumen: Dokumen, fmt: ReportFormat) -> str:
    return f"{dokumen.value}.{'md' if fmt is ReportFormat.MD else 'html'}.j2"


class _Sandbox(ImmutableSandboxedEnvironment):
    """Jinja's immutable sandbox, and bounded: `'x' * 10**10` or a number squared in a loop
    would take the machine's memory or time, as Jinja bounds `range` but not these."""

    intercepted_binops = frozenset({"*", "**"})

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        if _too_large(operator, left, right):
            raise SecurityError(f"{left!r:.40} {operator} {right!r:.40} is too large")
        return super().call_binop(context, operator, left, right)


MAX_RESULT = 1_000_000
"""The most items, characters or bits a template's `*` or `**` may make."""


def _too_large(operator: str, left: Any, right: Any) -> bool:
    def whole(value: Any) -> bool:
        return isinstance(value, int) and not isinstance(value, bool)

    if operator == "**" and whole(left) and whole(right):
        return bool(right > 0 and abs(left).bit_length() * right > MAX_RESULT)
    if operator == "*" and whole(left) and whole(right):
        return bool(left.bit_length() + right.bit_length() > MAX_RESULT)
    for sequence, times in ((left, right), (right, left)):
        if isinstance(sequence, str | list | tuple) and whole(times):
            return bool(len(sequence) * times > MAX_RESULT)
    return False


class _Loader(jinja2.FileSystemLoader):
    """The template folders; a template that is not UTF-8 is the office's to fix, named with
    the line of its first bad byte."""

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        try:
            return super().get_source(environment, template)
        except UnicodeDecodeError as err:
            path = next(
                (Path(p) / template for p in self.searchpath if (Path(p) / template).is_file()),
                Path(template),
            )
            raw = path.read_bytes() if path.is_file() else b""
            line = raw.count(b"\n", 0, err.start) + 1
            raise ReportError(
                _(
                    "{where}:{line}: the template is not UTF-8 (byte 0x{byte:02x}): save it "
                    "as UTF-8 (in the editor: Save As, encoding UTF-8)"
                ).format(where=path, line=line, byte=err.object[err.start])
            ) from None


@functools.cache
def make_environment(user_templates: Path | None = None) -> jinja2.Environment:
    """The Jinja environment of a template folder, made once: user templates first, strict
    about undefined names, HTML-escaping everything from the data in `*.html.j2`, and no
    control character printed as itself in any format."""
    search = [builtin_templates()]
    if user_templates is not None:
        if not user_templates.is_dir():
            raise UsageError(_("{path}: no such template folder").format(path=user_templates))
        search.insert(0, user_templates)
    # The sandbox: a template from a colleague formats data, and can reach no Python
    # (no os.popen through a filter's globals, no attribute starting with `_`, no mutation).
    env = _Sandbox(
        loader=_Loader([str(p) for p in search]),
        undefined=jinja2.StrictUndefined,
        autoescape=jinja2.select_autoescape(enabled_extensions=("html.j2",), default=False),
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        finalize=_finalize,
    )
    env.filters.update(FILTERS)
    return env


@jinja2.pass_environment
def _finalize(env: jinja2.Environment, value: Any) -> Any:
    """Every value a template prints, before HTML escaping: a phrase in the set's words, and
    control characters from the data as visible escapes (pk.text), whichever filter printed it."""
    if isinstance(value, Phrase):
        value = _frasa(env, value)
    return visible(value) if isinstance(value, str) else value


@functools.cache
def sentences(env: jinja2.Environment, name: str) -> Any:
    """What `_kalimat.j2` sets as `name`, in a template set's words: a mapping is the
    built-in one with the set's own entries over it, so an office's `_kalimat.j2` holds only
    the sentences it changes; anything else is the set's own, else the built-in one."""
    builtin = getattr(make_environment().get_template(PHRASES_TEMPLATE).module, name)
    own = getattr(env.get_template(PHRASES_TEMPLATE).module, name, None)
    if own is None or own is builtin:
        return builtin
    if isinstance(builtin, dict):
        if not isinstance(own, dict):
            raise ReportError(
                _("{path}: `{name}` must be a mapping like the built-in one").format(
                    path=_phrases_path(env), name=name
                )
            )
        _check_entries(env, name, builtin, own)
        return builtin | own
    return own


def _check_entries(
    env: jinja2.Environment, name: str, builtin: dict[Any, Any], own: dict[Any, Any]
) -> None:
    """An office's entry is a sentence pk prints, in quotes: a misspelt key would leave the
    built-in words in place unnoticed, and `none` or a number would print as `None`, `5`."""
    for key, sentence in own.items():
        if key not in builtin:
            raise ReportError(
                _(
                    "{path}: `{name}` has {key!r}, which is none of pk's sentences: "
                    "the built-in {file} lists them all"
                ).format(path=_phrases_path(env), name=name, key=key, file=PHRASES_TEMPLATE)
            )
        if not isinstance(sentence, str):
            raise ReportError(
                _("{path}: `{name}`, {key!r}: a sentence is a text in quotes, not {value}").format(
                    path=_phrases_path(env), name=name, key=key, value=excerpt(repr(sentence), 40)
                )
            )


def builtin_words(value: Value) -> str:
    """`value` in the built-in templates' words (the terminal, JSON and CSV)."""
    return _frasa(make_environment(), value)


@jinja2.pass_environment
def _frasa_filter(env: jinja2.Environment, value: Any) -> Any:
    """A phrase or a status in the set's words; any other value as it is."""
    return _frasa(env, value) if isinstance(value, Phrase | StrEnum) else value


def _frasa(env: jinja2.Environment, value: Value) -> str:
    try:
        return word(value, sentences(env, "frasa"))
    except PhraseError as err:
        raise ReportError(f"{_phrases_path(env)}: {err}") from None


def _phrases_path(env: jinja2.Environment) -> str:
    return env.get_template(PHRASES_TEMPLATE).filename or PHRASES_TEMPLATE


def _target(indikator: Indikator) -> str | None:
    return target_text(indikator, formats.angka)


def _nilai(value: Decimal | Rentang | str | None, satuan: str | None = None) -> str | None:
    """A target or realisasi value with its satuan: `97,5%`, `80–90%`, `1 Dok`, `A`."""
    return formats.nilai(value, satuan, formats.angka)


def _lines_html(text: str) -> Markup:
    """Multi-line data text (a signature's jabatan) as escaped lines joined by <br>."""
    return Markup("<br>\n").join(escape(line) for line in text.splitlines())


def _css_string(value: object) -> Markup:
    """A CSS string literal (for @page margin boxes): every character outside a safe set
    as a hex escape, so data can never end the string or the style sheet."""
    out = []
    for ch in str(value):
        out.append(ch if ch.isalnum() and ch.isascii() or ch in " .,-" else f"\\{ord(ch):x} ")
    return Markup('"' + "".join(out) + '"')


@jinja2.pass_environment
def _periode(env: jinja2.Environment, periode: str) -> str:
    """A period in the words of the template set's `_kalimat.j2`: `Tahunan`,
    `Triwulan 2 (kumulatif)`."""
    nama = sentences(env, "nama_periode")
    if Periode(periode) is Periode.TAHUNAN:
        return str(nama["tahunan"])
    return str(nama["triwulan"]).format(n=periode[2:])


def _grafik(
    chart: charts.Chart,
    judul: str,
    *,
    garis: Sequence[tuple[Decimal | int, str]] = (),
    kosong: str,
    tidak_ada: str = "",
) -> Markup:
    """A chart of the context drawn with the template's words: its title, its reference
    lines (value, label) and the text of a bar without data."""
    lines = [charts.Line(Decimal(value), label) for value, label in garis]
    return charts.bar_chart(chart, title=judul, lines=lines, missing=kosong, absent=tidak_ada)


@jinja2.pass_environment
def _rincian(env: jinja2.Environment, change: Change) -> str:
    """One change of a revision in the words of the template set's `_kalimat.j2`."""
    return words.describe(
        change,
        sentences(env, "rincian")[change.kind.value],
        empty=sentences(env, "kosong"),
        pihak=sentences(env, "pihak"),
    )


def _bentuk(context: jinja2.runtime.Context) -> Bentuk | None:
    """The form of the report's agreement; None for a report of several (a workspace's)."""
    perjanjian = context.get("perjanjian")
    return perjanjian.bentuk if isinstance(perjanjian, Perjanjian) else None


@jinja2.pass_context
def _rupiah(context: jinja2.runtime.Context, amount: int) -> str:
    """An amount in the money format of the agreement's `bentuk` (`Rp. 1.000,-`, `Rp 1.000`)."""
    bentuk = _bentuk(context)
    return bentuk.uang.teks(amount) if bentuk is not None else formats.rupiah(amount)


@jinja2.pass_context
def _nama_ttd(context: jinja2.runtime.Context, nama: str) -> str:
    """A signatory's name as the form writes it under the signature: in capitals up to the
    first comma, the academic titles after it as written (`BUDI SANTOSO, S.Kom.`), or as is."""
    bentuk = _bentuk(context)
    if bentuk is None or bentuk.nama_ttd is HurufNama.ASLI:
        return nama
    name, comma, titles = nama.partition(",")
    return name.upper() + comma + titles


@jinja2.pass_context
def _kalimat(context: jinja2.runtime.Context, text: str) -> str | Markup:
    """A paragraph of the form: its placeholders filled from the agreement, `**bold**` bold,
    everything from the data escaped for the template's format."""
    p = context["perjanjian"]
    values = {
        "tahun": str(p.tahun),
        "unit": p.unit.nama,
        "nama_pertama": p.pihak_pertama.nama,
        "jabatan_pertama": p.pihak_pertama.jabatan,
        "nama_kedua": p.pihak_kedua.nama,
        "jabatan_kedua": p.pihak_kedua.jabatan,
    }
    html = context.eval_ctx.autoescape
    quote: Callable[[str], str] = escape if html else md
    pieces = [
        "".join(
            quote(values.get(part, part)) if n % 2 else quote(part)
            for n, part in enumerate(bentuk_model.split_placeholders(piece))
        )
        for piece in text.split("**")
    ]
    if len(pieces) % 2 == 0:  # an unclosed `**` is text
        pieces[-2:] = [pieces[-2] + quote("**") + pieces[-1]]
    # Pieces alternate plain and bold: "a **b** c" splits into a, b, c.
    bold = ("<b>", "</b>") if html else ("**", "**")
    out = "".join(bold[0] + piece + bold[1] if n % 2 else piece for n, piece in enumerate(pieces))
    return Markup(out) if html else out


FILTERS: dict[str, Callable[..., Any]] = {
    "rupiah": _rupiah,
    "nama_ttd": _nama_ttd,
    "kalimat": _kalimat,
    "angka": formats.angka,
    "persen": formats.persen,
    "desimal": formats.angka_tetap,
    "nilai": _nilai,
    "tanggal": formats.tanggal,
    "target": _target,
    "periode": _periode,
    "grafik": _grafik,
    "rincian": _rincian,
    "frasa": _frasa_filter,
    "lines_html": _lines_html,
    "md": md,
    "tautan_md": md_link,
    "css_string": _css_string,
    "bab_html": narasi.to_html,
    "bab_md": narasi.to_md,
}


_CONTEXT: dict[Dokumen, type] = {
    Dokumen.PERBANDINGAN: PerbandinganContext,
    Dokumen.LKE: LkeContext,
}
"""What each document renders from; the others from a `ReportContext`."""


def render(
    context: Context, dokumen: Dokumen, fmt: ReportFormat, user_templates: Path | None = None
) -> str:
    """One document in Markdown or HTML (PDF prints the HTML; DOCX walks it)."""
    if not isinstance(context, _CONTEXT.get(dokumen, ReportContext)):
        raise ValueError(f"{dokumen.value} does not render from a {type(context).__name__}")
    env = make_environment(user_templates)
    name = template_name(dokumen, ReportFormat.MD if fmt is ReportFormat.MD else ReportFormat.HTML)
    variables = {f.name: getattr(context, f.name) for f in fields(context)}
    try:
        return env.get_template(name).render(variables)
    except jinja2.TemplateSyntaxError as err:
        where = err.filename or err.name or name
        raise ReportError(
            _("{where}:{line}: template syntax error: {message}").format(
                where=where, line=err.lineno, message=err.message
            )
        ) from None
    except jinja2.UndefinedError as err:
        raise ReportError(
            _("{where}: {message}; the variables a template can use: {names}").format(
                where=_template_position(err, name), message=err.message, names=", ".join(variables)
            )
        ) from None
    except SecurityError as err:
        raise ReportError(
            _(
                "{where}: the template tried something a report template may not do ({error}); "
                "templates only format the report's variables"
            ).format(where=_template_position(err, name), error=excerpt(str(err), 200))
        ) from None
    except jinja2.TemplateNotFound as err:
        raise ReportError(_("template {name} not found").format(name=err.name)) from None
    except ReportError:
        raise  # a filter's own message (a sentence missing from `frasa`) names its file
    except Exception as err:
        # A failure inside the office's own template is theirs to fix; inside pk's, a bug.
        where = _template_position(err, name)
        if user_templates is None or not where.startswith(str(user_templates)):
            raise
        raise ReportError(
            _("{where}: the template failed: {error}").format(
                where=where, error=excerpt(f"{type(err).__name__}: {err}", 200)
            )
        ) from None


def _template_position(err: Exception, fallback: str) -> str:
    """`file:line` of the innermost template frame (Jinja rewrites tracebacks so that
    template code shows with the template's own file name and line)."""
    for frame in reversed(traceback.extract_tb(err.__traceback__)):
        if frame.filename.endswith(".j2"):
            return f"{frame.filename}:{frame.lineno}"
    return fallback


def output_name(dokumen: Dokumen, fmt: ReportFormat) -> str:
    return f"{dokumen.value}.{fmt.value}"


def render_bytes(
    context: Context, dokumen: Dokumen, fmt: ReportFormat, user_templates: Path | None = None
) -> bytes:
    text = render(context, dokumen, fmt, user_templates)
    if fmt is ReportFormat.PDF:
        from pk.render.pdf import print_pdf  # pdf imports this module's ReportError

        return print_pdf(text)
    if fmt is ReportFormat.DOCX:
        from pk.render.docx import html_to_docx  # python-docx loads for a Word file only

        return html_to_docx(text, reference_docx(user_templates))
    return text.encode("utf-8")


def reference_docx(user_templates: Path | None) -> Path | None:
    """The office's Word reference, `referensi.docx` in its template folder, if it has one."""
    from pk.render.docx import REFERENCE_DOCX

    if user_templates is None:
        return None
    path = user_templates / REFERENCE_DOCX
    return path if path.is_file() else None


def write_reports(
    context: Context,
    dokumen: Iterable[Dokumen],
    fmts: Iterable[ReportFormat],
    output: Path,
    user_templates: Path | None = None,
) -> list[Path]:
    """Render every document in every format, then write them all; returns the paths.

    Rendering everything first means a template error leaves no half-updated folder."""
    rendered = [
        (output / output_name(d, f), render_bytes(context, d, f, user_templates))
        for d in dokumen
        for f in fmts
    ]
    for path, data in rendered:
        write_atomic(path, data)
    return [path for path, _ in rendered]
