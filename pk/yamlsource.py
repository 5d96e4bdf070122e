"""Read a YAML file into plain data, keeping the node tree to locate any key or value.

This is the read path. libyaml (through PyYAML) parses; scalars are resolved here by the
YAML 1.2 core schema, the same rules ruamel.yaml uses when pk writes a file, so `yes`, `on`
or `1:20` stay text. Numbers with a fraction become Decimal, never float.
Commands that write go through ruamel's round-trip mode instead (see `yamlwrite`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.resolver import BaseResolver

from pk.diagnostics import Diagnostic, Level

try:  # libyaml is in PyYAML's wheels; the pure-Python parser gives the same nodes, slower.
    from yaml.cyaml import CParser as _Parser
except ImportError:  # pragma: no cover
    from yaml.loader import Loader as _Parser  # type: ignore[assignment]

MAX_BYTES = 5 * 1024 * 1024
"""A year's agreement is about 40 KB; anything this large is not a pk file."""
MAX_DEPTH = 64
"""pk files nest eight levels at most; libyaml itself stops at 1000."""

_PLAIN = "pk:plain"
_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"^[-+]?[0-9]+$")
_INT_OCT = re.compile(r"^0o[0-7]+$")
_INT_HEX = re.compile(r"^0x[0-9a-fA-F]+$")
_FLOAT = re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$")
_SPECIAL_FLOAT = re.compile(r"^(?:[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$")


class _Composer(_Parser, BaseResolver):  # type: ignore[misc, valid-type]
    """libyaml composer that leaves plain scalars unresolved, so resolution follows YAML 1.2."""

    def resolve(self, kind: type, value: Any, implicit: Any) -> str:
        if kind is ScalarNode and implicit[0]:
            return _PLAIN
        return super().resolve(kind, value, implicit)  # type: ignore[no-any-return]


@dataclass
class Source:
    """A parsed file: its data (None when unusable) and the node tree behind it."""

    path: str
    data: Any
    root: Node | None

    def locate(self, loc: tuple[str | int, ...], *, key: bool = False) -> tuple[int, int]:
        return locate(self.root, loc, key=key)


def load(path: Path, display: str) -> tuple[Source, list[Diagnostic]]:
    """Read and parse one file; every problem becomes a located Diagnostic, never an exception."""
    def fail(line: int, col: int, code: str, message: str) -> tuple[Source, list[Diagnostic]]:
        return _failed(display, line, col, code, message)

    try:
        if path.is_dir():
            return fail(0, 0, "not-a-file", "is a folder, but a YAML file was expected here")
        size = path.stat().st_size
        if size > MAX_BYTES:
            return fail(
                0, 0, "file-too-large",
                f"file is {size / 1024 / 1024:.1f} MB; a pk file is at most "
                f"{MAX_BYTES // 1024 // 1024} MB. Is this the right file?",
            )
        raw = path.read_bytes()
    except OSError as err:
        return fail(0, 0, "unreadable", f"cannot be read: {err.strerror or err}")
    return load_bytes(raw, display)


def load_bytes(raw: bytes, display: str) -> tuple[Source, list[Diagnostic]]:
    """Parse file content read from elsewhere (e.g. `git show REV:path`); `display` names it."""
    def fail(line: int, col: int, code: str, message: str) -> tuple[Source, list[Diagnostic]]:
        return _failed(display, line, col, code, message)

    if len(raw) > MAX_BYTES:
        return fail(
            0, 0, "file-too-large",
            f"file is {len(raw) / 1024 / 1024:.1f} MB; a pk file is at most "
            f"{MAX_BYTES // 1024 // 1024} MB. Is this the right file?",
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw.count(b"\n", 0, err.start) + 1
        col = err.start - (raw.rfind(b"\n", 0, err.start) + 1) + 1
        return fail(
            line, col, "not-utf8",
            f"byte 0x{raw[err.start]:02x} is not UTF-8; save the file as UTF-8",
        )
    return load_text(text, display)


def load_text(text: str, display: str) -> tuple[Source, list[Diagnostic]]:
    """Parse YAML text; `display` is the name diagnostics give it."""
    def fail(line: int, col: int, code: str, message: str) -> tuple[Source, list[Diagnostic]]:
        return _failed(display, line, col, code, message)

    if text.startswith("\ufeff"):
        text = text[1:]
    try:
        root = parse(text)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        problem = err.problem or "invalid YAML"
        hint = " (YAML indents with spaces, not tabs)" if "\t" in _line_at(text, line) else ""
        return fail(line, col, "yaml-syntax", f"YAML syntax error: {problem}{hint}")
    except yaml.YAMLError as err:
        return fail(0, 0, "yaml-syntax", f"YAML syntax error: {err}")
    if root is None:
        return fail(0, 0, "empty-file", "file is empty; it should hold a pk document")
    diagnostics: list[Diagnostic] = []
    data = _construct(root, display, diagnostics, set(), 0)
    return Source(display, data, root), diagnostics


def _failed(display: str, line: int, col: int, code: str, message: str) -> tuple[Source, list[Diagnostic]]:
    return Source(display, None, None), [Diagnostic(display, line, col, Level.ERROR, code, message)]


def parse(text: str) -> Node | None:
    composer = _Composer(text)
    try:
        return composer.get_single_node()  # type: ignore[no-any-return]
    finally:
        composer.dispose()


def locate(root: Node | None, loc: tuple[str | int, ...], *, key: bool = False) -> tuple[int, int]:
    """1-based (line, col) of the deepest node on `loc` that exists.

    `key=True` points at the last key itself rather than its value. A loc that runs past the
    data (a missing field) stops at the mapping that should hold it.
    """
    if root is None:
        return (0, 0)
    node = root
    for i, part in enumerate(loc):
        found: Node | None = None
        key_node: Node | None = None
        if isinstance(node, MappingNode):
            for k, v in node.value:
                if isinstance(k, ScalarNode) and k.value == str(part):
                    key_node, found = k, v
                    break
        elif isinstance(node, SequenceNode) and isinstance(part, int):
            if 0 <= part < len(node.value):
                found = node.value[part]
        if found is None:
            break
        if key and key_node is not None and i == len(loc) - 1:
            node = key_node
            break
        node = found
    return (node.start_mark.line + 1, node.start_mark.column + 1)


def _construct(node: Node, path: str, out: list[Diagnostic], seen: set[int], depth: int) -> Any:
    def report(at: Node, code: str, message: str) -> None:
        line, col = at.start_mark.line + 1, at.start_mark.column + 1
        out.append(Diagnostic(path, line, col, Level.ERROR, code, message))

    if id(node) in seen:
        # An alias makes libyaml hand back the anchored node again; expanding it is how a
        # "billion laughs" file blows up, and pk files have no use for it.
        report(node, "yaml-alias", "YAML anchors and aliases (&name, *name) are not allowed "
               "in pk files; write the value out in full")
        return None
    if depth > MAX_DEPTH:
        report(node, "too-deep", f"nested more than {MAX_DEPTH} levels deep; a pk file is not")
        return None
    if isinstance(node, ScalarNode):
        return _scalar(node)
    seen.add(id(node))
    if isinstance(node, SequenceNode):
        return [_construct(item, path, out, seen, depth + 1) for item in node.value]
    assert isinstance(node, MappingNode)
    mapping: dict[Any, Any] = {}
    for k, v in node.value:
        if not isinstance(k, ScalarNode):
            report(k, "yaml-complex-key", "a key must be plain text")
            continue
        name = _scalar(k)
        if not isinstance(name, str | int):
            name = k.value
        if name in mapping:
            report(k, "duplicate-key", f"key '{k.value}' appears twice in this mapping; "
                   "keep one (the first is used)")
            continue
        mapping[name] = _construct(v, path, out, seen, depth + 1)
    return mapping


def _scalar(node: ScalarNode) -> Any:
    value: str = node.value
    if node.tag != _PLAIN:
        return value
    if _NULL.match(value):
        return None
    if value in _BOOL:
        return _BOOL[value]
    if _INT.match(value):
        return int(value)
    if _INT_OCT.match(value):
        return int(value[2:], 8)
    if _INT_HEX.match(value):
        return int(value[2:], 16)
    if _FLOAT.match(value):
        return Decimal(value)
    if _SPECIAL_FLOAT.match(value):
        lower = value.lower()
        return Decimal("NaN") if lower.endswith("nan") else Decimal(lower.replace(".inf", "Infinity"))
    return value


def _line_at(text: str, line: int) -> str:
    lines = text.splitlines()
    return lines[line - 1] if 0 < line <= len(lines) else ""
