"""What the planner sees in the terminal: data never runs there (control characters shown,
never sent; rich markup in a name stays text), spreadsheets never run a cell of pk's CSV,
and the tables fit 80 columns with no cell cut."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from conftest import DATA_2024, ROOT
from typer.testing import CliRunner

from pk.cli import app
from pk.render.diagnostics import inert
from pk.text import one_line, visible

MINIMAL = ROOT / "tests" / "cases" / "valid" / "minimal" / "2024"
DEMO = ROOT / "examples" / "demo-2024"
NTB = ROOT / "examples" / "ntb-2024"
HOSTILE = r"Bersih\e[2J\a [/] [bold]tebal[/bold]"
"""A name as YAML writes it (double-quoted escapes): ESC[2J clears the screen, BEL rings,
and `[/]` stops rich's markup parser with an error."""


def invoke(*args: str, columns: int = 200) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args), env={"COLUMNS": str(columns), "PK_LANG": "id"})
    return result.exit_code, result.stdout, result.stderr


def hostile_year(tmp_path: Path, old: str, new: str) -> Path:
    year = tmp_path / "2024"
    shutil.copytree(MINIMAL, year)
    source = year / "perjanjian.yaml"
    text = source.read_text(encoding="utf-8")
    assert old in text
    source.write_text(text.replace(old, new), encoding="utf-8")
    return year


def assert_harmless(text: str) -> None:
    assert "\x1b" not in text and "\x07" not in text
    assert "\\x1b[2J" in text


def test_visible_shows_control_characters_and_keeps_line_breaks() -> None:
    assert visible("a\x1b[2Jb\x07c\x7f\x9b\u202ed\te\nf\rg") == (
        "a\\x1b[2Jb\\x07c\\x7f\\x9b\\u202ed\te\nf\\rg"
    )
    assert one_line("a\nb\x1b") == "a\\nb\\x1b"


def test_validate_shows_a_control_character_in_a_finding(tmp_path: Path) -> None:
    year = hostile_year(tmp_path, "tahun: 2024\n", 'tahun: 2024\n"\\e[2Jkunci\\a": 1\n')
    code, out, _err = invoke("validate", str(year))
    assert code == 1
    assert "[unknown-key]" in out
    assert_harmless(out)


@pytest.mark.parametrize("fmt", ["text", "github"])
def test_every_finding_format_for_people_shows_control_characters(tmp_path: Path, fmt: str) -> None:
    year = hostile_year(tmp_path, "tahun: 2024\n", 'tahun: 2024\n"\\e[2Jkunci\\a": 1\n')
    assert_harmless(invoke("validate", str(year), "-f", fmt)[1])


def test_validate_json_keeps_the_text_exact(tmp_path: Path) -> None:
    year = hostile_year(tmp_path, "tahun: 2024\n", 'tahun: 2024\n"\\e[2Jkunci\\a": 1\n')
    findings = json.loads(invoke("validate", str(year), "-f", "json")[1])
    assert any("\x1b[2Jkunci\x07" in f["message"] for f in findings)


MARKUP = "Bersih [/] [bold]tebal[/bold]"
"""A name that rich would read as markup (`[/]` stops it with an error)."""


def test_show_prints_markup_in_a_name_as_text(tmp_path: Path) -> None:
    year = hostile_year(tmp_path, "nama: Jumlah dokumen riset kepemiluan", f'nama: "{MARKUP}"')
    code, out, err = invoke("show", str(year))
    assert code == 0, err
    # rich read none of it as markup: the brackets are there, as written.
    assert "[/]" in out and "[bold]tebal[/bold]" in out


def test_capaian_prints_markup_in_a_name_and_colour_as_text(tmp_path: Path) -> None:
    year = hostile_year(tmp_path, "nama: Jumlah dokumen riset kepemiluan", f'nama: "{MARKUP}"')
    (year / "pengaturan.yaml").write_text(
        "versi_format: 1\npredikat:\n  nama: Skala\n  kategori:\n"
        '    - {nama: "baik [blink]", min: 50, warna: "bukan warna[/]"}\n'
        '    - {nama: kurang, warna: "red on"}\n',
        encoding="utf-8",
    )
    code, out, err = invoke("capaian", str(year))
    assert code == 0, err
    assert "[/]" in out and "baik [blink]" in out


def test_tables_show_control_characters_of_data_never_validated(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`pk validate` refuses them ([control-character]); the tables do not rely on it."""
    from pk.compute.capaian import compute
    from pk.load.year import load_year
    from pk.render import capaian, perjanjian

    year = hostile_year(tmp_path, "nama: Jumlah dokumen riset kepemiluan", f'nama: "{HOSTILE}"')
    (year / "pengaturan.yaml").write_text(
        "versi_format: 1\npredikat:\n  nama: Skala\n  kategori:\n"
        '    - {nama: "baik\\e[5m", min: 50, warna: "bukan warna[/]"}\n'
        '    - {nama: kurang, warna: "red on"}\n',
        encoding="utf-8",
    )
    loaded = load_year(year)
    assert "control-character" in {d.code for d in loaded.diagnostics}
    assert loaded.perjanjian is not None
    perjanjian.print_table(loaded.perjanjian)
    capaian.print_table(
        compute(loaded.perjanjian, loaded.realisasi, loaded.pengaturan),
        "TW4",
        loaded.perjanjian.bentuk,
    )
    out = capsys.readouterr().out
    assert_harmless(out)
    assert "[/]" in out and "[bold]tebal[/bold]" in out and "baik\\x1b[5m" in out


def test_diff_text_shows_control_characters(tmp_path: Path) -> None:
    old = hostile_year(tmp_path / "old", "tahun", "tahun")
    new = hostile_year(
        tmp_path / "new", "nama: Jumlah dokumen riset kepemiluan", f'nama: "{HOSTILE}"'
    )
    code, out, err = invoke("diff", str(old), str(new))
    assert code == 0, err
    assert_harmless(out)


@pytest.mark.parametrize(
    ("text", "cell"),
    [
        ('=HYPERLINK("http://x","klik")', '\'=HYPERLINK("http://x","klik")'),
        ("+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1:A2)", "'@SUM(A1:A2)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\\r=1"),
        ("a\x1b[2Jb\x07", "a\\x1b[2Jb\\x07"),
        ("-5", "-5"),
        ("+2,5%", "+2,5%"),
        ("-0.75", "-0.75"),
        ("Persentase = 100", "Persentase = 100"),
    ],
)
def test_inert_neutralises_formulas_and_keeps_numbers(text: str, cell: str) -> None:
    assert inert(text) == cell


def test_show_csv_cells_never_open_as_formulas(tmp_path: Path) -> None:
    year = hostile_year(
        tmp_path,
        "nama: Jumlah dokumen riset kepemiluan",
        'nama: \'=HYPERLINK("http://x","klik")\'',
    )
    code, out, err = invoke("show", str(year), "-f", "csv")
    assert code == 0, err
    assert '"\'=HYPERLINK(""http://x"",""klik"")"' in out
    assert not re.search(r"(^|,)[=+@-]", out, re.MULTILINE)


def test_capaian_csv_keeps_negative_numbers_as_numbers(tmp_path: Path) -> None:
    year = hostile_year(
        tmp_path,
        "nama: Jumlah dokumen riset kepemiluan",
        "nama: '@SUM(A1:A9)'",
    )
    (year / "realisasi.yaml").write_text(
        "versi_format: 1\ntahun: 2024\nindikator:\n  IK-01:\n    TW1: {realisasi: 50}\n",
        encoding="utf-8",
    )
    code, out, err = invoke("capaian", str(year), "-p", "TW1", "-f", "csv")
    assert code == 0, err
    assert ",'@SUM(A1:A9)," in out


# --- 80 columns ----------------------------------------------------------------------------

BORDERED = "┏┃┡│├└"


def assert_fits(out: str, headers: list[str], width: int = 80) -> None:
    """Every line within `width`, every row of a boxed table closed on the right, no cell
    cut short with an ellipsis, and every column's header there."""
    for line in out.splitlines():
        assert len(line) <= width, line
        if line[:1] in BORDERED:
            assert line[-1] in "┓┃┩│┤┘", f"the right edge is cut: {line}"
    assert "…" not in out
    flat = " ".join(out.split())
    for header in headers:
        for word in header.split():
            assert word in flat, f"column {header!r} is missing"


def words_of(text: str) -> list[str]:
    return [w for w in text.split() if len(w) <= 12]  # longer words may fold


def test_show_fits_80_columns_with_every_sasaran_whole() -> None:
    code, out, _err = invoke("show", str(DATA_2024), columns=80)
    assert code == 0
    assert_fits(out, ["NO", "SASARAN STRATEGIS", "ID", "INDIKATOR KINERJA", "TARGET", "ANGGARAN"])
    data = json.loads(invoke("show", str(DATA_2024), "-f", "json")[1])
    lines = out.splitlines()
    for row in data["indikator"]:
        assert any(row["id"] in line for line in lines)
        for word in words_of(row["sasaran"]):
            assert word in out, (row["sasaran"], word)
    assert "Rp. 175.862.282.000,-" in out


@pytest.mark.parametrize("periode", ["TW2", "TW3", "tahunan"])
def test_capaian_fits_80_columns_with_every_column(periode: str) -> None:
    code, out, _err = invoke("capaian", str(DEMO), "-p", periode, columns=80)
    assert code == 0
    assert_fits(
        out,
        [
            "INDIKATOR KINERJA",
            "TARGET",
            "REALISASI",
            "CAPAIAN (%)",
            "PREDIKAT",
            "RATA-RATA (%)",
            "BELUM ADA DATA",
            "KODE",
            "KEGIATAN",
            "PAGU",
            "PENYERAPAN (%)",
        ],
    )
    # Numbers stay whole: an amount breaks at most after "Rp.", never inside.
    assert re.search(r"\b131\.495\.911\.780,-", out) or periode != "TW3"
    data = json.loads(invoke("capaian", str(DEMO), "-p", periode, "-f", "json")[1])
    for k in data["anggaran"]["kegiatan"]:
        if k["penyerapan"] is not None:
            assert f"{k['penyerapan']:.2f}".replace(".", ",") in out


def test_workspace_capaian_fits_80_columns() -> None:
    code, out, _err = invoke("capaian", str(NTB), columns=80)
    assert code == 0
    assert_fits(out, ["UNIT", "INDUK", "JUMLAH IK", "PREDIKAT", "PENYERAPAN (%)"])


# --- a figure carried from an earlier quarter ---------------------------------------------


def test_capaian_says_when_a_quarter_is_carried_from_an_earlier_one() -> None:
    """IK-25 has realisasi up to TW2 only: TW3's capaian uses TW2's (cumulative) figure."""
    data = json.loads(invoke("capaian", str(DEMO), "-p", "TW3", "-f", "json")[1])
    by_id = {i["id"]: i for i in data["indikator"]}
    assert by_id["IK-25"]["dari_triwulan"] == "TW2"
    assert by_id["IK-01"]["dari_triwulan"] is None
    lines = invoke("capaian", str(DEMO), "-p", "TW3")[1].splitlines()
    at = next(n for n, line in enumerate(lines) if "IK-25" in line)
    assert "B" in lines[at] and "(dari TW2)" in lines[at + 1]  # beneath the figure
    out = "\n".join(lines)
    assert "(dari TW3)" not in out
    tw2 = json.loads(invoke("capaian", str(DEMO), "-p", "TW2", "-f", "json")[1])
    assert {i["id"]: i for i in tw2["indikator"]}["IK-25"]["dari_triwulan"] is None
