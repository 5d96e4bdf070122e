"""The LKjIP's narrative chapters (`data/<year>/lkjip/*.md`): a small Markdown subset, read
as text and written back as HTML or Markdown that can hold no markup of its own.

    chapter text --parse--> blocks (heading, paragraph, list) --to_html / to_md--> output

The subset is what a chapter needs in print: paragraphs, headings `#`…`###` (a level below
the chapter's own title), `-`/`*` and `1.` lists, `**bold**` and `*italic*`. Anything else —
raw HTML, links, images, tables — stays text, escaped: a chapter written by anyone with commit
access can neither run script in the HTML nor fetch from the network.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from markupsafe import Markup, escape

from pk.render.markdown import md
from pk.text import visible

_HEADING = re.compile(r"^(#{1,3})\s+(.*?)\s*#*\s*$")
_BULLET = re.compile(r"^\s{0,3}[-*+]\s+(.*)$")
_NUMBERED = re.compile(r"^\s{0,3}(\d{1,9})[.)]\s+(.*)$")
# Only `*` marks emphasis: `_` sits inside names and codes (faktor_pendorong) too often.
_INLINE = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*|\*(?=\S)(.+?)(?<=\S)\*")


@dataclass(frozen=True)
class Block:
    """One block of a chapter: `kind` is `h` (with its level 1–3), `p`, `ul` or `ol`."""

    kind: str
    parts: tuple[str, ...]
    """The heading's or paragraph's text (one part), or the list's items."""
    level: int = 0
    start: int = 1
    """The number an ordered list starts at."""


def parse(text: str) -> list[Block]:
    """The blocks of a chapter's text, in order; every line is kept as text."""
    blocks: list[Block] = []
    paragraph: list[str] = []
    items: list[str] = []
    kind = ""
    start = 1

    def flush() -> None:
        nonlocal paragraph, items, kind
        if paragraph:
            blocks.append(Block("p", (" ".join(paragraph),)))
        if items:
            blocks.append(Block(kind, tuple(items), start=start))
        paragraph, items, kind = [], [], ""

    for raw in text.splitlines():
        line = raw.strip()
        heading = _HEADING.match(line)
        bullet = _BULLET.match(raw)
        numbered = _NUMBERED.match(raw)
        if not line:
            flush()
        elif heading:
            flush()
            blocks.append(Block("h", (heading.group(2),), level=len(heading.group(1))))
        elif bullet or numbered:
            this = "ul" if bullet else "ol"
            if paragraph or (items and kind != this):
                flush()
            if not items and numbered:
                start = int(numbered.group(1))
            kind = this
            items.append((bullet or numbered).group(bullet and 1 or 2).strip())  # type: ignore[union-attr]
        elif items:
            items[-1] += " " + line  # a list item continued on the next line
        else:
            paragraph.append(line)
    flush()
    return blocks


def _inline_html(text: str) -> Markup:
    out: list[str] = []
    last = 0
    for m in _INLINE.finditer(text):
        out.append(escape(text[last : m.start()]))
        if m.group(1) is not None:
            out.append(Markup("<b>%s</b>") % m.group(1))
        else:
            out.append(Markup("<i>%s</i>") % m.group(2))
        last = m.end()
    out.append(escape(text[last:]))
    return Markup("").join(out)


def _inline_md(text: str) -> str:
    out: list[str] = []
    last = 0
    for m in _INLINE.finditer(text):
        out.append(md(text[last : m.start()]) if m.start() > last else "")
        if m.group(1) is not None:
            out.append(f"**{md(m.group(1))}**")
        else:
            out.append(f"*{md(m.group(2))}*")
        last = m.end()
    out.append(md(text[last:]) if last < len(text) else "")
    return "".join(out)


def to_html(text: str, level: int = 2) -> Markup:
    """A chapter as HTML; its `#` heading becomes `<h{level}>`."""
    html: list[Markup] = []
    for block in parse(visible(text)):
        if block.kind == "h":
            tag = f"h{min(block.level + level - 1, 6)}"
            html.append(Markup(f"<{tag}>%s</{tag}>") % _inline_html(block.parts[0]))
        elif block.kind == "p":
            html.append(Markup("<p>%s</p>") % _inline_html(block.parts[0]))
        else:
            start = (
                Markup(' start="%d"') % block.start
                if block.kind == "ol" and block.start != 1
                else ""
            )
            items = Markup("\n").join(Markup("<li>%s</li>") % _inline_html(i) for i in block.parts)
            html.append(Markup(f"<{block.kind}%s>\n%s\n</{block.kind}>") % (start, items))
    return Markup("\n").join(html) + Markup("\n") if html else Markup("")


def to_md(text: str, level: int = 2) -> str:
    """A chapter as Markdown that holds only the subset: its `#` heading becomes `level` #s,
    every other character of the text is escaped."""
    out: list[str] = []
    for block in parse(visible(text)):
        if block.kind == "h":
            out.append("#" * min(block.level + level - 1, 6) + " " + _inline_md(block.parts[0]))
        elif block.kind == "p":
            out.append(_inline_md(block.parts[0]))
        elif block.kind == "ul":
            out.append("\n".join(f"- {_inline_md(i)}" for i in block.parts))
        else:
            out.append(
                "\n".join(f"{n}. {_inline_md(i)}" for n, i in enumerate(block.parts, block.start))
            )
    return "\n\n".join(out) + "\n" if out else ""
