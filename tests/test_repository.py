"""The repository as the unit of work (issue 13): with no folder named, pk checks every year,
gates every year that existed at the baseline, diffs every year that changed, writes only
into a signed year, and says which year it picked and why.

Each test starts where a planner would: a git repository with the signed data/2024 and the
2025 draft that `pk new 2025` makes from it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from gitrepo import IK43_TARGET, PERUBAHAN_I, Repo
from typer.testing import CliRunner

from pk.cli import app

pytestmark = pytest.mark.usefixtures("english")

JUMLAH = "  jumlah: 175862282000"


def pk(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Repo:
    """data/2024 signed and committed, data/2025 the draft of `pk new 2025`, committed."""
    repo = Repo(tmp_path)
    monkeypatch.chdir(tmp_path)
    code, _out, _err = pk("new", "2025")
    assert code == 0
    repo.commit("draf PK 2025")
    return repo


def draft(repo: Repo) -> Path:
    return repo.root / "data" / "2025"


def test_validate_without_a_folder_fails_on_an_error_in_the_older_year(repo: Repo) -> None:
    """Must show: a wrong JUMLAH in the signed 2024 fails `pk validate`, though 2025 is newer."""
    assert pk("validate")[0] == 0
    repo.edit(JUMLAH, "  jumlah: 175862282001")
    code, out, _err = pk("validate")
    assert code == 1
    assert "data/2024/perjanjian.yaml:437:" in out and "[total-mismatch]" in out
    assert "(2 files checked)" in out
    # The files a hook passes still work, and name only their year.
    code, out, _err = pk("validate", "data/2025/perjanjian.yaml")
    assert (code, "data/2024" in out) == (0, False)


def test_set_without_a_folder_never_writes_into_the_draft(repo: Repo) -> None:
    """Must show: `pk set` with no folder records 2024's TW4 in 2024, and says so."""
    code, out, err = pk("set", "IK-05", "--periode", "TW4", "--realisasi", "95")
    assert code == 0, err
    assert out.startswith("data/2024/realisasi.yaml: 1 realisasi read, 1 value changed")
    assert err == (
        "pk: using data/2024: the newest signed year (data/2025: still a draft); "
        "name the folder to choose another\n"
    )
    assert not (draft(repo) / "realisasi.yaml").exists()
    assert "IK-05" in (repo.root / "data" / "2024" / "realisasi.yaml").read_text(encoding="utf-8")
    # Named, the draft takes it.
    code, out, err = pk("set", "IK-05", "data/2025", "--periode", "TW1", "--realisasi", "20")
    assert (code, err) == (0, "")
    assert (draft(repo) / "realisasi.yaml").is_file()


def test_set_and_import_refuse_when_every_year_is_a_draft(repo: Repo) -> None:
    signed = repo.root / "data" / "2024"
    text = repo.file.read_text(encoding="utf-8")
    repo.file.write_text(text.replace("status: ditandatangani", "status: draf"), encoding="utf-8")
    code, _out, err = pk("set", "IK-05", "--periode", "TW4", "--realisasi", "95")
    assert code == 2
    assert err.startswith(
        "pk: error: no signed year in data/ (data/2025, data/2024: still a draft)"
    )
    assert "name it, e.g. data/2025" in err
    table = repo.root / "realisasi.csv"
    table.write_text("id,periode,realisasi\nIK-05,TW4,95\n", encoding="utf-8")
    assert pk("import", str(table))[0] == 2
    assert (
        not (signed / "realisasi.yaml").exists() and not (draft(repo) / "realisasi.yaml").exists()
    )


def test_reading_commands_say_which_year_on_stderr_and_keep_stdout_clean(repo: Repo) -> None:
    code, out, err = pk("show", "--format", "json")
    assert code == 0
    assert json.loads(out)["tahun"] == 2025
    assert err == "pk: using data/2025: the newest year folder; name the folder to choose another\n"
    code, out, err = pk("capaian", "--format", "csv")
    assert code == 0 and "pk:" not in out and "," in out.splitlines()[0]
    assert "data/2025" in err
    code, out, err = pk("--lang", "id", "show", "--format", "json")
    assert err.startswith("pk: memakai data/2025: folder tahun terbaru; sebutkan foldernya")


def test_the_gate_covers_every_year_that_existed_at_the_baseline(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A changed 2024 target fails `--baseline`; 2025, started after it, has nothing to compare."""
    repo = Repo(tmp_path)
    monkeypatch.chdir(tmp_path)
    repo.git("tag", "base")
    assert pk("new", "2025")[0] == 0
    repo.edit(IK43_TARGET, IK43_TARGET.replace("97.5", "95"))
    repo.commit("IK-43 95, PK 2025 draf")
    code, out, _err = pk("validate", "--baseline", "base")
    assert code == 1
    errors = [line for line in out.splitlines() if ": error: " in line]
    assert len(errors) == 1
    assert errors[0].startswith("data/2024/perjanjian.yaml:327:21: error: the target of IK-43")
    assert errors[0].endswith("[uncovered-change]")
    # Covered by a revision, the 2024 change passes; the new year never was in question.
    text = repo.file.read_text(encoding="utf-8")
    repo.file.write_text(text + PERUBAHAN_I.format(ids="IK-43"), encoding="utf-8")
    assert pk("validate", "--baseline", "base")[0] == 0


def test_diff_of_a_revision_covers_every_year_that_changed(repo: Repo) -> None:
    repo.git("tag", "base")
    repo.edit(IK43_TARGET, IK43_TARGET.replace("97.5", "95"))
    next_year = draft(repo) / "perjanjian.yaml"
    text = next_year.read_text(encoding="utf-8")
    next_year.write_text(
        text.replace(IK43_TARGET, IK43_TARGET.replace("97.5", "99")), encoding="utf-8"
    )
    code, out, _err = pk("diff", "base", "--exit-code")
    assert code == 1
    assert "Comparing base → data/2024\n" in out and "IK-43 target 97.5% → 95%" in out
    assert "Comparing base → data/2025\n" in out and "IK-43 target 97.5% → 99%" in out
    code, out, _err = pk("diff", "base", "--format", "json")
    assert [(d["new"], [c["new"] for c in d["changes"]]) for d in json.loads(out)] == [
        ("data/2024", ["95%"]),
        ("data/2025", ["99%"]),
    ]
    # Against a revision before 2025 existed, 2025 is new, not an error.
    code, out, _err = pk("diff", "HEAD~1")
    assert code == 0
    assert "data/2025: a new year, not there at HEAD~1: nothing to compare with." in out


def test_two_years_are_not_two_revisions(repo: Repo) -> None:
    """2024's PK Perubahan I is not rewritten because the new 2025 has none."""
    text = repo.file.read_text(encoding="utf-8")
    repo.file.write_text(text + PERUBAHAN_I.format(ids="IK-43"), encoding="utf-8")
    code, out, _err = pk("diff", "data/2024", "data/2025", "--format", "json")
    assert code == 0
    kinds = {c["kind"] for c in json.loads(out)["changes"]}
    assert "perubahan-rewritten" not in kinds
    assert "penandatanganan-changed" in kinds  # what does differ between the years still shows
    code, out, _err = pk("diff", "data/2024", "data/2025")
    assert "PK Perubahan I" not in out


def test_a_year_gone_since_the_revision_is_a_change_and_fails_the_gate(repo: Repo) -> None:
    """data/2024, signed at base, removed: diff says so and the gate fails on its file."""
    repo.git("tag", "base")
    repo.git("rm", "-r", "-q", "data/2024")
    repo.commit("2024 dihapus")
    code, out, _err = pk("diff", "base", "--exit-code")
    assert code == 1
    assert "data/2024: removed since base: it was there and is gone now." in out
    code, out, _err = pk("diff", "base", "--format", "json")
    assert {
        "old": "base",
        "new": None,
        "folder": "data/2024",
        "changed": True,
        "dihapus": True,
    } in (json.loads(out))
    code, out, _err = pk("validate", "--baseline", "base")
    assert code == 1
    assert out.startswith(
        "data/2024/perjanjian.yaml: error: the agreement for 2024 was signed at base and is gone"
    )
    assert "[signed-year-removed]" in out.splitlines()[0]


def test_a_renamed_year_is_one_removed_and_one_new(repo: Repo) -> None:
    repo.git("tag", "base")
    repo.git("mv", "data/2025", "data/2026")
    repo.commit("2025 jadi 2026")
    code, out, _err = pk("diff", "base")
    assert "data/2025: removed since base: it was there and is gone now." in out
    assert "data/2026: a new year, not there at base: nothing to compare with." in out
    # 2025 was a draft at base: its going is a change, not a broken signature.
    code, out, _err = pk("validate", "--baseline", "base")
    assert "signed-year-removed" not in out


def test_a_folder_almost_named_as_a_year_is_warned_about(repo: Repo) -> None:
    for name in ("02026", "2025-revisi", "arsip"):
        (repo.root / "data" / name).mkdir()
    code, out, _err = pk("validate")
    warned = [line for line in out.splitlines() if "[not-a-year-folder]" in line]
    assert warned == [
        f"data/{name}: warning: is not read: pk reads only year folders named with exactly "
        "four digits, e.g. data/2025; rename it, or move it out of data/ [not-a-year-folder]"
        for name in ("02026", "2025-revisi")
    ]


@pytest.mark.parametrize(
    "name", ["realisasi (1).yaml", "realisasi.yaml.txt", "realisasi_2024.yaml", "realisasi.yaml "]
)
def test_a_near_miss_of_realisasi_is_warned_about_and_never_doubled(repo: Repo, name: str) -> None:
    near = repo.root / "data" / "2024" / name
    near.write_text("versi_format: 1\ntahun: 2024\n", encoding="utf-8")
    code, out, _err = pk("validate", "data/2024")
    assert f"data/2024/{name}: warning: is not read: pk reads only realisasi.yaml" in out
    code, out, err = pk("set", "IK-01", "data/2024", "-p", "TW1", "-r", "50")
    assert code == 2 and "nothing was written" in err
    assert not (repo.root / "data" / "2024" / "realisasi.yaml").exists()


def test_a_renstra_misnamed_is_warned_about_and_named_by_capaian(repo: Repo) -> None:
    (repo.root / "data" / "Renstra.yaml").write_text("versi_format: 1\n", encoding="utf-8")
    code, out, _err = pk("validate")
    assert (
        "data/Renstra.yaml: warning: is not read: pk reads the Renstra only as renstra.yaml" in out
    )
