"""The committed JSON Schemas are the ones the models generate."""

from __future__ import annotations

import pytest
from conftest import ROOT

from pk.model.jsonschema import SCHEMA_FILES, render_schema


@pytest.mark.parametrize("name", sorted(SCHEMA_FILES))
def test_committed_schema_is_current(name: str) -> None:
    committed = (ROOT / "schema" / name).read_text(encoding="utf-8")
    assert committed == render_schema(name), f"{name} is stale: run `make schema` and commit it"
