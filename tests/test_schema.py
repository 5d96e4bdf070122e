"""The committed JSON Schemas are the ones the models generate."""

from __future__ import annotations

import re

import pytest
from conftest import ROOT

from pk.model.jsonschema import SCHEMA_FILES, render_schema


@pytest.mark.parametrize("name", sorted(SCHEMA_FILES))
def test_committed_schema_is_current(name: str) -> None:
    committed = (ROOT / "schema" / name).read_text(encoding="utf-8")
    assert committed == render_schema(name), f"{name} is stale: run `make schema` and commit it"


def _descriptions(node: object) -> list[str]:
    if isinstance(node, dict):
        own = [node["description"]] if isinstance(node.get("description"), str) else []
        return own + [d for v in node.values() for d in _descriptions(v)]
    if isinstance(node, list):
        return [d for v in node for d in _descriptions(v)]
    return []


@pytest.mark.parametrize("name", sorted(SCHEMA_FILES))
def test_descriptions_speak_indonesian_in_the_committed_schema(name: str) -> None:
    """What the editor shows on hover: every description translated from the model's
    docstring, none left in English; `pk schema --lang en` gives the English."""
    import json

    from pk.model.jsonschema import build_schema

    committed = _descriptions(json.loads((ROOT / "schema" / name).read_text(encoding="utf-8")))
    english = _descriptions(build_schema(name, "en"))
    assert committed and len(committed) == len(english)
    for indonesian, source in zip(committed, english, strict=True):
        assert indonesian != source or not re.search(r"\b(the|of|with|and)\b", source), source
