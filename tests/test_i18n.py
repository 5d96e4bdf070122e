"""The Indonesian catalog is complete and current, and the language is chosen as documented.

`make messages` then `make compile-messages` fix the first three tests after a change of
source strings (and a translator fills in what is new in the .po).
"""

from __future__ import annotations

import gettext
import re
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from conftest import ROOT

from pk import i18n

LOCALE = ROOT / "pk" / "locale"
POT = LOCALE / "pk.pot"
PO = LOCALE / "id" / "LC_MESSAGES" / "pk.po"
MO = LOCALE / "id" / "LC_MESSAGES" / "pk.mo"
PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def _ids(path: Path) -> set[object]:
    with path.open("rb") as file:
        return {m.id for m in read_po(file) if m.id}


def test_pot_is_current(tmp_path: Path) -> None:
    """The committed pk.pot holds exactly the strings the sources mark (run `make messages`)."""
    fresh = tmp_path / "pk.pot"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "babel.messages.frontend",
            "extract",
            "-F",
            "babel.cfg",
            "-o",
            str(fresh),
            ".",
        ],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    assert _ids(fresh) == _ids(POT)


def test_po_translates_every_message() -> None:
    with POT.open("rb") as file:
        wanted = {m.id for m in read_po(file) if m.id}
    with PO.open("rb") as file:
        catalog = read_po(file)
    messages = {m.id: m for m in catalog if m.id}
    assert set(messages) == wanted, "run `make messages`"
    fuzzy = [m.id for m in messages.values() if m.fuzzy]
    assert fuzzy == [], "review these translations and drop the fuzzy flag"
    untranslated = [
        m.id
        for m in messages.values()
        if not (m.string if isinstance(m.string, str) else all(m.string))
    ]
    assert untranslated == []
    for m in messages.values():
        ids = [m.id] if isinstance(m.id, str) else list(m.id)
        strings = [m.string] if isinstance(m.string, str) else list(m.string)
        # The same {names} in the translation, or .format() fails at run time.
        for text in strings:
            assert sorted(PLACEHOLDER.findall(text)) == sorted(PLACEHOLDER.findall(ids[0])), m.id


def test_mo_is_compiled_from_po() -> None:
    """pk.mo (what pk reads) says what pk.po says (run `make compile-messages`)."""
    with PO.open("rb") as file:
        catalog = read_po(file)
    with MO.open("rb") as file:
        compiled = gettext.GNUTranslations(file)
    for m in catalog:
        if not m.id:
            continue
        if isinstance(m.id, str):
            assert compiled.gettext(m.id) == m.string, m.id
        else:
            assert compiled.ngettext(m.id[0], m.id[1], 1) == m.string[0], m.id


def test_catalogue_answers_as_gettext_does() -> None:
    """pk's catalogue, which looks each message up in the .mo when asked, gives what gettext's
    reader gives for every message of the .po, and a message it lacks untranslated."""
    with PO.open("rb") as file:
        catalog = read_po(file)
    with MO.open("rb") as file:
        compiled = gettext.GNUTranslations(file)
    ours = i18n.Catalogue(MO.read_bytes())
    plurals = 0
    for m in catalog:
        if not m.id:
            continue
        if isinstance(m.id, str):
            assert ours.gettext(m.id) == compiled.gettext(m.id), m.id
        else:
            plurals += 1
            for n in (0, 1, 2, 5):
                assert ours.ngettext(*m.id, n) == compiled.ngettext(*m.id, n), (m.id, n)
    assert plurals > 0
    assert ours.gettext("no such message") == "no such message"
    assert ours.ngettext("a day", "{n} days", 1) == "a day"
    assert ours.ngettext("a day", "{n} days", 3) == "{n} days"


@pytest.mark.parametrize(
    ("argv", "environ", "expected"),
    [
        ([], {}, "id"),
        ([], {"LANG": "C.UTF-8"}, "id"),
        ([], {"LANG": "en_US.UTF-8"}, "en"),
        ([], {"LC_ALL": "id_ID.UTF-8", "LANG": "en_US.UTF-8"}, "id"),
        ([], {"LC_MESSAGES": "en_GB.UTF-8", "LANG": "id_ID.UTF-8"}, "en"),
        ([], {"PK_LANG": "en"}, "en"),
        ([], {"PK_LANG": "id", "LANG": "en_US.UTF-8"}, "id"),
        (["--lang", "en", "validate"], {"PK_LANG": "id"}, "en"),
        (["validate", "--lang=id"], {"LANG": "en_US.UTF-8", "PK_LANG": "en"}, "id"),
        (["--lang", "fr"], {"LANG": "en_US.UTF-8"}, "en"),  # click reports the bad value
    ],
)
def test_choose_language(argv: list[str], environ: dict[str, str], expected: str) -> None:
    assert i18n.choose(argv, environ) == expected


def test_help_follows_the_language() -> None:
    """Typer reads the help texts when pk.cli is imported, so the choice is made before."""

    def help_text(*args: str, **env: str) -> str:
        return subprocess.run(
            [sys.executable, "-m", "pk", *args, "--help"],
            capture_output=True,
            text=True,
            env={"PATH": "/usr/bin:/bin", "COLUMNS": "200", **env},
            check=True,
        ).stdout

    assert "Periksa perjanjian" in help_text()
    assert "Check the agreement" in help_text("--lang", "en")
    assert "Check the agreement" in help_text(LANG="en_US.UTF-8")
    assert "Periksa perjanjian" in help_text(LANG="en_US.UTF-8", PK_LANG="id")
    assert "Opsi" in help_text("validate")


def test_no_function_shadows_the_translation_function() -> None:
    """`for _, _, ind in …` inside a function that also calls `_()` makes `_` a local name
    there, and the call fails at run time (UnboundLocalError); comprehensions are safe."""
    import ast

    clashes = []
    for path in sorted((ROOT / "pk").glob("**/*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for fn in ast.walk(tree):
            if not isinstance(fn, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            in_comprehensions = {
                id(n)
                for c in ast.walk(fn)
                if isinstance(c, ast.ListComp | ast.SetComp | ast.DictComp | ast.GeneratorExp)
                for n in ast.walk(c)
            }
            stores = [
                n
                for n in ast.walk(fn)
                if isinstance(n, ast.Name)
                and n.id == "_"
                and isinstance(n.ctx, ast.Store)
                and id(n) not in in_comprehensions
            ]
            calls = any(
                isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id == "_"
                for n in ast.walk(fn)
            )
            if stores and calls:
                clashes.append(f"{path.name}:{stores[0].lineno} in {fn.name}")
    assert clashes == []
