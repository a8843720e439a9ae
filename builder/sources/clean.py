"""Recognise a source's shape and turn it into clean logical lines (paragraphs).

Pure functions: text in, `Cleaned` out. Every kept line remembers the source line it started on.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass

from builder.sources import textutil as tu


@dataclass(frozen=True)
class Line:
    text: str
    lineno: int  # 1-based line of the source where this paragraph starts
    in_table: bool = False  # a table's cell (a calendar, a task list): text, never a heading or an item


@dataclass(frozen=True)
class Cleaned:
    shape: str  # pdf / web / word / clean
    lines: tuple[Line, ...]
    web: tuple[tuple[str, str], ...]  # metadata fields read from a web page's chrome


_BOOKMARK = re.compile(r"\[bookmark: [^\]\n]*\]")
_WEB_FIELD = re.compile(
    r"(索引号|发布单位|发文机关|内容分类|主题分类|成文日期|发布日期|公开方式|公开范围|有效性/截止日期|文号|发文字号)\s*[:：]\s*"
)
# Whole lines of web-page chrome: navigation, counters, print/close buttons.
_WEB_CHROME = re.compile(
    r"^(当前位置\s*[:：]|>\s|您现在的位置|时间\s*[:：]\s*\d{1,2}:\d{2}|点击次数\s*[:：]|浏览次数\s*[:：]|"
    r"【\s*(打印|关闭|字体|收藏)|分享到|扫一扫在手机打开|上一篇\s*[:：]|下一篇\s*[:：])"
)
# Page furniture a PDF leaves behind: "- 3 -", "—3—", "第 3 页 共 9 页".
_PAGE_NUMBER = re.compile(r"^([-—–－]\s*\d{1,3}\s*[-—–－]|第\s*\d+\s*页(\s*[,，]?\s*共\s*\d+\s*页)?)$")
_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")


def clean(
    text: str, web_page: bool = False, source_lines: tuple[int, ...] | None = None, tables: tuple[int, ...] = ()
) -> Cleaned:
    """Detect the shape, drop debris and chrome, unwrap, and normalise spacing and punctuation.

    `web_page`: the text is a web page's body (chrome such as 【打印本页】 may sit anywhere in it);
    `source_lines` gives the file's line of each text line when they differ (a web page's text
    comes from its HTML's lines); `tables` the text lines that come from a table's cells.
    """
    had_bookmarks = bool(_BOOKMARK.search(text))
    text = _BOOKMARK.sub("", text)
    text = _ZERO_WIDTH.sub("", text)
    split = text.split("\n")
    numbers = source_lines if source_lines and len(source_lines) == len(split) else range(1, len(split) + 1)
    raw = [(tu.normalise_spaces(line), n) for line, n in zip(split, numbers, strict=True)]
    shape = _detect_shape(raw, had_bookmarks)
    web: list[tuple[str, str]] = []
    lines: list[Line] = []
    in_table = set(tables)
    for i, (line, n) in enumerate(raw):
        stripped = line.strip()
        if not stripped or _PAGE_NUMBER.match(stripped):
            lines.append(Line("", n))
            continue
        if (web_page or shape == "web") and _is_web_chrome(stripped, web):
            continue
        lines.append(Line(stripped, n, i in in_table))
    if shape == "pdf":
        paragraphs = _unwrap(lines)
    else:
        paragraphs = [line for line in lines if line.text]
    paragraphs = _split_run_on(paragraphs)
    tidy = tuple(Line(tu.normalise_punctuation(tu.tidy_spaces(p.text)), p.lineno, p.in_table) for p in paragraphs)
    return Cleaned(shape, tuple(p for p in tidy if p.text), tuple(web))


def _detect_shape(raw: list[tuple[str, int]], had_bookmarks: bool) -> str:
    head = [line.strip() for line, _ in raw[:20]]
    if any(line.startswith("当前位置") or _WEB_FIELD.match(line) for line in head):
        return "web"
    if had_bookmarks:
        return "word"
    filled = [line.strip() for line, _ in raw if line.strip()]
    if len(filled) >= 20:
        widths = [tu.visual_width(line) for line in filled]
        open_ended = sum(1 for line in filled if not tu.ends_sentence(line)) / len(filled)
        if statistics.median(widths) <= 45 and open_ended >= 0.3:
            return "pdf"
    return "clean"


def _is_web_chrome(line: str, web: list[tuple[str, str]]) -> bool:
    """True for a chrome line; record any metadata fields it carries."""
    if _WEB_CHROME.match(line):
        return True
    fields = list(_WEB_FIELD.finditer(line))
    if not fields or fields[0].start() != 0:
        return False
    for i, match in enumerate(fields):
        end = fields[i + 1].start() if i + 1 < len(fields) else len(line)
        value = line[match.end() : end].strip()
        if value:
            web.append((match.group(1), value))
    return True


def _unwrap(lines: list[Line]) -> list[Line]:
    """Join a PDF's hard-wrapped lines back into paragraphs.

    A paragraph ends at a line clearly shorter than the page width, and a new one starts at a
    numbered heading or item. Blank lines carry no meaning in PDF text (every line has one).
    """
    filled = [tu.visual_width(line.text) for line in lines if line.text]
    if not filled:
        return []
    width = sorted(filled)[int(len(filled) * 0.9)]
    out: list[Line] = []
    current: Line | None = None
    for line in lines:
        if not line.text:
            continue
        glued = tu.GLUED_ITEM_MARK.match(line.text) and current is not None and tu.ends_sentence(current.text)
        if current is not None and (tu.starts_numbered_block(line.text) or glued or tu.ANNEX_MARK.match(line.text)):
            out.append(current)
            current = None
        if current is None:
            current = line
        else:
            current = Line(tu.join_wrapped(current.text, line.text), current.lineno, current.in_table)
        if tu.visual_width(line.text) < 0.8 * width:
            out.append(current)
            current = None
    if current is not None:
        out.append(current)
    return out


def _split_run_on(lines: list[Line]) -> list[Line]:
    """Split a run-on line (a whole plan on one line: very long, or holding two parts) before each
    numbered heading or item, and any line where one follows a space (a break the page lost)."""
    out: list[Line] = []
    for line in lines:
        if line.in_table:  # a table's cell is kept whole
            out.append(line)
            continue
        pieces = tu.split_before_markers(line.text)
        runs_on = len(line.text) >= 600 or sum(1 for p in pieces if tu.PART_MARK.match(p)) >= 2
        if not runs_on:  # one paragraph: only a lost line break splits it
            pieces = tu.split_at_spaced_markers(line.text)
        out.extend(Line(piece, line.lineno, line.in_table) for piece in pieces if piece.strip())
    return out
