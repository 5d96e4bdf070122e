"""Start-up is a feature: `pk --help` (and so every hook run) must not pay for heavy imports.

Each command imports what it needs inside its body; this test fails when a module-level
import in the CLI path pulls in the heavy libraries again.
"""

from __future__ import annotations

import subprocess
import sys

HEAVY = ("pydantic", "jinja2", "openpyxl", "ruamel", "yaml", "babel")

SCRIPT = """
import sys
sys.argv = ["pk", "--help"]
try:
    import runpy
    runpy.run_module("pk", run_name="__main__")
except SystemExit as exit:
    assert exit.code in (0, None), exit.code
print(" ".join(sorted(name for name in sys.modules)))
"""


def test_help_does_not_import_heavy_modules() -> None:
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    *help_text, modules_line = result.stdout.strip().splitlines()
    assert "validate" in "\n".join(help_text)  # the help really was printed
    modules = set(modules_line.split())
    assert "pk.cli" in modules
    loaded = sorted(m for m in modules if m.split(".")[0] in HEAVY)
    assert loaded == []
