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


class ReportFormat(StrEnum):
    MD = "md"
    HTML = "html"
    PDF = "pdf"


PERJANJIAN_FILE = "perjanjian.yaml"
REALISASI_FILE = "realisasi.yaml"
PENGATURAN_FILE = "pengaturan.yaml"
WORKSPACE_FILE = "workspace.yaml"

_YEAR = re.compile(r"\d{4}")


def year_of(folder: Path) -> int | None:
    """The year a `data/<year>` folder is named for, or None."""
    return int(folder.name) if _YEAR.fullmatch(folder.name) else None
