"""The LKjIP's narrative chapters of a year: `data/<year>/lkjip/<chapter>.md`, read as text.

    data/2027/lkjip/*.md --read_chapters--> {chapter: text} (and every located problem)

Only a year that has an `lkjip/` folder writes its LKjIP, so only such a year is told of a
chapter the structure requires that is missing or empty (`pk.vocab.LKJIP_CHAPTERS`).
"""

from __future__ import annotations

import difflib
from pathlib import Path

from pk.check import codes
from pk.diagnostics import Diagnostic
from pk.i18n import _
from pk.load.source import read_bytes
from pk.vocab import LKJIP_CHAPTERS, LKJIP_FOLDER

SUFFIX = ".md"


def read_chapters(folder: Path) -> tuple[dict[str, str], list[Diagnostic]]:
    """The text of each chapter in `folder`/lkjip (an empty one as ""), and the findings: a
    required chapter missing or empty, a file that is no chapter, one that cannot be read."""
    where = folder / LKJIP_FOLDER
    if not where.is_dir():
        return {}, []
    texts: dict[str, str] = {}
    found: list[Diagnostic] = []
    for name, required in LKJIP_CHAPTERS.items():
        path = where / f"{name}{SUFFIX}"
        display = path.as_posix()
        if not path.exists() and not path.is_symlink():
            if required:
                found.append(
                    codes.LKJIP_CHAPTER_MISSING.at(
                        display,
                        0,
                        0,
                        _(
                            "the LKjIP's chapter {name} is missing: write it in Markdown in "
                            "this file (the LKjIP prints it as not yet written until then)"
                        ).format(name=name),
                    )
                )
            continue
        raw, problems = read_bytes(path, display)
        found += problems
        if raw is None:
            continue
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as err:
            found.append(
                codes.NOT_UTF8.at(
                    display,
                    raw.count(b"\n", 0, err.start) + 1,
                    err.start - raw.rfind(b"\n", 0, err.start),
                    _("the chapter is not saved as UTF-8: save it again as UTF-8"),
                )
            )
            continue
        texts[name] = text
        if required and not text.strip():
            found.append(
                codes.LKJIP_CHAPTER_MISSING.at(
                    display,
                    0,
                    0,
                    _(
                        "the LKjIP's chapter {name} is empty: write it in Markdown "
                        "(the LKjIP prints it as not yet written until then)"
                    ).format(name=name),
                )
            )
    try:
        others = sorted(
            p for p in where.iterdir() if p.stem not in LKJIP_CHAPTERS or p.suffix != SUFFIX
        )
    except OSError:  # a folder we may not list: each chapter above said what it could
        others = []
    for other in others:
        if other.name.startswith(".") or other.suffix.lower() not in (SUFFIX, ".txt", ".markdown"):
            continue  # pictures and the editor's files may sit beside the chapters
        near = difflib.get_close_matches(other.stem.lower(), list(LKJIP_CHAPTERS), n=1, cutoff=0.6)
        hint = (
            _("rename it to {name}").format(name=f"{near[0]}{SUFFIX}")
            if near
            else _("the chapters are {names}").format(
                names=", ".join(f"{n}{SUFFIX}" for n in LKJIP_CHAPTERS)
            )
        )
        found.append(
            codes.LKJIP_CHAPTER_UNKNOWN.at(
                other.as_posix(),
                0,
                0,
                _("{file} is none of the LKjIP's chapters and is not printed; {hint}").format(
                    file=other.name, hint=hint
                ),
            )
        )
    return texts, found
