"""The package's shape: one sub-package per stage, dependencies running one way.

`ls pk/` shows the pipeline (house.md); this test keeps it true. A module may import its
own stage, the base modules, and the stages below it, never one above.
"""

import ast
from pathlib import Path

from conftest import ROOT

PACKAGE = ROOT / "pk"
LAYERS = (
    {"vocab", "diagnostics", "i18n", "numbers", "files", "text", "phrase", "__init__"},
    {"model"},
    {"check"},
    {"load"},
    {"compute"},
    {"change"},
    {"render"},
    {"edit"},
    {"validate", "report", "capaian", "lke"},
    {"cli", "__main__"},
)
"""Lowest first: a module may import from its own layer and the layers before it."""


def _stage(module: str) -> str:
    """`pk.load.year` -> `load`; `pk.cli` -> `cli`; `pk` -> `__init__`."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def _rank(stage: str) -> int:
    return next(i for i, layer in enumerate(LAYERS) if stage in layer)


def _imports(path: Path) -> set[str]:
    """Every pk module `path` imports, at the top or inside a function (not for typing only)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    typing_only = {
        id(node)
        for block in ast.walk(tree)
        if isinstance(block, ast.If) and "TYPE_CHECKING" in ast.unparse(block.test)
        for stmt in block.body
        for node in ast.walk(stmt)
    }
    found: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in typing_only:
            continue
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("pk"):
            found.add(node.module)
            # `from pk import cli` names a module; `from pk import __version__` does not.
            found |= {f"{node.module}.{a.name}" for a in node.names} & set(_modules())
        elif isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.split(".")[0] == "pk"}
    return found


def _modules() -> dict[str, Path]:
    return {
        ".".join(p.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__"): p
        for p in sorted(PACKAGE.rglob("*.py"))
    }


def test_every_module_has_a_layer() -> None:
    stages = {_stage(name) for name in _modules()}
    known = set().union(*LAYERS)
    assert stages <= known, f"modules outside every layer: {sorted(stages - known)}"


def test_no_module_imports_upward() -> None:
    upward = []
    for name, path in _modules().items():
        own = _rank(_stage(name))
        for imported in sorted(_imports(path)):
            if _rank(_stage(imported)) > own:
                upward.append(f"{name} imports {imported}")
    assert not upward, "\n".join(upward)


def test_stage_packages_are_empty() -> None:
    """Start-up is tested: a stage's __init__ must not import anything."""
    for init in sorted(PACKAGE.glob("*/__init__.py")):
        assert init.read_text(encoding="utf-8").strip() == "", init


def test_the_check_finds_an_upward_import(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text("def f():\n    from pk.render.context import x\n", encoding="utf-8")
    assert "pk.render.context" in _imports(module)
    assert _rank(_stage("pk.render.context")) > _rank(_stage("pk.compute.capaian"))
