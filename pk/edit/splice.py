"""Carry an edit of the round-trip tree into the file's own text, byte for byte elsewhere.

    original text --ruamel--> tree --edit--> tree'
    diff(tree, tree') --positions from the read path's nodes--> the changed spans replaced

A writer that edits (`pk set`, `pk import`) changes ruamel's tree as it likes; `splice` then
compares the tree before and after, and rewrites only the scalars, entries and items that
differ, at the places pk's read path (`pk.load.source.parse`) gives. Everything else — CRLF,
a BOM, `%YAML` and `---`, indentation, quotes, `+25`, comments — stays as written; new lines
take the file's indentation and line ending. What cannot be changed in place (a key order
that changed, a value of another kind) is rewritten at the smallest node that holds it.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from io import StringIO
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from pk.edit.roundtrip import dump, make_yaml, newline_of
from pk.load.source import parse

_BREAK = re.compile(r"\r\n|[\r\n\x85\u2028\u2029]")
"""What libyaml counts as a line break, so that line numbers agree with its marks."""


class _Unsupported(Exception):
    """This node cannot be changed in place: its parent is rewritten instead."""


def splice(text: str, before: Any, after: Any) -> str:
    """`text` with the changes from `before` (ruamel's tree of `text`) to `after` made in place."""
    bom = "\ufeff" if text.startswith("\ufeff") else ""
    body = text[len(bom) :]
    root = parse(body)
    if root is None:
        return bom + _convert(dump(after), newline_of(body))
    doc = _Doc(body, newline_of(body), _step(root))
    try:
        doc.change(root, before, after, _Place())
    except _Unsupported:
        return bom + _convert(dump(after), doc.newline)
    out = body
    # From the end back, so offsets stay true; of two insertions at one place the later is
    # made first, so that the earlier ends up before it (two new keys after the same one).
    order = sorted(range(len(doc.edits)), key=lambda i: (doc.edits[i][:2], i), reverse=True)
    for start, end, new in (doc.edits[i] for i in order):
        out = out[:start] + new + out[end:]
    return bom + out


@dataclass(frozen=True)
class _Place:
    """Where a node sits: in a flow collection, as a block mapping's value, or a list item."""

    flow: bool = False
    key: Node | None = None
    """The key whose value the node is, in a block mapping."""
    column: int = 0
    """The column of that key, or of the item's `-`."""
    item: bool = False


@dataclass
class _Doc:
    text: str
    newline: str
    step: int
    edits: list[tuple[int, int, str]] = field(default_factory=list)

    # --- walking the two trees ------------------------------------------------------------

    def change(self, node: Node, old: Any, new: Any, place: _Place) -> None:
        if same(old, new):
            return
        mark = len(self.edits)
        try:
            if isinstance(node, MappingNode) and isinstance(old, dict) and isinstance(new, dict):
                self._mapping(node, old, new, place)
                return
            if isinstance(node, SequenceNode) and isinstance(old, list) and isinstance(new, list):
                self._sequence(node, old, new, place)
                return
        except _Unsupported:
            del self.edits[mark:]  # the edits made inside are rewritten with the whole node
        self._replace(node, new, place)

    def _mapping(
        self, node: MappingNode, old: dict[Any, Any], new: dict[Any, Any], place: _Place
    ) -> None:
        if len(node.value) != len(old):
            raise _Unsupported
        entries = dict(zip(old, node.value, strict=True))
        kept = [k for k in new if k in old]
        if kept != [k for k in old if k in new]:
            raise _Unsupported  # reordered: the whole mapping is rewritten
        if bool(node.flow_style) != _is_flow(new):
            raise _Unsupported
        flow = bool(node.flow_style)
        column = node.start_mark.column
        # Checked before any edit is recorded: a refusal must leave no half-made edits behind.
        for k in old:
            if k in new and not flow:
                self._colon(entries[k][0], entries[k][1])
        for k in old:
            if k not in new:
                self._delete_entry(node, entries, list(old), k, flow)
        for k in kept:
            key, value = entries[k]
            inner = _Place(flow=True) if flow else _Place(key=key, column=column)
            self.change(value, old[k], new[k], inner)
        previous: Any = None
        for k in new:
            if k in old:
                previous = k
                continue
            self._insert_entry(node, entries, previous, k, new[k], flow, column)

    def _sequence(self, node: SequenceNode, old: list[Any], new: list[Any], place: _Place) -> None:
        # Items changed in place, or added at the end; anything else rewrites the list.
        if len(node.value) != len(old) or not old or len(new) < len(old):
            raise _Unsupported
        flow = bool(node.flow_style)
        column = 0 if flow else self._dash(node.value[0])
        for item, a, b in zip(node.value, old, new, strict=False):
            self.change(item, a, b, _Place(flow=True) if flow else _Place(column=column, item=True))
        if len(new) > len(old):
            last = self._end(node.value[-1])
            if flow:
                text = "".join(f", {_flow_text(v)}" for v in new[len(old) :])
                self.edits.append((last, last, text))
            else:
                at = self._next_line(last)
                text = "".join(
                    self._lines(_item_lines(v, self.step), column) for v in new[len(old) :]
                )
                self.edits.append((at, at, self._after_newline(at) + text))

    # --- edits ----------------------------------------------------------------------------

    def _replace(self, node: Node, new: Any, place: _Place) -> None:
        if place.flow:
            start, end = self._offset(node), self._end(node)
            self.edits.append((start, end, _flow_text(new)))
            return
        if place.key is not None:
            start = self._colon(place.key, node) + 1
            first, rest = _value_lines(new, self.step)
        elif place.item:
            start = self._offset(node)
            lines = _item_lines(new, self.step)
            first, rest = lines[0][2:], lines[1:]
        else:
            raise _Unsupported  # the root: the whole document is written anew
        end = self._end(node)
        text = first + "".join(self.newline + " " * place.column + line for line in rest)
        self.edits.append((start, end, text))

    def _insert_entry(
        self,
        node: MappingNode,
        entries: dict[Any, tuple[Node, Node]],
        previous: Any,
        key: Any,
        value: Any,
        flow: bool,
        column: int,
    ) -> None:
        if flow:
            if previous is not None:
                at = self._end(entries[previous][1])
                self.edits.append((at, at, ", " + _flow_entry(key, value)))
            elif entries:
                at = self._offset(next(iter(entries.values()))[0])
                self.edits.append((at, at, _flow_entry(key, value) + ", "))
            else:
                at = self._end(node) - 1
                if self.text[at : at + 1] != "}":
                    raise _Unsupported
                self.edits.append((at, at, _flow_entry(key, value)))
            return
        text = self._lines(_entry_lines(key, value, self.step), column)
        if previous is not None:
            at = self._next_line(self._end(entries[previous][1]))
            text = self._after_newline(at) + text
        else:
            first = self._offset(next(iter(entries.values()))[0])
            at = self._line_start(first)
            if self.text[at:first].strip():
                raise _Unsupported  # the first key shares its line (`- key: ...`)
        self.edits.append((at, at, text))

    def _delete_entry(
        self,
        node: MappingNode,
        entries: dict[Any, tuple[Node, Node]],
        keys: list[Any],
        key: Any,
        flow: bool,
    ) -> None:
        k, v = entries[key]
        i = keys.index(key)
        if flow:
            if i > 0:
                start, end = self._end(entries[keys[i - 1]][1]), self._end(v)
            elif len(keys) > 1:
                start, end = self._offset(k), self._offset(entries[keys[1]][0])
            else:
                start, end = self._offset(k), self._end(v)
            self.edits.append((start, end, ""))
            return
        start = self._line_start(self._offset(k))
        if self.text[start : self._offset(k)].strip():
            raise _Unsupported  # a key that shares its line (`- key: ...`)
        self.edits.append((start, self._next_line(self._end(v)), ""))

    # --- positions ------------------------------------------------------------------------

    def _offset(self, node: Node) -> int:
        return int(node.start_mark.index)

    def _end(self, node: Node) -> int:
        """Where the node's own text ends: its last scalar, not the comments or blank lines
        a block collection's end takes in."""
        if isinstance(node, MappingNode | SequenceNode) and not node.flow_style:
            if not node.value:
                return int(node.end_mark.index)
            last = node.value[-1]
            return self._end(last[1] if isinstance(last, tuple) else last)
        end = int(node.end_mark.index)
        if isinstance(node, ScalarNode) and node.style in ("|", ">"):
            while end > node.start_mark.index and self.text[end - 1] in "\r\n":
                end -= 1
        return end

    def _dash(self, item: Node) -> int:
        """The column of the `-` before a block list's item."""
        at = self._offset(item) - 1
        while at >= 0 and self.text[at] in " \t":
            at -= 1
        if at < 0 or self.text[at] != "-":
            raise _Unsupported
        return at - self._line_start(at)

    def _colon(self, key: Node, value: Node) -> int:
        """The offset of the `:` after a block key (an explicit `? key` cannot be edited here)."""
        at = int(key.end_mark.index)
        while self.text[at : at + 1] in (" ", "\t"):
            at += 1
        if self.text[at : at + 1] != ":" or at > value.start_mark.index:
            raise _Unsupported
        return at

    def _line_start(self, at: int) -> int:
        breaks = [m.end() for m in _BREAK.finditer(self.text, 0, at)]
        return breaks[-1] if breaks else 0

    def _next_line(self, at: int) -> int:
        """The start of the line after the one `at` is on (the end of the text if none)."""
        found = _BREAK.search(self.text, at)
        return found.end() if found else len(self.text)

    def _after_newline(self, at: int) -> str:
        """A line break to put first when inserting at the end of a last line without one."""
        return self.newline if at == len(self.text) and not _BREAK.search(self.text[-2:]) else ""

    def _lines(self, lines: list[str], column: int) -> str:
        return "".join(" " * column + line + self.newline for line in lines)


def _convert(text: str, newline: str) -> str:
    return text.replace("\n", newline) if newline != "\n" else text


def _step(root: Node) -> int:
    """The file's indentation: the most common step from a block key to the keys under it."""
    steps: Counter[int] = Counter()
    stack = [root]
    while stack:
        node = stack.pop()
        if isinstance(node, MappingNode):
            for key, value in node.value:
                if isinstance(value, MappingNode) and not value.flow_style and not node.flow_style:
                    if value.start_mark.line > key.start_mark.line:
                        steps[value.start_mark.column - key.start_mark.column] += 1
                stack.append(value)
        elif isinstance(node, SequenceNode):
            stack.extend(node.value)
    steps.pop(0, None)
    return max(2, min(8, steps.most_common(1)[0][0])) if steps else 2


def same(old: Any, new: Any) -> bool:
    """Whether the edit left this value as it was (the same kind of value, equal)."""
    if old is new:
        return True
    if isinstance(old, dict) and isinstance(new, dict):
        return list(old) == list(new) and all(same(old[k], new[k]) for k in old)
    if isinstance(old, list) and isinstance(new, list):
        return len(old) == len(new) and all(same(a, b) for a, b in zip(old, new, strict=True))
    return type(old) is type(new) and bool(old == new)


def _is_flow(value: Any) -> bool:
    fa = getattr(value, "fa", None)
    return bool(fa is not None and fa.flow_style())


# --- rendering new values in pk's layout, at the file's indentation ---------------------------


def _dump(data: Any, step: int) -> list[str]:
    y = make_yaml()
    y.indent(mapping=step, sequence=step + 2, offset=step)
    out = StringIO()
    y.dump(data, out)
    return out.getvalue().splitlines()


def _entry_lines(key: Any, value: Any, step: int) -> list[str]:
    """`key: value` as block lines from column 0."""
    return _dump(CommentedMap([(key, value)]), step)


def _value_lines(value: Any, step: int) -> tuple[str, list[str]]:
    """A block mapping's value: what follows `key:` on its line, and the lines below it
    relative to the key's column."""
    lines = _entry_lines("k", value, step)
    return lines[0][2:], lines[1:]


def _item_lines(value: Any, step: int) -> list[str]:
    """A block list's item as lines starting `- `, relative to the dash's column."""
    lines = _dump(CommentedMap([("k", CommentedSeq([value]))]), step)[1:]
    indent = len(lines[0]) - len(lines[0].lstrip(" "))
    return [line[indent:] for line in lines]


def _flow_text(value: Any) -> str:
    """A value as it is written inside `[ ]` or `{ }`, on one line."""
    wrapper = CommentedSeq([value])
    wrapper.fa.set_flow_style()
    text = "\n".join(_dump(wrapper, 2)).strip()
    return text[1:-1]


def _flow_entry(key: Any, value: Any) -> str:
    wrapper = CommentedMap([(key, value)])
    wrapper.fa.set_flow_style()
    text = "\n".join(_dump(wrapper, 2)).strip()
    return text[1:-1]
