"""The language pk speaks: Bahasa Indonesia by default, English on request.

Decided before `pk.cli` defines its commands, since typer reads the help texts then:
`--lang en|id` on the command line wins, then `PK_LANG`, then an English locale (the first
of LC_ALL, LC_MESSAGES, LANG that is set). Source strings are English, wrapped in `_()`;
the Indonesian lives in `pk/locale/id/LC_MESSAGES/pk.mo` (see `make messages`).
Only gettext is imported here: deciding the language costs nothing at start-up.
"""

from __future__ import annotations

import gettext
import os
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

LANGUAGES = ("id", "en")
DEFAULT = "id"
DOMAIN = "pk"
LOCALEDIR = Path(__file__).resolve().parent / "locale"


def from_argv(argv: Sequence[str]) -> str | None:
    """The value of `--lang X` or `--lang=X` anywhere on the command line, if a known one."""
    for i, arg in enumerate(argv):
        value = None
        if arg == "--lang" and i + 1 < len(argv):
            value = argv[i + 1]
        elif arg.startswith("--lang="):
            value = arg.partition("=")[2]
        if value in LANGUAGES:
            return value
    return None


def from_environment(environ: Mapping[str, str]) -> str:
    """PK_LANG when it names a language pk speaks, else English for an English locale."""
    chosen = environ.get("PK_LANG", "").strip().lower()
    for lang in LANGUAGES:
        if chosen.startswith(lang):
            return lang
    # POSIX: the first of these that is set decides the language of messages.
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name, "")
        if value:
            return "en" if value.lower().startswith("en") else DEFAULT
    return DEFAULT


def choose(argv: Sequence[str], environ: Mapping[str, str]) -> str:
    return from_argv(argv) or from_environment(environ)


_translations: gettext.NullTranslations = gettext.NullTranslations()
language = DEFAULT


def set_language(lang: str) -> None:
    """Speak `lang` from now on (messages are translated when they are made)."""
    global _translations, language
    language = lang
    if lang == "en":
        _translations = gettext.NullTranslations()
    else:
        _translations = gettext.translation(DOMAIN, LOCALEDIR, languages=[lang], fallback=True)


def _(message: str) -> str:
    """`message` (English) in the current language."""
    return _translations.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _translations.ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Marks a text for translation where it is defined; `_()` translates it where used."""
    return message


set_language(choose(sys.argv[1:], os.environ))
