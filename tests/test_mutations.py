"""Property: whatever is done to data/2024/perjanjian.yaml, `pk validate` answers calmly.

Random edits of the real file (lines deleted or repeated, keys and values retyped, junk
characters or bytes inserted, indentation shifted, the file cut short) must never raise:
validate ends with exit 0 or 1, prints no traceback, and every finding is located.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import DATA_2024, FINDING
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from pk.cli import app

pytestmark = pytest.mark.usefixtures("english")  # asserts English messages

ORIGINAL = (DATA_2024 / "perjanjian.yaml").read_bytes()
LINES = ORIGINAL.splitlines(keepends=True)
SUMMARY = re.compile(
    r"^(No problems found|Found \d+ (error|warning)s?( and \d+ warnings?)?) "
    r"\(\d+ files? checked\)\.$"
)

# Values of every YAML type and a few hostile ones, to put where another type belongs.
VALUES = st.sampled_from(
    [
        "",
        "null",
        "~",
        "[]",
        "{}",
        "[1, 2]",
        "{min: 90, maks: 80}",
        "0",
        "-1",
        "1.5",
        "1e400",
        ".nan",
        ".inf",
        "true",
        "yes",
        "2024-13-45",
        "2024-06-10",
        "'100%'",
        '"A"',
        "A+",
        "0x1F",
        "&anchor x",
        "*anchor",
        "!!binary aGk=",
        "!!python/object/apply:os.system ['true']",
        "|\n  block",
        "'unclosed",
        '"unclosed',
        "@at",
        "`tick",
        "x: y",
        "- item",
        "#comment",
        "99999999999999999999999999",
        "\t",
        "\u00e9\u4e2d\U0001f600",
    ]
)
LINE = st.integers(0, len(LINES) - 1)
OFFSET = st.integers(0, len(ORIGINAL))

MUTATION = st.one_of(
    st.tuples(st.just("delete"), LINE),
    st.tuples(st.just("repeat"), LINE),
    st.tuples(st.just("indent"), LINE, st.integers(-6, 6)),
    st.tuples(st.just("value"), LINE, VALUES | st.text(max_size=12)),
    st.tuples(st.just("key"), LINE, VALUES | st.text(max_size=12)),
    st.tuples(st.just("text"), OFFSET, st.text(min_size=1, max_size=6)),
    st.tuples(st.just("bytes"), OFFSET, st.binary(min_size=1, max_size=4)),
    st.tuples(st.just("truncate"), OFFSET),
)


def mutate(data: bytes, mutation: tuple) -> bytes:
    kind, where, *rest = mutation
    lines = data.splitlines(keepends=True)
    if kind in ("delete", "repeat", "indent", "value", "key"):
        if not lines:
            return data
        i = where % len(lines)
        line = lines[i]
        if kind == "delete":
            del lines[i]
        elif kind == "repeat":
            lines.insert(i, line)
        elif kind == "indent":
            shift = rest[0]
            lines[i] = (
                b" " * shift + line
                if shift > 0
                else line[min(-shift, len(line) - len(line.lstrip(b" "))) :]
            )
        else:
            key, sep, value = line.partition(b": ")
            new = rest[0].encode("utf-8", errors="surrogatepass")
            if sep:
                lines[i] = (
                    (key + sep + new + b"\n")
                    if kind == "value"
                    else (key[: len(key) - len(key.lstrip(b" -"))] + new + sep + value)
                )
        return b"".join(lines)
    where = min(where, len(data))
    if kind == "text":
        return data[:where] + rest[0].encode("utf-8", errors="surrogatepass") + data[where:]
    if kind == "bytes":
        return data[:where] + rest[0] + data[where:]
    return data[:where]  # truncate


@settings(
    max_examples=int(__import__("os").environ.get("PK_EXAMPLES", 80)),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(mutations=st.lists(MUTATION, min_size=1, max_size=4))
def test_validate_never_raises_on_a_mutated_agreement(mutations: list, tmp_path: Path) -> None:
    data = ORIGINAL
    for mutation in mutations:
        data = mutate(data, mutation)
    folder = tmp_path / "2024"
    folder.mkdir(exist_ok=True)
    (folder / "perjanjian.yaml").write_bytes(data)
    result = CliRunner().invoke(app, ["validate", folder.as_posix()])
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        f"validate raised {result.exception!r} for mutations {mutations}"
    )
    assert result.exit_code in (0, 1)
    assert "Traceback" not in result.output
    *findings, summary = result.stdout.splitlines()
    assert SUMMARY.match(summary), summary
    bad = [line for line in findings if not FINDING.match(line)]
    assert bad == [], bad
    if result.exit_code == 1:
        assert any(": error: " in line for line in findings)


def test_unchanged_file_passes_the_same_checks(tmp_path: Path) -> None:
    """The property's baseline: the real file itself is fine."""
    folder = tmp_path / "2024"
    folder.mkdir()
    (folder / "perjanjian.yaml").write_bytes(ORIGINAL)
    result = CliRunner().invoke(app, ["validate", folder.as_posix()])
    assert result.exit_code == 0
    assert all(FINDING.match(line) for line in result.stdout.splitlines()[:-1])
