"""The one record for every problem pk finds: YAML syntax, schema, or semantic check."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Level(StrEnum):
    ERROR = "error"
    WARNING = "warning"


CATALOGUED: dict[str, Level] = {}
"""Each finding code with its level, as pk.check.codes declares them (it fills this as it is
imported, before any emitter can name a code)."""


@dataclass(frozen=True, order=True)
class Diagnostic:
    """A finding located in a file; line and col are 1-based (0 when the whole file is meant)."""

    path: str
    line: int
    col: int
    level: Level
    code: str
    message: str

    def __post_init__(self) -> None:
        # A code outside the catalogue would reach users with no `pk explain` and no docs.
        if CATALOGUED.get(self.code) is not self.level:
            raise ValueError(f"{self.level} {self.code!r} is not a finding code of pk.check.codes")

    def as_dict(self) -> dict[str, object]:
        return {
            "path": self.path,
            "line": self.line,
            "col": self.col,
            "level": str(self.level),
            "code": self.code,
            "message": self.message,
        }


def count(diagnostics: list[Diagnostic], level: Level) -> int:
    return sum(1 for d in diagnostics if d.level is level)


class PkError(Exception):
    """A problem the user can fix; `pk.cli.main` turns it into a message and `exit_code`."""

    exit_code = 1


class UsageError(PkError):
    """Wrong invocation (a path that does not exist, a bad option): exit code 2."""

    exit_code = 2


class EnvironmentProblem(PkError):
    """Something this machine lacks (git, Chromium): exit code 2."""

    exit_code = 2


class InvalidData(PkError):
    """The data has errors, so a command that needs valid data stops: exit code 1."""

    def __init__(self, diagnostics: list[Diagnostic], files: int, hint: str = "") -> None:
        super().__init__(hint)
        self.diagnostics = diagnostics
        self.files = files
        self.hint = hint
