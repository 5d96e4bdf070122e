"""The built-in profiles of the document's form, read from templates/bentuk/<profil>.yaml.

    templates/bentuk/*.yaml --source.load--> {profil: data} --Perjanjian's context--> Bentuk

The loader hands them to `Perjanjian.model_validate` as context; the agreement's `bentuk:`
is laid over the one it names there (pk.model.bentuk.resolve).
"""

from __future__ import annotations

import functools
from typing import Any

from pk.files import builtin_templates
from pk.load.source import load

BENTUK_FOLDER = "bentuk"
"""The profiles' folder inside the built-in templates."""
REZIM_FOLDER = "rezim"
"""The regimes' folder (the rules of judging, by funding) inside the built-in templates."""


def _read(folder: str, key: str) -> dict[str, Any]:
    """Every file's data in a folder of the built-in templates by its stem, which `key` holds."""
    found: dict[str, Any] = {}
    for path in sorted((builtin_templates() / folder).glob("*.yaml")):
        source, problems = load(path, path.as_posix())
        if problems or not isinstance(source.data, dict):
            # pk's own files: tests/test_bentuk.py keeps them valid.
            raise RuntimeError(f"{path}: {'; '.join(p.message for p in problems)}")
        found[path.stem] = {key: path.stem, **source.data}
    return found


@functools.cache
def profiles() -> dict[str, Any]:
    """Every built-in profile's data by its name (the file's stem), sorted by name."""
    return _read(BENTUK_FOLDER, "profil")


@functools.cache
def regimes() -> dict[str, Any]:
    """Every built-in regime's data by its name (the file's stem), sorted by name."""
    return _read(REZIM_FOLDER, "id")


def context() -> dict[str, Any]:
    """The validation context of an agreement."""
    return {"bentuk": profiles(), "rezim": regimes()}
