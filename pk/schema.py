"""The JSON Schema of the data files, generated from the models and committed in `schema/`."""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel
from pydantic.json_schema import GenerateJsonSchema
from pydantic_core import core_schema

from pk.models import Perjanjian, Workspace
from pk.models_realisasi import Pengaturan, Realisasi

SCHEMA_FILES: dict[str, type[BaseModel]] = {
    "perjanjian.schema.json": Perjanjian,
    "workspace.schema.json": Workspace,
    "realisasi.schema.json": Realisasi,
    "pengaturan.schema.json": Pengaturan,
}


class _EditorSchema(GenerateJsonSchema):
    """Numbers are YAML numbers: a quoted "100" is a mistake the editor should flag."""

    def decimal_schema(self, schema: core_schema.DecimalSchema) -> dict[str, Any]:
        return {"type": "number"}


def build_schema(name: str = "perjanjian.schema.json") -> dict[str, object]:
    model = SCHEMA_FILES[name]
    schema = model.model_json_schema(schema_generator=_EditorSchema)
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}


def render_schema(name: str = "perjanjian.schema.json") -> str:
    return json.dumps(build_schema(name), ensure_ascii=False, indent=2) + "\n"
