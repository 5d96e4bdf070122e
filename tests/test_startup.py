"""Start-up is a feature: `pk --help` and `pk validate` run in every pre-commit hook.

Each command imports what it needs inside its body; these tests fail when a module-level
import in the CLI path pulls in the heavy libraries again.
"""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT

HEAVY = ("pydantic", "jinja2", "openpyxl", "ruamel", "yaml", "babel", "docx", "lxml")

SCRIPT = """
import sys
sys.argv = ["pk", *sys.argv[1:]]
try:
    import runpy
    runpy.run_module("pk", run_name="__main__")
except SystemExit as exit:
    assert exit.code in (0, None), exit.code
print(" ".join(sorted(name for name in sys.modules)))
"""


def run(*args: str) -> tuple[str, set[str]]:
    """pk's output and the modules it had loaded by the end."""
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, *args],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    *output, modules_line = result.stdout.strip().splitlines()
    return "\n".join(output), set(modules_line.split())


def test_help_does_not_import_heavy_modules() -> None:
    output, modules = run("--help")
    assert "validate" in output  # the help really was printed
    assert "pk.cli" in modules
    modules.discard("pydantic.plugin._loader")  # pk's stand-in (see the last test), not pydantic
    assert sorted(m for m in modules if m.split(".")[0] in HEAVY) == []


def test_validating_a_year_loads_only_the_read_path() -> None:
    output, modules = run("validate", "data/2024")
    assert "[target-missing]" in output  # the year really was checked
    assert {"pk.load.year", "pk.model.perjanjian", "pk.load.source", "pydantic", "yaml"} <= modules
    # Writing (ruamel), reports, workbooks, the terminal tables, workspaces, realisasi (none in
    # data/2024) and the git gate (no baseline) are other commands' business.
    unwanted = ("ruamel", "jinja2", "babel", "openpyxl", "rich", "docx", "lxml")
    assert sorted(m for m in modules if m.split(".")[0] in unwanted) == []
    own = {
        "pk.load.workspace",
        "pk.model.realisasi",
        "pk.compute.capaian",
        "pk.change.baseline",
        "pk.change.history",
    }
    assert sorted(own & modules) == []


def test_validate_skips_pydantic_plugin_discovery() -> None:
    """pk uses no pydantic plugins, so the scan of every installed package's metadata (and the
    importlib.metadata, email and zipfile modules it needs) is skipped."""
    _output, modules = run("validate", "data/2024")
    assert "importlib.metadata" not in modules


def test_pydantic_asks_its_plugin_loader_only_for_get_plugins() -> None:
    """pk.cli stands in for pydantic.plugin._loader with a get_plugins() that returns none:
    a pydantic that asks the loader for more must fail here, not in a user's run."""
    import re
    from pathlib import Path

    import pydantic

    package = Path(pydantic.__file__).parent
    uses = {
        (path.relative_to(package).as_posix(), names.strip())
        for path in package.rglob("*.py")
        for names in re.findall(r"from \.?_loader import ([\w, ]+)", path.read_text("utf-8"))
    }
    assert uses == {("plugin/_schema_validator.py", "get_plugins")}
    assert not any("plugin._loader" in path.read_text("utf-8") for path in package.rglob("*.py")), (
        "pydantic names its plugin loader in another way now"
    )


BUILT = """
import sys
import typer.main
built = []
build = typer.main.get_command_from_info
def recording(info, **options):
    command = build(info, **options)
    built.append(command.name)
    return command
typer.main.get_command_from_info = recording
sys.argv = ["pk", *sys.argv[1:]]
try:
    import runpy
    runpy.run_module("pk", run_name="__main__")
except SystemExit:
    pass
print("built:", " ".join(built))
"""


def test_a_run_builds_only_the_command_it_runs() -> None:
    """typer would build all of pk's commands on every run; `pk validate` builds one, while
    `pk --help` still lists them all."""

    def built(*args: str) -> list[str]:
        result = subprocess.run(
            [sys.executable, "-c", BUILT, *args], capture_output=True, text=True, cwd=ROOT
        )
        return result.stdout.splitlines()[-1].removeprefix("built:").split()

    assert built("validate", "data/2024") == ["validate"]
    listed = built("--help")
    assert {"validate", "report", "capaian", "explain"} <= set(listed)
    assert len(listed) == len(set(listed))


PYYAML_USES = """
import sys, yaml, yaml.reader
if sys.argv[1:]:  # pk's patterns deferred: none is compiled yet
    print(sorted({type(regexp).__name__ for regexp in (
        yaml.reader.Reader.NON_PRINTABLE,
        yaml.constructor.SafeConstructor.timestamp_regexp,
        *(r for rs in yaml.resolver.Resolver.yaml_implicit_resolvers.values() for _, r in rs),
    )}))
text = "a: yes\\nb: 2024-01-02 03:04:05\\nc: 0x1f\\nd: 1_000.5\\ne: ~\\nf: 1:20\\ng: [off, .inf]\\n"
print(yaml.load(text, Loader=yaml.CSafeLoader), yaml.safe_load(text))  # libyaml, pure Python
try:
    yaml.reader.Reader("a: \\x07")
except yaml.reader.ReaderError as err:
    print(err)
"""


def test_pyyaml_patterns_compile_when_first_used_and_work_as_pyyaml_own() -> None:
    """pk.load.pyyaml defers the patterns PyYAML compiles at import (see its docstring): none
    is compiled on the read path, and used, each resolves and rejects as PyYAML's own."""

    def run(*imports: str) -> list[str]:
        code = "".join(f"import {module}\n" for module in imports) + PYYAML_USES
        result = subprocess.run(
            [sys.executable, "-c", code, *imports],
            capture_output=True,
            text=True,
            check=True,
            cwd=ROOT,
        )
        return result.stdout.splitlines()

    deferred, *uses = run("pk.load.source")
    assert deferred == "['Deferred']"
    assert uses == run()
    assert "1000.5" in uses[0] and "#x0007" in uses[1]
