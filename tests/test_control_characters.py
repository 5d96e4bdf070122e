"""Control characters in the data: one rule everywhere (pk.text).

`pk validate` locates each (`[control-character]`, an error: the same character written raw
is already a YAML syntax error, and no signed document holds one), and every output writes
them as visible escapes all the same — the terminal, CSV, Markdown, HTML and the workbook —
so data that never went through validation stays harmless too.
"""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT
from typer.testing import CliRunner

from pk.cli import app
from pk.load.year import Loaded, load_year
from pk.render.diagnostics import csv_text
from pk.render.markdown import md, md_code
from pk.text import control_pattern, visible

DEMO = ROOT / "examples" / "demo-2024"
HOSTILE = r"R\ecX\x9b2J\a\e]0;pwned\a\u202eZ"
"""A name as YAML writes it: ESC c resets the terminal, CSI 2J (C1) clears it, BEL rings,
ESC]0; sets the window title, U+202E reverses the text after it."""
RAW = "R\x1bcX\x9b2J\x07\x1b]0;pwned\x07\u202eZ"
SHOWN = "R\\x1bcX\\x9b2J\\x07\\x1b]0;pwned\\x07\\u202eZ"


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args), env={"PK_LANG": "en", "COLUMNS": "200"})
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(
        result.exception
    )
    return result.exit_code, result.stdout, result.stderr


def assert_harmless(text: str) -> None:
    assert control_pattern().search(text) is None, repr(control_pattern().search(text))


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    """The demo year with the control characters in a kegiatan's name and a catatan."""
    year = tmp_path / "2024"
    shutil.copytree(DEMO, year)
    agreement = year / "perjanjian.yaml"
    text = agreement.read_text(encoding="utf-8")
    assert "nama: Program Dukungan Manajemen" in text
    agreement.write_text(
        text.replace("nama: Program Dukungan Manajemen", f'nama: "{HOSTILE}"', 1).replace(
            "nama: Persentase", f'nama: "{HOSTILE}" #', 1
        ),
        encoding="utf-8",
    )
    realisasi = year / "realisasi.yaml"
    realisasi.write_text(
        realisasi.read_text(encoding="utf-8").replace(
            "TW1: {realisasi: ", f'TW1: {{catatan: "{HOSTILE}", realisasi: ', 1
        ),
        encoding="utf-8",
    )
    return year


def loaded(year: Path) -> Loaded:
    """The year as loaded, its findings aside: what an output gets when no check ran."""
    found = load_year(year)
    assert found.perjanjian is not None
    return found


def test_visible_escapes_every_control_character_and_keeps_tabs_and_line_breaks() -> None:
    assert visible(RAW) == SHOWN
    assert visible("a\tb\nc\rd\x00\x7f\x85\u2066") == "a\tb\nc\\rd\\x00\\x7f\\x85\\u2066"
    assert visible("Rp. 1.250,- 97,5% — ✓ اختبار") == "Rp. 1.250,- 97,5% — ✓ اختبار"


def test_validate_locates_each_control_character(hostile: Path) -> None:
    code, out, _err = invoke("validate", str(hostile))
    assert code == 1
    lines = [line for line in out.splitlines() if "[control-character]" in line]
    assert len(lines) == 3, out  # the kegiatan, the indikator, the catatan
    assert all(": error: " in line for line in lines)
    assert any(line.startswith(f"{hostile.as_posix()}/realisasi.yaml:") for line in lines)
    assert "U+001B (shown as \\x1b)" in lines[0]
    assert_harmless(out)


def test_tabs_line_breaks_and_escaped_printable_text_are_allowed(tmp_path: Path) -> None:
    year = tmp_path / "2024"
    shutil.copytree(DEMO, year)
    agreement = year / "perjanjian.yaml"
    text = agreement.read_text(encoding="utf-8")
    agreement.write_text(
        text.replace(
            "nama: Program Dukungan Manajemen",
            'nama: "Program\\tDukungan\\nManajemen \\u00e9 C:\\\\data"',
            1,
        ),
        encoding="utf-8",
    )
    code, out, _err = invoke("validate", str(year))
    assert code == 0, out
    assert "[control-character]" not in out


def test_a_bidirectional_override_written_raw_is_located(tmp_path: Path) -> None:
    year = tmp_path / "2024"
    shutil.copytree(DEMO, year)
    agreement = year / "perjanjian.yaml"
    text = agreement.read_text(encoding="utf-8")
    agreement.write_text(
        text.replace("nama: Program Dukungan Manajemen", "nama: Program \u202eDukungan", 1),
        encoding="utf-8",
    )
    code, out, _err = invoke("validate", str(year))
    assert code == 1
    assert "U+202E (shown as \\u202e)" in out and "[control-character]" in out
    assert_harmless(out)


def test_a_control_character_in_a_key_is_located(tmp_path: Path) -> None:
    year = tmp_path / "2024"
    shutil.copytree(DEMO, year)
    realisasi = year / "realisasi.yaml"
    realisasi.write_text(
        realisasi.read_text(encoding="utf-8") + '  "IK-01\\e[2J": {}\n', encoding="utf-8"
    )
    code, out, _err = invoke("validate", str(year))
    assert code == 1
    assert "[control-character]" in out
    assert_harmless(out)


@pytest.mark.parametrize(
    "command",
    [
        ("export", "-o", "out.xlsx"),
        ("show", "-f", "csv"),
        ("capaian", "-f", "csv"),
        ("report", "-d", "capaian", "-f", "md", "-o", "-"),
    ],
)
def test_commands_refuse_the_data_with_the_finding_not_a_traceback(
    hostile: Path, command: tuple[str, ...], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(hostile.parent)
    code, out, err = invoke(command[0], str(hostile), *command[1:])
    assert code == 1
    assert "[control-character]" in err
    assert_harmless(out + err)
    assert not (hostile.parent / "out.xlsx").exists()


def test_csv_escapes_control_characters() -> None:
    text = csv_text([{"a": RAW, "b": "\r=1"}, {"a": "=cmd\x07", "b": "-5"}], ["a", "b"])
    assert_harmless(text)
    assert SHOWN in text and "'\\r=1" in text and "'=cmd\\x07" in text and ",-5\n" in text


def test_show_and_capaian_csv_escape_data_that_was_not_validated(hostile: Path) -> None:
    from pk.compute.capaian import compute
    from pk.render import capaian, perjanjian

    year = loaded(hostile)
    assert year.perjanjian is not None
    shown = perjanjian.render_csv(year.perjanjian)
    achieved = capaian.render_csv(compute(year.perjanjian, year.realisasi, year.pengaturan))
    for text in (shown, achieved):
        assert_harmless(text)
        assert SHOWN in text


def test_markdown_escapes_every_control_character() -> None:
    for text in (md(RAW), md_code(RAW)):
        assert_harmless(text)
        assert "pwned" in text
    assert md(RAW).startswith("R\\\\x1bcX\\\\x9b2J")  # a backslash is Markdown-escaped
    assert md_code(RAW) == f"`{SHOWN}`"


def test_diff_markdown_escapes_control_characters(tmp_path: Path, hostile: Path) -> None:
    old = tmp_path / "old"
    shutil.copytree(DEMO, old)
    code, out, err = invoke("diff", str(old), str(hostile), "-f", "md")
    assert_harmless(out + err)
    assert code == 0, err
    assert "pwned" in out


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_reports_escape_data_that_was_not_validated(hostile: Path, fmt: str) -> None:
    from pk.render.templates import render
    from pk.report import context_for
    from pk.vocab import Dokumen, ReportFormat

    context = context_for(loaded(hostile))
    for dokumen in (Dokumen.PERJANJIAN, Dokumen.CAPAIAN):
        text = render(context, dokumen, ReportFormat(fmt))
        assert_harmless(text)
        assert "pwned" in text


def test_workbook_writes_escapes_for_data_that_was_not_validated(
    hostile: Path, tmp_path: Path
) -> None:
    from openpyxl import load_workbook

    from pk.edit.workbook import export_workbook

    output = tmp_path / "isi.xlsx"
    export_workbook(loaded(hostile), output)
    with zipfile.ZipFile(output) as archive:
        for name in archive.namelist():
            assert_harmless(archive.read(name).decode("utf-8", errors="replace"))
    cells = [
        c.value
        for sheet in load_workbook(output).worksheets
        for row in sheet.iter_rows()
        for c in row
        if isinstance(c.value, str)
    ]
    assert sum(SHOWN in c for c in cells) >= 3  # the indikator twice, the catatan


def test_set_and_import_refuse_a_control_character_at_the_value(tmp_path: Path) -> None:
    year = tmp_path / "2024"
    shutil.copytree(DEMO, year)
    before = {p.name: p.read_bytes() for p in year.iterdir()}
    code, _out, err = invoke("set", "IK-01", str(year), "-p", "TW1", "-r", "5", "--catatan", RAW)
    assert code == 1 and "[control-character]" in err
    table = tmp_path / "isi.csv"
    table.write_text('id,periode,realisasi,catatan\nIK-02,TW1,5,"x\x07y"\n', encoding="utf-8")
    code, out, err = invoke("import", str(table), str(year))
    assert code == 1
    assert f"{table.as_posix()}:2:3: error: " in out + err and "[control-character]" in out + err
    assert_harmless(out + err)
    assert {p.name: p.read_bytes() for p in year.iterdir()} == before


@pytest.mark.parametrize(
    "char",
    [
        "\ufffe",
        "\uffff",
        "\ufdd0",
        "\U0001fffe",
        "\u2028",
        "\u2029",
        "\u200b",
        "\u200e",
        "\u200f",
        "\u061c",
        "\ufeff",
        "\ufff9",
    ],
)
def test_validate_refuses_noncharacters_and_invisible_characters(tmp_path: Path, char: str) -> None:
    year = tmp_path / "2024"
    shutil.copytree(DEMO, year)
    agreement = year / "perjanjian.yaml"
    escaped = f"\\u{ord(char):04x}" if ord(char) < 0x10000 else f"\\U{ord(char):08x}"
    agreement.write_text(
        agreement.read_text(encoding="utf-8").replace(
            "nama: Program Dukungan Manajemen", f'nama: "Prog{escaped}ram"', 1
        ),
        encoding="utf-8",
    )
    code, out, _err = invoke("validate", str(year))
    assert code == 1 and "[control-character]" in out
    assert f"U+{ord(char):04X}" in out


def test_workbook_of_a_noncharacter_is_well_formed(hostile: Path, tmp_path: Path) -> None:
    from xml.dom.minidom import parseString

    from pk.edit.workbook import export_workbook

    agreement = hostile / "perjanjian.yaml"
    agreement.write_text(
        agreement.read_text(encoding="utf-8").replace("pwned", "p\\ufffew\\uffffn\\u2028d"),
        encoding="utf-8",
    )
    output = tmp_path / "isi.xlsx"
    export_workbook(loaded(hostile), output)
    with zipfile.ZipFile(output) as archive:
        for name in archive.namelist():
            if name.endswith(".xml"):
                parseString(archive.read(name))  # raises on a character XML 1.0 forbids
    assert "p\\ufffew" in visible("p\ufffew")


@pytest.mark.parametrize("fmt", ["json"])
def test_every_json_output_escapes_c1_and_bidi(tmp_path: Path, hostile: Path, fmt: str) -> None:
    old = tmp_path / "old"
    shutil.copytree(DEMO, old)
    code, out, err = invoke("diff", str(old), str(hostile), "-f", fmt)
    assert code == 0, err
    assert "\x9b" not in out and "\u202e" not in out
    assert "\\u009b" in out and "\\u202e" in out
    code, out, _err = invoke("validate", str(hostile), "-f", "json")
    assert_harmless(out)


@pytest.mark.parametrize(
    "char", ["\u200b", "\u200e", "\u061c", "\ufeff", "\ufff9", "\ufdd0", "\U0001fffe"]
)
def test_invisible_and_noncharacters_written_raw_are_located(tmp_path: Path, char: str) -> None:
    """libyaml reads these as they are, with no escape in the file: the reader looks for them
    all the same (a zero-width space copied from a PDF passed unseen before)."""
    year = tmp_path / "2024"
    shutil.copytree(DEMO, year)
    agreement = year / "perjanjian.yaml"
    text = agreement.read_text(encoding="utf-8")
    assert "\\" not in text
    agreement.write_text(
        text.replace("nama: Program Dukungan Manajemen", f"nama: Program{char}Dukungan", 1),
        encoding="utf-8",
    )
    code, out, _err = invoke("validate", str(year))
    assert code == 1 and "[control-character]" in out
    assert f"U+{ord(char):04X}" in out
