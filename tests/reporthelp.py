"""Helpers for the report tests: read the signed source document, and read the rendered
reports back (HTML rows, Markdown table rows) the way a reader would."""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

INDIKATOR_START = re.compile(r"^(Persentase|Persentasi|Jumlah|Nilai)\b")


@dataclass(frozen=True)
class Seed:
    indikator: list[tuple[str, str | None]]
    """(indicator text, target as printed or None) for every indicator row, in order."""
    pihak: list[str]
    tempat_tanggal: str
    amounts: list[str]


def read_seed(path: Path) -> Seed:
    """Parse the signed PK as extracted to text (tab-separated table rows, some of them with
    cells shifted): each row's indicator is the cell that reads like one, its target the
    cell that starts with a digit or is a grade."""
    text = path.read_text(encoding="utf-8")
    start = text.index("NO\tSASARAN STRATEGIS")
    end = text.index("NO\tKEGIATAN")
    rows: list[tuple[str, str | None]] = []
    for line in text[start:end].splitlines():
        cells = [c.strip() for c in line.split("\t") if c.strip()]
        if not cells or cells[0] == "NO":
            continue
        cells = [c for c in cells if not re.fullmatch(r"\d+\.", c)]
        names = [c for c in cells if INDIKATOR_START.match(c)]
        targets = [c for c in cells if re.match(r"\d", c) or re.fullmatch(r"[A-D]{1,2}", c)]
        if names:
            assert len(names) == 1 and len(targets) <= 1, line
            rows.append((names[0], targets[0] if targets else None))
    pihak = re.findall(r"^Nama : (.+)$", text, flags=re.M)
    tempat_tanggal = re.findall(r"^(\w+, \d{1,2} \w+ \d{4})$", text, flags=re.M)[0]
    amounts = re.findall(r"Rp\. [\d.]+,-", text)
    return Seed(rows, pihak, tempat_tanggal, amounts)


def indonesian(target: str) -> str:
    """A target as printed in the source, with the decimal comma the reports use."""
    return re.sub(r"(\d)\.(\d)", r"\1,\2", target)


class _Tables(HTMLParser):
    """Every table's body rows as lists of (class, text) cells, by table id."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: dict[str, list[list[tuple[str, str]]]] = {}
        self._table: str | None = None
        self._in_body = False
        self._cell: list[str] | None = None
        self._cell_class = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "table":
            self._table = a.get("id") or f"table-{len(self.tables)}"
            self.tables[self._table] = []
        elif tag == "tbody":
            self._in_body = True
        elif tag == "tr" and self._in_body and self._table:
            self.tables[self._table].append([])
        elif tag == "td" and self._in_body:
            self._cell, self._cell_class = [], a.get("class") or ""

    def handle_endtag(self, tag: str) -> None:
        if tag == "td" and self._cell is not None and self._table:
            text = " ".join("".join(self._cell).split())
            self.tables[self._table][-1].append((self._cell_class, text))
            self._cell = None
        elif tag == "tbody":
            self._in_body = False
        elif tag == "table":
            self._table = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def html_tables(html: str) -> dict[str, list[list[tuple[str, str]]]]:
    parser = _Tables()
    parser.feed(html)
    return parser.tables


def html_lampiran(html: str) -> list[tuple[str, str]]:
    """(indikator, target) of every row of the lampiran table."""
    rows = []
    for row in html_tables(html)["tabel-kinerja"]:
        cells = dict(row)
        rows.append((cells["indikator"], cells["target"]))
    return rows


def md_cells(line: str) -> list[str]:
    """The cells of a GFM table row, split on unescaped pipes and unescaped."""
    inner = line.strip()[1:-1]
    return [re.sub(r"\\(.)", r"\1", c).strip() for c in re.split(r"(?<!\\)\|", inner)]


def md_table(markdown: str, header: str) -> list[list[str]]:
    """Body rows of the Markdown table whose header row starts with `header`."""
    lines = markdown.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(header))
    rows = []
    for line in lines[start + 2 :]:
        if not line.startswith("|"):
            break
        rows.append(md_cells(line))
    return rows
