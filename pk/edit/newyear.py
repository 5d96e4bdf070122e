"""`pk new`: start next year's folder from an existing year, as an unsigned draft.

    data/2024/perjanjian.yaml --yamlwrite round-trip--> same ids and targets, tahun 2025,
    status draf, no signing date, no perubahan, no alasan_target --> data/2025/perjanjian.yaml

Comments on rows are kept (they describe the indicators); the file's header is replaced, since
it describes the previous year's signed document. realisasi.yaml is not copied: a new year
starts without realisasi. pengaturan.yaml (the unit's settings) is copied as it is.
"""

from __future__ import annotations

import copy
import re
import shutil
from pathlib import Path
from typing import Any

from pk.diagnostics import InvalidData, Level, PkError, UsageError
from pk.edit.roundtrip import as_written, dump, load_roundtrip, too_large
from pk.edit.scaffold import schema_reference
from pk.files import cannot_write, write_atomic
from pk.i18n import _
from pk.load.year import load_year
from pk.vocab import PENGATURAN_FILE, PERJANJIAN_FILE

_KEEP_HEADER = re.compile(r"^#\s*yaml-language-server:")


class FolderExists(PkError):
    """The year's folder is already there; pk new never overwrites."""


def create_year(previous: Path, year: int) -> Path:
    """Write `<parent of previous>/<year>/` from `previous`; the new folder's path.

    `previous` may be a year (`2024`) for data/2024 when no folder of that name is here.
    The previous agreement must be valid (InvalidData with its findings otherwise), and the
    new text must read back as the draft it means, before anything is written."""
    from pk.edit.verify import check_written, intended
    from pk.load.source import load

    if not previous.is_dir() and previous.name.isdigit() and previous == Path(previous.name):
        in_data = Path("data") / previous
        previous = in_data if in_data.is_dir() else previous
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
    source_path = previous / PERJANJIAN_FILE
    if not source_path.is_file():
        raise UsageError(
            _("no {file} in {path} to start from").format(
                file=PERJANJIAN_FILE, path=previous.as_posix()
            )
        )
    display = source_path.as_posix()
    errors = [
        d
        for d in load_year(previous).diagnostics
        if d.level is Level.ERROR and d.path in (display, (previous / PENGATURAN_FILE).as_posix())
    ]
    if errors:
        raise InvalidData(
            errors,
            1,
            _("pk new copies a valid year: fix the errors above, then run pk new again."),
        )
    source, _problems = load(source_path, display)
    raw = source_path.read_bytes()
    if (big := too_large(len(raw), display)) is not None:
        raise InvalidData([big], 1)
    original = raw.decode("utf-8")
    data = load_roundtrip(original)
    before = copy.deepcopy(data)
    _as_draft(data, year)
    _replace_header(data, previous, year, schema_reference(target, "perjanjian.schema.json"))
    text = as_written(dump(data), original)
    refused = check_written(text, intended(source.data, before, data), display, at=source)
    if refused:
        raise InvalidData(refused, 1, _("Nothing was written."))
    settings = previous / PENGATURAN_FILE
    try:
        target.mkdir(parents=True)
    except OSError as err:
        raise cannot_write(target, err) from None
    try:
        write_atomic(target / PERJANJIAN_FILE, text.encode("utf-8"))
        if settings.is_file():
            write_atomic(target / PENGATURAN_FILE, settings.read_bytes())
    except BaseException:
        shutil.rmtree(target, ignore_errors=True)  # all or nothing: no half-made year
        raise
    return target


def _as_draft(data: dict[str, Any], year: int) -> None:
    data["tahun"] = year
    signing = data.get("penandatanganan")
    if isinstance(signing, dict):
        signing["tanggal"] = None
        signing["status"] = "draf"
        signing.pop("tag", None)
    data.pop("perubahan", None)
    # A reason for last year's target against the Renstra does not excuse this year's.
    for kelompok in data.get("kelompok") or ():
        for sasaran in (kelompok.get("sasaran") or ()) if isinstance(kelompok, dict) else ():
            for indikator in (sasaran.get("indikator") or ()) if isinstance(sasaran, dict) else ():
                if isinstance(indikator, dict):
                    indikator.pop("alasan_target", None)


def _replace_header(data: object, previous: Path, year: int, schema: str | None) -> None:
    ca = getattr(data, "ca", None)
    kept: list[str] = []
    if ca is not None and ca.comment and ca.comment[1]:
        for token in ca.comment[1]:
            kept += [line for line in token.value.splitlines() if _KEEP_HEADER.match(line.strip())]
    if schema is not None:  # the schema pk init wrote, reached from where the new file is
        kept = [f"# yaml-language-server: $schema={schema}"]
    header = [line.lstrip("#").strip() for line in kept] + [
        f"Draf Perjanjian Kinerja {year}, dibuat oleh `pk new` dari {previous.as_posix()}.",
        f"Target masih target {year - 1}: sesuaikan, isi tanggal penandatanganan, lalu tandai",
        "status: ditandatangani.",
    ]
    data.yaml_set_start_comment("\n".join(header))  # type: ignore[attr-defined]
