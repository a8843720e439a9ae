"""A web page saved from a government site (Ctrl-S): its article body as lines, its header as fields.

Decoding: a BOM wins, then the declared charset; pages that declare gb2312 or gbk often hold
characters outside them (體), so every GB charset is decoded as GB18030 (its superset), and Big5 as
Big5-HKSCS. Parsing: selectolax's lexbor backend (an HTML5 parser, about 3 ms a page).

The article body is the first of the containers government sites use (`#zoom`, `.TRS_Editor`,
`#UCAP-CONTENT`, …) that holds real text; failing that, the element that holds most of the page's
text outside links (a layout table, a <div> of <br>s, Word's `WordSection1`). Inside it, inline
elements join (Word puts the number 一、 in a <span> of its own) and block elements and <br> break
lines; the cells of a table row are joined by spaces. The header table (索引号, 发布机构, 成文日期,
文号, 标题) becomes fields; navigation, sidebars and footers lie outside the body and are dropped.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import ClassVar

from selectolax.lexbor import LexborHTMLParser, LexborNode

from builder.errors import Problem
from builder.sources.readers.base import Read
from builder.sources.sidecar import is_web_address

_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_GB = {"gb2312", "gbk", "gb18030", "x-gbk", "cp936", "ms936", "windows-936", "euc-cn", "x-euc-cn", "csgb2312"}
_BIG5 = {"big5", "big5-hkscs", "x-x-big5", "cp950"}

# Containers government content systems put the article in (TRS, UCAP, Hanweb, VSB, WordPress …).
CONTAINERS = (
    "#zoom",
    "#Zoom",
    ".TRS_Editor",
    ".TRS_UEDITOR",
    "#UCAP-CONTENT",
    ".pages_content",
    "#vsb_content",
    ".wp_articlecontent",
    ".article-content",
    ".article_content",
    "#article_content",
    ".news_content",
    "#content",
    ".content",
)
_SKIP = {"script", "style", "noscript", "iframe", "object", "embed", "template", "select", "button", "textarea"}
_SKIP |= {"input", "svg", "canvas", "video", "audio", "head", "title", "meta", "link"}
_BLOCK = {"p", "div", "tr", "li", "ul", "ol", "table", "tbody", "thead", "tfoot", "section", "article", "main"}
_BLOCK |= {"h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "center", "dl", "dt", "dd", "pre", "hr", "form"}
_BLOCK |= {"header", "footer", "nav", "aside", "figure", "figcaption", "address", "caption", "body", "html"}
_CELL = {"td", "th"}
_SPACE = re.compile(r"[ \t\r\n\f]+")
_HAN = re.compile(r"[\u3400-\u9fff]")
_NEEDLE = re.compile(r"[\u3400-\u9fff]{4,}")

# Header fields, by the labels sites print; values are normalised to the names meta.infer reads.
_FIELD_NAMES = {
    "索引号": "索引号",
    "发布机构": "发布单位",
    "发布单位": "发布单位",
    "发文机关": "发布单位",
    "发文单位": "发布单位",
    "成文日期": "成文日期",
    "发文日期": "成文日期",
    "发布日期": "发布日期",
    "文号": "文号",
    "发文字号": "文号",
    "标题": "标题",
    "名称": "标题",
    "主题分类": "主题分类",
}
_FIELD = re.compile(r"(" + "|".join(sorted(_FIELD_NAMES, key=len, reverse=True)) + r")[ \t]*[:：][ \t]*")
_DATE = re.compile(r"(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})")
_TITLE_SELECTORS = ("h1", ".article-title", ".article_title", "#title", ".title", ".tit", "h2", "h3")
_SITE_SUFFIX = re.compile(r"\s*[-_|—–]+\s*[^-_|—–]*$")  # "工作要点 - 某某市教育局网站"
_DOCUMENT_WORDS = ("要点", "计划", "工作", "通知", "意见", "方案", "安排", "思路")
MIN_BODY_HAN = 100  # a container with fewer Chinese characters is not the article


class HtmlReader:
    kind: ClassVar[str] = "html"
    label: ClassVar[str] = "网页"
    suffixes: ClassVar[tuple[str, ...]] = (".html", ".htm")

    def read(self, data: bytes, path: str) -> Read:
        text, problem = decode_html(data, path)
        if text is None:
            return Read(None, problems=(problem,) if problem else ())
        tree = LexborHTMLParser(text)
        page_title = _page_title(tree)
        body = find_body(tree)
        if body is None:
            return Read(None, problems=(no_plan(path, page_title),))
        in_table: list[int] = []
        lines = body_lines(body, in_table=in_table)
        fields = _fields(tree, body)
        title = dict(fields).get("标题") or _article_title(tree, set(lines), page_title) or page_title
        if title and not _opens_with(lines, title):
            lines.insert(0, title)
            in_table = [i + 1 for i in in_table]
        if title and "标题" not in dict(fields):
            fields.append(("标题", title))
        if address := _address(tree, text):
            fields.append(("网址", address))
        return Read("\n".join(lines), tuple(fields), True, tuple(_source_lines(text, lines)), tables=tuple(in_table))


_SAVED_FROM = re.compile(r"<!--\s*saved from url=\(\d+\)(\S+?)\s*-->", re.I)


def _address(tree: LexborHTMLParser, html: str) -> str:
    """The page's own address: the browser's "saved from" mark, or its canonical link."""
    candidates = [m.group(1) for m in _SAVED_FROM.finditer(html[:4096])]
    for selector, attribute in (("link[rel=canonical]", "href"), ("meta[property='og:url']", "content")):
        node = tree.css_first(selector)
        if node is not None and node.attributes.get(attribute):
            candidates.append(str(node.attributes[attribute]))
    return next((c for c in candidates if is_web_address(c)), "")


def no_plan(path: str, page_title: str) -> Problem:
    return Problem(
        path,
        None,
        f"this web page holds no plan text (its title: {page_title or 'none'})",
        "save the page that shows the plan itself",
    )


def decode_html(data: bytes, path: str) -> tuple[str | None, Problem | None]:
    """The page's text: BOM, then the declared charset (GB as GB18030), then UTF-8 or GB18030."""
    for bom, codec in ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if data.startswith(bom):
            return data[len(bom) :].decode(codec, errors="replace"), None
    found = _CHARSET.search(data[:8192])
    declared = found.group(1).decode("ascii").lower() if found else ""
    if declared in _GB:
        codecs = ["gb18030", "utf-8"]
    elif declared in _BIG5:
        codecs = ["big5hkscs", "utf-8"]
    elif declared in ("utf-8", "utf8"):
        codecs = ["utf-8", "gb18030"]
    else:
        codecs = ["utf-8", "gb18030"]
    first_error: UnicodeDecodeError | None = None
    for codec in codecs:
        try:
            return data.decode(codec), None
        except UnicodeDecodeError as error:
            first_error = first_error or error
    assert first_error is not None
    line = data[: first_error.start].count(b"\n") + 1
    return None, Problem(
        path,
        line,
        f"bytes {data[first_error.start : first_error.start + 4]!r} fit neither the page's charset "
        f"({declared or 'none declared'}) nor UTF-8 nor GB18030",
        "save the page again from the browser (Ctrl-S, 'Web page, complete' or 'HTML only')",
    )


def _han(text: str) -> int:
    return len(_HAN.findall(text))


def find_body(tree: LexborHTMLParser) -> LexborNode | None:
    """The element that holds the article, or None when the page holds no real text."""
    for selector in CONTAINERS:
        found = [node for node in tree.css(selector) if _han(node.text(deep=True)) >= MIN_BODY_HAN]
        if found:
            return max(found, key=lambda node: _han(node.text(deep=True)))
    root = tree.body
    if root is None:
        return None
    scored: list[tuple[int, int, LexborNode]] = []
    for node in [root, *root.css("div, td, article, section, main")]:
        total = _han(node.text(deep=True))
        linked = sum(_han(a.text(deep=True)) for a in node.css("a"))
        scored.append((total - 3 * linked, total, node))
    best = max(score for score, _, _ in scored)
    if best < MIN_BODY_HAN:
        return None
    # The most specific element that still holds nearly all of the best text.
    return min((s for s in scored if s[0] >= 0.85 * best), key=lambda s: s[1])[2]


def body_lines(body: LexborNode, cell_break: str = " ", in_table: list[int] | None = None) -> list[str]:
    """The text of an element, a line per block; inline elements join, <br> breaks.

    The cells of a table row stay on one line, each followed by `cell_break`. `in_table`, when
    given, receives the index of every line that comes from inside a table.
    """
    lines: list[str] = []
    current: list[str] = []
    depth = [0]  # how many tables the walk is inside

    def flush() -> None:
        line = "".join(current).strip()
        current.clear()
        if line:
            if depth[0] and in_table is not None:
                in_table.append(len(lines))
            lines.append(line)

    def walk(node: LexborNode) -> None:
        for child in node.iter(include_text=True):
            tag = child.tag
            if tag == "-text":
                current.append(_SPACE.sub(" ", child.text_content or ""))
            elif tag in _SKIP or tag is None or tag.startswith("!"):
                continue
            elif tag == "br":
                flush()
            elif tag in _BLOCK:
                flush()
                data = tag == "table" and _is_data_table(child)
                depth[0] += data
                walk(child)
                flush()
                depth[0] -= data
            elif tag in _CELL:
                walk(child)
                current.append(cell_break)
            else:
                walk(child)

    walk(body)
    flush()
    return lines


def _is_data_table(table: LexborNode) -> bool:
    """A table of rows and columns (a calendar, a task list), not a one-cell layout table that
    holds the whole article: some row of its own has two cells or more."""
    return any(
        _owner_table(row) == table and sum(1 for cell in row.iter() if cell.tag in _CELL) >= 2  # == : same node
        for row in table.css("tr")
    )


def _owner_table(node: LexborNode) -> LexborNode | None:
    parent = node.parent
    while parent is not None and parent.tag != "table":
        parent = parent.parent
    return parent


def _fields(tree: LexborHTMLParser, body: LexborNode) -> list[tuple[str, str]]:
    """Header fields (索引号, 发布单位, 成文日期, 文号, 标题) printed outside the article body."""
    root = tree.body
    if root is None:
        return []
    body_text = set(body_lines(body, "\t"))
    fields: dict[str, str] = {}
    for line in body_lines(root, "\t"):
        if line in body_text or len(line) > 300:
            continue
        matches = list(_FIELD.finditer(line))
        for i, match in enumerate(matches):
            end = matches[i + 1].start() if i + 1 < len(matches) else len(line)
            value = line[match.end() : end].strip().split("\t")[0].strip()  # up to the cell's end
            name = _FIELD_NAMES[match.group(1)]
            if value and name not in fields:
                fields[name] = _iso(value) if "日期" in name else value
    return list(fields.items())


def _iso(value: str) -> str:
    if m := _DATE.search(value):
        try:
            return dt.date(int(m[1]), int(m[2]), int(m[3])).isoformat()
        except ValueError:
            pass
    return value


def page_title(html: str) -> str:
    """The page's <title>, without the site's name after it."""
    return _page_title(LexborHTMLParser(html))


def _page_title(tree: LexborHTMLParser) -> str:
    node = tree.css_first("title")
    title = _SPACE.sub(" ", node.text()).strip() if node else ""
    return _SITE_SUFFIX.sub("", title) if _han(_SITE_SUFFIX.sub("", title)) >= 4 else title


def _article_title(tree: LexborHTMLParser, inside: set[str], page_title: str) -> str:
    """The article's own heading, printed above the body (h1, .title …).

    A site's name is often an <h1> too: a heading counts when the page's <title> holds it (or it
    holds the <title>), or else when it reads like a document's title (要点, 计划, 通知 …).
    """
    found = []
    for selector in _TITLE_SELECTORS:
        for node in tree.css(selector):
            text = _SPACE.sub(" ", node.text(deep=True)).strip()
            if 6 <= len(text) <= 120 and _han(text) >= 4 and text not in inside:
                found.append(text)
    compact = _compact(page_title)
    for text in found:
        if compact and (_compact(text) in compact or compact in _compact(text)):
            return text
    return next((text for text in found if any(word in text for word in _DOCUMENT_WORDS)), "")


def _compact(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _opens_with(lines: list[str], title: str) -> bool:
    """Whether the body already prints the title in its first lines."""
    wanted = _compact(title)
    return any(wanted in _compact(line) or _compact(line) in wanted for line in lines[:6] if _han(line) >= 4)


def _source_lines(html: str, lines: list[str]) -> list[int]:
    """The line of the saved page each text line comes from, found by its first run of Chinese."""
    out: list[int] = []
    position, line_number = 0, 1
    for text in lines:
        needle = _NEEDLE.search(text)
        found = html.find(needle.group(0), position) if needle else -1
        if found >= 0:
            line_number += html.count("\n", position, found)
            position = found
        out.append(line_number)
    return out
