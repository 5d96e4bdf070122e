"""Load the LKE instrument: pk's own (pk/model/lke.yaml) or one the user names."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from pk.diagnostics import InvalidData
from pk.i18n import _
from pk.load.source import load
from pk.load.year import require, validate_source
from pk.model.lke import Instrumen

SHIPPED = Path(__file__).parent.parent / "model" / "lke.yaml"
"""The instrument of PermenPANRB 88/2021 that ships with pk."""


def load_instrumen(path: Path | None = None) -> Instrumen:
    """The instrument in `path` (default pk's own); InvalidData with located findings."""
    return _read(path) if path is not None else _shipped()


@cache  # pk lke and every capaian report of a run grade by pk's own bands: read them once
def _shipped() -> Instrumen:
    return _read(SHIPPED)


def _read(path: Path) -> Instrumen:
    require(path)
    source, diagnostics = load(path, path.as_posix())
    found = validate_source(source, Instrumen, diagnostics) if source.data is not None else None
    if found is None or diagnostics:
        raise InvalidData(diagnostics, 1, _("Fix the instrument file, then run again."))
    return found
