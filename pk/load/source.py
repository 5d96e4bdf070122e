"""Read a YAML file into plain data, keeping the node tree to locate any key or value.

This is the read path. libyaml (through PyYAML) parses; scalars are resolved here by the
YAML 1.2 core schema, the same rules ruamel.yaml uses when pk writes a file, so `yes`, `on`
or `1:20` stay text. Numbers with a fraction become Decimal, never float.
Commands that write go through ruamel's round-trip mode instead (see `yamlwrite`).
"""

from __future__ import annotations

import errno
import os
import re
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, NamedTuple

import pk.load.pyyaml  # noqa: F401  # before PyYAML, which it makes cheaper to import

# isort: split
import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.resolver import BaseResolver

from pk.check import codes
from pk.check.codes import Code
from pk.diagnostics import Diagnostic
from pk.i18n import N_, _
from pk.numbers import MAX_DIGITS, MAX_PLACES, excerpt, out_of_range, unsigned_zero
from pk.text import escape, first_control, is_control, may_hold_control

try:  # libyaml is in PyYAML's wheels; the pure-Python parser gives the same nodes, slower.
    from yaml.cyaml import CParser as _Parser  # type: ignore[attr-defined]  # not in the stubs

    _LIBYAML = True
except ImportError:  # pragma: no cover
    from yaml.loader import Loader as _Parser  # type: ignore[assignment]

    _LIBYAML = False

MAX_BYTES = 5 * 1024 * 1024
"""A year's agreement is about 40 KB; anything this large is not a pk file."""
MAX_DEPTH = 64
"""pk files nest eight levels at most; libyaml itself stops at 1000."""
_TOO_LARGE = N_(
    "file is larger than {mb} MB, while a pk file is about 40 KB: check that this is the right file"
)

_PLAIN = "pk:plain"
_NULL = frozenset(("~", "null", "Null", "NULL", ""))  # a plain scalar never ends in a break
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"^[-+]?[0-9]+$")
_FLOAT = re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$")
# The rarer numbers' patterns, compiled by `re` when first used: most files have none.
_INT_OCT = r"^0o[0-7]+$"
_INT_HEX = r"^0x[0-9a-fA-F]+$"
_SPECIAL_FLOAT = r"^(?:[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"


_DEFAULT_TAGS = {
    ScalarNode: BaseResolver.DEFAULT_SCALAR_TAG,
    SequenceNode: BaseResolver.DEFAULT_SEQUENCE_TAG,
    MappingNode: BaseResolver.DEFAULT_MAPPING_TAG,
}


class _Composer(_Parser, BaseResolver):
    """libyaml composer that leaves plain scalars unresolved, so resolution follows YAML 1.2."""

    def resolve(self, kind: type, value: Any, implicit: Any) -> str:
        # libyaml calls this for every untagged node: kept to one expression.
        return _PLAIN if kind is ScalarNode and implicit[0] else _DEFAULT_TAGS[kind]


class Source(NamedTuple):  # not a dataclass, which costs five times as much to define
    """A parsed file: its data (None when unusable) and the node tree behind it."""

    path: str
    data: Any
    root: Node | None

    def locate(self, loc: tuple[str | int, ...], *, key: bool = False) -> tuple[int, int]:
        return locate(self.root, loc, key=key)


def load(path: Path, display: str) -> tuple[Source, list[Diagnostic]]:
    """Read and parse one file; every problem becomes a located Diagnostic, never an exception."""
    raw, problems = read_bytes(path, display)
    if raw is None:
        return Source(display, None, None), problems
    return load_bytes(raw, display)


def read_bytes(path: Path, display: str) -> tuple[bytes | None, list[Diagnostic]]:
    """The bytes of one regular file, read with a bound; or None and why not (a folder, a
    device, a broken link, too large, unreadable), checked before a byte is read."""

    def fail(line: int, col: int, code: Code, message: str) -> tuple[None, list[Diagnostic]]:
        return None, _failed(display, line, col, code, message)[1]

    try:
        link = broken_link(path)
        if link is not None:
            return fail(0, 0, codes.UNREADABLE, link)
        if path.is_dir():
            return fail(
                0,
                0,
                codes.NOT_A_FILE,
                _(
                    "is a folder, but a YAML file was expected here: "
                    "name the YAML file, or move the folder away"
                ),
            )
        if not path.is_file():
            return fail(
                0,
                0,
                codes.NOT_A_FILE,
                _("is not a regular file (a device or pipe?); a YAML file was expected here"),
            )
        if path.stat().st_size > MAX_BYTES:
            return fail(
                0, 0, codes.FILE_TOO_LARGE, _(_TOO_LARGE).format(mb=MAX_BYTES // 1024 // 1024)
            )
        with path.open("rb") as file:
            raw = file.read(MAX_BYTES + 1)  # bounded even if the file grows after stat
    except OSError as err:
        return fail(
            0,
            0,
            codes.UNREADABLE,
            _(
                "cannot be read ({reason}); check that the file exists and that you may read it"
            ).format(reason=err.strerror or err),
        )
    return raw, []


def broken_link(path: Path) -> str | None:
    """What is wrong with `path` when it is a symbolic link that leads to no file: one that
    points to itself or round in a loop, or to something that does not exist."""
    if not path.is_symlink():
        return None
    try:
        os.stat(path)
    except OSError as err:
        if err.errno == errno.ELOOP:
            return _(
                "is a link that points to itself (or round in a loop of links): replace it "
                "with the file, or point it at the real file"
            )
        return _(
            "is a link to {target}, which does not exist: point it at the real file, or "
            "replace the link with the file"
        ).format(target=excerpt(os.readlink(path), 200))
    return None


def load_bytes(raw: bytes, display: str) -> tuple[Source, list[Diagnostic]]:
    """Parse file content read from elsewhere (e.g. `git show REV:path`); `display` names it."""

    def fail(line: int, col: int, code: Code, message: str) -> tuple[Source, list[Diagnostic]]:
        return _failed(display, line, col, code, message)

    if len(raw) > MAX_BYTES:
        return fail(0, 0, codes.FILE_TOO_LARGE, _(_TOO_LARGE).format(mb=MAX_BYTES // 1024 // 1024))
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw.count(b"\n", 0, err.start) + 1
        line_start = raw.rfind(b"\n", 0, err.start) + 1
        # Count characters, not bytes, before the bad byte, as an editor shows the column.
        col = len(raw[line_start : err.start].decode("utf-8", errors="replace")) + 1
        return fail(
            line,
            col,
            codes.NOT_UTF8,
            _(
                "byte 0x{byte:02x} is not UTF-8: save the file as UTF-8 (in the editor: "
                "Save As, encoding UTF-8)"
            ).format(byte=raw[err.start]),
        )
    return load_text(text, display)


def load_text(text: str, display: str) -> tuple[Source, list[Diagnostic]]:
    """Parse YAML text; `display` is the name diagnostics give it."""

    def fail(line: int, col: int, code: Code, message: str) -> tuple[Source, list[Diagnostic]]:
        return _failed(display, line, col, code, message)

    if text.startswith("\ufeff"):
        text = text[1:]
    try:
        root = parse(text)
    except yaml.MarkedYAMLError as err:
        line, col, code, message = _syntax_error(err, text)
        return fail(line, col, code, message)
    except yaml.reader.ReaderError as err:
        line, col = _position(text, err.position)
        reason = _READER_REASONS.get(err.reason)
        return fail(
            line,
            col,
            codes.YAML_SYNTAX,
            _(
                "YAML syntax error: character U+{code:04X} is not allowed in YAML ({reason}); "
                "remove it"
            ).format(code=err.character, reason=_(reason) if reason else err.reason),
        )
    except yaml.YAMLError as err:
        return fail(
            0,
            0,
            codes.YAML_SYNTAX,
            _("YAML syntax error: {problem}").format(problem=" ".join(str(err).split())),
        )
    if root is None:
        return fail(
            0,
            0,
            codes.EMPTY_FILE,
            _(
                "file is empty: write the pk document into it "
                "(`pk new` starts a year from the previous one)"
            ),
        )
    diagnostics: list[Diagnostic] = []
    builder = _Builder(display, diagnostics, anchors="&" in text, controls=may_hold_control(text))
    data = builder.build(root, 0)
    if builder.aliases:
        diagnostics.append(_alias_error(text, display))
    if builder.aliases or builder.too_deep or builder.out_of_range:
        # The structure is not one pk reads: checking the schema of what is left would only
        # add errors that go away once this one is fixed.
        return Source(display, None, root), diagnostics
    return Source(display, data, root), diagnostics


def _failed(
    display: str, line: int, col: int, code: Code, message: str
) -> tuple[Source, list[Diagnostic]]:
    return Source(display, None, None), [code.at(display, line, col, message)]


def parse(text: str) -> Node | None:
    composer = _Composer(text)
    try:
        return composer.get_single_node()
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


class _Builder:
    """Turns the node tree into plain data, reporting duplicate keys, aliases and deep nesting."""

    def __init__(
        self, path: str, out: list[Diagnostic], *, anchors: bool = True, controls: bool = True
    ) -> None:
        self.path = path
        self.out = out
        # Only an anchor (&name) lets libyaml hand back a node twice; without one in the text,
        # the per-node bookkeeping that catches aliases can be skipped.
        self.anchors = anchors
        # Likewise each text is searched for control characters only if the file can hold one.
        self.controls = controls
        self.seen: set[int] = set()
        self.aliases = 0
        self.too_deep = False
        self.out_of_range = False

    def report(self, at: Node, code: Code, message: str) -> None:
        line, col = at.start_mark.line + 1, at.start_mark.column + 1
        self.out.append(code.at(self.path, line, col, message))

    def _repeated(self, node: Node) -> bool:
        """Whether `node` was built before: an alias, which is never expanded."""
        # Expanding aliases is how a "billion laughs" file blows up, and pk files have no use
        # for them.
        if id(node) in self.seen:
            self.aliases += 1
            return True
        self.seen.add(id(node))
        return False

    def build(self, node: Node, depth: int) -> Any:
        if self.anchors and self._repeated(node):
            return None
        if depth > MAX_DEPTH:
            if not self.too_deep:
                self.report(
                    node,
                    codes.TOO_DEEP,
                    _(
                        "nested more than {depth} levels deep, which a pk file never is: check "
                        "the indentation of these lines"
                    ).format(depth=MAX_DEPTH),
                )
            self.too_deep = True
            return None
        if isinstance(node, ScalarNode):
            return self.scalar(node)
        if isinstance(node, SequenceNode):
            return [self.build(item, depth + 1) for item in node.value]
        mapping: dict[Any, Any] = {}
        for k, v in node.value:
            if not isinstance(k, ScalarNode):
                self.report(
                    k,
                    codes.YAML_COMPLEX_KEY,
                    _("a key must be plain text, not a list or mapping: write `key: value`"),
                )
                continue
            if self.anchors and self._repeated(k):
                continue
            # Every key of a pk file is text (ids, kode, field names), so `5:` is the key "5"
            # as `"5":` is, and a key that is not a field gets "unknown key" at its own line.
            name = k.value
            if self.controls:
                self.control(k, name)
            if name in mapping:
                self.report(
                    k,
                    codes.DUPLICATE_KEY,
                    _(
                        "key '{key}' appears twice here: delete one of them (pk reads the first)"
                    ).format(key=excerpt(k.value)),
                )
                continue
            # Most values are scalars: built here rather than through another call.
            if isinstance(v, ScalarNode) and not self.anchors and depth < MAX_DEPTH:
                mapping[name] = self.scalar(v)
            else:
                mapping[name] = self.build(v, depth + 1)
        return mapping

    def scalar(self, node: ScalarNode) -> Any:
        value = _scalar(node)
        if value is _OUT_OF_RANGE:
            self.out_of_range = True
            self.report(node, codes.NUMBER_OUT_OF_RANGE, range_problem(node.value))
            return None
        if self.controls and isinstance(value, str):
            self.control(node, value)
        return value

    def control(self, node: Node, text: str) -> None:
        """A finding at `node` if its text holds a control character (pk.text)."""
        problem = control_problem(text)
        if problem is not None:
            self.report(node, codes.CONTROL_CHARACTER, problem)


def control_problem(text: str) -> str | None:
    """Why `text` cannot be a text of a pk file (`[control-character]`), or None: in a YAML
    file, a cell to import or an option of `pk set`."""
    char = first_control(text)
    if char is None:
        return None
    if is_control(char):
        return _(
            "this text holds the control character U+{code:04X} (shown as {escape}), which no "
            "signed document has: it can clear the screen or reorder what a terminal or report "
            "shows; delete it"
        ).format(code=ord(char), escape=escape(char))
    return _(
        "this text holds the invisible character U+{code:04X} (shown as {escape}), which no "
        "signed document has: a text with it looks the same as one without but differs, and "
        "a workbook cannot hold some of them; delete it (it often comes in when copying from "
        "a PDF or a web page)"
    ).format(code=ord(char), escape=escape(char))


def range_problem(text: str) -> str:
    """Why the number written `text` is outside `pk.numbers.out_of_range`'s bound."""
    number = excerpt(text)
    whole = text.lstrip("+-").split(".")[0].lstrip("0")
    if len(number) < len(text) and whole.isdigit():
        number += " " + _("({n} digits)").format(n=len(whole))
    try:
        small = _FLOAT.match(text) is not None and Decimal(text).adjusted() < MAX_DIGITS
    except InvalidOperation:  # an exponent too large even for Decimal
        small = False
    if small:
        return _(
            "the number {number} has more than {places} digits after the decimal point, more "
            "than pk computes with: round it to {places} decimals at most"
        ).format(number=number, places=MAX_PLACES)
    return _(
        "the number {number} is too large for pk: at most {digits} digits before the decimal "
        "point (a ministry's rupiah totals fit in {digits}); check the number"
    ).format(number=number, digits=MAX_DIGITS)


def _alias_error(text: str, path: str) -> Diagnostic:
    """One error at the first alias (`*name`), with how many there are.

    The composed tree only holds the anchored node, so the aliases' own positions come from a
    second, cheap pass over the parser events; it runs only for files that have aliases.
    """
    events = yaml.parse(text, Loader=_Parser)  # type: ignore[arg-type]  # any parser will do
    aliases = [e for e in events if isinstance(e, yaml.AliasEvent)]
    first = aliases[0]
    message = _(
        "alias *{anchor} repeats a value anchored elsewhere; pk files do not allow "
        "YAML anchors and aliases (&name, *name): write the value out in full"
    ).format(anchor=excerpt(first.anchor or ""))
    if len(aliases) > 1:
        message += " " + _("(this file has {n} aliases)").format(n=len(aliases))
    mark = first.start_mark
    assert mark is not None  # the parser marks every event
    return codes.YAML_ALIAS.at(path, mark.line + 1, mark.column + 1, message)


# Hints for the YAML errors a planner meets most, keyed by a fragment of libyaml's problem.
_SYNTAX_HINTS = {
    "mapping values are not allowed": N_(
        "is this line indented more than the key above it? "
        "A value that contains ': ' must be in quotes"
    ),
    "expected <block end>": N_(
        "this line does not line up with the keys above it; check its indentation"
    ),
    "did not find expected '-' indicator": N_(
        "a list continues here but the line does not start with '- '; check its indentation"
    ),
    "could not find expected ':'": N_("each line needs `key: value`, or `- ` for a list item"),
}


_READER_REASONS = {
    "control characters are not allowed": N_("control characters are not allowed"),
    "special characters are not allowed": N_("special characters are not allowed"),
}
# libyaml's words for the problems planners meet most, so they can be translated.
_PROBLEMS = {
    "mapping values are not allowed in this context": N_("a value with `:` is not allowed here"),
    "mapping values are not allowed here": N_("a value with `:` is not allowed here"),
    "found a tab character that violates indentation": N_("a tab breaks the indentation here"),
    "found character that cannot start any token": N_("this character cannot start a value"),
    "could not find expected ':'": N_("the `:` after a key is missing"),
    "did not find expected key": N_("a key was expected here"),
    "did not find expected '-' indicator": N_("a `- ` list item was expected here"),
    "found unexpected end of stream": N_("the file ends in the middle of a value"),
    "found undefined tag handle": N_("a `!` starts a YAML tag, which pk files do not use"),
    "did not find expected ',' or '}'": N_(
        "a `{ … }` is not closed, or two of its items lack the `,` between them"
    ),
    "did not find expected ',' or ']'": N_(
        "a `[ … ]` is not closed, or two of its items lack the `,` between them"
    ),
    "did not find expected <document start>": N_(
        "the file's content must start after `---`, or without it: this line is in the way"
    ),
    "did not find expected comment or line break": N_(
        "after `|` or `>` only a comment may follow on the same line"
    ),
    "did not find expected alphabetic or numeric character": N_(
        "a `*` or `&` must be followed by a name (in text, put the value in quotes)"
    ),
    "did not find expected node content": N_("a value is missing here"),
    "found unexpected ':'": N_("a `:` here needs the value in quotes"),
    "block sequence entries are not allowed in this context": N_(
        "a `- ` list item cannot start here; check its indentation"
    ),
    "mapping keys are not allowed in this context": N_("a `? ` key cannot start here"),
    "could not find expected directive name": N_(
        "a line starting with a percent sign is a YAML directive: put such a value in quotes"
    ),
    "did not find expected whitespace or line break": N_(
        "a `!` starts a YAML tag, which pk files do not use: put the value in quotes"
    ),
    "did not find expected hexdecimal number": N_(
        "a `\\x` or `\\u` in double quotes needs hexadecimal digits: write `\\\\` for a backslash"
    ),
    "found unknown escape character": N_(
        "a `\\` in double quotes starts an escape: write `\\\\` for a backslash, or use single quotes"
    ),
    "found invalid Unicode character escape code": N_(
        "this `\\u` escape is not a character: write the character itself"
    ),
    "found a tab character where an indentation space is expected": N_(
        "a tab breaks the indentation here"
    ),
    "found unexpected document indicator": N_(
        "a line of `---` or `...` inside quoted text ends the document: indent it or quote it"
    ),
}


def _syntax_error(err: yaml.MarkedYAMLError, text: str) -> tuple[int, int, Code, str]:
    """Position, code and message for a libyaml error, pointing where the fix is needed."""
    problem = err.problem or "invalid YAML"
    mark = err.problem_mark or err.context_mark
    # Where the problem is only noticed later (end of file, next line), the construct that
    # started it is the place to fix.
    if err.context_mark and (
        "end of stream" in problem or "could not find expected ':'" in problem
    ):
        mark = err.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
    if "undefined alias" in problem:
        return (
            line,
            col,
            codes.YAML_ALIAS,
            _(
                "alias with no anchor before it; pk files do not allow YAML anchors and aliases "
                "(&name, *name): write the value out in full"
            ),
        )
    if "maximum nesting depth" in problem:
        return (
            line,
            col,
            codes.TOO_DEEP,
            _(
                "nested too deep for YAML to read, which a pk file "
                "never is: check the indentation of these lines"
            ),
        )
    if "found another document" in problem:
        return (
            line,
            col,
            codes.YAML_SYNTAX,
            _(
                "YAML syntax error: a second document starts here, but a pk file holds one "
                "document: remove this second `---` (and move what follows it into a file of "
                "its own if it is meant to stay)"
            ),
        )
    if err.context and "quoted scalar" in err.context and "end of stream" in problem:
        return (
            line,
            col,
            codes.YAML_SYNTAX,
            _("YAML syntax error: the quote opened here is never closed; add the closing quote"),
        )
    hints = [_(hint) for fragment, hint in _SYNTAX_HINTS.items() if fragment in problem]
    if "\t" in _line_at(text, line):
        hints.append(_("YAML indents with spaces, not tabs"))
    if "cannot start any token" in problem and _line_at(text, line)[col - 1 : col] in ("@", "`"):
        hints.append(_("a value starting with @ or ` must be in quotes"))
    opened = _multiline_quote(text, line)
    if opened is not None:
        hints.append(
            _(
                "the quoted text opened at line {line}, col {col} runs on over several "
                "lines: is its closing quote missing?"
            ).format(line=opened[0], col=opened[1])
        )
    # Other libyaml problems keep libyaml's English words.
    known = _PROBLEMS.get(problem)
    message = _("YAML syntax error: {problem}").format(problem=_(known) if known else problem)
    if hints:
        message += f" ({'; '.join(hints)})"
    return line, col, codes.YAML_SYNTAX, message


def _multiline_quote(text: str, line: int) -> tuple[int, int] | None:
    """Start of a quoted text that spans lines and ends on the error's `line`, if any.

    pk files write multi-line text as `|` blocks, so a quote running over lines is almost
    always one that was never closed: the scanner takes everything up to the next quote as
    text and only trips over what follows it, far from the real mistake.
    """
    found = None
    try:
        for token in yaml.scan(text, Loader=_Parser):  # type: ignore[arg-type]  # any parser will do
            if (
                isinstance(token, yaml.ScalarToken)
                and token.style in ('"', "'")
                and token.start_mark.line != token.end_mark.line
                and token.end_mark.line + 1 == line
            ):
                found = (token.start_mark.line + 1, token.start_mark.column + 1)
    except yaml.YAMLError:
        pass
    return found


_MAY_NOT_BE_TEXT = frozenset("~nNtTfF-+.0123456789")
"""First characters of the YAML 1.2 core schema's nulls, booleans and numbers."""


_OUT_OF_RANGE = object()
"""What `_scalar` gives for a number outside `pk.numbers.out_of_range`'s bound."""


def _scalar(node: ScalarNode) -> Any:
    value: str = node.value
    if node.tag != _PLAIN or (value and value[0] not in _MAY_NOT_BE_TEXT):
        return value  # most scalars are text: skip the patterns
    if value.isascii() and value.isdigit() and len(value) <= MAX_DIGITS:
        return int(value)
    # Numbers first, as they are the most common; no two of these patterns match one value
    # except an integer, which _INT takes before _FLOAT can.
    if _INT.match(value):
        # Checked on the text: Python refuses to convert more than 4300 digits at all.
        digits = value.lstrip("+-").lstrip("0")
        return int(value) if len(digits) <= MAX_DIGITS else _OUT_OF_RANGE
    if _FLOAT.match(value):
        try:
            number = Decimal(value)
        except InvalidOperation:  # an exponent too large even for Decimal: 1e99999999999999999999
            return _OUT_OF_RANGE
        return _OUT_OF_RANGE if out_of_range(number) else unsigned_zero(number)
    if value in _NULL:
        return None
    if value in _BOOL:
        return _BOOL[value]
    # Each pattern below is tried only on a value with its first characters (076.01.CQ has not).
    if value[:2] in ("0o", "0x") and re.match(_INT_OCT if value[1] == "o" else _INT_HEX, value):
        whole = int(value[2:], 8 if value[1] == "o" else 16)
        return _OUT_OF_RANGE if out_of_range(whole) else whole
    if value[:1] in ("+", "-", ".") and re.match(_SPECIAL_FLOAT, value):
        lower = value.lower()
        return (
            Decimal("NaN") if lower.endswith("nan") else Decimal(lower.replace(".inf", "Infinity"))
        )
    return value


def _position(text: str, offset: int) -> tuple[int, int]:
    """1-based (line, col) of a reader error's offset: bytes of UTF-8 for libyaml."""
    before = (
        text.encode("utf-8")[:offset].decode("utf-8", errors="replace")
        if _LIBYAML
        else text[:offset]
    )
    return before.count("\n") + 1, len(before) - (before.rfind("\n") + 1) + 1


def _line_at(text: str, line: int) -> str:
    lines = text.splitlines()
    return lines[line - 1] if 0 < line <= len(lines) else ""
