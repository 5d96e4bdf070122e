"""The committed JSON Schema is the one the models generate."""

from __future__ import annotations

from conftest import ROOT

from pk.schema import render_schema


def test_committed_schema_is_current() -> None:
    committed = (ROOT / "schema" / "perjanjian.schema.json").read_text(encoding="utf-8")
    assert committed == render_schema(), "schema is stale: run `make schema` and commit it"
