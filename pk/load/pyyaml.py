"""Imports PyYAML with the regular expressions it compiles at import deferred to first use.

PyYAML compiles the patterns of its pure-Python reader, implicit resolver and timestamp
constructor when imported, about 2% of `pk validate`'s start-up; pk.load.source parses with
libyaml and resolves scalars itself, so on the read path none of them runs. pk.load.source
imports this module before PyYAML: each of those patterns then compiles when first used
(`pk fmt` asks PyYAML's resolver, for one), so PyYAML behaves as before.
"""

import re
import sys
from typing import Any


class Deferred:
    """What `re.compile(pattern, flags)` gives, compiled when first used."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self._args = (pattern, flags)
        self._compiled: re.Pattern[str] | None = None

    def __getattr__(self, name: str) -> Any:
        if self._compiled is None:
            self._compiled = re.compile(*self._args)
        return getattr(self._compiled, name)


def _import_pyyaml() -> None:
    if "yaml" in sys.modules:  # imported already, with its patterns compiled
        return
    compile = re.compile
    re.compile = Deferred  # type: ignore[assignment]  # only while PyYAML's modules load
    try:
        import yaml  # noqa: F401  # its package imports every module that compiles one
    finally:
        re.compile = compile


_import_pyyaml()
