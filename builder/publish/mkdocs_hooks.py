"""mkdocs hook: every content table arrives wrapped and classed, so material's script leaves it be.

Material's bundle wraps each `table:not([class])` in scroll containers after the page loads, moving
the table in the document: on a 1,000-row home table that costs the phone 2 s of style and layout
(Lighthouse, 4× CPU throttling: 3.1 s of blocking time, 1.0 s without). Wrapping at build time
gives the same markup at no cost in the browser; archive.css styles `table.data` as material styles
bare tables.
"""

from __future__ import annotations

import re
from typing import Any

_BARE_TABLE = re.compile(r"<table>(.*?)</table>", re.DOTALL)
_WRAPPED = (
    r'<div class="md-typeset__scrollwrap"><div class="md-typeset__table">'
    r'<table class="data">\1</table></div></div>'
)


def wrap_tables(html: str) -> str:
    """Bare <table>s (Markdown tables, our raw HTML ones) → classed and in material's wrappers."""
    return _BARE_TABLE.sub(_WRAPPED, html)


def on_page_content(html: str, **kwargs: Any) -> str:
    return wrap_tables(html)
