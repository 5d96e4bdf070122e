"""The JSON Schema of the data files, generated from the models and committed in `schema/`."""

from __future__ import annotations

import json

from pk.models import Perjanjian

SCHEMA_FILES = {"perjanjian.schema.json": Perjanjian}


def build_schema(name: str = "perjanjian.schema.json") -> dict[str, object]:
    model = SCHEMA_FILES[name]
    schema = model.model_json_schema()
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}


def render_schema(name: str = "perjanjian.schema.json") -> str:
    return json.dumps(build_schema(name), ensure_ascii=False, indent=2) + "\n"
