"""The Renstra as data: its model and loader, its lookups by year, and the fictional example.

The figures are those of examples/renstra-contoh/data/renstra.yaml, read by hand.
"""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import ROOT
from typer.testing import CliRunner

from pk.cli import app
from pk.load import renstra as renstra_loader
from pk.load.renstra import load_renstra
from pk.model.perjanjian import Polaritas

EXAMPLE = ROOT / "examples" / "renstra-contoh" / "data"
YEARS = ("2025", "2026", "2027")


def test_the_example_validates_with_no_finding(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(EXAMPLE)
    result = CliRunner().invoke(app, ["--lang", "en", "validate", "renstra.yaml", *YEARS])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("No problems found")


def test_the_example_is_marked_fictional_in_every_file() -> None:
    files = [EXAMPLE / "renstra.yaml"] + [
        EXAMPLE / y / name for y in YEARS for name in ("perjanjian.yaml", "realisasi.yaml")
    ]
    for file in files:
        head = file.read_text(encoding="utf-8").splitlines()[:4]
        assert any("CONTOH FIKTIF" in line for line in head), file
        schema = head[0].removeprefix("# yaml-language-server: $schema=")
        assert (file.parent / schema).resolve().is_file(), f"{file}: {schema} does not resolve"


def test_target_for_gives_the_year_the_end_the_baseline_and_the_national_target() -> None:
    renstra = load_renstra(EXAMPLE / "renstra.yaml").renstra
    assert renstra is not None
    ik01 = renstra.target_for("IK-01", 2026)
    assert ik01 is not None
    assert (ik01.target, ik01.target_akhir, ik01.target_nasional) == (65, 80, 62)
    assert ik01.kondisi_awal is not None
    assert (ik01.kondisi_awal.tahun, ik01.kondisi_awal.nilai) == (2024, 55)
    assert ik01.loc == ("sasaran", 0, "indikator", 0)
    # Lower is better, with a national ceiling only from 2026.
    ik05 = renstra.target_for("IK-05", 2027)
    assert ik05 is not None
    assert ik05.indikator.polaritas is Polaritas.MINIMAL
    assert (ik05.target, ik05.target_nasional) == (6, 8)
    nasional_2025 = renstra.target_for("IK-05", 2025)
    assert nasional_2025 is not None and nasional_2025.target_nasional is None
    # Renamed from 2026 on: IK-06 in 2025, IK-06a from then, one indicator.
    assert renstra.target_for("IK-06", 2025).target == 80  # type: ignore[union-attr]
    assert renstra.target_for("IK-06a", 2026).target == 85  # type: ignore[union-attr]
    assert renstra.target_for("IK-06a", 2027).target_akhir == 100  # type: ignore[union-attr]
    assert renstra.target_for("IK-06", 2026) is None
    assert renstra.target_for("IK-06a", 2025) is None
    assert renstra.target_for("IK-99", 2026) is None
    assert renstra.target_for("IK-03", 2025).target == Decimal("3.0")  # type: ignore[union-attr]


def test_the_renstra_is_parsed_once_however_many_years_use_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "data"
    shutil.copytree(EXAMPLE, data)
    parsed: list[str] = []
    real = renstra_loader.load

    def counting(path: Path, display: str):  # type: ignore[no-untyped-def]
        parsed.append(Path(display).name)
        return real(path, display)

    monkeypatch.setattr(renstra_loader, "load", counting)
    monkeypatch.chdir(tmp_path)
    paths = ["data/renstra.yaml", "data/2025", "data/2026", "data/2027"]
    result = CliRunner().invoke(app, ["--lang", "en", "validate", *paths])
    assert result.exit_code == 0, result.output
    assert parsed.count("renstra.yaml") == 1


def test_a_broken_renstra_is_reported_once_for_all_the_years_it_covers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "data"
    shutil.copytree(EXAMPLE, data)
    renstra = data / "renstra.yaml"
    renstra.write_text(
        renstra.read_text(encoding="utf-8").replace("tahun_akhir: 2029", "tahun_akir: 2029"),
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["--lang", "en", "validate", "data/2025", "data/2026"])
    assert result.exit_code == 1
    findings = result.output.splitlines()[:-1]
    assert [line.split(": ")[0] for line in findings] == [
        "data/renstra.yaml:6:1",  # `tahun_akhir` is missing at the top level
        "data/renstra.yaml:12:1",
    ]
    assert "[missing-field]" in findings[0] and "[unknown-key]" in findings[1]


def test_a_year_outside_every_renstra_period_has_no_cascade_finding(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "data"
    shutil.copytree(EXAMPLE, data)
    # The same folder as the year 2030: no Renstra covers it, so no IKU can be missing.
    (data / "2030").mkdir()
    text = (data / "2027" / "perjanjian.yaml").read_text(encoding="utf-8")
    text = text.replace("tahun: 2027", "tahun: 2030").replace("2027-02-03", "2030-02-03")
    text = text.replace("target: 1\n", "target: 2\n")
    (data / "2030" / "perjanjian.yaml").write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["--lang", "en", "validate", "data/2030"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("No problems found")


def test_renstra_files_per_period_each_cover_their_years(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """data/renstra-2020-2024.yaml and data/renstra-2025-2029.yaml: a year uses the one whose
    period holds it."""
    data = tmp_path / "data"
    shutil.copytree(EXAMPLE, data)
    text = (data / "renstra.yaml").read_text(encoding="utf-8")
    (data / "renstra.yaml").rename(data / "renstra-2025-2029.yaml")
    old = text.replace("tahun_awal: 2025", "tahun_awal: 2020").replace(
        "tahun_akhir: 2029", "tahun_akhir: 2024"
    )
    # Its targets name 2025–2029, outside 2020–2024: its own findings, not 2026's.
    (data / "renstra-2020-2024.yaml").write_text(old, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["--lang", "en", "validate", "data/2026"])
    assert result.exit_code == 0, result.output
    result = CliRunner().invoke(app, ["--lang", "en", "validate", "data/renstra-2020-2024.yaml"])
    assert result.exit_code == 1
    assert "[renstra-tahun]" in result.output


@pytest.mark.usefixtures("english")
def test_a_command_that_reads_a_year_refuses_the_renstra_with_what_to_name(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(EXAMPLE.parent)
    for command in ("show", "achievement", "report"):
        result = CliRunner().invoke(app, [command, "data/renstra.yaml"])
        assert result.exit_code == 2, result.output
        assert "data/renstra.yaml is the Renstra" in result.output
        assert "e.g. data/2027" in result.output


def test_the_example_is_formatted() -> None:
    result = CliRunner().invoke(app, ["fmt", "--check", str(EXAMPLE)])
    assert result.exit_code == 0, result.output


def test_validate_with_no_folder_checks_the_renstra_once_with_every_year(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copytree(EXAMPLE, tmp_path / "data")
    renstra = tmp_path / "data" / "renstra.yaml"
    text = renstra.read_text(encoding="utf-8")
    renstra.write_text(text.replace("target: {2025: 60,", "target: {2024: 55, 2025: 60,"))
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["--lang", "en", "validate"])
    assert result.exit_code == 1
    *findings, summary = result.output.splitlines()
    assert len(findings) == 1 and findings[0].startswith("data/renstra.yaml:")
    assert "[renstra-tahun]" in findings[0]
    assert summary == "Found 1 error (8 files checked)."  # with 2027/evaluasi.yaml


def test_a_renstra_read_twice_keeps_the_path_each_caller_named(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The run's cache is per file, but findings and the LKE's reasons show the path as named:
    an earlier read by its absolute path must not leak into a relative one."""
    monkeypatch.chdir(ROOT)
    relative = Path("examples/renstra-contoh/data/renstra.yaml")
    assert load_renstra(ROOT / relative).path == ROOT / relative
    again = load_renstra(relative)
    assert again.path == relative
    assert again.source is not None and again.source.path == relative.as_posix()
