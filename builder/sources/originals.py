"""The original a plan came from (a saved web page, a PDF, a Word file), as the site publishes it.

A web page is made safe first: only its visible body survives, through Ammonia (nh3), a
well-kept HTML sanitizer, with a list of harmless elements and attributes; scripts, iframes,
forms, event handlers, images and styles that load anything are gone, and a Content-Security-
Policy forbids the page to load anything from anywhere. It is re-encoded as UTF-8. Other kinds are
published byte for byte.
"""

from __future__ import annotations

import hashlib
import html
from dataclasses import dataclass

import nh3

from builder.sources.readers.html import decode_html, page_title

KINDS: dict[str, tuple[str, str]] = {  # suffix → (kind, how the page names it)
    ".html": ("html", "网页"),
    ".htm": ("html", "网页"),
    ".pdf": ("pdf", "PDF"),
    ".docx": ("docx", "Word 文档"),
    ".doc": ("doc", "Word 文档"),
    ".wps": ("wps", "WPS 文档"),
}
_TAGS = {"a", "abbr", "b", "blockquote", "br", "caption", "center", "code", "col", "colgroup", "dd", "del", "div"}
_TAGS |= {"dl", "dt", "em", "font", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "ins", "li", "ol", "p", "pre"}
_TAGS |= {"s", "small", "span", "strong", "sub", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "u"}
_TAGS |= {"ul", "section", "article"}
_ATTRIBUTES = {
    "*": {"align", "class", "lang", "style", "title", "dir"},
    "a": {"href"},
    "td": {"colspan", "rowspan", "valign", "width", "nowrap"},
    "th": {"colspan", "rowspan", "valign", "width", "scope"},
    "table": {"border", "cellpadding", "cellspacing", "width"},
    "col": {"span", "width"},
    "font": {"size", "face", "color"},
}
# CSS that lays text out but cannot load anything (url() is in none of these).
_STYLE = {"text-align", "text-indent", "font-weight", "font-style", "font-size", "font-family", "line-height"}
_STYLE |= {"margin", "margin-top", "margin-bottom", "margin-left", "margin-right", "padding", "width", "color"}
_STYLE |= {"border", "border-collapse", "vertical-align", "letter-spacing", "text-decoration", "white-space"}
POLICY = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"
NOTE = "本文件是原网页的存档副本：已移除脚本、表单和来自其他网站的资源。"
# Readable on a phone: the page's own layout tables scroll instead of squeezing the text.
STYLE = (
    "body{max-width:48em;margin:0 auto;padding:0 1em;line-height:1.7;font-family:system-ui,sans-serif}"
    "table{display:block;max-width:100%;overflow-x:auto}"
    ".archive-note{font-size:small;color:#555;border-bottom:1px solid #ccc;padding-bottom:.5em}"
)


@dataclass(frozen=True)
class Published:
    kind: str
    data: bytes

    @property
    def digest(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


def _absolute_links_only(tag: str, attribute: str, value: str) -> str | None:
    """A saved page's relative links point into the bureau's site, not ours: keep only absolute ones."""
    if attribute == "href":
        return value if value.lower().startswith(("http://", "https://", "mailto:")) else None
    return value


def kind_of(suffix: str) -> tuple[str, str] | None:
    return KINDS.get(suffix.lower())


def published(data: bytes, suffix: str, path: str) -> Published:
    """The bytes the site serves for an original."""
    kind, _ = KINDS[suffix.lower()]
    return Published(kind, safe_page(data, path) if kind == "html" else data)


def safe_page(data: bytes, path: str) -> bytes:
    """A saved web page made safe to serve from our site: its body, sanitized, in a UTF-8 shell."""
    text, _ = decode_html(data, path)
    if text is None:
        text = data.decode("gb18030", errors="replace")
    body = nh3.clean(
        text,
        tags=_TAGS,
        clean_content_tags={"script", "style", "noscript", "iframe", "object", "embed", "template", "title"},
        attributes=_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        strip_comments=True,
        link_rel="noopener noreferrer nofollow",
        filter_style_properties=_STYLE,
        attribute_filter=_absolute_links_only,
    )
    title = html.escape(page_title(text) or "原网页", quote=True)
    shell = (
        "<!DOCTYPE html>\n"
        '<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{POLICY}">\n'
        '<meta name="robots" content="noindex">\n'
        '<meta name="viewport" content="width=device-width,initial-scale=1">\n'
        f"<title>{title}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n"
        f'<p class="archive-note">{NOTE}<a href="./">查看本站逐条整理的版本</a></p>\n'
        f"{body}\n</body>\n</html>\n"
    )
    return shell.encode("utf-8")
