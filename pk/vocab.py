"""The words every stage shares: periods, documents, output formats, file names, years.

Free of dependencies, so the command line can build its choices from it at start-up.
"""

import re
from enum import StrEnum
from pathlib import Path

TRIWULAN = ("TW1", "TW2", "TW3", "TW4")


class Periode(StrEnum):
    TW1 = "TW1"
    TW2 = "TW2"
    TW3 = "TW3"
    TW4 = "TW4"
    TAHUNAN = "tahunan"

    @property
    def triwulan(self) -> tuple[str, ...]:
        """The quarters that make this period: TW2 is TW1..TW2, tahunan all four."""
        if self is Periode.TAHUNAN:
            return TRIWULAN
        return TRIWULAN[: TRIWULAN.index(self.value) + 1]


class Dokumen(StrEnum):
    PERJANJIAN = "perjanjian"
    CAPAIAN = "capaian"
    PERBANDINGAN = "perbandingan"
    """The unit comparison of a workspace."""
    LKE = "lke"
    """The LKE pre-check of a year (`pk lke`): an estimate, never in `--dokumen semua`."""
    LKJIP = "lkjip"
    """The whole Laporan Kinerja (PermenPANRB 53/2014), its chapters from `lkjip/*.md`."""


class ReportFormat(StrEnum):
    MD = "md"
    HTML = "html"
    PDF = "pdf"
    DOCX = "docx"
    """Word, walked from the HTML (pk.render.docx)."""


EVERY_DOKUMEN = "semua"
"""`pk report --dokumen semua`: both documents of an agreement (of a workspace: its comparison)."""
EVERY_FORMAT = "all"
"""`pk report --format all`: md, html, pdf and docx."""
DOKUMEN_CHOICES = (*(d.value for d in Dokumen), EVERY_DOKUMEN)
FORMAT_CHOICES = (*(f.value for f in ReportFormat), EVERY_FORMAT)


class DiagnosticFormat(StrEnum):
    """How `pk validate` prints its findings (`pk.render.diagnostics.FORMATTERS`)."""

    TEXT = "text"
    JSON = "json"
    GITHUB = "github"


class DiffFormat(StrEnum):
    """How `pk diff` prints a comparison (`pk.render.diff.FORMATTERS`)."""

    TEXT = "text"
    MD = "md"
    JSON = "json"


class ShowFormat(StrEnum):
    """How `pk show` and `pk capaian` print: a table for people, json or csv for scripts."""

    TABLE = "table"
    JSON = "json"
    CSV = "csv"


class LkeFormat(StrEnum):
    """How `pk lke` prints: text for people, json for scripts."""

    TEXT = "text"
    JSON = "json"


PERJANJIAN_FILE = "perjanjian.yaml"
REALISASI_FILE = "realisasi.yaml"
PENGATURAN_FILE = "pengaturan.yaml"
EVALUASI_FILE = "evaluasi.yaml"
"""What the planner records for the Evaluasi AKIP (`pk lke`): reviews, publications, …"""
WORKSPACE_FILE = "workspace.yaml"
LKJIP_FOLDER = "lkjip"
"""The folder in a year folder that holds the LKjIP's narrative chapters, one Markdown file each."""
LKJIP_CHAPTERS = {
    "kata-pengantar": True,
    "ikhtisar-eksekutif": True,
    "bab-1": True,
    "bab-2": False,
    "bab-3": False,
    "bab-4": True,
}
"""The chapters of lkjip/ (file `<name>.md`) and whether the structure requires each: Bab II
and Bab III are mostly tables from the data, so their opening text is optional."""
YEAR_FILES = (PERJANJIAN_FILE, REALISASI_FILE, PENGATURAN_FILE, EVALUASI_FILE)
"""The files of a year folder."""
RENSTRA_FILE = "renstra.yaml"
"""The Renstra, beside the year folders: data/renstra.yaml (one period), or one file per
period named renstra-<tahun_awal>-<tahun_akhir>.yaml (data/renstra-2025-2029.yaml)."""
_RENSTRA = re.compile(r"renstra(-\d{4}-\d{4})?\.ya?ml")


def is_renstra_file(path: Path) -> bool:
    """Whether `path` is named as a Renstra file: renstra.yaml or renstra-2025-2029.yaml."""
    return _RENSTRA.fullmatch(path.name) is not None


def beside(folder: Path) -> Path:
    """The folder that holds the year folder `folder` (and its Renstra), as the user would
    name it: `data` for data/2026, `..` inside the year folder."""
    return folder / ".." if folder.name in ("", "..") else folder.parent


def renstra_files(root: Path) -> list[Path]:
    """The Renstra files in `root`, the folder that holds the year folders, by name."""
    try:
        return sorted(p for p in root.iterdir() if is_renstra_file(p))
    except OSError:  # no such folder, or not one we may read
        return []


_YEAR = re.compile(r"\d{4}")


def year_of(folder: Path) -> int | None:
    """The year a `data/<year>` folder is named for, or None."""
    return int(folder.name) if _YEAR.fullmatch(folder.name) else None
