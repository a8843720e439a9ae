"""Source text is data: escape it for each output it enters.

Markdown (outside HTML blocks), HTML (inside them), a YAML front-matter scalar, and a spreadsheet
cell. mkdocs-material's own templates print some page fields raw; `site_templates/overrides/main.html`
re-escapes those where they enter the page's <head>.
"""

from __future__ import annotations

import html
from collections.abc import Iterable

import yaml
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


def md_code(text: object) -> Markup:
    """Inline code in Markdown: raw <code> around Markdown-escaped text (a ` cannot end the span)."""
    return Markup("<code>") + md_text(text) + Markup("</code>")


def yaml_scalar(text: object) -> Markup:
    """A one-line double-quoted YAML scalar for a page's front matter (any character round-trips)."""
    dumped = yaml.safe_dump(str(text), allow_unicode=True, default_style='"', width=float("inf"))
    return Markup(dumped.strip())


# A spreadsheet cell starting with one of these is read as a formula (OWASP "CSV injection").
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: object) -> object:
    """A CSV cell: numbers stay numbers; text that a spreadsheet would run gets a leading '."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return value
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def csv_row(values: Iterable[object]) -> list[object]:
    return [csv_cell(v) for v in values]


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
