"""The JSON Schema of the data files, generated from the models and committed in `schema/`."""

from __future__ import annotations

import ast
import inspect
import json
from pathlib import Path
from types import ModuleType
from typing import Any

from pydantic import BaseModel
from pydantic.json_schema import GenerateJsonSchema
from pydantic_core import core_schema

from pk.model import perjanjian as models
from pk.model import realisasi as models_realisasi
from pk.model.perjanjian import Perjanjian, Workspace
from pk.model.realisasi import Pengaturan, Realisasi

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


def _field_docstrings(module: ModuleType) -> dict[str, dict[str, str]]:
    """Each class's attribute docstrings (the string under `name: type`), by class and field."""
    tree = ast.parse(Path(module.__file__ or "").read_text(encoding="utf-8"))
    docs: dict[str, dict[str, str]] = {}
    for node in tree.body:
        if not isinstance(node, ast.ClassDef):
            continue
        fields = docs.setdefault(node.name, {})
        for stmt, after in zip(node.body, node.body[1:], strict=False):
            if (
                isinstance(stmt, ast.AnnAssign)
                and isinstance(stmt.target, ast.Name)
                and isinstance(after, ast.Expr)
                and isinstance(after.value, ast.Constant)
                and isinstance(after.value.value, str)
            ):
                fields[stmt.target.id] = inspect.cleandoc(after.value.value)
    return docs


def _describe(schema: dict[str, Any], docs: dict[str, dict[str, str]]) -> None:
    """Give each model's properties their attribute docstring as `description`."""
    for definition in [schema, *schema.get("$defs", {}).values()]:
        fields = docs.get(definition.get("title", ""), {})
        properties = definition.get("properties", {})
        for name, prop in properties.items():
            if name in fields and "description" not in prop:
                # pydantic writes each schema's keys sorted; keep the committed files stable.
                properties[name] = dict(sorted({**prop, "description": fields[name]}.items()))


def build_schema(name: str = "perjanjian.schema.json") -> dict[str, object]:
    model = SCHEMA_FILES[name]
    schema = model.model_json_schema(schema_generator=_EditorSchema)
    _describe(schema, _field_docstrings(models) | _field_docstrings(models_realisasi))
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}


def render_schema(name: str = "perjanjian.schema.json") -> str:
    return json.dumps(build_schema(name), ensure_ascii=False, indent=2) + "\n"
