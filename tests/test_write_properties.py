"""Random edits through `pk set` and `pk fmt` on realisasi files written in many hands (comments
everywhere, CRLF or LF, a BOM or none, 2 or 4 spaces): every comment and every untouched line
stays byte for byte, and the data is what the edits meant."""

from __future__ import annotations

import copy
import difflib
import shutil
import tempfile
from decimal import Decimal
from pathlib import Path

import yaml
from conftest import ROOT
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from test_fmt import comments
from yaml.nodes import MappingNode, Node

from pk.edit.entry import enter
from pk.edit.fmt import format_file
from pk.edit.roundtrip import dump
from pk.edit.tables import Cell, Entry
from pk.load.source import load_text

PERJANJIAN = ROOT / "examples" / "demo-2024" / "perjanjian.yaml"
NUMERIC = [f"IK-{n:02d}" for n in range(1, 61) if n not in (25, 56)]  # 25 and 56 take a grade
TRIWULAN = ["TW1", "TW2", "TW3", "TW4"]


def realisasi(indent: int, flow_comment: bool) -> str:
    """A hand-written realisasi.yaml, with comments where ruamel finds them hardest."""
    i = " " * indent
    text = (
        "# yaml-language-server: $schema=../../schema/realisasi.schema.json\n"
        "# Realisasi uji: komentar di tempat yang sulit.\n"
        "versi_format: 1\n"
        "tahun: 2024\n"
        "\n"
        "indikator:\n"
        f"{i}# kelompok pertama\n"
        f"{i}IK-01:\n"
        f"{i}{i}TW1: {{realisasi: 25}}  # dari laporan Maret\n"
        f'{i}{i}TW2: {{realisasi: 50, catatan: "Sesuai jadwal, # bukan komentar"}}\n'
        f"{i}{i}faktor_pendorong: |-\n"
        f"{i}{i}{i}Koordinasi rutin\n"
        f"{i}{i}{i}# bukan komentar juga\n"
        f'{i}"IK-05":\n'
        f"{i}{i}TW1:\n"
        f"{i}{i}{i}realisasi: 26.25   # angka sementara\n"
        f"{i}{i}{i}catatan: 'kutip tunggal'\n"
        f"{i}# IK-10: satu laporan per semester\n"
        f"{i}IK-10:\n"
        f"{i}{i}TW2: {{realisasi: +50}}\n"
    )
    if flow_comment:
        text += (
            f"{i}IK-20: {{TW1: {{realisasi: 10}}, TW2: {{realisasi: 20,\n"
            f"{i}{i}# direvisi April\n"
            f"{i}{i}catatan: x}}}}\n"
        )
    return text + "# akhir berkas\n"


def _end_line(root: Node | None, loc: tuple[str, ...]) -> int | None:
    """The 1-based line where the flow mapping at `loc` closes (None for a block mapping)."""
    node = root
    for part in loc:
        assert isinstance(node, MappingNode)
        node = next(v for k, v in node.value if k.value == part)
    assert isinstance(node, MappingNode)
    return node.end_mark.line + 1 if node.flow_style else None


values = st.decimals(min_value=0, max_value=1000, places=2, allow_nan=False)
notes = st.none() | st.text(
    alphabet=st.sampled_from("ab ?:#-'\",[]{}%@!&*|>"), min_size=1, max_size=12
).filter(lambda t: t.strip() == t and t)
edits = st.lists(
    st.tuples(
        st.sampled_from(["IK-01", "IK-05", "IK-10", "IK-20", *NUMERIC]),
        st.sampled_from(TRIWULAN),
        values,
        notes,
    ),
    min_size=1,
    max_size=3,
    unique_by=lambda e: (e[0], e[1]),
)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    edits=edits,
    newline=st.sampled_from(["\n", "\r\n"]),
    bom=st.sampled_from(["", "\ufeff"]),
    indent=st.sampled_from([2, 4]),
    flow_comment=st.booleans(),
)
def test_random_edits_keep_every_comment_and_untouched_line(
    edits: list[tuple[str, str, Decimal, str | None]],
    newline: str,
    bom: str,
    indent: int,
    flow_comment: bool,
) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch) / "2024"
        folder.mkdir()
        shutil.copy(PERJANJIAN, folder)
        file = folder / "realisasi.yaml"
        original = bom + realisasi(indent, flow_comment).replace("\n", newline)
        file.write_bytes(original.encode("utf-8"))
        source, problems = load_text(original, "realisasi.yaml")
        assert not problems
        expected = copy.deepcopy(source.data)

        # The lines an edit may change: those of the quarters it sets, where they exist.
        may_change: set[int] = set()
        for ident, tw, value, note in edits:
            where = Cell("pk set", 0, 0)
            enter(folder, [Entry(ident, tw, str(value), note, where, where, where)], [])
            quarter = expected["indikator"].setdefault(ident, {}).setdefault(tw, {})
            if ident in source.data["indikator"] and tw in source.data["indikator"][ident]:
                for loc in ((), ("realisasi",), ("catatan",)):
                    may_change.add(source.locate(("indikator", ident, tw, *loc))[0])
            elif ident in source.data["indikator"]:
                # A quarter added to `{ ... }` goes before its closing brace, on that line.
                line = _end_line(source.root, ("indikator", ident))
                if line is not None:
                    may_change.add(line)
            quarter["realisasi"] = value
            if note is not None:
                quarter["catatan"] = note

        text = file.read_bytes().decode("utf-8")
        assert text.startswith(bom) and not text[len(bom) :].startswith("\ufeff")
        lines = text[len(bom) :].split(newline)
        assert all("\n" not in line and "\r" not in line for line in lines)
        after, problems = load_text(text, "realisasi.yaml")
        assert not problems and after.data == expected
        assert comments(text[len(bom) :]) == comments(original[len(bom) :])
        old = original[len(bom) :].split(newline)
        for op, i1, i2, _j1, _j2 in difflib.SequenceMatcher(None, old, lines).get_opcodes():
            if op in ("replace", "delete"):
                assert set(range(i1 + 1, i2 + 1)) <= may_change, (op, old[i1:i2])

        # pk fmt keeps every comment and the data, or leaves a file it cannot keep them in.
        result = format_file(file)
        formatted = file.read_bytes().decode("utf-8")
        if flow_comment:
            assert [d.code for d in result.diagnostics] == ["not-formattable"]
            assert formatted == text
        else:
            assert not result.diagnostics
            # fmt keeps the BOM and the file's own line ending throughout, as pk set does.
            assert formatted.startswith(bom) and not formatted[len(bom) :].startswith("\ufeff")
            assert all("\n" not in x and "\r" not in x for x in formatted.split(newline))
            formatted = formatted[len(bom) :]
            assert sorted(comments(formatted)) == sorted(comments(text[len(bom) :]))
            assert load_text(formatted, "realisasi.yaml")[0].data == expected
            assert not format_file(file).changed


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("?:-#,[]{}'\"!&*|>%@` \tax1.\né"), max_size=6))
def test_any_text_is_written_so_that_it_reads_back(text: str) -> None:
    """The emitter's choice of quotes, in every context a text can take in a pk file."""
    flow_list = CommentedSeq([text])
    flow_list.fa.set_flow_style()
    flow_map = CommentedMap([("z", text)])
    flow_map.fa.set_flow_style()
    data = CommentedMap(
        [("k", flow_list), ("m", flow_map), ("b", text), ("l", [text]), (text or "x", 1)]
    )
    written = dump(data)
    expected = {"k": [text], "m": {"z": text}, "b": text, "l": [text], text or "x": 1}
    source, problems = load_text(written, "x.yaml")
    assert not problems and source.data == expected, written
    assert yaml.safe_load(written) == expected, written  # PyYAML's reader agrees
