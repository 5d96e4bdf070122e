"""No writer loses a byte: `pk set`/`pk import` change only the lines they mean to, every
writer re-reads what it would write, and a writer that cannot write says so and writes nothing."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import DATA_2024
from typer.testing import CliRunner

import pk.files
from pk.cli import app
from pk.edit import roundtrip
from pk.edit.fmt import format_file
from pk.load.source import load_text
from pk.load.year import load_year

pytestmark = pytest.mark.usefixtures("english")  # asserts English messages

# A realisasi.yaml as a planner's editor may leave it: every quirk pk set must keep.
HAND_WRITTEN = (
    "%YAML 1.2\n"
    "---\n"
    "# ditulis tangan\n"
    "versi_format: 1\n"
    "tahun: 2024\n"
    "indikator:\n"
    '    "IK-01":\n'
    "        TW1: {realisasi: +25}   # dari laporan\n"
    "        TW2: {realisasi: 50.0, catatan: 'sesuai jadwal'}\n"
    "    IK-03:\n"
    "        TW1:\n"
    "            realisasi: 10\n"
    "    IK-04: {TW1: {realisasi: 3}, TW2: {realisasi: 4,\n"
    "        # di dalam kurung\n"
    "        catatan: x}}\n"
    "...\n"
)


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, result.output


@pytest.fixture
def year(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "2024"
    folder.mkdir()
    shutil.copy(DATA_2024 / "perjanjian.yaml", folder)
    monkeypatch.chdir(tmp_path)
    return Path("2024")


@pytest.mark.parametrize("newline", ["\n", "\r\n"], ids=["lf", "crlf"])
@pytest.mark.parametrize("bom", ["", "\ufeff"], ids=["no-bom", "bom"])
def test_set_keeps_every_untouched_byte(year: Path, newline: str, bom: str) -> None:
    file = year / "realisasi.yaml"
    before = bom + HAND_WRITTEN.replace("\n", newline)
    file.write_bytes(before.encode("utf-8"))
    for args in (
        ["IK-01", "-p", "TW2", "-r", "51"],  # a value in a flow mapping
        ["IK-03", "-p", "TW1", "-r", "11"],  # a value in a block mapping
        ["IK-01", "-p", "TW3", "-r", "75"],  # a new quarter
        ["IK-02", "-p", "TW1", "-r", "5", "--catatan", "baru"],  # a new indikator
        ["IK-04", "-p", "TW3", "-r", "9"],  # a quarter added to a multi-line flow mapping
    ):
        code, out = run("set", args[0], str(year), *args[1:])
        assert code == 0, out
    expected = bom + (
        "%YAML 1.2\n"
        "---\n"
        "# ditulis tangan\n"
        "versi_format: 1\n"
        "tahun: 2024\n"
        "indikator:\n"
        '    "IK-01":\n'
        "        TW1: {realisasi: +25}   # dari laporan\n"
        "        TW2: {realisasi: 51, catatan: 'sesuai jadwal'}\n"
        "        TW3: {realisasi: 75}\n"
        "    IK-02:\n"
        "        TW1: {realisasi: 5, catatan: baru}\n"
        "    IK-03:\n"
        "        TW1:\n"
        "            realisasi: 11\n"
        "    IK-04: {TW1: {realisasi: 3}, TW2: {realisasi: 4,\n"
        "        # di dalam kurung\n"
        "        catatan: x}, TW3: {realisasi: 9}}\n"
        "...\n"
    ).replace("\n", newline)
    assert file.read_bytes().decode("utf-8") == expected
    loaded = load_year(year)
    assert loaded.ok, loaded.diagnostics


def test_set_through_a_symlink_writes_the_linked_file(year: Path, tmp_path: Path) -> None:
    shared = tmp_path / "shared.yaml"
    shared.write_text(HAND_WRITTEN, encoding="utf-8")
    (year / "realisasi.yaml").symlink_to(shared)
    assert run("set", "IK-03", str(year), "-p", "TW1", "-r", "12")[0] == 0
    assert (year / "realisasi.yaml").is_symlink()
    assert "            realisasi: 12\n" in shared.read_text(encoding="utf-8")


# --- re-reading what would be written ------------------------------------------------------


def test_fmt_writes_text_that_starts_with_an_indicator_so_it_reads_back(tmp_path: Path) -> None:
    file = tmp_path / "lain.yaml"
    file.write_text('pilihan: ["? q", ":x", "?y"]\nsatu: "?z"\n', encoding="utf-8")
    before, _ = load_text(file.read_text(encoding="utf-8"), "x")
    assert not format_file(file).diagnostics
    after, problems = load_text(file.read_text(encoding="utf-8"), "x")
    assert not problems and after.data == before.data == {
        "pilihan": ["? q", ":x", "?y"],
        "satu": "?z",
    }


def test_new_writes_text_that_starts_with_an_indicator_so_it_reads_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "data" / "2024"
    folder.mkdir(parents=True)
    text = (DATA_2024 / "perjanjian.yaml").read_text(encoding="utf-8")
    # The unit written as a flow mapping, with a short name that starts with `? `.
    start = text.index("unit:\n")
    end = text.index("judul_lampiran:")
    text = text[:start] + 'unit: {nama: KPU Provinsi NTB, singkatan: "? KPU NTB"}\n' + text[end:]
    (folder / "perjanjian.yaml").write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, out = run("new", "2025", "--from", "data/2024")
    assert code == 0, out
    new = load_year(Path("data/2025")).perjanjian
    assert new is not None and new.unit.singkatan == "? KPU NTB"


def test_a_write_that_would_not_read_back_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The guard behind the emitter: with ruamel's own choice of style (`[? q]`), pk fmt
    refuses with write-mismatch at the value's line, and writes nothing."""
    monkeypatch.setattr(
        roundtrip._Emitter, "choose_scalar_style", roundtrip.Emitter.choose_scalar_style
    )
    file = tmp_path / "lain.yaml"
    original = b'# pilihan\npilihan:   ["? q"]\n'
    file.write_bytes(original)
    code, out = run("fmt", str(file))
    assert code == 1
    assert (
        f"{file.as_posix()}:2:13: error: pk would write `'? q'` here, but it would read back "
        in out
    )
    assert out.splitlines()[0].endswith("[write-mismatch]")
    assert file.read_bytes() == original


# --- comments in multi-line flow collections -----------------------------------------------

FLOW_COMMENT = "versi_format: 1\npilihan: [satu,\n  # yang kedua ditambah Maret\n  dua]\n"


def test_fmt_refuses_a_file_whose_comment_it_would_lose(tmp_path: Path) -> None:
    file = tmp_path / "lain.yaml"
    file.write_text(FLOW_COMMENT, encoding="utf-8")
    code, out = run("fmt", str(file))
    assert code == 1
    assert out.startswith(
        f"{file.as_posix()}:3:3: error: pk fmt would lose the comment `# yang kedua ditambah "
        "Maret` (a comment inside [ ] or { } written over several lines cannot be kept)"
    )
    assert "[not-formattable]" in out
    assert file.read_text(encoding="utf-8") == FLOW_COMMENT


# --- writers that cannot write -------------------------------------------------------------


def test_set_and_fmt_refuse_a_read_only_file(year: Path) -> None:
    file = year / "realisasi.yaml"
    file.write_text("versi_format: 1\ntahun: 2024\nindikator:\n  IK-01:  {TW1: {realisasi: 1}}\n")
    file.chmod(0o444)
    before = file.read_bytes()
    for args in (["set", "IK-01", str(year), "-p", "TW2", "-r", "5"], ["fmt", str(file)]):
        code, out = run(*args)
        assert code == 2, out
        assert out == (
            f"pk: error: {file.as_posix()} is read-only: make it writable (in its properties, "
            "or `chmod u+w`), then run again; nothing was written\n"
        )
        assert file.read_bytes() == before


def test_set_and_fmt_in_a_folder_that_cannot_be_written(
    year: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As a folder without write permission (or on a read-only share) answers, even for root."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    file = year / "realisasi.yaml"
    file.write_text("versi_format: 1\ntahun: 2024\n", encoding="utf-8")
    monkeypatch.setattr(pk.files, "open", refuse, raising=False)  # the lock file
    for args in (["set", "IK-01", str(year), "-p", "TW2", "-r", "5"], ["fmt", str(file)]):
        code, out = run(*args)
        assert code == 2, out
        assert out == (
            f"pk: error: {year.as_posix()}: cannot write here (permission denied): check that "
            "you may write to this folder (its permissions, or a read-only disk or share); "
            "nothing was written\n"
        )
    assert file.read_text(encoding="utf-8") == "versi_format: 1\ntahun: 2024\n"
    assert sorted(p.name for p in year.iterdir()) == ["perjanjian.yaml", "realisasi.yaml"]


@pytest.mark.skipif(
    not hasattr(pk.files.os, "geteuid") or pk.files.os.geteuid() == 0,
    reason="root writes in any folder",
)
def test_set_in_a_folder_without_write_permission(year: Path) -> None:
    year.chmod(0o555)
    try:
        code, out = run("set", "IK-01", str(year), "-p", "TW2", "-r", "5")
    finally:
        year.chmod(0o755)
    assert code == 2 and out.startswith(f"pk: error: {year.as_posix()}: cannot write here")


# --- pk new from a broken year -------------------------------------------------------------


@pytest.mark.parametrize(
    ("broken", "message"),
    [
        (
            lambda text: text.replace("unit:\n", "unit: [\n", 1),
            "data/2024/perjanjian.yaml:13:12: error: YAML syntax error",
        ),
        (
            lambda text: text.replace("tahun: 2024", "tahun: dua", 1),
            "data/2024/perjanjian.yaml:8:8: error: `tahun`: should be a whole number",
        ),
        (None, "pk: error: no perjanjian.yaml in data/2024 to start from"),
    ],
    ids=["syntax", "schema", "missing"],
)
def test_new_from_a_broken_year_is_located(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, broken: object, message: str
) -> None:
    folder = tmp_path / "data" / "2024"
    folder.mkdir(parents=True)
    if callable(broken):
        text = (DATA_2024 / "perjanjian.yaml").read_text(encoding="utf-8")
        (folder / "perjanjian.yaml").write_text(broken(text), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, out = run("new", "2025", "--from", "data/2024")
    assert code in (1, 2) and out.startswith(message), out
    assert not (tmp_path / "data" / "2025").exists()


def test_new_from_a_year(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(DATA_2024, tmp_path / "data" / "2024")
    monkeypatch.chdir(tmp_path)
    code, out = run("new", "2025", "--from", "2024")
    assert code == 0, out
    assert "from data/2024:" in out  # the folder it copied, not only what was typed
    assert load_year(Path("data/2025")).perjanjian is not None


# --- bounds --------------------------------------------------------------------------------


def test_writers_refuse_a_file_too_large_to_edit(year: Path) -> None:
    file = year / "realisasi.yaml"
    padding = "".join(f"# catatan {n:06d} " + "x" * 60 + "\n" for n in range(8000))
    file.write_text(f"{padding}versi_format: 1\ntahun: 2024\n", encoding="utf-8")
    assert file.stat().st_size > roundtrip.MAX_BYTES
    before = file.read_bytes()
    for args in (["set", "IK-01", str(year), "-p", "TW2", "-r", "5"], ["fmt", str(file)]):
        code, out = run(*args)
        assert code == 1, out
        assert (
            f"{file.as_posix()}: error: is 609 KB, more than the 256 KB pk edits (a real "
            "agreement is under 50 KB): check that this is the right file [too-large-to-edit]"
        ) in out
        assert file.read_bytes() == before


def test_fmt_reports_a_link_that_loops_rather_than_passing_it_over(tmp_path: Path) -> None:
    year = tmp_path / "2024"
    shutil.copytree(DATA_2024, year)
    (year / "realisasi.yaml").symlink_to(year / "realisasi.yaml")
    code, out = run("fmt", "--check", str(tmp_path))
    assert code == 1, out
    assert f"{(year / 'realisasi.yaml').as_posix()}:" in out
