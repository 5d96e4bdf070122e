"""The base of every model of pk's files: strict about unknown keys, frozen, built on first use."""

from pydantic import BaseModel, ConfigDict


# Start-up matters here (`pk validate` runs in a pre-commit hook). The models do without
# `from __future__ import annotations`, which would make pydantic evaluate every annotation
# from its text (~10 ms), and without `use_attribute_docstrings`, which would make it read and
# parse the source (~25 ms): only the JSON Schema needs the docstrings, and pk.model.jsonschema reads them.
# `defer_build`: the validator of `Perjanjian` is built when first used, in one pass with its
# nested models, rather than one validator per class at import.
class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=False, defer_build=True)
