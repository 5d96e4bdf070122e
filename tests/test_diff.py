"""`pk diff`: folder cases with expected output, the formats, and git revisions."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import ROOT
from gitrepo import Repo
from typer.testing import CliRunner

from pk.cli import app

pytestmark = pytest.mark.usefixtures("english")  # asserts English messages

CASES = sorted(p for p in (ROOT / "tests" / "cases" / "diff").iterdir() if p.is_dir())
IK43 = """          - id: IK-43
            nama: Persentasi Pegawai yang mendapat layanan Administrasi Kepegawaian Tepat Waktu
            target: 97.5"""


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.output


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_diff_case(case: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(case)
    code, output = run("diff", "old", "new", "--exit-code")
    assert output == (case / "expected.txt").read_text(encoding="utf-8")
    assert code == (0 if output.endswith("No changes.\n") else 1)


def test_md_is_a_table_ready_for_a_pull_request(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT / "tests" / "cases" / "diff" / "anggaran")
    code, output = run("diff", "old", "new", "--format", "md")
    assert code == 0
    assert output.startswith("### Perjanjian Kinerja: `old` → `new`\n")
    assert "| ID | Change |\n|---|---|\n" in output
    assert "| `076.01.CQ` | 076.01.CQ pagu Rp. 165.842.289.000,- → Rp. 164.842.289.000,- " in output
    assert (
        "| **Jumlah** | jumlah anggaran Rp. 175.862.282.000,- → Rp. 175.362.282.000,- "
        "(-Rp. 500.000.000,-) |" in output
    )


def test_json_has_amounts_as_integers(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT / "tests" / "cases" / "diff" / "anggaran")
    code, output = run("diff", "old", "new", "--format", "json")
    data = json.loads(output)
    assert data["changed"] is True
    assert data["jumlah_anggaran"] == {
        "old": 175862282000,
        "new": 175362282000,
        "selisih": -500000000,
    }
    pagu = [c for c in data["changes"] if c["kind"] == "kegiatan-pagu"]
    assert pagu == [
        {
            "kind": "kegiatan-pagu",
            "subject": "076.01.CQ",
            "old": 165842289000,
            "new": 164842289000,
            "nama": pagu[0]["nama"],
            "field": None,
        }
    ]


def test_changed_target_is_named_with_old_and_new(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Must show: in a copy of data/2024, one changed target is named with old and new target."""
    repo = Repo(tmp_path)
    repo.edit(IK43, IK43.replace("97.5", "95"))
    monkeypatch.chdir(tmp_path)
    code, output = run("diff", "HEAD", "--exit-code")
    assert code == 1
    assert output.splitlines() == [
        "Comparing HEAD → data/2024",
        "Indikator:",
        '  IK-43 target 97.5% → 95%: "Persentasi Pegawai yang mendapat layanan Administrasi '
        'Kepegawaian Tepat Waktu"',
        "1 change.",
    ]


def test_revisions_tags_and_the_path_option(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = Repo(tmp_path)
    repo.git("tag", "pk-2024")
    repo.edit(
        "      pagu: 10019993000\n  jumlah: 175862282000",
        "      pagu: 10019994000\n  jumlah: 175862283000",
    )
    repo.commit("pagu WA")
    monkeypatch.chdir(tmp_path)
    code, output = run("diff", "pk-2024", "HEAD", "--path", "data/2024", "--exit-code")
    assert code == 1
    assert "076.01.WA pagu Rp. 10.019.993.000,- → Rp. 10.019.994.000,- (+Rp. 1.000,-)" in output
    assert "jumlah anggaran Rp. 175.862.282.000,- → Rp. 175.862.283.000,- (+Rp. 1.000,-)" in output
    assert run("diff", "HEAD", "--exit-code") == (0, "Comparing HEAD → data/2024\nNo changes.\n")
    assert run("diff", "HEAD~1", "--exit-code")[0] == 1


def test_unknown_revision_is_a_usage_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    Repo(tmp_path)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["diff", "no-such-tag"])
    assert result.exit_code == 2
    assert result.stderr.startswith("pk: error: ")
    assert "no-such-tag" in result.stderr


def test_invalid_version_reports_where(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    repo = Repo(tmp_path)
    repo.edit("tahun: 2024", "tahun: [2024")
    repo.commit("rusak")
    repo.edit("tahun: [2024", "tahun: 2024")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["diff", "HEAD"])
    assert result.exit_code == 1
    assert "HEAD:data/2024/perjanjian.yaml:" in result.output


def test_a_year_not_yet_committed_says_what_pk_was_doing_and_quotes_git(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = Repo(tmp_path)
    new_year = tmp_path / "data" / "2025"
    new_year.mkdir()
    (new_year / "perjanjian.yaml").write_text(
        repo.file.read_text(encoding="utf-8").replace("tahun: 2024", "tahun: 2025"),
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["diff", "HEAD", "--path", "data/2025"])
    assert result.exit_code == 2
    # pk's sentence first; git's own line quoted, one line, bounded.
    assert result.stderr.startswith(
        "pk: error: data/2025/perjanjian.yaml is not in git at HEAD, so pk cannot read it "
        "there (git said: «fatal: "
    )
    assert result.stderr.count("\n") == 1 and len(result.stderr) < 400


def test_diff_quotes_numbers_as_the_reports_print_them(monkeypatch: pytest.MonkeyPatch) -> None:
    """In Bahasa Indonesia `97,5%` (text and md); JSON keeps the target as written."""
    import json

    monkeypatch.chdir(ROOT / "tests" / "cases" / "diff" / "retargeted")
    for fmt in ("text", "md"):
        out = CliRunner().invoke(app, ["--lang", "id", "diff", "old", "new", "-f", fmt]).stdout
        assert "97,5% → 95%" in out, out
        assert "97.5" not in out
    english = CliRunner().invoke(app, ["--lang", "en", "diff", "old", "new"]).stdout
    assert "97.5% → 95%" in english
    data = json.loads(
        CliRunner().invoke(app, ["--lang", "id", "diff", "old", "new", "-f", "json"]).stdout
    )
    assert {"old": "97.5%", "new": "95%"}.items() <= next(
        c
        for c in data["changes"]
        if c["kind"] == "indikator-retargeted" and c["subject"] == "IK-04"
    ).items()
