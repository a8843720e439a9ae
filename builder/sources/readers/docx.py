"""A Word file (.docx): its paragraphs and tables in order, each number as Word prints it.

python-docx opens the package (and refuses what is not a Word document); the body is then walked with
lxml: a paragraph is one line, its automatic number (numbering.py) in front of its text; a table row
is one line of its cells joined by spaces, marked as a table line (never a heading or an item); text
boxes (a masthead) come before the paragraph that anchors them. Deleted revisions, field codes,
hidden text and the fallback copies of drawings are not text a reader sees, so they are skipped.
"""

from __future__ import annotations

import contextlib
import io
import zipfile
from typing import ClassVar

from lxml import etree

from builder.errors import Problem
from builder.sources.readers.base import Read
from builder.sources.readers.numbering import Numbering, w

MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_SKIP = {w("del"), w("delText"), w("instrText"), w("rPr"), w("pPr"), w("moveFrom"), f"{{{MC}}}Fallback"}
_SKIP |= {w("footnoteReference"), w("endnoteReference"), w("commentReference"), w("fldData")}
_BREAKS = {w("br"), w("cr")}


class DocxReader:
    kind: ClassVar[str] = "docx"
    label: ClassVar[str] = "Word 文档"
    suffixes: ClassVar[tuple[str, ...]] = (".docx",)

    def read(self, data: bytes, path: str) -> Read:
        opened = open_docx(data, path)
        if isinstance(opened, Problem):
            return Read(None, problems=(opened,))
        return read_document(*opened)


def open_docx(data: bytes, path: str) -> tuple[etree._Element, etree._Element | None, etree._Element | None] | Problem:
    """(document body, numbering.xml, styles.xml) of a .docx, or the problem that stops it."""
    import docx  # python-docx: imported here, only builds with Word files pay for it

    beside = path.rsplit(".", 1)[0] + ".txt"
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as error:  # python-docx fails in many ways on a broken package; all mean "cannot open"
        if other := _other_office_kind(data):  # an Excel workbook, a PowerPoint … under a .docx name
            return Problem(
                path,
                None,
                f"this is {other}, not a Word document",
                f"find the plan's own file, or put its text in {beside}",
            )
        return Problem(
            path,
            None,
            f"this Word file is damaged and cannot be opened ({type(error).__name__})",
            f"open it in Word or WPS and save it again as .docx, or put its text in {beside}",
        )
    part = document.part
    numbering = styles = None
    with contextlib.suppress(KeyError, NotImplementedError):  # a file with no numbering.xml
        numbering = part.numbering_part.element
    with contextlib.suppress(KeyError, NotImplementedError):
        styles = part.styles.element  # python-docx makes default styles when the file has none
    return document.element.body, numbering, styles


def _other_office_kind(data: bytes) -> str | None:
    try:
        names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
    except zipfile.BadZipFile:
        return None
    if "xl/workbook.xml" in names:
        return "an Excel workbook"
    if "ppt/presentation.xml" in names:
        return "a PowerPoint presentation"
    if "content.xml" in names:
        return "an OpenDocument file"
    return None


def read_document(
    body: etree._Element, numbering_xml: etree._Element | None, styles_xml: etree._Element | None
) -> Read:
    styles = _Styles(styles_xml)
    walker = _Walker(Numbering.parse(numbering_xml, styles.numbering_links()), styles)
    walker.blocks(body)
    if not any(line.strip() for line in walker.lines):
        return Read(None)
    return Read("\n".join(walker.lines), tables=tuple(walker.table_lines))


class _Styles:
    """Paragraph styles: the numbering each carries, through the styles it is based on."""

    def __init__(self, root: etree._Element | None) -> None:
        self.based_on: dict[str, str] = {}
        self.num: dict[str, tuple[str | None, int | None]] = {}
        self.default: str | None = None
        if root is None:
            return
        for style in root.iterfind(w("style")):
            if style.get(w("type")) not in ("paragraph", "numbering"):
                continue
            key = style.get(w("styleId"), "")
            if style.get(w("default")) in ("1", "true") and style.get(w("type")) == "paragraph":
                self.default = key
            if (based := style.find(w("basedOn"))) is not None:
                self.based_on[key] = based.get(w("val"), "")
            num_pr = style.find(f"{w('pPr')}/{w('numPr')}")
            if num_pr is not None:
                num_id = num_pr.find(w("numId"))
                ilvl = num_pr.find(w("ilvl"))
                self.num[key] = (
                    num_id.get(w("val")) if num_id is not None else None,
                    int(ilvl.get(w("val"), "0")) if ilvl is not None else None,
                )

    def numbering_links(self) -> dict[str, str]:
        """Numbering style → its numId (for abstract numberings that link to a style)."""
        return {key: num for key, (num, _) in self.num.items() if num is not None}

    def numbering(self, style: str | None) -> tuple[str | None, int | None, str | None]:
        """(numId, level, the style that carries them) a paragraph of this style gets."""
        seen: set[str] = set()
        current = style or self.default
        while current and current not in seen:
            seen.add(current)
            if current in self.num:
                num_id, ilvl = self.num[current]
                return num_id, ilvl, current
            current = self.based_on.get(current)
        return None, None, None


class _Walker:
    def __init__(self, numbering: Numbering, styles: _Styles) -> None:
        self.numbering = numbering
        self.styles = styles
        self.lines: list[str] = []
        self.table_lines: list[int] = []

    def blocks(self, parent: etree._Element) -> None:
        for child in parent:
            tag = child.tag
            if tag == w("p"):
                self.lines.extend(self.paragraph(child))
            elif tag == w("tbl"):
                self.table(child)
            elif tag in (w("sdt"), w("customXml"), w("ins"), w("smartTag")):
                self.blocks(child.find(w("sdtContent")) if tag == w("sdt") else child)
            elif tag == w("sdtContent"):
                self.blocks(child)

    def table(self, table: etree._Element) -> None:
        for row in table.iterfind(w("tr")):
            cells = []
            for cell in row.iterfind(w("tc")):
                inner = _Walker(self.numbering, self.styles)
                inner.blocks(cell)
                cells.append(" ".join(line.strip() for line in inner.lines if line.strip()))
            line = " ".join(c for c in cells if c)
            if line:
                self.table_lines.append(len(self.lines))
                self.lines.append(line)

    def paragraph(self, p: etree._Element) -> list[str]:
        """The paragraph's line (its number first), after the lines of text boxes it anchors."""
        boxes: list[str] = []
        parts: list[str] = []
        self._text(p, parts, boxes)
        text = "".join(parts)
        if not text.strip():
            return [*boxes, ""] if boxes else [""]
        label = self._label(p)
        return [*boxes, *f"{label}{text}".split("\n")]

    def _text(self, element: etree._Element, out: list[str], boxes: list[str]) -> None:
        for child in element:
            tag = child.tag
            if not isinstance(tag, str) or tag in _SKIP:
                continue
            if tag == w("t"):
                out.append(child.text or "")
            elif tag == w("tab"):
                out.append(" ")
            elif tag in _BREAKS:
                if child.get(w("type")) != "page":
                    out.append("\n")
            elif tag == w("noBreakHyphen"):
                out.append("-")
            elif tag == w("r") and _hidden(child):
                continue
            elif tag == w("txbxContent"):
                inner = _Walker(self.numbering, self.styles)
                inner.blocks(child)
                boxes.extend(line for line in inner.lines if line.strip())
            else:
                self._text(child, out, boxes)

    def _label(self, p: etree._Element) -> str:
        ppr = p.find(w("pPr"))
        style = num_id = None
        ilvl: int | None = None
        if ppr is not None:
            if (pstyle := ppr.find(w("pStyle"))) is not None:
                style = pstyle.get(w("val"))
            if (num_pr := ppr.find(w("numPr"))) is not None:
                if (found := num_pr.find(w("numId"))) is not None:
                    num_id = found.get(w("val"))
                if (level := num_pr.find(w("ilvl"))) is not None:
                    ilvl = int(level.get(w("val"), "0"))
        if num_id is None:
            num_id, style_level, carrier = self.styles.numbering(style)
            if num_id is None:
                return ""
            if ilvl is None:
                ilvl = style_level if style_level is not None else self.numbering.level_of_style(num_id, carrier or "")
        return self.numbering.label(num_id, ilvl or 0)


def _hidden(run: etree._Element) -> bool:
    rpr = run.find(w("rPr"))
    if rpr is None:
        return False
    vanish = rpr.find(w("vanish"))
    return vanish is not None and vanish.get(w("val"), "true") not in ("0", "false")
