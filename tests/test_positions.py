"""The fast read path (libyaml nodes) locates every finding where ruamel's round-trip
loader, which pk uses to write, puts the same key or value."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError
from ruamel.yaml.reader import ReaderError

from pk.load import source as yamlsource
from pk.load.year import load_year

CASES = sorted(p.parent for p in (ROOT / "tests" / "cases" / "invalid").glob("*/exit_code"))


def roundtrip_locate(
    data: Any, loc: tuple[str | int, ...], *, key: bool = False
) -> tuple[int, int]:
    """Where ruamel's round-trip data says `loc` is: the same contract as Source.locate."""
    node = data
    line, col = node.lc.line, node.lc.col
    for i, part in enumerate(loc):
        last = i == len(loc) - 1
        if isinstance(node, CommentedMap) and part in node:
            line, col = node.lc.key(part) if key and last else node.lc.value(part)
            node = node[part]
        elif isinstance(node, CommentedSeq) and isinstance(part, int) and 0 <= part < len(node):
            line, col = node.lc.item(part)
            node = node[part]
        else:
            continue  # a missing key or a pydantic union tag: stay where we are
        if isinstance(node, CommentedMap | CommentedSeq) and not (key and last):
            line, col = node.lc.line, node.lc.col
    return line + 1, col + 1


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_fast_path_positions_equal_roundtrip(case: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(case)
    file = Path("2024/perjanjian.yaml")
    compared: list[tuple[tuple[int, int], tuple[int, int]]] = []
    try:
        text = file.read_text(encoding="utf-8") if file.is_file() else None
        data = YAML(typ="rt").load(text) if text is not None else None
    except UnicodeDecodeError:
        pytest.skip("not UTF-8: neither reader gets as far as positions")
    except MarkedYAMLError as err:
        # ruamel refuses the file (syntax, duplicate key): pk points where ruamel's marks do.
        marks = {(m.line + 1, m.column + 1) for m in (err.problem_mark, err.context_mark) if m}
        found = {(d.line, d.col) for d in load_year(Path("2024")).diagnostics}
        assert marks & found, (err, found)
        return
    except ReaderError as err:
        # ruamel names a bad character by its offset in the text.
        assert text is not None
        line = text.count("\n", 0, err.position) + 1
        col = err.position - (text.rfind("\n", 0, err.position) + 1) + 1
        found = {(d.line, d.col) for d in load_year(Path("2024")).diagnostics}
        assert (line, col) in found, (err, found)
        return
    except (ValueError, RecursionError) as err:
        # ruamel itself fails on these (an impossible date, 1000 levels of nesting); the fast
        # path reports them as findings, which the case's expected.txt shows.
        pytest.skip(f"ruamel cannot load this file: {type(err).__name__}")
    if "[yaml-alias]" in (case / "expected.txt").read_text(encoding="utf-8"):
        pytest.skip("ruamel follows aliases; pk refuses them, so there is nothing to compare")
    if not isinstance(data, CommentedMap):
        pytest.skip("no mapping to locate keys in")

    original = yamlsource.Source.locate

    def both(
        self: yamlsource.Source, loc: tuple[str | int, ...], *, key: bool = False
    ) -> tuple[int, int]:
        fast = original(self, loc, key=key)
        compared.append((fast, roundtrip_locate(data, loc, key=key)))
        return fast

    monkeypatch.setattr(yamlsource.Source, "locate", both)
    loaded = load_year(Path("2024"))
    if {d.code for d in loaded.diagnostics} <= {"too-deep", "control-character"}:
        pytest.skip("found while reading the nodes, before any key is located")
    if loaded.diagnostics and all(d.line == 0 for d in loaded.diagnostics):
        pytest.skip("every finding is about a whole file (an LKjIP chapter): no key to locate")
    assert compared, "no finding was located"
    assert [fast for fast, _ in compared] == [rt for _, rt in compared]
