"""Walking the field types of the models: which model a value of a field is, what a list or
mapping holds. The loader reads it for "allowed here" hints, `pk fmt` for the key order.
"""

from __future__ import annotations

import types
import typing
from typing import Any

from pydantic import BaseModel

_UNIONS = (typing.Union, types.UnionType)


def _unwrap(annotation: Any) -> Any:
    """The type inside `Annotated[T, ...]`."""
    while typing.get_origin(annotation) is typing.Annotated:
        annotation = typing.get_args(annotation)[0]
    return annotation


def model_of(annotation: Any) -> type[BaseModel] | None:
    """The model when the type is one (`M`, `Annotated[M, ...]`), else None."""
    annotation = _unwrap(annotation)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    return None


def models_in(annotation: Any) -> list[type[BaseModel]]:
    """The models a value of this type may be: `[M]` for `M` or `M | None`, `[Rentang]`
    for a target (number | range | code), `[]` for a list, a mapping or a scalar."""
    model = model_of(annotation)
    if model is not None:
        return [model]
    annotation = _unwrap(annotation)
    if typing.get_origin(annotation) in _UNIONS:
        return [m for arg in typing.get_args(annotation) for m in models_in(arg)]
    return []


def container(annotation: Any) -> tuple[type, Any] | None:
    """`(list, T)` for `list[T]` or `tuple[T, ...]`, `(dict, T)` for `dict[K, T]` (optional
    or not): the Python type a value has in the data, and the type of its items."""
    annotation = _unwrap(annotation)
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin in (list, tuple) and args:
        return list, args[0]
    if origin is dict and len(args) == 2:
        return dict, args[1]
    if origin in _UNIONS:
        for arg in args:
            found = container(arg)
            if found is not None:
                return found
    return None


def item_type(annotation: Any) -> Any | None:
    """The type of the items of a list or the values of a mapping (see `container`)."""
    found = container(annotation)
    return found[1] if found is not None else None
