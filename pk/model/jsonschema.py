"""The JSON Schema of the data files, generated from the models and committed in `schema/`.

Its descriptions (what an editor shows on hover) are the models' docstrings — of each class
and of each field — in the run's language: `extract_descriptions` puts them in pk's gettext
catalog (`make messages`), `build_schema` translates them; the committed files are in
Bahasa Indonesia (`make schema`).
"""

from __future__ import annotations

import ast
import inspect
import io
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType
from typing import IO, Any

from pydantic import BaseModel
from pydantic.json_schema import GenerateJsonSchema
from pydantic_core import core_schema

from pk.model import bentuk as models_bentuk
from pk.model import evaluasi as models_evaluasi
from pk.model import perjanjian as models
from pk.model import realisasi as models_realisasi
from pk.model import renstra as models_renstra
from pk.model.evaluasi import Evaluasi
from pk.model.perjanjian import Perjanjian, Workspace
from pk.model.realisasi import Pengaturan, Realisasi
from pk.model.renstra import Renstra
from pk.text import json_text

SCHEMA_FILES: dict[str, type[BaseModel]] = {
    "perjanjian.schema.json": Perjanjian,
    "workspace.schema.json": Workspace,
    "realisasi.schema.json": Realisasi,
    "pengaturan.schema.json": Pengaturan,
    "renstra.schema.json": Renstra,
    "evaluasi.schema.json": Evaluasi,
}


class _EditorSchema(GenerateJsonSchema):
    """Numbers are YAML numbers: a quoted "100" is a mistake the editor should flag."""

    def decimal_schema(self, schema: core_schema.DecimalSchema) -> dict[str, Any]:
        return {"type": "number"}


def _attribute_docstrings(node: ast.ClassDef) -> Iterator[tuple[ast.Constant, str, str]]:
    """The string under each `name: type` of a class: its node, the field and the text."""
    for stmt, after in zip(node.body, node.body[1:], strict=False):
        if (
            isinstance(stmt, ast.AnnAssign)
            and isinstance(stmt.target, ast.Name)
            and isinstance(after, ast.Expr)
            and isinstance(after.value, ast.Constant)
            and isinstance(after.value.value, str)
        ):
            yield after.value, stmt.target.id, inspect.cleandoc(after.value.value)


def _field_docstrings(module: ModuleType) -> dict[str, dict[str, str]]:
    """Each class's attribute docstrings, by class and field."""
    tree = ast.parse(Path(module.__file__ or "").read_text(encoding="utf-8"))
    return {
        node.name: {name: text for _node, name, text in _attribute_docstrings(node)}
        for node in tree.body
        if isinstance(node, ast.ClassDef)
    }


def extract_descriptions(
    fileobj: IO[bytes], keywords: Any, comment_tags: Any, options: Any
) -> Iterator[tuple[Any, ...]]:
    """A babel extractor for the model modules (babel.cfg): their `_()` and `N_()` messages,
    and every class and attribute docstring, which become the schema's descriptions."""
    from babel.messages.extract import extract_python

    source = fileobj.read()
    yield from extract_python(io.BytesIO(source), keywords, comment_tags, options)
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.ClassDef):
            continue
        doc = ast.get_docstring(node, clean=True)
        if doc:
            yield node.lineno, "", doc, ["JSON Schema: description of " + node.name]
        for constant, name, text in _attribute_docstrings(node):
            yield constant.lineno, "", text, [f"JSON Schema: description of {node.name}.{name}"]


def _describe(schema: dict[str, Any], docs: dict[str, dict[str, str]]) -> None:
    """Give each model's properties their attribute docstring as `description`."""
    for definition in [schema, *schema.get("$defs", {}).values()]:
        fields = docs.get(definition.get("title", ""), {})
        properties = definition.get("properties", {})
        for name, prop in properties.items():
            if name in fields and "description" not in prop:
                # pydantic writes each schema's keys sorted; keep the committed files stable.
                properties[name] = dict(sorted({**prop, "description": fields[name]}.items()))


def _translate(node: Any, gettext: Callable[[str], str]) -> None:
    """Every description in the schema in the language of `gettext`."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "description" and isinstance(value, str):
                node[key] = gettext(value)
            else:
                _translate(value, gettext)
    elif isinstance(node, list):
        for value in node:
            _translate(value, gettext)


def _partial_bentuk(schema: dict[str, Any]) -> None:
    """`bentuk:` in a file holds only what differs from its profile, or the profile's name:
    no field of the form is required there."""
    names = {
        name
        for name, value in vars(models_bentuk).items()
        if isinstance(value, type) and issubclass(value, BaseModel)
    }
    for name, definition in schema.get("$defs", {}).items():
        if name in names:
            definition.pop("required", None)
    # A profile and a regime are named by a string, or written out.
    named = [
        schema.get("properties", {}).get("bentuk"),
        schema.get("$defs", {}).get("Bentuk", {}).get("properties", {}).get("rezim"),
    ]
    for prop in named:
        if prop is not None and "$ref" in prop:
            ref = prop.pop("$ref")
            prop["anyOf"] = [{"type": "string"}, {"$ref": ref}]


def build_schema(name: str = "perjanjian.schema.json", lang: str = "id") -> dict[str, object]:
    """The schema of one file, its descriptions in `lang` (the committed files: `id`)."""
    import gettext

    from pk.i18n import DOMAIN, LOCALEDIR

    model = SCHEMA_FILES[name]
    schema = model.model_json_schema(schema_generator=_EditorSchema)
    _describe(
        schema,
        _field_docstrings(models)
        | _field_docstrings(models_bentuk)
        | _field_docstrings(models_realisasi)
        | _field_docstrings(models_renstra)
        | _field_docstrings(models_evaluasi),
    )
    _partial_bentuk(schema)
    if lang != "en":
        catalog = gettext.translation(DOMAIN, LOCALEDIR, languages=[lang], fallback=True)
        _translate(schema, catalog.gettext)
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}


def render_schema(name: str = "perjanjian.schema.json", lang: str = "id") -> str:
    return json_text(build_schema(name, lang))
