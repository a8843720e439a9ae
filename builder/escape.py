"""Source text is data: escape it for Markdown (outside HTML blocks) and for HTML (inside them)."""

from __future__ import annotations

import html

from markupsafe import Markup

# Python-Markdown's backslash-escapable characters, plus '|' (the tables extension adds it).
_MD_ESCAPABLE = frozenset("\\`*_{}[]()#+-.!|")
_HTML = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}


_MD_TABLE = str.maketrans(
    {**{ch: "\\" + ch for ch in _MD_ESCAPABLE}, **_HTML, "\n": " "}  # a paragraph is one line
)


def md_text(text: object) -> Markup:
    """Escape text so Markdown shows it verbatim: no emphasis, links, attributes, headings or HTML."""
    return Markup(str(text).translate(_MD_TABLE))


def html_text(text: object) -> Markup:
    """Escape text for an HTML block (element content or a quoted attribute)."""
    return Markup(html.escape(str(text), quote=True))


def finalize(value: object) -> object:
    """Jinja2 finalize hook: every {{ value }} is Markdown-escaped unless already marked safe."""
    if value is None:
        return ""
    if isinstance(value, Markup):
        return value
    return md_text(value)


def heading_id(anchor: str, css_class: str = "") -> Markup:
    """attr_list suffix for a heading: {#item-6 .item}. Anchors are generated, never source text."""
    if not all(ch.isascii() and (ch.isalnum() or ch == "-") for ch in anchor):
        raise ValueError(f"unsafe anchor {anchor!r}")
    return Markup("{#" + anchor + (f" .{css_class}" if css_class else "") + "}")
