"""The helpers each concept has one home in: a value as text, Markdown, the model's walks."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from conftest import ROOT

from pk.change.diff import Change, Diff, Kind
from pk.load.year import load_year
from pk.model.perjanjian import Rentang
from pk.numbers import angka, nilai, plain, plain_comma
from pk.render.diff import render_md
from pk.render.markdown import md, md_code


def test_nilai_prints_values_as_the_documents_do() -> None:
    assert nilai(Decimal("97.5"), "%") == "97.5%"
    assert nilai(Decimal("11"), "KPU Prov/Kab/Kota") == "11 KPU Prov/Kab/Kota"
    assert nilai(Rentang(min=Decimal(80), maks=Decimal(90)), "Dok") == "80–90 Dok"
    assert nilai("A", "%") == "A"
    assert nilai(None, "%") is None
    assert nilai(dt.date(2024, 6, 10)) == "2024-06-10"
    assert nilai(Decimal("1E+2")) == "100"
    assert nilai(Decimal("1250.50"), "%", angka) == "1.250,5%"
    assert nilai(Decimal("1250.5"), None, plain_comma) == "1250,5"
    assert plain(Decimal("100.00")) == "100"


def test_md_leaves_raw_html_inert() -> None:
    assert md("<img src=x onerror=alert(1)>") == "\\<img src=x onerror=alert(1)\\>"
    assert md("a | b\nc") == "a \\| b<br>c"
    assert md("# judul") == "\\# judul"


def test_md_code_cannot_be_closed_by_the_data() -> None:
    assert md_code("076.01.CQ") == "`076.01.CQ`"
    assert md_code("a`b|c") == "``a`b\\|c``"
    assert md_code("`x") == "`` `x ``"


def test_diff_md_escapes_what_comes_from_the_data() -> None:
    hostile = "<img src=x onerror=alert(1)>"
    diff = Diff(
        "old",
        "new",
        (Change(Kind.KEGIATAN_RENAMED, "076|01`", "Lama", hostile, nama=hostile),),
        1,
        1,
    )
    out = render_md(diff)
    assert "<img" not in out.replace("\\<img", "")
    assert "| `` 076\\|01` `` |" in out


def test_walk_and_lookups_follow_the_document() -> None:
    loaded = load_year(ROOT / "data" / "2024")
    p = loaded.perjanjian
    assert p is not None
    walked = list(p.walk())
    loc, kelompok, sasaran, ind = walked[0]
    assert loc == ("kelompok", 0, "sasaran", 0, "indikator", 0)
    assert (kelompok, sasaran, ind) == p.indikator()[0]
    assert p.indikator_by_id()[ind.id] is ind
    assert len(p.indikator_by_id()) == len(walked)
    assert p.anggaran.total == p.anggaran.sum_pagu == sum(k.pagu for k in p.anggaran.kegiatan)
    assert p.anggaran.model_copy(update={"jumlah": 5}).total == 5
