"""`pk init` (issue 13): a planner's data repository that validates, whose `$schema`
references resolve, and whose CI and pre-commit hook check every year."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
import yaml
from conftest import ROOT
from typer.testing import CliRunner

from pk.cli import app

pytestmark = pytest.mark.usefixtures("english")

SCHEMA_LINE = re.compile(r"^# yaml-language-server: \$schema=(\S+)$", re.MULTILINE)


def pk(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def references(root: Path) -> dict[Path, Path]:
    """Each YAML file under `root`/data and the file its `$schema` line points at."""
    found = {}
    for path in sorted((root / "data").rglob("*.yaml")):
        match = SCHEMA_LINE.search(path.read_text(encoding="utf-8"))
        assert match, f"{path} has no $schema line"
        found[path] = path.parent / match.group(1)
    return found


@pytest.fixture
def made(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "pk-kpu-contoh"
    code, out, err = pk("init", str(root), "--tahun", "2025")
    assert (code, err) == (0, ""), err
    assert f"wrote {root.as_posix()}/data/2025/perjanjian.yaml\n" in out
    monkeypatch.chdir(root)
    return root


def test_init_makes_a_repository_that_validates(made: Path) -> None:
    """Must show: `pk init` makes a repository that validates, whose references resolve."""
    # The year's draft and the Renstra, whose skeletons agree (same ids, same target).
    assert pk("validate") == (0, "No problems found (2 files checked).\n", "")
    assert pk("fmt", "--check")[0] == 0
    assert (made / ".git").is_dir()
    refs = references(made)
    assert {made / "data" / "2025" / "perjanjian.yaml", made / "data" / "renstra.yaml"} <= set(refs)
    for path, schema in refs.items():
        assert schema.resolve().is_file(), f"{path}: $schema {schema} does not resolve"
        assert schema.resolve().parent == (made / "schema").resolve()


def test_the_schemas_written_are_pks_own(made: Path) -> None:
    for schema in sorted((made / "schema").glob("*.schema.json")):
        code, out, _err = pk("--lang", "id", "schema", schema.name.removesuffix(".schema.json"))
        assert code == 0 and schema.read_text(encoding="utf-8") == out
    assert (made / "schema" / "perjanjian.schema.json").read_bytes() == (
        ROOT / "schema" / "perjanjian.schema.json"
    ).read_bytes()


def test_ci_and_the_hook_check_every_year(made: Path) -> None:
    workflow = yaml.safe_load((made / ".github" / "workflows" / "pk.yml").read_text("utf-8"))
    steps = [s.get("run", "") for s in workflow["jobs"]["pk"]["steps"]]
    assert 'pip install "git+https://github.com/OWNER/pk@main"' in steps
    # No folder named: every year and the Renstra, each year gated against the base.
    assert 'pk validate --format github --baseline "$BASE"' in steps
    assert any(s.startswith('pk diff "$BASE" --format md') for s in steps)
    config = yaml.safe_load((made / ".pre-commit-config.yaml").read_text("utf-8"))
    (repo,) = config["repos"]
    assert (repo["repo"], repo["rev"], repo["hooks"]) == (
        "https://github.com/OWNER/pk",
        "main",
        [{"id": "pk-validate"}],
    )
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text("utf-8"))
    assert hooks[0]["id"] == "pk-validate" and hooks[0]["pass_filenames"] is False


def test_new_and_set_keep_the_references_resolving(made: Path) -> None:
    assert pk("new", "2026")[0] == 0
    assert pk("set", "IK-01", "data/2026", "--periode", "TW1", "--realisasi", "25")[0] == 0
    refs = references(made)
    assert {p.relative_to(made).as_posix() for p in refs} >= {
        "data/2026/perjanjian.yaml",
        "data/2026/realisasi.yaml",
    }
    assert all(s.resolve().is_file() for s in refs.values())
    assert pk("validate")[0] == 0


def test_new_computes_the_reference_from_where_the_year_is(made: Path) -> None:
    """A year one folder deeper (a unit's folder) reaches schema/ with one more ../."""
    unit = made / "satker" / "kpu-kab-contoh"
    unit.mkdir(parents=True)
    (made / "data" / "2025").rename(unit / "2025")
    assert pk("new", "2026", "--from", str(unit / "2025"))[0] == 0
    text = (unit / "2026" / "perjanjian.yaml").read_text(encoding="utf-8")
    assert SCHEMA_LINE.search(text).group(1) == "../../../schema/perjanjian.schema.json"  # type: ignore[union-attr]


def test_init_never_overwrites(made: Path) -> None:
    readme = made / "README.md"
    readme.write_text("milik perencana\n", encoding="utf-8")
    code, out, err = pk("init", str(made), "--tahun", "2025")
    assert code == 2
    assert err.startswith(f"pk: error: {made.as_posix()} already has .github/workflows/pk.yml")
    assert "pk init writes into a new or empty folder" in err
    assert readme.read_text(encoding="utf-8") == "milik perencana\n"


def test_the_readme_installs_pk_in_one_command_and_its_hook_names_a_real_revision() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert re.search(r'^\s*pipx install "git\+https://github\.com/OWNER/pk@main"$', readme, re.M)
    (rev,) = re.findall(r"^\s+rev: (\S+)", readme, re.MULTILINE)
    tags = subprocess.run(["git", "tag"], cwd=ROOT, capture_output=True, text=True).stdout.split()
    assert rev == "main" or rev in tags
