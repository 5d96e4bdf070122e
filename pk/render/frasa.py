"""Phrases in words outside a template (the terminal, JSON, CSV): the built-in templates'."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from pk.phrase import Phrase, Value


def words(value: Value) -> str:
    """A phrase or a state in the built-in templates' words (`frasa`); a text as it is."""
    if isinstance(value, str) and not isinstance(value, StrEnum):
        return value
    from pk.render.templates import builtin_words  # Jinja: only once a phrase is printed

    return builtin_words(value)


def worded(data: dict[str, Any]) -> dict[str, Any]:
    """`data` (a JSON document, a CSV row) with every phrase in words."""
    return {k: _worded(v) for k, v in data.items()}


def _worded(data: Any) -> Any:
    if isinstance(data, Phrase):
        return words(data)
    if isinstance(data, dict):
        return {k: _worded(v) for k, v in data.items()}
    if isinstance(data, list):
        return [_worded(v) for v in data]
    return data
