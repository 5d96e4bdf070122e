"""Charts for the HTML reports as inline SVG, drawn here: no script, no library, no network.

One kind of chart is enough for the LKjIP material: horizontal bars with a value axis in
percent and reference lines (target 100%, the IKPA absorption guide). The report context
holds the bars (`Chart`); the template gives the words (title, lines, the missing-value
text) through the `grafik` filter. Every text is escaped; numbers in the SVG are
fixed-point decimals, so the output is stable.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from markupsafe import Markup, escape

from pk import numbers as formats
from pk.model.predikat import SkalaPredikat

# The terminal colour names pengaturan.yaml uses, as print-friendly hex colours.
_COLOURS = {
    "green": "#2e7d32",
    "bright_green": "#43a047",
    "cyan": "#00838f",
    "blue": "#1565c0",
    "yellow": "#f9a825",
    "gold": "#f9a825",
    "orange": "#ef6c00",
    "dark_orange": "#e65100",
    "red": "#c62828",
    "bright_red": "#d32f2f",
    "magenta": "#ad1457",
    "grey": "#757575",
}
_FALLBACK = ("#2e7d32", "#00838f", "#f9a825", "#e65100", "#c62828", "#6a1b9a", "#37474f")
NEUTRAL = "#546e7a"

WIDTH = 760
LABEL_WIDTH = 300
VALUE_WIDTH = 80
ROW = 20
TOP = 34
BOTTOM = 30
AXIS_LIMIT = Decimal(500)
"""The axis ends here at most (in percent): a larger value draws its bar to the edge and
prints its figure, rather than an axis of ever more ticks."""


@dataclass(frozen=True)
class Bar:
    label: str
    """Short label at the left (truncated); `title` holds the full text."""
    title: str
    value: Decimal | None
    """Percent; None draws no bar and writes the chart's `missing` text instead."""
    colour: str
    absent: bool = False
    """The value is missing because the indicator is not in that year's agreement: the bar
    writes the chart's `absent` text instead of its `missing` one."""


@dataclass(frozen=True)
class Chart:
    """A bar chart's data, drawn by `bar_chart` with the words a template gives it."""

    id: str
    bars: tuple[Bar, ...]


@dataclass(frozen=True)
class Line:
    value: Decimal
    label: str


def band_colours(skala: SkalaPredikat) -> dict[str, str]:
    """Each predikat band's colour, from its `warna` or by its place on the scale."""
    return {
        k.nama: _COLOURS.get(k.warna or "", _FALLBACK[min(i, len(_FALLBACK) - 1)])
        for i, k in enumerate(skala.kategori)
    }


_YEAR_SHADES = ("#b0bec5", "#90a4ae", "#78909c", "#546e7a", "#37474f", "#263238")


def year_shades(count: int) -> tuple[str, ...]:
    """`count` shades of one colour for the years of a trend, oldest lightest, the last
    (this year) darkest."""
    return (
        _YEAR_SHADES[-count:]
        if count <= len(_YEAR_SHADES)
        else ((_YEAR_SHADES[0],) * (count - len(_YEAR_SHADES)) + _YEAR_SHADES)
    )


def _n(value: Decimal) -> str:
    return str(value.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def _short(text: str, limit: int = 44) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def bar_chart(
    chart: Chart, *, title: str, lines: list[Line], missing: str, absent: str = ""
) -> Markup:
    """Horizontal bars in percent with an axis from 0 to a round maximum (at least 120)."""
    bars, id = chart.bars, chart.id
    highest = max(
        [b.value for b in bars if b.value is not None] + [ln.value for ln in lines] + [Decimal(100)]
    )
    axis_max = min(
        AXIS_LIMIT,
        max(Decimal(120), ((highest / 20).to_integral_value(ROUND_HALF_UP) + 1) * 20),
    )
    plot = Decimal(WIDTH - LABEL_WIDTH - VALUE_WIDTH)
    height = TOP + ROW * len(bars) + BOTTOM
    x0 = Decimal(LABEL_WIDTH)

    def x(value: Decimal) -> Decimal:
        return x0 + plot * min(max(Decimal(0), value), axis_max) / axis_max

    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="grafik" id="{escape(id)}" '
        f'viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" role="img" '
        f'aria-labelledby="{escape(id)}-judul" font-family="Liberation Sans, DejaVu Sans, '
        f'sans-serif" font-size="11">',
        f'<title id="{escape(id)}-judul">{escape(title)}</title>',
        f'<text x="{WIDTH // 2}" y="14" text-anchor="middle" font-size="12" '
        f'font-weight="bold">{escape(title)}</text>',
    ]
    bottom = Decimal(TOP + ROW * len(bars))
    for tick in range(0, int(axis_max) + 1, 20):
        tx = _n(x(Decimal(tick)))
        out.append(f'<line x1="{tx}" y1="{TOP - 4}" x2="{tx}" y2="{bottom}" stroke="#ddd"/>')
        out.append(
            f'<text x="{tx}" y="{bottom + 14}" text-anchor="middle" fill="#444">{tick}%</text>'
        )
    for i, bar in enumerate(bars):
        y = TOP + ROW * i
        out.append(f'<g class="batang"><title>{escape(bar.title)}</title>')
        out.append(
            f'<text x="{LABEL_WIDTH - 6}" y="{y + 14}" text-anchor="end">'
            f"{escape(_short(bar.label))}</text>"
        )
        if bar.value is None:
            out.append(
                f'<text x="{LABEL_WIDTH + 4}" y="{y + 14}" fill="#666" '
                f'font-style="italic">{escape(absent if bar.absent else missing)}</text>'
            )
        else:
            width = _n(x(bar.value) - x0)
            out.append(
                f'<rect x="{LABEL_WIDTH}" y="{y + 3}" width="{width}" height="{ROW - 6}" '
                f'fill="{escape(bar.colour)}"/>'
            )
            out.append(
                f'<text x="{_n(x(bar.value) + 4)}" y="{y + 14}">'
                f"{escape(formats.persen(bar.value))}</text>"
            )
        out.append("</g>")
    for ln in lines:
        lx = _n(x(ln.value))
        out.append(
            f'<line x1="{lx}" y1="{TOP - 6}" x2="{lx}" y2="{bottom}" stroke="#000" '
            f'stroke-dasharray="4 3"/>'
        )
        out.append(
            f'<text x="{lx}" y="{TOP - 9}" text-anchor="middle" font-size="10">'
            f"{escape(ln.label)}</text>"
        )
    out.append(
        f'<line x1="{LABEL_WIDTH}" y1="{TOP - 4}" x2="{LABEL_WIDTH}" y2="{bottom}" stroke="#000"/>'
    )
    out.append("</svg>")
    return Markup("\n".join(out))
