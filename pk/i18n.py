"""The language pk speaks: Bahasa Indonesia by default, English on request.

Decided by `decide`, once per run: `--lang en|id` anywhere on the command line wins, then
`PK_LANG`, then an English locale (the first of LC_ALL, LC_MESSAGES, LANG that is set).
A run of `pk` decides on importing this module, before `pk.cli` defines its commands, since
typer reads the help texts then; a run in-process (tests) decides again on its own arguments. Source strings are English, wrapped in `_()`;
the Indonesian lives in `pk/locale/id/LC_MESSAGES/pk.mo` (see `make messages`).
Only gettext is imported here: deciding the language costs nothing at start-up.
"""

from __future__ import annotations

import functools
import gettext
import os
import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from struct import unpack_from

LANGUAGES = ("id", "en")
DEFAULT = "id"
DOMAIN = "pk"
LOCALEDIR = Path(__file__).resolve().parent / "locale"


def split_lang(argv: Sequence[str]) -> tuple[str | None, list[str]]:
    """The value of `--lang X` or `--lang=X` anywhere on the command line (the last one
    wins, as in typer), and the other arguments."""
    value: str | None = None
    rest: list[str] = []
    i = 0
    while i < len(argv):
        if argv[i] == "--lang" and i + 1 < len(argv):
            value = argv[i + 1]
            i += 1
        elif argv[i].startswith("--lang="):
            value = argv[i].partition("=")[2]
        else:
            rest.append(argv[i])
        i += 1
    return value, rest


def from_argv(argv: Sequence[str]) -> str | None:
    """The language `--lang` names on the command line, if pk speaks it."""
    value, _rest = split_lang(argv)
    return value if value in LANGUAGES else None


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


def decide(argv: Sequence[str], environ: Mapping[str, str]) -> list[str]:
    """Speak the language `argv` and `environ` ask for; the arguments with `--lang X` moved
    first, where typer reads its global options (`pk validate --lang en` works too)."""
    value, rest = split_lang(argv)
    set_language(value if value in LANGUAGES else from_environment(environ))
    # An unknown value stays for typer, which names the choices.
    return (["--lang", value] if value is not None else []) + rest


_translations: gettext.NullTranslations = gettext.NullTranslations()
language = DEFAULT


def set_language(lang: str) -> None:
    """Speak `lang` from now on (messages are translated when they are made)."""
    global _translations, language
    language = lang
    if lang == "en":
        _translations = gettext.NullTranslations()
    else:
        _translations = _catalogue(lang)


@functools.cache
def _catalogue(lang: str) -> gettext.NullTranslations:
    """The compiled catalogue of `lang`; none (the English source) when it has none."""
    try:
        return Catalogue((LOCALEDIR / lang / "LC_MESSAGES" / f"{DOMAIN}.mo").read_bytes())
    except FileNotFoundError:
        return gettext.NullTranslations()


class Catalogue(gettext.NullTranslations):
    """A compiled catalogue (.mo, UTF-8) that finds each message when it is asked for, by
    binary search of its sorted originals.

    A run asks for about a hundred of the catalogue's 700 messages: gettext's own reader, which
    decodes every one first, cost 0.6% of `pk validate`'s start-up.
    """

    def __init__(self, data: bytes) -> None:
        super().__init__()
        magic, _version, self._count, self._originals, self._translations = unpack_from("<5I", data)
        if magic != gettext.GNUTranslations.LE_MAGIC:
            raise ValueError("not a little-endian .mo file")
        self._data = data
        self._plural: Callable[[int], int] = lambda n: int(n != 1)
        for line in (self._find(b"") or b"").decode().splitlines():
            name, _sep, value = line.partition(":")
            if name.strip().lower() == "plural-forms":
                self._plural = gettext.c2py(value.split("plural=")[1].rstrip(" ;"))

    def _find(self, original: bytes) -> bytes | None:
        data, low, high = self._data, 0, self._count
        while low < high:
            middle = (low + high) // 2
            length, offset = unpack_from("<2I", data, self._originals + 8 * middle)
            found = data[offset : offset + length]
            if found == original:
                length, offset = unpack_from("<2I", data, self._translations + 8 * middle)
                return data[offset : offset + length]
            if found < original:
                low = middle + 1
            else:
                high = middle
        return None

    def gettext(self, message: str) -> str:
        found = self._find(message.encode())
        return message if found is None else found.decode()

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        found = self._find(f"{msgid1}\0{msgid2}".encode())
        if found is None:
            return msgid1 if n == 1 else msgid2
        return found.decode().split("\0")[self._plural(n)]


def _(message: str) -> str:
    """`message` (English) in the current language."""
    return _translations.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _translations.ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Marks a text for translation where it is defined; `_()` translates it where used."""
    return message


decide(sys.argv[1:], os.environ)
