"""The write path: ruamel.yaml round-trip with pk's one canonical layout.

Reading for validation goes through `yamlsource` (fast, located); a command that changes a
file loads it here instead, so comments, block scalars and flow mappings survive, edits
the loaded data and dumps it back for `pk.files.write_atomic`. pk's layout, the one
`pk fmt` enforces:

- 2-space indentation, sequences indented under their key (`kelompok:\\n  - no: 1`);
- no line folding: a long indicator text stays on one line (the width is effectively off);
- scalars plain where YAML allows, otherwise in double quotes (`satuan: "%"`, `nip: "19…"`);
- an empty value written as `null`, so a deliberately empty target is visible.
"""

from __future__ import annotations

import re
from collections import Counter
from decimal import Decimal
from io import StringIO
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.emitter import Emitter
from ruamel.yaml.representer import RoundTripRepresenter

from pk.check import codes
from pk.diagnostics import Diagnostic
from pk.i18n import _
from pk.numbers import yaml_1_1_not_text

_STR = "tag:yaml.org,2002:str"

WIDTH = 1_000_000
"""Longer than any line pk writes: ruamel folds long plain scalars at the width otherwise."""


MAX_BYTES = 256 * 1024
"""The largest file a command that writes will round-trip, 5 × a real agreement (under 50 KB):
ruamel's round trip takes about 8 s and 190 MB per MB, so `pk fmt` at this limit about 4 s
(`make bench` times it)."""


def too_large(size: int, display: str) -> Diagnostic | None:
    """The finding for a file too large to round-trip (`size` in bytes), or None."""
    if size <= MAX_BYTES:
        return None
    return codes.TOO_LARGE_TO_EDIT.at(
        display,
        0,
        0,
        _(
            "is {kb} KB, more than the {limit} KB pk edits (a real agreement is under 50 KB): "
            "check that this is the right file"
        ).format(kb=size // 1024, limit=MAX_BYTES // 1024),
    )


class _Emitter(Emitter):
    """Where a scalar must be quoted, use double quotes (as the data files do), not single."""

    def choose_scalar_style(self) -> Any:
        style = super().choose_scalar_style()
        if style == "'":
            return '"'
        # ruamel writes `? q` and `:x` plain, which libyaml (pk's reader) reads as a key or
        # refuses: text that starts with either indicator is quoted; and inside [ ] or { },
        # where PyYAML's own reader (pk's without libyaml) ends plain text at a `?`, any `?`.
        value = self.event.value
        if not style and (value[:1] in ("?", ":") or (self.flow_level and "?" in value)):
            return '"'
        if (
            not style
            and self.event.tag == _STR
            and yaml_1_1_not_text(value)
            # pk's own field `no` (kelompok, sasaran) stays a plain block key, as every file has it.
            and not (value == "no" and self.simple_key_context and not self.flow_level)
        ):
            return '"'
        return style


class _Representer(RoundTripRepresenter):
    def represent_none(self, data: Any) -> Any:
        return self.represent_scalar("tag:yaml.org,2002:null", "null")

    def represent_decimal(self, data: Decimal) -> Any:
        # pk reads every number as Decimal; write it back as the plain number it is.
        text = format(data, "f")
        tag = "tag:yaml.org,2002:int" if "." not in text else "tag:yaml.org,2002:float"
        return self.represent_scalar(tag, text)


_Representer.add_representer(type(None), _Representer.represent_none)
_Representer.add_representer(Decimal, _Representer.represent_decimal)


def make_yaml() -> YAML:
    """A round-trip YAML instance with pk's canonical settings."""
    y = YAML(typ="rt")
    y.Emitter = _Emitter
    y.Representer = _Representer
    y.indent(mapping=2, sequence=4, offset=2)
    y.width = WIDTH
    y.preserve_quotes = False
    # YAML 1.2 core schema, as `yamlsource` reads: `yes`, `on`, `1:20` stay text.
    y.version = None
    return y


_BREAKS = re.compile(r"\r\n|\r|\n")


def newline_of(text: str) -> str:
    """The file's own line ending: the most common one (`\n` for a file without any)."""
    counts = Counter(m.group() for m in _BREAKS.finditer(text))
    return counts.most_common(1)[0][0] if counts else "\n"


def as_written(dumped: str, original: str) -> str:
    """Dumped text in `original`'s layout: its own line ending throughout, and its BOM."""
    newline = newline_of(original)
    bom = "\ufeff" if original.startswith("\ufeff") else ""
    return bom + (dumped.replace("\n", newline) if newline != "\n" else dumped)


def load_roundtrip(text: str) -> Any:
    """Parse YAML text into ruamel's commented containers. Raises ruamel's YAMLError.

    The BOM is dropped and every line break read as `\n` (YAML's own rule inside scalars):
    ruamel would keep a CR in comments only, and the dump would mix endings (`as_written`
    restores the file's own)."""
    body = text.removeprefix("\ufeff")
    return make_yaml().load(_BREAKS.sub("\n", body) if "\r" in body else body)


def dump(data: Any) -> str:
    """Serialise round-trip data in the canonical layout."""
    out = StringIO()
    make_yaml().dump(data, out)
    return out.getvalue()
