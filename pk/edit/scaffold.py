"""`pk init`: make a planner's data repository, which is not a clone of pk.

    FOLDER --skeleton/ + pk schema--> data/<tahun>/perjanjian.yaml (a draft), the Renstra,
        schema/*.schema.json, .github/workflows/pk.yml, .pre-commit-config.yaml, README.md

Each YAML file's `$schema` points at schema/ relatively, from where the file is
(`schema_reference`), so an editor finds it in the new repository. Nothing is overwritten:
a file already there stops the command before anything is written.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from pk.diagnostics import EnvironmentProblem, UsageError
from pk.files import cannot_write, write_atomic
from pk.i18n import _
from pk.vocab import PERJANJIAN_FILE, RENSTRA_FILE

PK_SOURCE = "https://github.com/OWNER/pk"
"""Where pk is published, for the data repository's workflow, hook and README (`--source`)."""
PK_REV = "main"
"""The revision of pk they install: no release is tagged yet (`--rev`)."""
SCHEMA_FOLDER = "schema"


@dataclass(frozen=True)
class Made:
    """What `pk init` wrote, and whether it started a git repository there."""

    root: Path
    files: tuple[Path, ...]
    git_started: bool


def renstra_period(tahun: int) -> tuple[int, int]:
    """The five-year Renstra period that holds `tahun` (2025–2029, as the RPJMN's)."""
    start = 2020 + 5 * ((tahun - 2020) // 5)
    return start, start + 4


def schema_reference(folder: Path, schema: str) -> str | None:
    """The relative path from `folder` to `schema/<schema>` in it or a folder above it, as a
    `$schema` line wants it; None when there is none."""
    here = folder.resolve()
    for parent in (here, *here.parents):
        candidate = parent / SCHEMA_FOLDER / schema
        if candidate.is_file():
            return Path(os.path.relpath(candidate, here)).as_posix()
    return None


def make_repository(root: Path, tahun: int, source: str = PK_SOURCE, rev: str = PK_REV) -> Made:
    """Write the data repository's files under `root` (made when missing), the first year
    `tahun` a draft; a UsageError, with nothing written, when any of them is there."""
    from pk.model.jsonschema import SCHEMA_FILES, render_schema

    if root.exists() and not root.is_dir():
        raise UsageError(_("{path} is a file; pk init makes a folder").format(path=root))
    start, end = renstra_period(tahun)
    year = Path("data") / str(tahun)
    words = {
        "@TAHUN@": str(tahun),
        "@NEXT@": str(tahun + 1),
        "@AWAL@": str(start),
        "@AKHIR@": str(end),
        "@TARGETS@": ", ".join(f"{y}: 100" for y in range(start, end + 1)),
        "@PK_SOURCE@": source,
        "@PK_REV@": rev,
    }
    files: dict[Path, str] = {
        year / PERJANJIAN_FILE: _skeleton("perjanjian.yaml", words, "perjanjian", 2),
        Path(".github/workflows/pk.yml"): _skeleton("pk.yml", words),
        Path(".pre-commit-config.yaml"): _skeleton("pre-commit-config.yaml", words),
        Path("README.md"): _skeleton("README.md", words),
        Path(".gitignore"): _skeleton("gitignore", words),
    }
    files[Path("data") / RENSTRA_FILE] = _skeleton("renstra.yaml", words, "renstra", 1)
    for name in SCHEMA_FILES:
        files[Path(SCHEMA_FOLDER) / name] = render_schema(name, "id")
    there = sorted(p.as_posix() for p in files if (root / p).exists())
    if there or (root / year).exists():
        raise UsageError(
            _("{root} already has {files}; pk init writes into a new or empty folder").format(
                root=root.as_posix(), files=", ".join(there or [year.as_posix()])
            )
        )
    made = not root.exists()
    written: list[Path] = []
    try:
        for relative, text in sorted(files.items()):
            path = root / relative
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as err:
                raise cannot_write(path.parent, err) from None
            write_atomic(path, text.encode("utf-8"))
            written.append(relative)
    except BaseException:
        # All or nothing, as pk new: no half-made repository.
        for relative in written:
            (root / relative).unlink(missing_ok=True)
        if made:
            shutil.rmtree(root, ignore_errors=True)
        raise
    return Made(root, tuple(written), _start_git(root))


def _skeleton(name: str, words: dict[str, str], schema: str | None = None, depth: int = 0) -> str:
    """skeleton/<name>.in with its words filled in; a YAML file's `$schema` reaches schema/
    from `depth` folders down."""
    text = resources.files("pk.edit").joinpath("skeleton", f"{name}.in").read_text(encoding="utf-8")
    if schema is not None:
        words = words | {"@SCHEMA@": "../" * depth + f"{SCHEMA_FOLDER}/{schema}.schema.json"}
    for word, value in words.items():
        text = text.replace(word, value)
    return text


def _start_git(root: Path) -> bool:
    """`git init` in `root` unless it is inside a repository already; False without git."""
    from pk.change.history import git

    try:
        inside = git(root, "rev-parse", "--is-inside-work-tree").returncode == 0
        return not inside and git(root, "init", "-q").returncode == 0
    except EnvironmentProblem:  # no git: the command says to install it
        return False
