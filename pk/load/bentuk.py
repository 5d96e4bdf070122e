"""The built-in profiles of the document's form, read from templates/bentuk/<profil>.yaml.

    templates/bentuk/*.yaml --source.load--> {profil: data} --Perjanjian's context--> Bentuk

The loader hands them to `Perjanjian.model_validate` as context; the agreement's `bentuk:`
is laid over the one it names there (pk.model.bentuk.resolve).
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping
from typing import Any

from pk.files import builtin_templates
from pk.load.source import load

BENTUK_FOLDER = "bentuk"
"""The profiles' folder inside the built-in templates."""
REZIM_FOLDER = "rezim"
"""The regimes' folder (the rules of judging, by funding) inside the built-in templates."""


class _Folder(Mapping[str, Any]):
    """The YAML files of a folder of the built-in templates by their stem, each read when first
    asked for: `pk validate` reads only the profile and the regime an agreement names."""

    def __init__(self, folder: str, key: str) -> None:
        self._paths = {p.stem: p for p in sorted((builtin_templates() / folder).glob("*.yaml"))}
        self._key = key
        self._read: dict[str, Any] = {}

    def __getitem__(self, name: str) -> Any:
        if name not in self._read:
            path = self._paths[name]
            source, problems = load(path, path.as_posix())
            if problems or not isinstance(source.data, dict):
                # pk's own files: tests/test_bentuk.py keeps them valid.
                raise RuntimeError(f"{path}: {'; '.join(p.message for p in problems)}")
            self._read[name] = {self._key: name, **source.data}
        return self._read[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._paths)

    def __len__(self) -> int:
        return len(self._paths)


@functools.cache
def profiles() -> Mapping[str, Any]:
    """Every built-in profile's data by its name (the file's stem), sorted by name."""
    return _Folder(BENTUK_FOLDER, "profil")


@functools.cache
def regimes() -> Mapping[str, Any]:
    """Every built-in regime's data by its name (the file's stem), sorted by name."""
    return _Folder(REZIM_FOLDER, "id")


def context() -> dict[str, Any]:
    """The validation context of an agreement."""
    return {"bentuk": profiles(), "rezim": regimes()}
