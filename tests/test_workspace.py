"""Workspaces: many units validated like single year folders; the benchmark generator."""

from __future__ import annotations

import filecmp
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import ROOT
from typer.testing import CliRunner

from pk.cli import app

sys.path.insert(0, str(ROOT / "bench"))
import generate  # noqa: E402  (bench/ is not a package)

pytestmark = pytest.mark.usefixtures("english")  # asserts English messages

runner = CliRunner()


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("ws") / "national"
    generate.generate(out, units=20, seed=7)
    return out


def test_generator_is_deterministic(tmp_path: Path, workspace: Path) -> None:
    again = tmp_path / "again"
    generate.generate(again, units=20, seed=7)
    files = sorted(p.relative_to(workspace).as_posix() for p in workspace.rglob("*.yaml"))
    assert len(files) == 41  # workspace.yaml, and perjanjian and realisasi of 20 units
    match, mismatch, errors = filecmp.cmpfiles(workspace, again, files, shallow=False)
    assert mismatch == [] and errors == []


def test_generated_units_are_valid_and_shaped_like_2024(workspace: Path) -> None:
    result = runner.invoke(app, ["validate", str(workspace)])
    assert result.exit_code == 0, result.output
    assert result.output.strip().endswith("(41 files checked).")
    show = runner.invoke(app, ["show", str(workspace / "kpu-p01"), "--format", "json"])
    assert len(__import__("json").loads(show.output)["indikator"]) == generate.INDIKATOR


def test_workspace_errors_are_located(tmp_path: Path, workspace: Path) -> None:
    ws = tmp_path / "ws"
    generate.generate(ws, units=3, seed=1)
    (ws / "workspace.yaml").write_text(
        "versi_format: 1\n"
        "tahun: 2024\n"
        "unit:\n"
        "  - id: kpu-ri\n"
        "  - id: kpu-p01\n"
        "    induk: kpu-xx\n"
        "  - id: kpu-p01\n"
        "  - id: kpu-p09\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["validate", str(ws)])
    assert result.exit_code == 1
    lines = result.output.splitlines()
    wsfile = (ws / "workspace.yaml").as_posix()
    assert (
        f"{wsfile}:6:12: error: induk kpu-xx is not a unit listed above this one: "
        "list the parent unit first, or correct the id [unknown-induk]" in lines
    )
    assert (
        f"{wsfile}:7:9: error: unit id kpu-p01 is listed twice: remove the second entry, or give it its own id [duplicate-id]"
        in lines
    )
    assert (
        f"{wsfile}:8:5: error: unit kpu-p09 has no folder {ws.as_posix()}/kpu-p09: create "
        "it (with perjanjian.yaml), or set `folder` to where the unit's files are "
        "[missing-folder]" in lines
    )


@pytest.mark.parametrize(
    "folder", ["../outside", "/etc", "kpu-ri/../../outside", "..\\\\outside", "C:\\\\pk", "C:pk"]
)
def test_unit_folder_outside_the_workspace_is_refused_at_its_value(
    tmp_path: Path, folder: str
) -> None:
    ws = tmp_path / "ws"
    generate.generate(ws, units=2, seed=1)
    outside = tmp_path / "outside"
    (ws / "kpu-ri").rename(outside)  # a real unit, there to be followed
    (ws / "workspace.yaml").write_text(
        "versi_format: 1\n"
        "tahun: 2024\n"
        "unit:\n"
        f'  - {{id: kpu-ri, folder: "{folder}"}}\n'
        "  - {id: kpu-p01, induk: kpu-ri}\n",
        encoding="utf-8",
    )
    for command in ("validate", "capaian", "report"):
        result = runner.invoke(
            app, [command, str(ws), "-o", str(tmp_path / "out")][: 2 + 2 * (command == "report")]
        )
        assert result.exit_code == 1, result.output
        assert (
            f"{(ws / 'workspace.yaml').as_posix()}:4:26: error: unit kpu-ri: folder "
            in result.output
        )
        assert "leads out of the workspace" in result.output
        assert "[unit-folder-outside]" in result.output
    assert not (tmp_path / "out").exists()


def _two_units(ws: Path, units: str) -> None:
    (ws / "workspace.yaml").write_text(
        f"versi_format: 1\ntahun: 2024\nunit:\n{units}", encoding="utf-8"
    )


@pytest.mark.parametrize("linked", ["folder", "perjanjian.yaml", "realisasi.yaml"])
def test_a_link_leading_out_of_the_workspace_is_refused_at_the_folder(
    tmp_path: Path, linked: str
) -> None:
    """A unit folder (or a file in it) that is a link to elsewhere on the machine: a
    workspace from a colleague cannot make pk read it, as `folder: ../elsewhere` cannot."""
    ws = tmp_path / "ws"
    generate.generate(ws, units=2, seed=1)
    outside = tmp_path / "outside"
    (ws / "kpu-p01").rename(outside)
    if linked == "folder":
        (ws / "kpu-p01").symlink_to(outside, target_is_directory=True)
    else:
        (ws / "kpu-p01").mkdir()
        for name in ("perjanjian.yaml", "realisasi.yaml"):
            target = outside / name
            if name == linked:
                (ws / "kpu-p01" / name).symlink_to(target)
            else:
                (ws / "kpu-p01" / name).write_bytes(target.read_bytes())
    _two_units(ws, "  - {id: kpu-ri}\n  - {id: kpu-p01, induk: kpu-ri, folder: kpu-p01}\n")
    for command in ("validate", "capaian"):
        result = runner.invoke(app, [command, str(ws)])
        assert result.exit_code == 1, result.output
        line = next(x for x in result.output.splitlines() if "[unit-folder-outside]" in x)
        assert line.startswith(f"{(ws / 'workspace.yaml').as_posix()}:5:42: error: unit kpu-p01:")
        assert "is a link" in line and outside.as_posix() in line
        assert "Traceback" not in result.output
    # Inside the workspace a link is fine: the unit is read from where it leads.
    (ws / "elsewhere").mkdir()
    if linked == "folder":
        (ws / "kpu-p01").unlink()
        outside.rename(ws / "elsewhere" / "kpu-p01")
        (ws / "kpu-p01").symlink_to(ws / "elsewhere" / "kpu-p01", target_is_directory=True)
    else:
        (ws / "kpu-p01" / linked).unlink()
        (outside / linked).rename(ws / "elsewhere" / linked)
        (ws / "kpu-p01" / linked).symlink_to(ws / "elsewhere" / linked)
    result = runner.invoke(app, ["validate", str(ws)])
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize(
    "units",
    [
        "  - {id: kpu-ri}\n  - {id: kpu-p01, induk: kpu-ri, folder: kpu-ri}\n",
        "  - {id: kpu-ri}\n  - {id: kpu-p01, induk: kpu-ri, folder: ./kpu-ri/}\n",
        "  - {id: kpu-ri}\n  - {id: kpu-p01, induk: kpu-ri, folder: alias}\n",
    ],
    ids=["same", "written-otherwise", "through-a-link"],
)
def test_two_units_with_one_folder_are_located_at_the_second(tmp_path: Path, units: str) -> None:
    """Else the one unit counts twice in every roll-up."""
    ws = tmp_path / "ws"
    generate.generate(ws, units=2, seed=1)
    (ws / "alias").symlink_to(ws / "kpu-ri", target_is_directory=True)
    _two_units(ws, units)
    result = runner.invoke(app, ["validate", str(ws)])
    assert result.exit_code == 1, result.output
    wsfile = (ws / "workspace.yaml").as_posix()
    found = [x for x in result.output.splitlines() if "[duplicate-unit-folder]" in x]
    assert len(found) == 1, result.output
    assert found[0].startswith(f"{wsfile}:5:42: error: unit kpu-p01: folder ")
    assert "is already the folder of unit kpu-ri" in found[0]
    report = runner.invoke(app, ["capaian", str(ws)])
    assert report.exit_code == 1 and "[duplicate-unit-folder]" in report.output


def test_unit_year_must_match_workspace(tmp_path: Path) -> None:
    ws = tmp_path / "ws"
    generate.generate(ws, units=2, seed=1)
    text = (ws / "workspace.yaml").read_text(encoding="utf-8")
    (ws / "workspace.yaml").write_text(text.replace("tahun: 2024", "tahun: 2025"), encoding="utf-8")
    result = runner.invoke(app, ["validate", str(ws)])
    assert result.exit_code == 1
    assert (
        "tahun is 2024 but the workspace is 2025: correct one of them [year-mismatch]"
        in result.output
    )
    assert result.output.count("[year-mismatch]") == 2  # one per unit


def test_parallel_and_serial_runs_agree(workspace: Path) -> None:
    from functools import partial

    from pk.load.workspace import load_workspace, map_units
    from pk.load.year import diagnose_year

    units = [u.folder for u in load_workspace(workspace).units]
    broken = units[3] / "perjanjian.yaml"
    original = broken.read_text(encoding="utf-8")
    broken.write_text(original.replace("tahun: 2024", "tahun: 2023"), encoding="utf-8")
    try:
        serial = list(map_units(partial(diagnose_year, year=2024), units, jobs=1))
        parallel = list(map_units(partial(diagnose_year, year=2024), units, jobs=2))
    finally:
        broken.write_text(original, encoding="utf-8")
    assert serial == parallel
    assert [len(d) for d, _ in serial].count(0) == len(units) - 1


def test_rollups_run_bottom_up_through_three_levels(tmp_path: Path) -> None:
    """KPU RI rolls up each province's IK-01 as it stands after the province rolled up its own
    kabupaten/kota, not as the province reported it."""
    from pk.capaian import compute_workspace, load_and_compute_unit
    from pk.compute.rollup import UnitSummary
    from pk.load.workspace import load_workspace

    ws = tmp_path / "ws"
    generate.generate(ws, units=45, seed=3)  # KPU RI, 38 provinces, 6 kab/kota under p01–p06
    workspace = load_workspace(ws)
    result = compute_workspace(workspace, "tahunan", progress=False)
    by_unit = {r.unit: r for r in result.rollups}
    assert sorted(by_unit) == [
        "kpu-p01",
        "kpu-p02",
        "kpu-p03",
        "kpu-p04",
        "kpu-p05",
        "kpu-p06",
        "kpu-ri",
    ]

    def ik01(ringkasan: UnitSummary | None) -> Decimal | None:
        assert ringkasan is not None
        return ringkasan.indikator["IK-01"].capaian

    final = {u.id: u.ringkasan for u in result.units}
    own = {
        u.ref.id: load_and_compute_unit(u.folder, 2024, "tahunan").ringkasan
        for u in workspace.units
    }
    provinces = [s for s in by_unit["kpu-ri"].units if s.unit != "kpu-ri"]
    assert len(provinces) == 38
    for state in provinces:
        assert state.capaian == ik01(final[state.unit])
    # The rolled-up provinces really differ from what they reported themselves.
    assert any(ik01(final[p]) != ik01(own[p]) for p in ("kpu-p01", "kpu-p02", "kpu-p03"))


def test_a_workspace_named_for_one_year_is_never_to_be_renamed() -> None:
    """`pk show WORKSPACE` once hinted to rename workspace.yaml to perjanjian.yaml."""
    ws = ROOT / "examples" / "ntb-2024"
    result = runner.invoke(app, ["show", str(ws)])
    assert result.exit_code == 1
    assert "rename" not in result.output
    assert (
        "this folder is a workspace (workspace.yaml), and this command reads one unit's year: "
        f"name a unit's folder, e.g. {ws.as_posix()}/kpu-bima [missing-file]" in result.output
    )
