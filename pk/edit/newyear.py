"""`pk new`: start next year's folder from an existing year, as an unsigned draft.

    data/2024/perjanjian.yaml --yamlwrite round-trip--> same ids and targets, tahun 2025,
    status draf, no signing date, no perubahan --> data/2025/perjanjian.yaml

Comments on rows are kept (they describe the indicators); the file's header is replaced, since
it describes the previous year's signed document. realisasi.yaml is not copied: a new year
starts without realisasi. pengaturan.yaml (the unit's settings) is copied as it is.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

from pk.diagnostics import PkError, UsageError
from pk.edit.roundtrip import dump, load_roundtrip
from pk.files import write_atomic
from pk.i18n import _
from pk.vocab import PENGATURAN_FILE, PERJANJIAN_FILE

_KEEP_HEADER = re.compile(r"^#\s*yaml-language-server:")


class FolderExists(PkError):
    """The year's folder is already there; pk new never overwrites."""


def create_year(previous: Path, year: int) -> Path:
    """Write `<parent of previous>/<year>/` from `previous`; the new folder's path."""
    if not previous.is_dir():
        raise UsageError(_("{path}: not a year folder").format(path=previous))
    target = previous.parent / str(year)
    if target.exists():
        raise FolderExists(
            _(
                "{path} already exists; pk new does not overwrite it (remove it "
                "first, or edit it directly)"
            ).format(path=target.as_posix())
        )
    source = previous / PERJANJIAN_FILE
    if not source.is_file():
        raise UsageError(
            _("no {file} in {path} to start from").format(
                file=PERJANJIAN_FILE, path=previous.as_posix()
            )
        )
    data = load_roundtrip(source.read_text(encoding="utf-8"))
    _as_draft(data, year)
    _replace_header(data, previous, year)
    text = dump(data)
    target.mkdir(parents=True)
    write_atomic(target / PERJANJIAN_FILE, text.encode("utf-8"))
    if (previous / PENGATURAN_FILE).is_file():
        shutil.copy2(previous / PENGATURAN_FILE, target / PENGATURAN_FILE)
    return target


def _as_draft(data: dict[str, Any], year: int) -> None:
    data["tahun"] = year
    signing = data.get("penandatanganan")
    if isinstance(signing, dict):
        signing["tanggal"] = None
        signing["status"] = "draf"
        signing.pop("tag", None)
    data.pop("perubahan", None)


def _replace_header(data: object, previous: Path, year: int) -> None:
    ca = getattr(data, "ca", None)
    kept: list[str] = []
    if ca is not None and ca.comment and ca.comment[1]:
        for token in ca.comment[1]:
            kept += [line for line in token.value.splitlines() if _KEEP_HEADER.match(line.strip())]
    header = [line.lstrip("#").strip() for line in kept] + [
        f"Draf Perjanjian Kinerja {year}, dibuat oleh `pk new` dari {previous.as_posix()}.",
        f"Target masih target {year - 1}: sesuaikan, isi tanggal penandatanganan, lalu tandai",
        "status: ditandatangani.",
    ]
    data.yaml_set_start_comment("\n".join(header))  # type: ignore[attr-defined]
