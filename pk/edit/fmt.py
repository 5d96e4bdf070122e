"""`pk fmt`: rewrite pk's YAML files in one canonical layout, keeping every comment.

    file --yamlsource (syntax check, located errors)--> yamlwrite round-trip --order keys--> dump

The layout is `yamlwrite`'s; key order follows the model's field order for the files pk knows
(`MODELS`), unknown keys keep their place after the known ones. A file that does not parse is
reported with its location and left untouched. Formatting twice changes nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from ruamel.yaml.comments import CommentedMap

from pk.check import codes
from pk.diagnostics import Diagnostic, UsageError
from pk.edit.roundtrip import as_written, dump, load_roundtrip, too_large
from pk.edit.verify import check_written, lost_comments
from pk.files import locked, write_atomic
from pk.i18n import _
from pk.load.source import load_bytes, read_bytes
from pk.model.annotations import container, model_of, models_in
from pk.model.perjanjian import Perjanjian
from pk.vocab import PERJANJIAN_FILE

MODELS: dict[str, type[BaseModel]] = {PERJANJIAN_FILE: Perjanjian}
"""The model whose field order gives the key order, by file name."""

SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True)
class FmtResult:
    """What formatting did (or would do) to one file."""

    path: Path
    changed: bool
    diagnostics: tuple[Diagnostic, ...] = ()


@dataclass(frozen=True)
class FmtSummary:
    """What `pk fmt` did (or, with `check`, would do) to every file it was given."""

    results: tuple[FmtResult, ...]
    check: bool

    @property
    def changed(self) -> list[FmtResult]:
        return [r for r in self.results if r.changed]

    @property
    def problems(self) -> list[Diagnostic]:
        return [d for r in self.results for d in r.diagnostics]

    @property
    def failed(self) -> bool:
        """Exit 1: a file could not be formatted, or `--check` found one to reformat."""
        return bool(self.problems) or (self.check and bool(self.changed))


def format_paths(paths: Sequence[Path] = (), *, check: bool = False) -> FmtSummary:
    """Format the YAML files named and below the folders named (default: data/)."""
    targets = paths or [Path("data")]
    for path in targets:
        if not path.exists():
            raise UsageError(_("{path}: no such file or folder").format(path=path))
    return FmtSummary(tuple(format_file(f, check=check) for f in collect_files(targets)), check)


def collect_files(paths: Iterable[Path]) -> list[Path]:
    """The YAML files named, and those below the folders named, in a stable order."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(
                p
                for p in path.rglob("*")
                if p.suffix in SUFFIXES
                # A link that loops or leads nowhere, a FIFO or a device is reported
                # ([not-a-file]), not passed over; only a folder is walked into.
                and (p.is_symlink() or not p.is_dir())
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
        else:
            found.append(path)
    return list(dict.fromkeys(found))


def format_text(text: str, model: type[BaseModel] | None = None) -> str:
    """The canonical form of a YAML document, in the file's own line ending and with its BOM.
    The text must parse (check with yamlsource)."""
    data = load_roundtrip(text)
    if model is not None:
        order_keys(data, model, top=True)
    return as_written(dump(data), text)


def format_file(path: Path, *, check: bool = False) -> FmtResult:
    """Format one file in place (or only compare, with `check`)."""
    if check:
        return _format_file(path, check=True)
    # `pk set` may be writing the same file: read and write under the folder's lock.
    with locked(path.parent):
        return _format_file(path, check=False)


def _format_file(path: Path, *, check: bool) -> FmtResult:
    display = path.as_posix()
    # The read path refuses a folder, a device or a broken link before reading a byte, and
    # locates a syntax error exactly as `pk validate` does.
    raw, problems = read_bytes(path, display)
    if raw is None:
        return FmtResult(path, False, tuple(problems))
    source, problems = load_bytes(raw, display)
    if problems:
        return FmtResult(path, False, tuple(problems))
    text = raw.decode("utf-8")
    if (big := too_large(len(raw), display)) is not None:
        return FmtResult(path, False, (big,))
    try:
        formatted = format_text(text, MODELS.get(path.name))
    except ValueError as err:
        # ruamel builds dates while reading: `tanggal: 2024-13-10` is valid YAML but no date.
        return FmtResult(
            path,
            False,
            (
                codes.NOT_FORMATTABLE.at(
                    display,
                    0,
                    0,
                    _(
                        "cannot be formatted ({reason}): `pk validate` shows where to correct it"
                    ).format(reason=err),
                ),
            ),
        )
    # ruamel drops a comment inside `[ ]` or `{ }` written over several lines: such a file is
    # left as it is, rather than formatted without the comment.
    lost = lost_comments(text, formatted)
    if lost:
        return FmtResult(
            path,
            False,
            (
                codes.NOT_FORMATTABLE.at(
                    display,
                    lost[0].line,
                    lost[0].col,
                    _(
                        "pk fmt would lose the comment `{comment}` (a comment inside [ ] or {{ }} "
                        "written over several lines cannot be kept): move it above the line "
                        "where the list or mapping starts, then run pk fmt again; the file is "
                        "left as it is"
                    ).format(comment=lost[0].text[:80]),
                ),
            ),
        )
    refused = check_written(formatted, source.data, display, at=source, old=text)
    if refused:
        return FmtResult(path, False, tuple(refused))
    changed = formatted != text
    if changed and not check:
        write_atomic(path, formatted.encode("utf-8"))
    return FmtResult(path, changed)


def order_keys(data: Any, model: type[BaseModel], *, top: bool = False) -> None:
    """Reorder the keys of round-trip `data` in place to follow `model`'s fields.

    `top` marks the document's root, whose leading comment is the file's header, not a note
    on its first key.
    """
    if not isinstance(data, dict):
        return
    fields = model.model_fields
    keys = list(data)
    wanted = [k for k in fields if k in data] + [k for k in keys if k not in fields]
    if wanted != keys:
        _reorder(data, keys, wanted, top=top)
    for name, info in fields.items():
        if name in data:
            _order_value(data[name], info.annotation)


def _order_value(value: Any, annotation: Any) -> None:
    model = model_of(annotation)
    if model is not None:
        order_keys(value, model)
    elif isinstance(value, dict) and (models := models_in(annotation)):
        # A union such as a target (number | range | code): the model whose fields hold the keys.
        for inner in models:
            if set(value) <= set(inner.model_fields):
                order_keys(value, inner)
                return
    elif (found := container(annotation)) is not None and isinstance(value, found[0]):
        items: Any = value.values() if isinstance(value, dict) else value
        for each in items:
            _order_value(each, found[1])


def _reorder(mapping: Any, keys: list[Any], wanted: list[Any], *, top: bool) -> None:
    """Move keys into `wanted` order unless that would separate a comment from its line.

    ruamel stores a comment written above a key on the end of the value before it. A mapping
    with such comments between its keys keeps the author's order. A comment after the last key
    (above the next list item) moves to the new last key, so it stays where it was.
    """
    holders = {key: _tail(mapping, key) for key in keys}
    if any(_after(holders[key]) for key in keys[:-1]):
        return
    head = getattr(mapping, "ca", None)
    if not top and wanted[0] != keys[0] and head is not None and head.comment and head.comment[1]:
        return
    tail = _after(holders[keys[-1]])
    if tail and wanted[-1] != keys[-1]:
        if holders[wanted[-1]] is None:
            return
        _set_after(holders[keys[-1]], "")
        _set_after(holders[wanted[-1]], tail)
    for key in wanted:
        mapping.move_to_end(key)


Holder = tuple[dict[Any, Any], Any] | None
"""Where ruamel keeps the comment after a value: (ca.items of a mapping, key), or None."""


def _tail(mapping: Any, key: Any) -> Holder:
    """The comment slot after the last scalar in `mapping[key]`; None when pk cannot tell."""
    value = mapping[key]
    if isinstance(value, CommentedMap):
        if not value or value.fa.flow_style():
            return None
        return _tail(value, list(value)[-1])
    if isinstance(value, list):
        last = value[-1] if value else None
        if not isinstance(last, CommentedMap) or not last or last.fa.flow_style():
            return None
        return _tail(last, list(last)[-1])
    return (mapping.ca.items, key)


def _after(holder: Holder) -> str:
    """The comment lines below a value (its end-of-line comment excluded)."""
    token = _token(holder)
    return token.value.partition("\n")[2] if token is not None else ""


def _set_after(holder: Holder, lines: str) -> None:
    assert holder is not None
    items, key = holder
    token = _token(holder)
    eol = token.value.partition("\n")[0] if token is not None else ""
    if not eol and not lines:
        if token is not None:
            items[key][2] = None
        return
    if token is None:
        from ruamel.yaml.error import CommentMark
        from ruamel.yaml.tokens import CommentToken

        token = CommentToken("", CommentMark(0), None)
        items.setdefault(key, [None, None, None, None])[2] = token
    token.value = f"{eol}\n{lines}"


def _token(holder: Holder) -> Any:
    if holder is None:
        return None
    items, key = holder
    entry = items.get(key)
    return entry[2] if entry is not None and len(entry) > 2 else None
