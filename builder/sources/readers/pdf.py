"""A PDF with a text layer: its paragraphs rebuilt from where each character is printed.

pypdfium2 (PDFium; Apache/BSD) gives each character and its box; a PDF holds printed lines, not
paragraphs, so they are rebuilt here:

1. characters → printed lines (a character whose middle lies outside the current line's band starts a
   new line); spaces PDFium generates between two Chinese characters are dropped, and a wide gap
   with no space in it (a table's columns) becomes one space and marks the line as a table row;
2. page furniture goes: page numbers (`— 3 —`, `- 3 -`, `第 3 页 共 9 页`, `3/9`) and any line
   printed in the top or bottom band of several pages (a running title, a masthead);
3. lines → paragraphs: a line continues the paragraph above when that line filled the measure (it
   reaches the right margin) and this one is not indented, not centred, not in another font size and
   not far below it; a table row stays a line of its own.
"""

from __future__ import annotations

import itertools
import re
import statistics
from collections import Counter
from dataclasses import dataclass, field
from typing import ClassVar

from builder.errors import Problem
from builder.sources.readers.base import Read

_HAN = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]")
_PAGE_NUMBER = re.compile(
    r"^\s*(?:[—–\-－~·•]*\s*\d{1,4}\s*[—–\-－~·•]*|第\s*\d+\s*页\s*[，,/／]?\s*(?:共\s*\d+\s*页)?|"
    r"\d+\s*[/／]\s*\d+|page\s*\d+(?:\s*of\s*\d+)?)\s*$",
    re.I,
)
GENERATED = "\x00"  # a space PDFium made up from a gap: kept only between two Latin words
_GENERATED_SPACE = re.compile(r"(?<=[A-Za-z0-9])\x00+(?=[A-Za-z0-9])()|\x00+")
BAND = 0.1  # the top and bottom tenth of a page hold headers, footers and page numbers
MIN_CHARS_PER_PAGE = 20  # fewer printable characters than this a page: a scan with no text layer


@dataclass
class _Line:
    page: int
    chars: list[tuple[str, float, float, float, float]] = field(default_factory=list)  # ch, l, r, b, t
    text: str = ""
    x0: float = 0.0
    x1: float = 0.0
    bottom: float = 0.0
    top: float = 0.0
    size: float = 0.0
    table: bool = False

    def finish(self, em_gap: float = 1.5) -> None:
        boxes = [c for c in self.chars if c[0].strip() and c[0] != GENERATED]
        if not boxes:
            return
        self.x0 = min(c[1] for c in boxes)
        self.x1 = max(c[2] for c in boxes)
        self.bottom = min(c[3] for c in boxes)
        self.top = max(c[4] for c in boxes)
        self.size = statistics.median(c[4] - c[3] for c in boxes)
        out: list[str] = []
        previous: tuple[str, float, float, float, float] | None = None
        for ch, left, right, bottom, top in self.chars:
            if ch == GENERATED:
                out.append(GENERATED)
                continue
            if not ch.strip():
                out.append(" ")
                continue
            if previous is not None and left - previous[2] > em_gap * self.size and (not out or out[-1] != " "):
                out.append(" ")
                self.table = True
            out.append(ch)
            previous = (ch, left, right, bottom, top)
        self.text = _GENERATED_SPACE.sub(lambda m: " " if m.group(1) is not None else "", "".join(out)).strip()


class PdfReader:
    kind: ClassVar[str] = "pdf"
    label: ClassVar[str] = "PDF"
    suffixes: ClassVar[tuple[str, ...]] = (".pdf",)

    def read(self, data: bytes, path: str) -> Read:
        import pypdfium2 as pdfium  # imported here: only builds with PDFs pay for it

        beside = path.rsplit(".", 1)[0] + ".txt"
        try:
            document = pdfium.PdfDocument(data)
        except pdfium.PdfiumError as error:
            if "password" in str(error).lower():
                return _refused(
                    path,
                    "this PDF is protected by a password",
                    "save an unprotected copy (open it with the password, then print to PDF), "
                    f"or put its text in {beside}",
                )
            return _refused(
                path,
                f"this PDF is damaged and cannot be opened ({error})",
                f"download it again, or put its text in {beside}",
            )
        try:
            pages = [_page_lines(document, index) for index in range(len(document))]
        finally:
            document.close()
        printable = sum(len(line.text.replace(" ", "")) for lines, _ in pages for line in lines)
        if printable < MIN_CHARS_PER_PAGE * max(1, len(pages)) and printable < 200:
            return _refused(
                path,
                "this PDF has no text layer (it is a scan: pictures of pages) and needs OCR",
                f"OCR it (e.g. `ocrmypdf -l chi_sim in.pdf out.pdf`, or tesseract with chi_sim), check the "
                f"text and save it as {beside}; the PDF is then published beside it as the original",
            )
        body = _drop_furniture(pages)
        paragraphs, tables = _paragraphs(body)
        return Read("\n".join(paragraphs), tables=tuple(tables))


def _refused(path: str, what: str, hint: str) -> Read:
    return Read(None, problems=(Problem(path, None, what, hint),))


def _page_lines(document: object, index: int) -> tuple[list[_Line], float]:
    """The printed lines of one page, in the order PDFium reads them, and the page's height."""
    import pypdfium2.raw as raw

    page = document[index]  # type: ignore[index]
    try:
        height = page.get_height()
        textpage = page.get_textpage()
        handle = textpage.raw
        count = textpage.count_chars()
        text = textpage.get_text_range(0, count) if count else ""
        if len(text) != count:  # characters outside the BMP: read them one by one
            text = "".join(chr(raw.FPDFText_GetUnicode(handle, i)) for i in range(count))
        rect = raw.FS_RECTF()
        lines: list[_Line] = []
        current = _Line(index)
        band = (0.0, 0.0)
        for i, ch in enumerate(text):
            if ch in "\r\n\x00":
                continue
            if ch == "\ufffe":  # PDFium's mark for a hyphen at a line's end: Chinese is never hyphenated,
                if _english(current):  # so it is a printed hyphen (深度教学-深度学习), unless a word breaks
                    continue
                ch = "-"
            if ch.isspace():
                if current.chars:  # PDFium's own spaces are kept only between two Latin words (finish)
                    current.chars.append(
                        (GENERATED if raw.FPDFText_IsGenerated(handle, i) else " ", 0.0, 0.0, 0.0, 0.0)
                    )
                continue
            # The loose box spans the font's ascent and descent: every character of a line shares it
            # (a tight box of 一 is a thin stroke that would leave its line).
            raw.FPDFText_GetLooseCharBox(handle, i, rect)
            middle = (rect.bottom + rect.top) / 2
            if current.chars and not band[0] <= middle <= band[1]:
                lines.append(current)
                current = _Line(index)
            if not current.chars:
                band = (rect.bottom, rect.top)
            current.chars.append((ch, rect.left, rect.right, rect.bottom, rect.top))
        lines.append(current)
        textpage.close()
    finally:
        page.close()
    for line in lines:
        line.finish()
    return [line for line in lines if line.text], height


def _english(line: _Line) -> bool:
    return bool(line.chars) and line.chars[-1][0].isascii() and line.chars[-1][0].isalpha()


def _normal(text: str) -> str:
    return re.sub(r"\d+", "#", text.replace(" ", ""))


def _drop_furniture(pages: list[tuple[list[_Line], float]]) -> list[_Line]:
    """Every line but page numbers and what repeats in the top or bottom band of several pages."""

    def in_band(line: _Line, height: float) -> bool:
        return line.top > height * (1 - BAND) or line.bottom < height * BAND

    repeated = Counter(
        _normal(line.text)
        for lines, height in pages
        for line in {_normal(x.text): x for x in lines if in_band(x, height)}.values()
    )
    enough = 2 if len(pages) <= 3 else max(2, len(pages) // 3)
    kept: list[_Line] = []
    for lines, height in pages:
        for line in lines:
            if in_band(line, height) and (_PAGE_NUMBER.match(line.text) or repeated[_normal(line.text)] >= enough):
                continue
            kept.append(line)
    return kept


def _paragraphs(lines: list[_Line]) -> tuple[list[str], list[int]]:
    """Printed lines joined into paragraphs; the indexes of table rows among them."""
    body = [line for line in lines if not line.table] or lines
    sizes = Counter(round(line.size) for line in body)
    em = float(sizes.most_common(1)[0][0]) if sizes else 12.0
    plain = [line for line in body if abs(line.size - em) < 1.5] or body
    left = Counter(round(line.x0) for line in plain).most_common(1)[0][0] if plain else 0
    # The right margin: where most lines end (a line ending in ， may stick out past it).
    right = Counter(round(line.x1) for line in plain).most_common(1)[0][0] if plain else 0
    middle = (left + right) / 2
    spacing = _line_spacing(plain, em)
    out: list[str] = []
    tables: list[int] = []
    previous: _Line | None = None
    for line in lines:
        starts = (
            previous is None
            or line.table
            or previous.table
            or previous.x1 < right - 0.8 * em  # the line above ended short
            or line.x0 > left + 0.9 * em  # indented (or centred, or right-aligned)
            or abs(line.size - previous.size) > 1.5
            or (line.page == previous.page and previous.bottom - line.top > spacing)
            or (previous.x0 > left + 2 * em and abs((previous.x0 + previous.x1) / 2 - middle) < em)  # a centred line
        )
        if starts and previous is not None and _wrapped_heading(previous, line, em, middle):
            starts = False
        if starts:
            if line.table:
                tables.append(len(out))
            out.append(line.text)
        else:
            glue = " " if out[-1][-1:].isascii() and out[-1][-1:].isalnum() and line.text[:1].isascii() else ""
            out[-1] += glue + line.text
        previous = line
    return out, tables


def _wrapped_heading(previous: _Line, line: _Line, em: float, middle: float) -> bool:
    """Two centred lines in the same large font, one under the other: a title printed on two lines."""

    def centred(x: _Line) -> bool:
        return abs((x.x0 + x.x1) / 2 - middle) < em

    return (
        previous.page == line.page
        and not previous.table
        and previous.size > em * 1.15
        and abs(previous.size - line.size) < 1
        and centred(previous)
        and centred(line)
        and previous.bottom - line.top < previous.size
    )


def _line_spacing(lines: list[_Line], em: float) -> float:
    """How far below a line the next one may start and still be in the same paragraph."""
    gaps = [a.bottom - b.top for a, b in itertools.pairwise(lines) if a.page == b.page and a.bottom > b.top]
    return (statistics.median(gaps) if gaps else em) + 0.8 * em
