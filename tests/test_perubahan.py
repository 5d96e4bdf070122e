"""The baseline gate (`pk validate --baseline`) and the history of revisions, on real git repos."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from gitrepo import IK43_TARGET, PERUBAHAN_I, PERUBAHAN_II, Repo
from typer.testing import CliRunner

from pk.change.history import load_as_of
from pk.change.riwayat import riwayat
from pk.cli import app
from pk.load.year import load_year

pytestmark = pytest.mark.usefixtures("english")  # asserts English messages


def validate(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["validate", "data/2024", *args])
    return result.exit_code, result.output


def retarget(repo: Repo) -> int:
    """Change IK-43's target; the 1-based line of the new target in the file."""
    repo.edit(IK43_TARGET, IK43_TARGET.replace("97.5", "95"))
    lines = repo.file.read_text(encoding="utf-8").splitlines()
    return lines.index("            target: 95", lines.index(IK43_TARGET.splitlines()[0])) + 1


def add(repo: Repo, text: str) -> None:
    with repo.file.open("a", encoding="utf-8") as handle:
        handle.write(text)


def test_gate_fails_without_a_revision_and_passes_with_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Must show: a changed target needs a perubahan entry that lists it."""
    repo = Repo(tmp_path)
    monkeypatch.chdir(tmp_path)
    line = retarget(repo)
    code, output = validate("--baseline", "HEAD")
    assert code == 1
    assert (
        f"data/2024/perjanjian.yaml:{line}:21: error: the target of IK-43 changed from 97.5% to "
        "95% since HEAD (signed 2024-06-10), but no perubahan entry added since then lists IK-43;"
    ) in output
    assert "[uncovered-change]" in output

    add(repo, PERUBAHAN_I.format(ids="IK-01"))
    code, output = validate("--baseline", "HEAD")
    assert code == 1, "a revision that lists another id does not cover IK-43"

    repo.file.write_text(
        repo.file.read_text(encoding="utf-8").replace("mengubah: [IK-01]", "mengubah: [IK-43]"),
        encoding="utf-8",
    )
    code, output = validate("--baseline", "HEAD")
    assert code == 0, output
    assert "uncovered-change" not in output


def test_a_recorded_revision_cannot_be_rewritten(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = Repo(tmp_path)
    retarget(repo)
    add(repo, PERUBAHAN_I.format(ids="IK-43"))
    repo.commit("PK Perubahan I")
    monkeypatch.chdir(tmp_path)
    assert validate("--baseline", "HEAD")[0] == 0
    repo.edit("Penyesuaian target", "Perubahan target")
    code, output = validate("--baseline", "HEAD")
    assert code == 1
    assert "perubahan 'PK Perubahan I' was recorded at HEAD" in output
    assert "[perubahan-rewritten]" in output


def test_the_tag_named_in_the_data_is_the_default_baseline(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = Repo(tmp_path)
    repo.edit("  status: ditandatangani\n", "  status: ditandatangani\n  tag: pk-2024\n")
    repo.commit("tag baseline")
    monkeypatch.chdir(tmp_path)
    code, output = validate()
    assert code == 0
    assert "[baseline-missing]" in output, "a named tag that git lacks is a warning"
    repo.git("tag", "pk-2024")
    assert validate()[0] == 0
    retarget(repo)
    assert validate()[0] == 1
    add(repo, PERUBAHAN_I.format(ids="IK-43"))
    assert validate()[0] == 0


def test_a_draft_changes_freely(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    repo = Repo(tmp_path)
    repo.edit("  status: ditandatangani\n", "  status: draf\n")
    repo.commit("draft")
    retarget(repo)
    monkeypatch.chdir(tmp_path)
    assert validate("--baseline", "HEAD")[0] == 0


def test_history_gives_the_original_and_each_revision(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = Repo(tmp_path)
    retarget(repo)
    add(repo, PERUBAHAN_I.format(ids="IK-43"))
    repo.commit("PK Perubahan I")
    repo.edit("  nama: Mars Ansori Wijaya", "  nama: Lalu Ahmad Fadli")
    add(repo, PERUBAHAN_II)
    repo.commit("PK Perubahan II")
    monkeypatch.chdir(tmp_path)

    now = load_year(Path("data/2024"))

    def as_of(label: str | None) -> tuple[Decimal, str]:
        p = load_as_of(now, label).perjanjian
        assert p is not None
        target = next(i.target for _, _, i in p.indikator() if i.id == "IK-43")
        assert isinstance(target, Decimal)
        return target, p.pihak_pertama.nama

    assert as_of(None) == (Decimal("97.5"), "Mars Ansori Wijaya")
    assert as_of("PK Perubahan I") == (Decimal("95"), "Mars Ansori Wijaya")
    assert as_of("PK Perubahan II") == (Decimal("95"), "Lalu Ahmad Fadli")

    current = load_as_of(now, "PK Perubahan II").perjanjian
    assert current is not None
    rows = riwayat(current)
    assert [(r.no, r.label, r.tanggal, r.dasar, r.mengubah) for r in rows] == [
        (1, "PK Perubahan I", dt.date(2024, 9, 2), "c", ("IK-43",)),
        (2, "PK Perubahan II", dt.date(2024, 10, 1), "a", ("pihak_pertama",)),
    ]
    assert rows[1].dasar_text == "perubahan atau pengalihan pejabat"
    assert rows[0].surat == "Surat Sekretaris Jenderal KPU Nomor 1234/SDM.01-SD/08/2024"


def test_a_year_started_after_the_baseline_has_nothing_to_compare(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = Repo(tmp_path)
    monkeypatch.chdir(tmp_path)
    assert CliRunner().invoke(app, ["new", "2025"]).exit_code == 0
    result = CliRunner().invoke(app, ["validate", "data/2025", "--baseline", "HEAD"])
    assert result.exit_code == 0, result.output
    assert repo.git("status", "--porcelain") == "?? data/2025/\n"


def test_unknown_baseline_is_a_usage_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    Repo(tmp_path)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["validate", "data/2024", "--baseline", "no-such-rev"])
    assert result.exit_code == 2
    assert result.stderr.startswith("pk: error: ")
    assert "no-such-rev" in result.stderr
