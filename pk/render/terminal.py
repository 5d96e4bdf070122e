"""Text from the data on its way to a terminal: shown, never run.

A name or a catatan can hold control characters (ESC starts the sequences that clear the
screen or recolour it, BEL rings) and, for rich, markup (`[/]` even stops it with an error).
Every text formatter and table that prints data passes it through `visible` (pk.text); the tables
take it as `cell`, which rich does not read as markup. JSON needs none of this: it escapes
control characters itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from pk.text import visible

if TYPE_CHECKING:
    from rich.console import RenderableType
    from rich.table import Table
    from rich.text import Text


def cell(text: str | None, style: str = "") -> Text:
    """A table cell of data: visible, and never read as rich markup."""
    from rich.text import Text

    return Text(visible(text or ""), style=safe_style(style))


def plain(text: str) -> str:
    """Data inside a line that rich reads as markup: visible, its brackets escaped."""
    from rich.markup import escape

    return escape(visible(text))


def safe_style(style: str | None) -> str:
    """A style named in the data (a predikat's `warna`) if rich knows it, else none."""
    if not style:
        return ""
    from rich.errors import StyleSyntaxError
    from rich.style import Style

    try:
        Style.parse(style)
    except StyleSyntaxError:
        return ""
    return style


@dataclass(frozen=True)
class Column:
    """A column of a `fitted` table: text (with a `ratio` of the width left) or numbers."""

    header: RenderableType
    ratio: int | None = None
    """Texts share the width the other columns leave, in this ratio; None: a column of
    numbers or codes, as wide as its longest word."""
    justify: Literal["left", "right"] = "left"
    style: str = ""


Row = Sequence["RenderableType"]


def fitted(
    title: Text | str,
    columns: Sequence[Column],
    rows: Sequence[Row | None],
    width: int,
    light: bool = False,
) -> Table:
    """A table within `width` (the terminal's, 80 columns too) where no cell is cut: each
    column of numbers and codes whole when that leaves the texts room, else as wide as its
    header and its longest number, so a number never breaks; the texts wrapped (a long word
    folded) in what is left. A None among `rows` starts a new section. `light`: lines under
    the header only, for a table of many narrow columns."""
    from rich import box
    from rich.table import Table

    table = Table(title=title, expand=True)
    if light:
        table = Table(
            title=title, expand=True, box=box.SIMPLE_HEAD, show_edge=False, padding=(0, 1, 0, 0)
        )
    cells = [[r[n] for r in rows if r] for n in range(len(columns))]
    fixed = [n for n, c in enumerate(columns) if c.ratio is None]
    narrow = {
        n: max(_longest_word(columns[n].header), *map(_longest_number, cells[n])) for n in fixed
    }
    whole = {n: max(narrow[n], *map(_widest_line, cells[n])) for n in fixed}
    texts = sum(1 for c in columns if c.ratio is not None)
    overhead = (2 if light else 3) * len(columns) + 1
    fits = sum(whole.values()) + overhead + TEXT_ROOM * texts <= width
    for n, column in enumerate(columns):
        table.add_column(
            column.header,
            justify=column.justify,
            style=column.style,
            ratio=column.ratio,
            width=(whole if fits else narrow).get(n),
            overflow="fold",
        )
    for row in rows:
        if row is None:
            table.add_section()
        else:
            table.add_row(*row)
    return table


TEXT_ROOM = 24
"""The width a column of text needs at least before the numbers beside it are narrowed."""


def _widest_line(renderable: RenderableType) -> int:
    from rich.cells import cell_len
    from rich.text import Text

    if isinstance(renderable, str):
        renderable = Text.from_markup(renderable)
    text = renderable.plain if isinstance(renderable, Text) else str(renderable)
    return max((cell_len(line) for line in text.splitlines()), default=1)


def _words(renderable: RenderableType) -> list[str]:
    from rich.text import Text

    if isinstance(renderable, str):
        renderable = Text.from_markup(renderable)
    return (renderable.plain if isinstance(renderable, Text) else str(renderable)).split()


def _longest_word(renderable: RenderableType) -> int:
    from rich.cells import cell_len

    return max((cell_len(word) for word in _words(renderable)), default=1)


def _longest_number(renderable: RenderableType) -> int:
    """The widest word with a digit (a number, an amount, an id); other words, such as a long
    satuan, may fold."""
    from rich.cells import cell_len

    return max((cell_len(w) for w in _words(renderable) if any(c.isdigit() for c in w)), default=1)
