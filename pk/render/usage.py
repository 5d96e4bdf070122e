"""typer's usage errors (English, from the click it runs on) in pk's language.

`translate` reads what an error holds — the option, the parameter, pydantic's error behind a
bad value — and words it again through pk's catalog. A message pk does not know keeps
typer's English, so a new typer can never make an error disappear.
"""

from __future__ import annotations

import re
from typing import Any

from pk.i18n import _

_KINDS = {"argument": "argument", "option": "option", "parameter": "parameter"}


def translate(err: Any) -> str:
    """The message of a typer/click `UsageError` in the current language."""
    kind = type(err).__name__
    try:
        if kind == "NoSuchOption":
            return _no_such_option(err)
        if kind == "MissingParameter":
            return _missing(err)
        if kind == "BadParameter":
            return _("Invalid value for {name}: {problem}").format(
                name=_hint(err), problem=_problem(err)
            )
        return _known(err.format_message())
    except Exception:  # noqa: BLE001 — a typer that changed its errors keeps its words
        return str(err.format_message())


def _no_such_option(err: Any) -> str:
    text = _("No such option: {option}").format(option=err.option_name)
    if err.possibilities:
        options = ", ".join(sorted(err.possibilities))
        text += " " + _("(did you mean {options}?)").format(options=options)
    return text


def _hint(err: Any) -> str:
    hint = err.param_hint if err.param_hint is not None else err.param.get_error_hint()
    return hint if isinstance(hint, str) else " / ".join(repr(h) for h in hint)


def _missing(err: Any) -> str:
    kind = err.param_type or (err.param.param_type_name if err.param else "parameter")
    words = {
        "argument": _("Missing argument {name}."),
        "option": _("Missing option {name}."),
    }
    return words.get(kind, _("Missing parameter {name}.")).format(name=_hint(err))


_NOT_ONE_OF = re.compile(r"(?:Value error, )?(.+) is not one of (.+)\.$")


def _problem(err: Any) -> str:
    """What is wrong with a value, from pydantic's error behind typer's message."""
    cause = err.__cause__
    errors = cause.errors() if hasattr(cause, "errors") else []
    if not errors:
        return _known(str(err.message))
    first = errors[0]
    kind, value, limits = first["type"], first.get("input"), first.get("ctx") or {}
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return _("{value!r} is not a whole number").format(value=value)
    if kind in ("float_parsing", "float_type", "decimal_parsing"):
        return _("{value!r} is not a number").format(value=value)
    if kind in ("greater_than_equal", "greater_than"):
        return _("{value} is below the smallest allowed, {limit}").format(
            value=value, limit=limits.get("ge", limits.get("gt"))
        )
    if kind in ("less_than_equal", "less_than"):
        return _("{value} is above the largest allowed, {limit}").format(
            value=value, limit=limits.get("le", limits.get("lt"))
        )
    choice = _NOT_ONE_OF.match(str(first["msg"]))
    if choice:
        return _("{value} is not one of {choices}").format(
            value=choice.group(1), choices=choice.group(2)
        )
    return str(err.message)


_EXTRA = re.compile(r"Got unexpected extra arguments? ?(?:\(s\))? \((.*)\)$")
_NO_COMMAND = re.compile(r"No such command '(.*)'\.(?: Did you mean (.*)\?)?$")
_NEEDS_VALUE = re.compile(r"Option '(.*)' requires (?:an argument|\d+ arguments)\.$")
_NO_VALUE = re.compile(r"Option '(.*)' does not take a value\.$")


def _known(message: str) -> str:
    """Click's other usage errors, recognised by their words."""
    if m := _EXTRA.match(message):
        return _("Got unexpected extra argument(s): {arguments}").format(arguments=m.group(1))
    if m := _NO_COMMAND.match(message):
        text = _("No such command {name!r}.").format(name=m.group(1))
        if m.group(2):
            text += " " + _("Did you mean {names}?").format(names=m.group(2))
        return text
    if m := _NEEDS_VALUE.match(message):
        return _("Option {option} needs a value.").format(option=m.group(1))
    if m := _NO_VALUE.match(message):
        return _("Option {option} takes no value.").format(option=m.group(1))
    if message == "Missing command.":
        return _("Missing command.")
    return message
