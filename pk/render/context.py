"""The render stage: the loaded agreement -> one context -> Jinja templates -> report files.

    Perjanjian --build_context--> ReportContext --templates/*.j2--> perjanjian.md / .html
                                                                      capaian.md / .html
    WorkspaceAchievement --build_perbandingan--> PerbandinganContext --> perbandingan.md / .html
                                                   --chromium--> *.pdf

Templates never compute: everything they show is a field of `ReportContext` or a filter
below (formats are Python functions, Indonesian through Babel). All wording lives in the
templates and the data, so an office with other wording brings its own templates
(`--templates DIR`: a file there replaces the built-in one of the same name).
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import tempfile
import traceback
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, fields
from decimal import Decimal
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jinja2
from markupsafe import Markup, escape

from pk import __version__
from pk import numbers as formats
from pk.change.baseline import RiwayatRow, riwayat
from pk.change.diff import Change, Kind
from pk.compute.capaian import Achievement, CapaianIndikator, Periode, Ringkasan, Status, compute
from pk.compute.rollup import Keadaan, KeadaanUnit, Rollup, UnitRow
from pk.i18n import _
from pk.model.perjanjian import Indikator, Kelompok, Perjanjian, Rentang, Sasaran, target_text
from pk.model.realisasi import Pengaturan, Realisasi, RealisasiIndikator
from pk.render import charts

if TYPE_CHECKING:
    from pk.load.workspace import WorkspaceAchievement

CHROMIUM_PACKAGE = "chromium"
"""The Debian package that provides the browser `--format pdf` prints through."""


class Dokumen(StrEnum):
    PERJANJIAN = "perjanjian"
    CAPAIAN = "capaian"
    PERBANDINGAN = "perbandingan"
    """The unit comparison of a workspace (its own context: `PerbandinganContext`)."""


class Format(StrEnum):
    MD = "md"
    HTML = "html"
    PDF = "pdf"


class ReportError(Exception):
    """A report cannot be written (bad user template, no browser for PDF): exit 1."""


@dataclass(frozen=True)
class LampiranRow:
    """One indicator row of the lampiran table, with the cells it opens.

    `kelompok_rows` / `sasaran_rows` is the number of rows the NO / SASARAN cell spans when
    this row opens it, and 0 when the row continues a cell opened above.
    """

    nomor: int
    kelompok: Kelompok
    kelompok_rows: int
    sasaran: Sasaran
    sasaran_rows: int
    indikator: Indikator


@dataclass(frozen=True)
class CapaianRow:
    """One indicator of the capaian tables: the agreement's indicator, its computed result,
    and its realisasi entry (narrative: faktor pendorong/penghambat, solusi) if any."""

    indikator: Indikator
    hasil: CapaianIndikator
    narasi: RealisasiIndikator | None


@dataclass(frozen=True)
class SasaranSection:
    """One sasaran of the capaian report: its summary and its indicators."""

    kelompok: Kelompok
    sasaran: Sasaran
    ringkasan: Ringkasan
    rows: list[CapaianRow]
    ada_narasi: bool
    """Whether any of its indicators has a narrative to print."""


@dataclass(frozen=True)
class CapaianView:
    """The capaian report's material (LKjIP Bab III), all computed by `pk.compute.capaian`."""

    hasil: Achievement
    sasaran: list[SasaranSection]
    ada_data: bool
    """Whether any indicator has realisasi for the period (else: belum ada data)."""
    ada_anggaran: bool
    """Whether any budget realisasi is recorded for the period."""
    warna: dict[str, str]
    """Colour of each predikat band, for legends."""
    grafik_sasaran: Markup
    """SVG: average capaian per sasaran."""
    grafik_anggaran: Markup
    """SVG: penyerapan per kegiatan and in total, with the IKPA guide."""


@dataclass(frozen=True)
class ReportContext:
    """Everything a report template may use; each field is a top-level template variable."""

    perjanjian: Perjanjian
    """The agreement as loaded: unit, parties, penandatanganan, anggaran, kelompok."""
    lampiran: list[LampiranRow]
    """The lampiran table, one row per indicator in document order."""
    jumlah_anggaran: int
    """The budget total: `anggaran.jumlah` as printed, else the sum of the lines."""
    jumlah_indikator: int
    capaian: CapaianView
    """Capaian for the chosen period (every indicator "belum ada data" without realisasi)."""
    riwayat: list[RiwayatRow]
    """The "Riwayat Perubahan" table: the revisions in the agreement rendered, oldest first."""
    versi: str | None
    """Label of the version rendered, its latest revision (e.g. `PK Perubahan I`); None for
    the agreement as signed."""
    dibuat: dt.datetime | None
    """When the report was generated; None unless asked for (outputs stay reproducible)."""
    pk_version: str


def build_context(
    perjanjian: Perjanjian,
    *,
    realisasi: Realisasi | None = None,
    pengaturan: Pengaturan | None = None,
    periode: Periode | str = Periode.TAHUNAN,
    dibuat: dt.datetime | None = None,
    versions: Mapping[str | None, Perjanjian] | None = None,
) -> ReportContext:
    """The one context both documents of an agreement render from; `perjanjian` may be any
    revision (`pk.change.baseline.load_as_of`), its version is its latest `perubahan`. With its
    earlier `versions` (`pk.change.baseline.history`), the Riwayat lists each revision's changes."""
    rows: list[LampiranRow] = []
    for kelompok in perjanjian.kelompok:
        kelompok_rows = sum(len(s.indikator) for s in kelompok.sasaran)
        for sasaran in kelompok.sasaran:
            for n, indikator in enumerate(sasaran.indikator):
                opens_kelompok = sasaran is kelompok.sasaran[0] and n == 0
                rows.append(
                    LampiranRow(
                        nomor=len(rows) + 1,
                        kelompok=kelompok,
                        kelompok_rows=kelompok_rows if opens_kelompok else 0,
                        sasaran=sasaran,
                        sasaran_rows=len(sasaran.indikator) if n == 0 else 0,
                        indikator=indikator,
                    )
                )
    anggaran = perjanjian.anggaran
    return ReportContext(
        perjanjian=perjanjian,
        lampiran=rows,
        jumlah_anggaran=anggaran.jumlah
        if anggaran.jumlah is not None
        else sum(k.pagu for k in anggaran.kegiatan),
        jumlah_indikator=len(rows),
        capaian=_capaian_view(perjanjian, realisasi, pengaturan, Periode(periode)),
        riwayat=riwayat(perjanjian, versions, formats.angka),
        versi=perjanjian.perubahan[-1].label if perjanjian.perubahan else None,
        dibuat=dibuat,
        pk_version=__version__,
    )


def _capaian_view(
    perjanjian: Perjanjian,
    realisasi: Realisasi | None,
    pengaturan: Pengaturan | None,
    periode: Periode,
) -> CapaianView:
    hasil = compute(perjanjian, realisasi, pengaturan, periode)
    by_id = {h.id: h for h in hasil.indikator}
    ringkasan = {r.kunci: r for r in hasil.sasaran}
    entries = realisasi.indikator if realisasi else {}
    sections = []
    for kelompok in perjanjian.kelompok:
        for sasaran in kelompok.sasaran:
            rows = [CapaianRow(i, by_id[i.id], entries.get(i.id)) for i in sasaran.indikator]
            sections.append(
                SasaranSection(
                    kelompok,
                    sasaran,
                    ringkasan[sasaran.id],
                    rows,
                    any(
                        r.narasi
                        and (
                            r.narasi.faktor_pendorong
                            or r.narasi.faktor_penghambat
                            or r.narasi.solusi
                        )
                        for r in rows
                    ),
                )
            )
    warna = charts.band_colours(hasil.skala)
    bars = [
        charts.Bar(
            label=f"{s.sasaran.id} {s.sasaran.nama}",
            title=f"{s.sasaran.id} {s.sasaran.nama}",
            value=s.ringkasan.rata_rata,
            colour=warna.get(s.ringkasan.predikat or "", charts.NEUTRAL),
        )
        for s in sections
    ]
    anggaran = hasil.anggaran
    budget_bars = [
        charts.Bar(
            label=f"{k.kode} {k.nama}",
            title=f"{k.kode} {k.nama}",
            value=k.penyerapan,
            colour=charts.NEUTRAL,
        )
        for k in anggaran.kegiatan
    ] + [
        charts.Bar(
            label=anggaran.total.nama,
            title=anggaran.total.nama,
            value=anggaran.total.penyerapan,
            colour="#263238",
        )
    ]
    periode_teks = "tahunan" if periode is Periode.TAHUNAN else periode.value
    return CapaianView(
        hasil=hasil,
        sasaran=sections,
        ada_data=any(h.status is not Status.BELUM_ADA_DATA for h in hasil.indikator),
        ada_anggaran=anggaran.total.realisasi is not None,
        warna=warna,
        grafik_sasaran=charts.bar_chart(
            bars,
            title=f"Rata-rata capaian per sasaran ({periode_teks})",
            lines=[charts.Line(Decimal(100), "target 100%")],
            id="grafik-sasaran",
        ),
        grafik_anggaran=charts.bar_chart(
            budget_bars,
            title=f"Penyerapan anggaran ({periode_teks})",
            lines=[charts.Line(anggaran.pedoman_ikpa, f"pedoman IKPA {anggaran.pedoman_ikpa}%")]
            if anggaran.pedoman_ikpa is not None
            else [],
            id="grafik-anggaran",
        ),
    )


# --- a workspace: the unit comparison --------------------------------------------------


@dataclass(frozen=True)
class UnitView:
    """One unit's row of the comparison, with what the row shows beside the numbers."""

    row: UnitRow
    induk_nama: str | None
    """Name of the unit above it, None for the top unit."""
    warna: str
    """Colour of its predikat on its own scale (grey without one)."""


@dataclass(frozen=True)
class UnitTertinggal:
    """A unit that does not meet a rolled-up indicator's condition, and why."""

    nama: str
    keadaan: KeadaanUnit


@dataclass(frozen=True)
class TurunanView:
    """An indicator a unit derives from the units below it, with the units behind on it."""

    rollup: Rollup
    unit_nama: str
    memenuhi: int
    """How many units meet the condition."""
    tertinggal: list[UnitTertinggal]


@dataclass(frozen=True)
class PerbandinganContext:
    """Everything the unit comparison template may use (a workspace, not one agreement)."""

    tahun: int
    periode: Periode
    utama: str
    """Name of the top unit (the first without an induk)."""
    unit: list[UnitView]
    """One row per unit, in workspace order."""
    unit_di_bawah_target: list[str]
    """Names of the units with at least one indicator below target."""
    unit_belum_ada_data: list[str]
    """Names of the units with at least one indicator without realisasi."""
    turunan: list[TurunanView]
    warna: dict[str, str]
    """Colour of each predikat band of the top unit's scale, for the legend."""
    grafik_unit: Markup
    """SVG: average capaian per unit."""
    dibuat: dt.datetime | None
    pk_version: str


def build_perbandingan(
    result: WorkspaceAchievement, tahun: int, *, dibuat: dt.datetime | None = None
) -> PerbandinganContext:
    """The one context of the unit comparison, from `pk.load.workspace.compute_workspace`."""
    names = {u.id: u.nama for u in result.units}
    results = {u.id: u.ringkasan for u in result.units}
    views = []
    for row in result.rows():
        ringkasan = results[row.id]
        colours = charts.band_colours(ringkasan.skala) if ringkasan else {}
        views.append(
            UnitView(
                row,
                names.get(row.induk) if row.induk else None,
                colours.get(row.predikat or "", charts.NEUTRAL),
            )
        )
    top = next((u for u in result.units if u.induk is None), result.units[0])
    legend = next((a for a in (top.ringkasan, *results.values()) if a is not None), None)
    turunan = []
    for r in result.rollups:
        turunan.append(
            TurunanView(
                r,
                names[r.unit],
                sum(1 for s in r.units if s.keadaan is Keadaan.MEMENUHI),
                [
                    UnitTertinggal(names.get(s.unit, s.unit), s)
                    for s in r.units
                    if s.keadaan is not Keadaan.MEMENUHI
                ],
            )
        )
    periode = Periode(result.periode)
    bars = [
        charts.Bar(
            label=v.row.nama,
            title=f"{v.row.nama} ({v.row.id})",
            value=v.row.rata_rata,
            colour=v.warna,
        )
        for v in views
    ]
    periode_teks = "tahunan" if periode is Periode.TAHUNAN else periode.value
    return PerbandinganContext(
        tahun=tahun,
        periode=periode,
        utama=top.nama,
        unit=views,
        unit_di_bawah_target=[v.row.nama for v in views if v.row.di_bawah_target],
        unit_belum_ada_data=[v.row.nama for v in views if v.row.belum_ada_data],
        turunan=turunan,
        warna=charts.band_colours(legend.skala) if legend else {},
        grafik_unit=charts.bar_chart(
            bars,
            title=f"Rata-rata capaian per unit ({periode_teks})",
            lines=[charts.Line(Decimal(100), "target 100%")],
            id="grafik-unit",
        ),
        dibuat=dibuat,
        pk_version=__version__,
    )


Context = ReportContext | PerbandinganContext
"""What a template renders from: one agreement, or a workspace's units."""


# --- templates -------------------------------------------------------------------------


def builtin_templates() -> Path:
    """The built-in templates: inside the package when installed from a wheel, else the
    repository's top-level `templates/` (editable install, source checkout)."""
    package = Path(__file__).resolve().parent.parent
    for candidate in (package / "templates", package.parent / "templates"):
        if candidate.is_dir():
            return candidate
    raise ReportError(
        _("the built-in templates are missing (looked in {a} and {b}); reinstall pk").format(
            a=package / "templates", b=package.parent / "templates"
        )
    )


def template_name(dokumen: Dokumen, fmt: Format) -> str:
    return f"{dokumen.value}.{'md' if fmt is Format.MD else 'html'}.j2"


def make_environment(user_templates: Path | None = None) -> jinja2.Environment:
    """The one Jinja environment: user templates first, strict about undefined names,
    HTML-escaping everything from the data in `*.html.j2`."""
    search = [builtin_templates()]
    if user_templates is not None:
        if not user_templates.is_dir():
            raise ReportError(_("{path}: no such template folder").format(path=user_templates))
        search.insert(0, user_templates)
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader([str(p) for p in search]),
        undefined=jinja2.StrictUndefined,
        autoescape=jinja2.select_autoescape(enabled_extensions=("html.j2",), default=False),
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(FILTERS)
    return env


def _target(indikator: Indikator) -> str | None:
    return target_text(indikator, formats.angka)


def _nilai(value: Decimal | Rentang | str | None, satuan: str | None = None) -> str | None:
    """A target or realisasi value with its satuan: `97,5%`, `80–90%`, `1 Dok`, `A`."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, Rentang):
        text = f"{formats.angka(value.min)}–{formats.angka(value.maks)}"
    else:
        text = formats.angka(value)
    if not satuan:
        return text
    return f"{text}{satuan}" if satuan == "%" else f"{text} {satuan}"


def _lines_html(text: str) -> Markup:
    """Multi-line data text (a signature's jabatan) as escaped lines joined by <br>."""
    return Markup("<br>\n").join(escape(line) for line in text.splitlines())


_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|&~])")
# What would open a block when a value starts a line: a heading, list item, quote, rule.
_MD_BLOCK_START = re.compile(r"^(\s*\d{0,9})((?<=\d)[.)](?=\s|$)|(?<!\d)(?:#|[-+=](?=\s|$)|>))")


def _md(value: object) -> str:
    """Data text for GitHub-flavoured Markdown: inline specials and `|` backslash-escaped
    (safe in table cells), a leading block marker neutralised, line breaks as <br>."""
    text = _MD_SPECIAL.sub(r"\\\1", str(value))
    lines = [_MD_BLOCK_START.sub(r"\1\\\2", line) for line in text.splitlines()] or [""]
    return "<br>".join(lines)


def _css_string(value: object) -> Markup:
    """A CSS string literal (for @page margin boxes): every character outside a safe set
    as a hex escape, so data can never end the string or the style sheet."""
    out = []
    for ch in str(value):
        out.append(ch if ch.isalnum() and ch.isascii() or ch in " .,-" else f"\\{ord(ch):x} ")
    return Markup('"' + "".join(out) + '"')


_PIHAK = {"pihak_pertama": "pihak pertama", "pihak_kedua": "pihak kedua"}


def _rincian(c: Change) -> str:
    """One change of a revision, in the words of the Riwayat Perubahan table."""
    old, new = (
        formats.rupiah(v) if isinstance(v, int) else "(kosong)" if v is None else v
        for v in (c.old, c.new)
    )
    match c.kind:
        case Kind.INDIKATOR_ADDED:
            return f"{c.subject} ditambahkan pada {c.field}: {c.nama} (target {new})"
        case Kind.INDIKATOR_REMOVED:
            return f"{c.subject} dihapus dari {c.field} (target semula {old})"
        case Kind.INDIKATOR_RETARGETED:
            return f"{c.subject}: target {old} → {new}"
        case Kind.INDIKATOR_RENAMED | Kind.SASARAN_RENAMED:
            return f"{c.subject}: rumusan “{old}” → “{new}”"
        case Kind.INDIKATOR_MOVED:
            return f"{c.subject} dipindah dari {old} ke {new}"
        case Kind.INDIKATOR_POLARITAS:
            return f"{c.subject}: polaritas {old} → {new}"
        case Kind.SASARAN_ADDED:
            return f"{c.subject} ditambahkan: {new}"
        case Kind.SASARAN_REMOVED:
            return f"{c.subject} dihapus: {old}"
        case Kind.KEGIATAN_ADDED:
            return f"{c.subject} ditambahkan: {c.nama}, pagu {new}"
        case Kind.KEGIATAN_REMOVED:
            return f"{c.subject} dihapus: {c.nama}, pagu semula {old}"
        case Kind.KEGIATAN_PAGU:
            return f"{c.subject}: pagu {old} → {new}"
        case Kind.KEGIATAN_RENAMED:
            return f"{c.subject}: nama “{old}” → “{new}”"
        case Kind.PIHAK_CHANGED:
            return f"{_PIHAK.get(c.subject, c.subject)}, {c.field}: {old} → {new}"
    return c.subject


FILTERS: dict[str, Callable[..., Any]] = {
    "rupiah": formats.rupiah,
    "angka": formats.angka,
    "persen": formats.persen,
    "desimal": formats.angka_tetap,
    "nilai": _nilai,
    "tanggal": formats.tanggal,
    "target": _target,
    "rincian": _rincian,
    "lines_html": _lines_html,
    "md": _md,
    "css_string": _css_string,
}


def render(
    context: Context, dokumen: Dokumen, fmt: Format, user_templates: Path | None = None
) -> str:
    """One document in Markdown or HTML (PDF prints the HTML)."""
    if (dokumen is Dokumen.PERBANDINGAN) != isinstance(context, PerbandinganContext):
        raise ValueError(f"{dokumen.value} does not render from a {type(context).__name__}")
    env = make_environment(user_templates)
    name = template_name(dokumen, Format.HTML if fmt is Format.PDF else fmt)
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
    except jinja2.TemplateNotFound as err:
        raise ReportError(_("template {name} not found").format(name=err.name)) from None
    except Exception as err:
        # A failure inside the office's own template is theirs to fix; inside pk's, a bug.
        where = _template_position(err, name)
        if user_templates is None or not where.startswith(str(user_templates)):
            raise
        raise ReportError(
            _("{where}: the template failed: {error}").format(
                where=where, error=f"{type(err).__name__}: {err}"
            )
        ) from None


def _template_position(err: Exception, fallback: str) -> str:
    """`file:line` of the innermost template frame (Jinja rewrites tracebacks so that
    template code shows with the template's own file name and line)."""
    for frame in reversed(traceback.extract_tb(err.__traceback__)):
        if frame.filename.endswith(".j2"):
            return f"{frame.filename}:{frame.lineno}"
    return fallback


# --- output ------------------------------------------------------------------------------


def write_atomic(path: Path, data: bytes) -> None:
    """Write beside the target and rename: a reader never sees half a report."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; a report is for sharing
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def find_chromium() -> str | None:
    """The system Chromium: $PK_CHROMIUM, else `chromium` on PATH, else /usr/bin/chromium."""
    for candidate in (
        os.environ.get("PK_CHROMIUM"),
        shutil.which("chromium"),
        shutil.which("chromium-browser"),
        "/usr/bin/chromium",
    ):
        if candidate and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return candidate
    return None


CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-pdf-header-footer",
)


def print_pdf(html: str) -> bytes:
    """Print an HTML document to PDF (A4, from its print CSS) with the system Chromium."""
    chromium = find_chromium()
    if chromium is None:
        raise ReportError(
            _(
                "--format pdf prints through Chromium, which is not installed; install the "
                "Debian package `{package}` (sudo apt-get install {package}) or set PK_CHROMIUM "
                "to a Chromium binary"
            ).format(package=CHROMIUM_PACKAGE)
        )
    with tempfile.TemporaryDirectory(prefix="pk-pdf-") as work:
        source = Path(work) / "report.html"
        target = Path(work) / "report.pdf"
        source.write_text(html, encoding="utf-8")
        command = [
            chromium,
            *CHROMIUM_FLAGS,
            f"--user-data-dir={Path(work) / 'profile'}",
            f"--print-to-pdf={target}",
            source.as_uri(),
        ]
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
        except subprocess.TimeoutExpired:
            raise ReportError(
                _("{chromium} did not finish printing within 120 s").format(chromium=chromium)
            ) from None
        if not target.is_file() or target.stat().st_size == 0:
            detail = (done.stderr or done.stdout).strip().splitlines()[-3:]
            raise ReportError(
                _("{chromium} could not print the PDF (exit {code}): {detail}").format(
                    chromium=chromium, code=done.returncode, detail=" / ".join(detail)
                )
            )
        return target.read_bytes()


def output_name(dokumen: Dokumen, fmt: Format) -> str:
    return f"{dokumen.value}.{fmt.value}"


def render_bytes(
    context: Context, dokumen: Dokumen, fmt: Format, user_templates: Path | None = None
) -> bytes:
    text = render(context, dokumen, fmt, user_templates)
    return print_pdf(text) if fmt is Format.PDF else text.encode("utf-8")


def write_reports(
    context: Context,
    dokumen: Iterable[Dokumen],
    fmts: Iterable[Format],
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
