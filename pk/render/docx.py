"""DOCX: the HTML a report renders from its templates, walked into a Word document.

    report.html --parse (html.parser)--> elements --walk--> python-docx on the reference
    (the office's `referensi.docx` from --templates, else the default built here) --> bytes

One mechanism for every document: the walker knows the HTML our templates emit (headings,
paragraphs, tables with colspan/rowspan, lists, images, the SVG charts, page sections), not
the documents, so wording changed in a template reaches the HTML and the DOCX alike. Looks
come from Word styles: an element's class names the style (`tempat-tanggal`, or
`sampul judul` for `.judul` inside `.sampul`, like a CSS selector), so an office restyles
the document in its own reference file. python-docx is imported here only.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import io
import re
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from html.parser import HTMLParser
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeGuard, cast

from pk.i18n import _
from pk.render.templates import ReportError

if TYPE_CHECKING:
    from docx.document import Document as WordDocument
    from docx.table import Table, _Cell
    from docx.text.paragraph import Paragraph

REFERENCE_DOCX = "referensi.docx"
"""The office's Word file in `--templates DIR` whose styles, page setup, header and footer
(kop) the DOCX reports are built on; pk replaces its body."""
FIXED_TIME = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
"""What the DOCX says it was created and modified, always the same (as the PDF's dates)."""
ZIP_TIME = (1980, 1, 1, 0, 0, 0)

_VOID = frozenset({"br", "img", "col", "meta", "link", "hr", "input", "wbr"})
_BLOCK = frozenset(
    {
        "body", "section", "div", "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li",
        "dl", "dt", "dd", "table", "svg", "header", "footer", "main", "article", "blockquote",
        "figure", "figcaption", "hr",
    }
)  # fmt: skip
_SKIP = frozenset({"head", "style", "script", "title", "colgroup"})
_LANDSCAPE = "lanskap"
"""The class of a `<section>` printed landscape (a wide lampiran): its own Word section."""
_PAGE = "halaman"
"""The class of a `<section>` that is a page of its own (`break-after: page` in the CSS)."""


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    children: list[Element | str] = field(default_factory=list)

    @property
    def classes(self) -> list[str]:
        return self.attrs.get("class", "").split()

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def find(self, tag: str) -> Iterator[Element]:
        for child in self.children:
            if isinstance(child, Element):
                if child.tag == tag:
                    yield child
                yield from child.find(tag)


class _Parser(HTMLParser):
    """The HTML as a tree of Elements (our templates close what they open; a stray end tag
    closes up to its element, as browsers do)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("root", {})
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {k: v or "" for k, v in attrs})
        self.stack[-1].children.append(element)
        if tag not in _VOID:
            self.stack.append(element)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack[-1].children.append(Element(tag, {k: v or "" for k, v in attrs}))

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def parse(html: str) -> Element:
    parser = _Parser()
    parser.feed(html)
    parser.close()
    return parser.root


@dataclass(frozen=True)
class Style:
    """A paragraph or character style of the default reference, from the HTML's print CSS."""

    size: float | None = None
    bold: bool = False
    italic: bool = False
    underline: bool = False
    colour: str | None = None
    align: str | None = None
    """left, center, right, justify."""
    before: float = 0
    after: float | None = None
    """Space before and after, in points."""
    indent: float = 0
    """Left indent in points."""
    character: bool = False
    keep: bool = False
    """Keep with the next paragraph."""


STYLES: dict[str, Style] = {
    "sampul singkatan": Style(size=30, bold=True, align="center", before=180, after=85),
    "sampul judul": Style(size=26, bold=True, align="center", after=85),
    "sampul unit": Style(size=15, bold=True, align="center"),
    "sampul versi": Style(size=13, bold=True, align="center", before=23),
    "fiktif": Style(bold=True, colour="BB0000", align="center", after=10),
    "judul-laporan": Style(align="center", after=6),
    "kecil": Style(size=8, character=True),
    "judul-laporan kecil": Style(size=11, align="center", after=12),
    "pemberitahuan": Style(before=6, after=6, indent=10),
    "tempat-tanggal": Style(align="right", before=18),
    "ttd": Style(align="center", after=0),
    "ruang-ttd": Style(after=0, before=48),
    "nama-ttd": Style(bold=True, underline=True, character=True),
    "penutup": Style(align="center", indent=233, after=0, keep=True),
    "ttd-laporan": Style(align="center", indent=233, before=0, after=0, keep=True),
    "ttd-laporan ruang": Style(align="center", indent=233, before=48, after=0, keep=True),
    "ttd-laporan nama": Style(bold=True, underline=True, character=True),
    "pihak": Style(align="left", after=0),
    "ringkas": Style(size=10.5, after=4),
    "rumus": Style(size=9, after=0),
    "narasi": Style(size=10, after=2),
    "legenda": Style(size=9),
    "catatan": Style(size=9, colour="333333"),
    "dibuat": Style(size=8, colour="444444", before=24),
    "kosong": Style(italic=True, colour="555555", character=True),
    "id-unit": Style(size=8, colour="444444", character=True),
    "data": Style(size=10.5, align="left", after=0),
    "tabel-perbandingan": Style(size=9, align="left", after=0),
    "no": Style(size=10.5, align="center", after=0),
    "target": Style(size=10.5, align="center", after=0),
    "angka": Style(size=10.5, align="right", after=0),
    "tengah": Style(align="center"),
    "grafik-wadah": Style(size=9, after=0),
    "daftar-isi": Style(align="left", after=4),
}
"""The styles the default reference adds (and any office reference lacking one of them): each
named after the HTML class it styles, as in templates/_base.html.j2 and the reports' CSS."""
_TABLE_CELL_STYLES = ("no", "target", "angka")


def html_to_docx(html: str, reference: Path | None = None) -> bytes:
    """The HTML report as a Word document on `reference` (the default when None); the same
    HTML and reference give the same bytes."""
    import docx

    try:
        document = docx.Document(str(reference) if reference else None)
    except Exception as err:  # python-docx raises several kinds for a file that is no docx
        raise ReportError(
            _("{path}: not a Word document (.docx) pk can build on: {error}").format(
                path=reference, error=err
            )
        ) from None
    if reference is None:
        _default_reference(document)
        _drop_thumbnail(document)
    else:
        _clear_body(document)
    _add_styles(document)
    root = parse(html)
    _Writer(document).walk(root)
    _footer(document, root)
    _core_properties(document, root)
    buffer = io.BytesIO()
    document.save(buffer)
    return reproducible(buffer.getvalue())


def reproducible(data: bytes) -> bytes:
    """The saved package with every zip entry at one fixed time, in name order after the
    content types (the order Word and LibreOffice expect)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        names = sorted(source.namelist(), key=lambda n: (n != "[Content_Types].xml", n))
        for name in names:
            entry = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(entry, source.read(name))
    return out.getvalue()


# --- the reference ------------------------------------------------------------------------


def _default_reference(document: WordDocument) -> None:
    """python-docx's blank document set up as the HTML prints: A4, the CSS's margins, a serif
    12 pt text, black headings (Heading 1 and 2 centred), Indonesian for the spelling checker."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt, RGBColor

    for section in document.sections:
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.top_margin, section.right_margin = Mm(18), Mm(18)
        section.bottom_margin, section.left_margin = Mm(20), Mm(20)
    normal = document.styles["Normal"]
    normal.font.name = "Times New Roman"
    normal.font.size = Pt(12)
    rpr = normal.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is not None:
        for attribute in ("w:eastAsia", "w:cs"):
            fonts.set(qn(attribute), "Times New Roman")
    language = rpr.makeelement(qn("w:lang"), {qn("w:val"): "id-ID"})
    rpr.append(language)
    normal.paragraph_format.space_after = Pt(8)
    normal.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    for level, size in ((1, 16), (2, 13), (3, 12), (4, 12)):
        heading = document.styles[f"Heading {level}"]
        heading.font.name = "Times New Roman"
        heading.font.size = Pt(size)
        heading.font.bold = True
        heading.font.italic = False
        heading.font.color.rgb = RGBColor(0, 0, 0)
        fmt = heading.paragraph_format
        fmt.space_before = Pt(14 if level >= 3 else 0)
        fmt.space_after = Pt(7)
        fmt.keep_with_next = True
        if level <= 2:
            fmt.alignment = WD_ALIGN_PARAGRAPH.CENTER
        heading_fonts = heading.element.get_or_add_rPr().find(qn("w:rFonts"))
        if heading_fonts is not None:  # the theme's heading font would win over the name
            for attribute in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
                heading_fonts.attrib.pop(qn(attribute), None)


def _drop_thumbnail(document: WordDocument) -> None:
    """Without the picture of python-docx's blank page that its template carries as the
    file's preview (a part no longer referenced is not saved)."""
    from docx.opc.constants import RELATIONSHIP_TYPE

    package_rels = document.part.package.rels
    for key, rel in list(package_rels.items()):
        if rel.reltype == RELATIONSHIP_TYPE.THUMBNAIL:
            del package_rels[key]


def _clear_body(document: WordDocument) -> None:
    """An office reference without its body: what pk writes replaces it; its last section's
    page setup, header and footer (the kop) stay."""
    from docx.oxml.ns import qn

    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)


def _add_styles(document: WordDocument) -> None:
    """The styles of STYLES that the document does not define yet (an office's own win)."""
    from docx.enum.style import WD_STYLE_TYPE
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt, RGBColor

    aligns = {
        "left": WD_ALIGN_PARAGRAPH.LEFT,
        "center": WD_ALIGN_PARAGRAPH.CENTER,
        "right": WD_ALIGN_PARAGRAPH.RIGHT,
        "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
    }
    existing = {s.name for s in document.styles}
    for name, spec in STYLES.items():
        if name in existing:
            continue
        kind = WD_STYLE_TYPE.CHARACTER if spec.character else WD_STYLE_TYPE.PARAGRAPH
        style: Any = document.styles.add_style(name, kind)
        style.hidden = False
        style.quick_style = False
        font = style.font
        if spec.size is not None:
            font.size = Pt(spec.size)
        font.bold = spec.bold or None
        font.italic = spec.italic or None
        font.underline = spec.underline or None
        if spec.colour:
            font.color.rgb = RGBColor.from_string(spec.colour)
        if spec.character:
            continue
        style.base_style = document.styles["Normal"]
        fmt = style.paragraph_format
        if spec.align:
            fmt.alignment = aligns[spec.align]
        fmt.space_before = Pt(spec.before)
        if spec.after is not None:
            fmt.space_after = Pt(spec.after)
        if spec.indent:
            fmt.left_indent = Pt(spec.indent)
        if spec.keep:
            fmt.keep_with_next = True


def _core_properties(document: WordDocument, root: Element) -> None:
    props = document.core_properties
    title = next(root.find("title"), None)
    if title is not None:
        props.title = " ".join(title.text().split())
    props.created = props.modified = props.last_printed = FIXED_TIME.replace(tzinfo=None)
    props.revision = 1
    props.last_modified_by = "pk"
    if not props.author or props.author == "python-docx":
        props.author = "pk"
    if props.comments == "generated by python-docx":
        props.comments = ""


# --- the footer: the @page margin boxes of the print CSS ----------------------------------

_MARGIN_BOX = re.compile(r"@bottom-(left|center|right)\s*\{[^}]*?content:\s*([^;]*);", re.S)
_CSS_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
_CSS_TOKEN = re.compile(r'"((?:[^"\\]|\\.)*)"|counter\((page|pages)\)')
_CSS_ESCAPE = re.compile(r"\\([0-9a-fA-F]{1,6}) ?|\\(.)")


def _css_unescape(text: str) -> str:
    return _CSS_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)) if m.group(1) else m.group(2), text)


def _footer(document: WordDocument, root: Element) -> None:
    """The page footer the HTML prints (the `@bottom-*` boxes: the report's `kaki` and
    "Halaman … dari …") as the footer of every section, with Word's PAGE and NUMPAGES fields,
    unless the reference brings a footer of its own."""
    from docx.enum.text import WD_TAB_ALIGNMENT
    from docx.shared import Pt

    css = "".join(s.text() for s in root.find("style"))
    boxes = {where: value for where, value in _MARGIN_BOX.findall(css)}
    if not boxes:
        return
    section = document.sections[0]
    footer = section.footer
    if any(p.text.strip() for p in footer.paragraphs) or footer.tables:
        return  # the office's own footer
    paragraph = footer.paragraphs[0] if footer.paragraphs else footer.add_paragraph()
    width = section.page_width - section.left_margin - section.right_margin  # type: ignore[operator]
    tabs = paragraph.paragraph_format.tab_stops
    inherited = paragraph.style.paragraph_format.tab_stops if paragraph.style else []
    for stop in inherited:  # the Footer style's own stops would catch our tabs first
        tabs.add_tab_stop(stop.position, WD_TAB_ALIGNMENT.CLEAR)
    places = [w for w in ("left", "center", "right") if w in boxes or w == "left"]
    if "center" in places:
        tabs.add_tab_stop(width // 2, WD_TAB_ALIGNMENT.CENTER)
    tabs.add_tab_stop(width, WD_TAB_ALIGNMENT.RIGHT)
    for i, where in enumerate(places):
        if i:
            paragraph.add_run("\t")
        for text, counter in _CSS_TOKEN.findall(boxes.get(where, "")):
            if counter:
                _field(paragraph, "PAGE" if counter == "page" else "NUMPAGES")
            else:
                paragraph.add_run(_css_unescape(text))
    for run in paragraph.runs:
        run.font.size = Pt(8)


def _field(paragraph: Paragraph, instruction: str) -> None:
    """A Word field (PAGE, NUMPAGES) in `paragraph`, showing 1 until the reader updates it."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    def run_with(tag: str, **attrs: str) -> None:
        run = paragraph.add_run()
        element = OxmlElement(tag)
        for key, value in attrs.items():
            element.set(qn(key), value)
        run._r.append(element)

    run_with("w:fldChar", **{"w:fldCharType": "begin"})
    instr = paragraph.add_run()
    text = OxmlElement("w:instrText")
    text.set(qn("xml:space"), "preserve")
    text.text = f" {instruction} "
    instr._r.append(text)
    run_with("w:fldChar", **{"w:fldCharType": "separate"})
    paragraph.add_run("1")
    run_with("w:fldChar", **{"w:fldCharType": "end"})


# --- the walk -------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Inline:
    """How the text inside the current element is written."""

    bold: bool = False
    italic: bool = False
    underline: bool = False
    mono: bool = False
    styles: tuple[str, ...] = ()
    """Character styles from the classes around the text, innermost last."""


@dataclass
class _Run:
    text: str
    inline: _Inline
    kind: str = "text"
    """text, break (a <br>), image (text holds nothing; data in `image`)."""
    image: bytes | None = None
    colour: str | None = None


def _is_block(node: Element | str) -> TypeGuard[Element]:
    return isinstance(node, Element) and (node.tag in _BLOCK or node.tag in ("table", "img"))


class _Writer:
    def __init__(self, document: WordDocument) -> None:
        self.document = document
        self.styles = {s.name: s for s in document.styles}
        self.started = False
        """Whether the body has any content yet (a page break before the first page is none)."""
        self.page_break = False
        self.landscape = False
        self.unlisted: set[str] = set()

    # The paragraph style of an element: its classes, or (inside a table cell, a list) those
    # of the elements around it, each first as `ancestor class` then alone.
    def style_for(
        self, classes: list[str], context: tuple[str, ...], character: bool
    ) -> str | None:
        from docx.enum.style import WD_STYLE_TYPE

        wanted = WD_STYLE_TYPE.CHARACTER if character else WD_STYLE_TYPE.PARAGRAPH
        for name in classes:
            for outer in reversed(context):
                style = self.styles.get(f"{outer} {name}")
                if style is not None and style.type == wanted:
                    return f"{outer} {name}"
            style = self.styles.get(name)
            if style is not None and style.type == wanted:
                return name
        return None

    def walk(self, root: Element) -> None:
        css = "".join(s.text() for s in root.find("style"))
        # The classes of the lists the CSS prints without bullets or numbers.
        self.unlisted = {
            name
            for selector, rules in _CSS_RULE.findall(css)
            if re.search(r"list-style(-type)?\s*:\s*none", rules)
            for name in re.findall(r"\.([\w-]+)", selector)
        }
        body = next(root.find("body"), root)
        self.blocks(body, self.document, (), _Inline(), None)

    def blocks(
        self,
        element: Element,
        container: Any,
        context: tuple[str, ...],
        inline: _Inline,
        paragraph_style: str | None,
    ) -> None:
        """The children of a block element: runs of inline content become paragraphs,
        block children are walked in turn."""
        pending: list[Element | str] = []
        children = element.children
        for index, child in enumerate(children):
            if _is_block(child):
                self.paragraph(pending, container, context, inline, paragraph_style)
                pending = []
                following = next((c for c in children[index + 1 :] if _is_block(c)), None)
                self.block(child, container, context, inline, paragraph_style, following)
            elif isinstance(child, Element) and child.tag in _SKIP:
                continue
            else:
                pending.append(child)
        self.paragraph(pending, container, context, inline, paragraph_style)

    def block(
        self,
        element: Element,
        container: Any,
        context: tuple[str, ...],
        inline: _Inline,
        paragraph_style: str | None,
        following: Element | None,
    ) -> None:
        from docx.shared import Pt

        tag, classes = element.tag, element.classes
        if tag in _SKIP:
            return
        if tag == "section" and container is self.document:
            self.section(classes)
        inline = self.inline_of(element, inline, context)
        own = self.style_for(classes, context, character=False)
        style = own or paragraph_style
        inner = (*context, *classes)
        if tag == "table":
            self.table(element, container, inner, inline, style)
            return
        if tag == "svg":
            self.chart(element, container, inner, inline, style)
            return
        if tag == "img":
            self.paragraph([element], container, context, inline, style)
            return
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            level = min(int(tag[1]), 4)
            heading = self.new_paragraph(container, f"Heading {level}")
            heading.paragraph_format.keep_with_next = True
            self.fill(heading, element.children, inline, inner)
            return
        if tag in ("ul", "ol"):
            self.items(element, container, inner, inline, style, 1, None)
            return
        if tag in ("dt", "dd"):
            paragraph = self.new_paragraph(container, style)
            if tag == "dt":
                inline = replace(inline, bold=True)
                paragraph.paragraph_format.keep_with_next = True
            else:
                paragraph.paragraph_format.left_indent = Pt(18)
            self.fill(paragraph, element.children, inline, inner)
            return
        if tag == "hr":
            return
        if any(_is_block(c) for c in element.children):
            self.blocks(element, container, inner, inline, style)
            return
        # A leaf block (p, div, li outside a list): one paragraph, kept with a table that
        # follows it (the line that introduces the table).
        leaf = self.paragraph(element.children, container, context, inline, style, own)
        if leaf is not None and following is not None and following.tag == "table":
            leaf.paragraph_format.keep_with_next = True
        if leaf is None and own is not None:
            # An empty block with a style of its own holds space (the room for a signature).
            self.new_paragraph(container, own)

    def items(
        self,
        element: Element,
        container: Any,
        context: tuple[str, ...],
        inline: _Inline,
        style: str | None,
        depth: int,
        named: str | None,
    ) -> None:
        """A list as Word list paragraphs (List Bullet, List Number; List Bullet 2 … for a
        list inside an item), each numbered list counting from 1; a list the CSS shows without
        markers (`list-style: none`: the daftar isi) takes its class's style, indented by depth."""
        from docx.shared import Pt

        if any(c in self.unlisted for c in element.classes):
            named = self.style_for(element.classes, (), character=False) or named
        kind = "List Bullet" if element.tag == "ul" else "List Number"
        list_style = kind if depth == 1 else f"{kind} {min(depth, 3)}"
        if list_style not in self.styles:
            list_style = kind
        if named is not None:
            list_style = named
        numbering = self.fresh_numbering(list_style) if element.tag == "ol" and not named else None
        for item in element.children:
            if not (isinstance(item, Element) and item.tag == "li"):
                continue
            item_inline = self.inline_of(item, inline, context)
            own = [c for c in item.children if not _is_block(c)]
            paragraph = self.new_paragraph(container, list_style, fallback=style)
            if named is not None:
                paragraph.paragraph_format.left_indent = Pt(18 * (depth - 1))
            elif list_style not in self.styles:
                paragraph.paragraph_format.left_indent = Pt(18 * depth)
                paragraph.add_run("• " if element.tag == "ul" else "")
            elif numbering is not None:
                numbering(paragraph)
            self.apply_style(paragraph, style, list_style)
            self.fill(paragraph, own, item_inline, context)
            for child in item.children:
                if _is_block(child) and child.tag in ("ul", "ol"):
                    self.items(child, container, context, item_inline, style, depth + 1, named)
                elif _is_block(child):
                    self.block(child, container, context, item_inline, style, None)

    def fresh_numbering(self, list_style: str) -> Callable[[Paragraph], None] | None:
        """Numbering that starts at 1 for one list of `list_style` (Word would otherwise go
        on counting from the document's previous list of that style)."""
        from docx.oxml.ns import qn

        element = self.styles[list_style].element
        ppr = element.pPr
        num_pr = ppr.numPr if ppr is not None else None
        if num_pr is None or num_pr.numId is None:
            return None
        level = num_pr.ilvl.val if num_pr.ilvl is not None else 0
        numbering = self.document.part.numbering_part.element
        current = numbering.num_having_numId(num_pr.numId.val)
        fresh = numbering.add_num(current.abstractNumId.val)
        fresh.add_lvlOverride(ilvl=level).add_startOverride(1)
        num_id = fresh.get(qn("w:numId"))

        def apply(paragraph: Paragraph) -> None:
            numbered = paragraph._p.get_or_add_pPr().get_or_add_numPr()
            numbered.get_or_add_ilvl().val = level
            numbered.get_or_add_numId().val = int(num_id)

        return apply

    def section(self, classes: list[str]) -> None:
        """A `<section>` of the body: a page of its own (class halaman), in a Word section of
        its own when it turns the page landscape or back."""
        from docx.enum.section import WD_ORIENT, WD_SECTION

        landscape = _LANDSCAPE in classes
        if landscape != self.landscape and self.started:
            section = self.document.add_section(WD_SECTION.NEW_PAGE)
            self.page_break = False
        else:
            section = self.document.sections[-1]
            if _PAGE in classes and self.started:
                self.page_break = True
        if landscape != self.landscape or not self.started:
            wide, tall = sorted((section.page_width or 0, section.page_height or 0))[::-1]
            if landscape:
                section.orientation = WD_ORIENT.LANDSCAPE
                section.page_width, section.page_height = wide, tall
            elif self.landscape:
                section.orientation = WD_ORIENT.PORTRAIT
                section.page_width, section.page_height = tall, wide
        self.landscape = landscape

    def inline_of(self, element: Element, inline: _Inline, context: tuple[str, ...]) -> _Inline:
        tag = element.tag
        character = self.style_for(element.classes, context, character=True)
        return _Inline(
            bold=inline.bold or tag in ("b", "strong", "th"),
            italic=inline.italic or tag in ("i", "em"),
            underline=inline.underline or tag == "u",
            mono=inline.mono or tag in ("code", "kbd", "samp"),
            styles=(*inline.styles, character) if character else inline.styles,
        )

    def new_paragraph(
        self, container: Any, style: str | None, fallback: str | None = None
    ) -> Paragraph:
        """A new paragraph at the end of `container` (the body or a cell), with the page
        break a new page asks for."""
        if style is not None and style not in self.styles:
            style = fallback if fallback in self.styles else None
        if getattr(container, "_fresh", False):
            # A new table cell holds one empty paragraph already: use it first.
            container._fresh = False
            paragraph = cast("Paragraph", container.paragraphs[0])
            if style is not None:
                paragraph.style = self.styles[style]
        else:
            paragraph = cast("Paragraph", container.add_paragraph(style=style))
        if container is self.document:
            if self.page_break:
                paragraph.paragraph_format.page_break_before = True
                self.page_break = False
            self.started = True
        return paragraph

    def apply_style(self, paragraph: Paragraph, style: str | None, over: str) -> None:
        """A list item inside a styled block: the list's style, with the block's alignment."""
        if style is None or over not in self.styles:
            return
        alignment = self.styles[style].paragraph_format.alignment
        if alignment is not None:
            paragraph.paragraph_format.alignment = alignment

    def paragraph(
        self,
        nodes: list[Element | str],
        container: Any,
        context: tuple[str, ...],
        inline: _Inline,
        style: str | None,
        own: str | None = None,
    ) -> Paragraph | None:
        """One paragraph of inline nodes, or None when they hold nothing to show."""
        runs = self.runs(nodes, inline, context)
        if not runs:
            return None
        paragraph = self.new_paragraph(container, own or style)
        self.write(paragraph, runs)
        return paragraph

    def fill(
        self,
        paragraph: Paragraph,
        nodes: list[Element | str],
        inline: _Inline,
        context: tuple[str, ...],
    ) -> None:
        self.write(paragraph, self.runs(nodes, inline, context))

    def runs(
        self, nodes: list[Element | str], inline: _Inline, context: tuple[str, ...]
    ) -> list[_Run]:
        """The inline content as runs, whitespace collapsed as HTML shows it."""
        out: list[_Run] = []

        def visit(node: Element | str, inline: _Inline) -> None:
            if isinstance(node, str):
                out.append(_Run(re.sub(r"[ \t\r\n\f]+", " ", node), inline))
                return
            if node.tag in _SKIP:
                return
            if node.tag == "br":
                out.append(_Run("", inline, "break"))
                return
            if node.tag == "img":
                image = _image_data(node.attrs.get("src", ""))
                if image is not None:
                    out.append(_Run("", inline, "image", image))
                elif node.attrs.get("alt"):
                    out.append(_Run(node.attrs["alt"], inline))
                return
            if "kotak" in node.classes and not node.text().strip():
                # The coloured square before a predikat: the same colour in the text.
                colour = re.search(r"#([0-9a-fA-F]{6})", node.attrs.get("style", ""))
                out.append(_Run(" ■ ", inline, colour=colour.group(1) if colour else None))
                return
            inner = self.inline_of(node, inline, context)
            for child in node.children:
                visit(child, inner)

        for node in nodes:
            visit(node, inline)
        # Collapse as HTML does: no space at the start or end of a line, one between words.
        previous_space = True
        for run in out:
            if run.kind != "text":
                previous_space = run.kind == "break"
                continue
            if previous_space:
                run.text = run.text.lstrip(" ")
            if run.text:
                previous_space = run.text.endswith(" ")
        for i in range(len(out) - 1, -1, -1):
            run = out[i]
            if run.kind == "text":
                run.text = run.text.rstrip(" ")
                if run.text:
                    break
            elif run.kind == "image":
                break
        for i, run in enumerate(out):
            if run.kind == "break" and i > 0 and out[i - 1].kind == "text":
                out[i - 1].text = out[i - 1].text.rstrip(" ")
        shown = [r for r in out if r.kind != "text" or r.text]
        while shown and shown[-1].kind == "break":
            shown.pop()
        return shown if any(r.kind != "break" for r in shown) else []

    def write(self, paragraph: Paragraph, runs: list[_Run]) -> None:
        from docx.shared import Mm, RGBColor

        for item in runs:
            run = paragraph.add_run()
            if item.kind == "break":
                run.add_break()
                continue
            if item.kind == "image" and item.image is not None:
                try:
                    run.add_picture(io.BytesIO(item.image), width=Mm(25))
                except Exception:  # an image python-docx cannot read: its place stays empty
                    pass
                continue
            run.text = item.text
            if item.inline.styles:
                run.style = self.styles[item.inline.styles[-1]]
            if item.inline.bold:
                run.bold = True
            if item.inline.italic:
                run.italic = True
            if item.inline.underline:
                run.underline = True
            if item.inline.mono:
                run.font.name = "Courier New"
            if item.colour:
                run.font.color.rgb = RGBColor.from_string(item.colour.upper())

    # --- tables ----------------------------------------------------------------------------

    def table(
        self,
        element: Element,
        container: Any,
        context: tuple[str, ...],
        inline: _Inline,
        style: str | None,
    ) -> None:
        """An HTML table as a Word table: the header rows repeated on every page, no row split
        across pages, colspan and rowspan merged, the colgroup's widths."""
        rows: list[tuple[Element, bool]] = []
        for part in element.children:
            if not isinstance(part, Element):
                continue
            if part.tag == "tr":
                rows.append((part, False))
            elif part.tag in ("thead", "tbody", "tfoot"):
                rows += [
                    (tr, part.tag == "thead")
                    for tr in part.children
                    if isinstance(tr, Element) and tr.tag == "tr"
                ]
        grid, width = _grid(rows)
        if not grid or width == 0:
            return
        from docx.oxml.ns import qn

        parent = self.document.element.body if container is self.document else container._tc
        blocks = [c for c in parent if c.tag in (qn("w:p"), qn("w:tbl"))]
        if (container is self.document and self.page_break) or (
            blocks and blocks[-1].tag == qn("w:tbl")
        ):
            # A table cannot carry the page break itself, and two tables one after the other
            # would be one to Word: an empty paragraph stands before it.
            self.new_paragraph(container, None)
        table = container.add_table(rows=len(grid), cols=width)
        if container is self.document:
            self.started = True
        bordered = "data" in element.classes
        table_style = self.style_for(element.classes, (), character=False)
        from docx.enum.style import WD_STYLE_TYPE

        for name in element.classes:
            found = self.styles.get(name)
            if found is not None and found.type == WD_STYLE_TYPE.TABLE:
                table.style = found
                bordered = False
                break
        _table_properties(table, bordered)
        for r, (_tr, header) in enumerate(rows):
            _row_properties(table.rows[r], header)
        merged: set[tuple[int, int]] = set()
        for r, line in enumerate(grid):
            for c, slot in enumerate(line):
                if slot is None or (r, c) in merged:
                    continue
                td, rowspan, colspan = slot
                if rowspan > 1 or colspan > 1:
                    last = table.cell(min(r + rowspan, len(grid)) - 1, min(c + colspan, width) - 1)
                    table.cell(r, c).merge(last)
                    merged |= {
                        (rr, cc)
                        for rr in range(r, min(r + rowspan, len(grid)))
                        for cc in range(c, min(c + colspan, width))
                    }
        for r, line in enumerate(grid):
            tr, header = rows[r]
            for c, slot in enumerate(line):
                if slot is None:
                    continue
                td = slot[0]
                cell = table.cell(r, c)
                self.cell(cell, td, tr, header, context, inline, table_style or style)
        self.widths(table, element, container, width)

    def widths(self, table: Table, element: Element, container: Any, columns: int) -> None:
        """The colgroup's percentages of the text width, on the grid and every cell (Word
        reads the cells', LibreOffice the grid's); a layout table without them (the parties)
        fits its content, a signature table shares the width evenly."""
        percents = [
            float(m.group(1))
            for col in element.find("col")
            if (m := re.search(r"width:\s*([\d.]+)%", col.attrs.get("style", "")))
        ]
        section = self.document.sections[-1]
        text_width = section.page_width - section.left_margin - section.right_margin  # type: ignore[operator]
        if container is not self.document:
            return
        if len(percents) != columns:
            if "ttd" not in element.classes and "data" not in element.classes:
                percents = _content_widths(table, text_width)
            else:
                percents = [100 / columns] * columns
        percents = _widen_for_words(table, percents, text_width)
        table.autofit = False
        for i, column in enumerate(table.columns):
            column.width = int(text_width * percents[i] / 100)
        for row in table.rows:
            for i, cell in enumerate(row.cells[:columns]):
                cell.width = int(text_width * percents[i] / 100)

    def cell(
        self,
        cell: _Cell,
        td: Element,
        tr: Element,
        header: bool,
        context: tuple[str, ...],
        inline: _Inline,
        style: str | None,
    ) -> None:
        from docx.enum.text import WD_ALIGN_PARAGRAPH

        inner = (*context, *tr.classes, *td.classes)
        cell_inline = self.inline_of(tr, inline, context)
        cell_inline = self.inline_of(td, cell_inline, (*context, *tr.classes))
        if "jumlah" in tr.classes:
            cell_inline = replace(cell_inline, bold=True)
        cell_style = self.style_for(td.classes, context, character=False) or style
        cell._fresh = True  # type: ignore[attr-defined]
        if td.tag == "th" or header:
            _shade(cell, "D9D9D9")
        if any(_is_block(c) for c in td.children):
            self.blocks(td, cell, inner, cell_inline, cell_style)
        else:
            paragraph = self.paragraph(td.children, cell, inner, cell_inline, cell_style)
            if paragraph is None:
                cell.paragraphs[0].style = self.styles[cell_style] if cell_style else None
                paragraph = cell.paragraphs[0]
            if td.tag == "th" or header:
                paragraph.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
                paragraph.paragraph_format.keep_with_next = True
        if "lanjut" in td.classes:
            _hide_top_border(cell)

    # --- charts ----------------------------------------------------------------------------

    def chart(
        self,
        svg: Element,
        container: Any,
        context: tuple[str, ...],
        inline: _Inline,
        style: str | None,
    ) -> None:
        """An SVG chart as its title and a table of its bars (each bar's full label and the
        figure or the missing-value text it shows): Word draws no SVG without a picture
        beside it, and the figures stay text an office can check and edit."""
        title = next((c for c in svg.children if isinstance(c, Element) and c.tag == "title"), None)
        bars = [g for g in svg.find("g") if "batang" in g.classes]
        if title is not None:
            heading = self.new_paragraph(container, style)
            heading.paragraph_format.keep_with_next = True
            self.write(heading, [_Run(" ".join(title.text().split()), _Inline(bold=True))])
        if not bars:
            return
        table_element = Element("table", {"class": "data grafik"})
        body = Element("tbody", {})
        table_element.children.append(body)
        for bar in bars:
            label = next(
                (c for c in bar.children if isinstance(c, Element) and c.tag == "title"), None
            )
            texts = [c for c in bar.children if isinstance(c, Element) and c.tag == "text"]
            value = texts[-1].text() if len(texts) > 1 else ""
            row = Element("tr", {})
            row.children.append(Element("td", {}, [label.text() if label else texts[0].text()]))
            row.children.append(Element("td", {"class": "angka"}, [value]))
            body.children.append(row)
        self.table(table_element, container, context, inline, style)


def _image_data(src: str) -> bytes | None:
    """The bytes of a `data:` image our templates inline (PNG, JPEG, GIF); None otherwise
    (a report carries no reference to a file or the network)."""
    match = re.fullmatch(r"data:image/(png|jpeg|gif);base64,(.*)", src.strip(), re.S)
    if match is None:
        return None
    try:
        return base64.b64decode(match.group(2), validate=False)
    except (binascii.Error, ValueError):
        return None


def _grid(
    rows: list[tuple[Element, bool]],
) -> tuple[list[list[tuple[Element, int, int] | None]], int]:
    """The cells of each row placed on the table's grid (rowspans of the rows above taken),
    each at its top-left slot with its spans; None where a span covers the slot."""
    taken: dict[tuple[int, int], bool] = {}
    grid: list[list[tuple[Element, int, int] | None]] = []
    width = 0
    for r, (tr, _header) in enumerate(rows):
        line: dict[int, tuple[Element, int, int] | None] = {}
        c = 0
        for td in tr.children:
            if not isinstance(td, Element) or td.tag not in ("td", "th"):
                continue
            while (r, c) in taken:
                c += 1
            rowspan = max(1, _int(td.attrs.get("rowspan")))
            colspan = max(1, _int(td.attrs.get("colspan")))
            rowspan = min(rowspan, len(rows) - r)
            line[c] = (td, rowspan, colspan)
            for rr in range(r, r + rowspan):
                for cc in range(c, c + colspan):
                    taken[(rr, cc)] = True
            c += colspan
        width = max(width, c, *(cc + 1 for (rr, cc) in taken if rr == r))
        grid.append([line.get(i) for i in range(max(line, default=-1) + 1)])
    return [line + [None] * (width - len(line)) for line in grid], width


def _int(value: str | None) -> int:
    try:
        return int(value or 1)
    except ValueError:
        return 1


def _table_properties(table: Table, bordered: bool) -> None:
    """Borders on every cell for a data table (Word's `Table Grid` is not in every office's
    reference), none for a layout table (the signature block, the parties)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        line = OxmlElement(f"w:{edge}")
        if bordered:
            line.set(qn("w:val"), "single")
            line.set(qn("w:sz"), "4")
            line.set(qn("w:space"), "0")
            line.set(qn("w:color"), "000000")
        else:
            line.set(qn("w:val"), "nil")
        borders.append(line)
    tbl_pr.insert_element_before(borders, *_AFTER_TBL_BORDERS)
    # The CSS's cell padding (3pt 5pt) less what a browser's own column fitting gives back:
    # Word's default 5.4 pt each side leaves a narrow NO column no room for its number.
    margins = OxmlElement("w:tblCellMar")
    for edge, twips in (("top", "20"), ("left", "60"), ("bottom", "20"), ("right", "60")):
        margin = OxmlElement(f"w:{edge}")
        margin.set(qn("w:w"), twips)
        margin.set(qn("w:type"), "dxa")
        margins.append(margin)
    tbl_pr.insert_element_before(margins, "w:tblLook", "w:tblCaption", "w:tblDescription")
    width = tbl_pr.find(qn("w:tblW"))
    if width is None:
        width = OxmlElement("w:tblW")
        tbl_pr.insert_element_before(
            width, "w:jc", "w:tblCellSpacing", "w:tblInd", *_AFTER_TBL_BORDERS
        )
    width.set(qn("w:w"), "5000")
    width.set(qn("w:type"), "pct")


# Word reads a property element only in the schema's order (ECMA-376 CT_TblPr, CT_TcPr).
_AFTER_TBL_BORDERS = ("w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook", "w:tblCaption")
_AFTER_SHD = ("w:noWrap", "w:tcMar", "w:textDirection", "w:tcFitText", "w:vAlign", "w:hideMark")


def _content_widths(table: Table, text_width: int) -> list[float]:
    """Percentages of the text width for a layout table as wide as its content (the parties:
    Nama, :, the name), from the longest text in each column: LibreOffice keeps a table's
    grid as written rather than fitting it, so pk fits it."""
    from docx.oxml.ns import qn
    from docx.shared import Pt

    longest = [
        max((len(cell.text) for cell in column.cells), default=0) for column in table.columns
    ]
    wanted = [Pt(12 + 6.5 * n) for n in longest]
    scale = min(1.0, text_width / max(sum(wanted), 1))
    width = table._tbl.tblPr.find(qn("w:tblW"))
    if width is not None:
        width.set(qn("w:w"), "0")
        width.set(qn("w:type"), "auto")
    return [100 * w * scale / text_width for w in wanted]


def _widen_for_words(table: Table, percents: list[float], text_width: int) -> list[float]:
    """The percentages with each column at least as wide as its longest word (as a browser
    lays a table out: `11 KPU Prov/Kab/Kota` breaks between words, never inside one), the
    width taken from the columns that have room to spare."""
    from docx.shared import Pt

    def em(word: str) -> float:
        # A serif letter is about half its size wide, a bold capital (a header) three quarters.
        return sum(0.75 if ch.isupper() else 0.55 for ch in word)

    def needed(column: Any) -> float:
        words = [w for cell in column.cells for w in cell.text.split()]
        longest = max((em(w) for w in words), default=0)
        return 100 * (Pt(10.5 * longest) + Pt(6)) / text_width

    try:
        floors = [min(needed(c), p * 2) for c, p in zip(table.columns, percents, strict=True)]
    except ValueError:  # a merged grid python-docx cannot walk by column: keep the colgroup
        return percents
    short = sum(max(0.0, f - p) for f, p in zip(floors, percents, strict=True))
    spare = sum(max(0.0, p - f) for f, p in zip(floors, percents, strict=True))
    if short == 0 or spare < short:
        return percents
    return [
        f if f > p else p - (p - f) * short / spare for f, p in zip(floors, percents, strict=True)
    ]


def _row_properties(row: Any, header: bool) -> None:
    """No row split across two pages; the header rows repeated at the top of each page."""
    from docx.oxml import OxmlElement

    tr_pr = row._tr.get_or_add_trPr()
    tr_pr.append(OxmlElement("w:cantSplit"))
    if header:
        tr_pr.append(OxmlElement("w:tblHeader"))


def _shade(cell: _Cell, colour: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), colour)
    cell._tc.get_or_add_tcPr().insert_element_before(shading, *_AFTER_SHD)


def _hide_top_border(cell: _Cell) -> None:
    """A cell that continues the group above it (td.lanjut): no line between them."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    borders = OxmlElement("w:tcBorders")
    top = OxmlElement("w:top")
    top.set(qn("w:val"), "nil")
    borders.append(top)
    cell._tc.get_or_add_tcPr().insert_element_before(borders, "w:shd", *_AFTER_SHD)
