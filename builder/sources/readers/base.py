"""What every reader returns, and what a reader is."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar, Protocol

from builder.errors import Problem


@dataclass(frozen=True)
class Read:
    """A file as the parser needs it: text with one paragraph (or source line) per line."""

    text: str | None  # None when the file cannot be read; `problems` says why
    fields: tuple[tuple[str, str], ...] = ()  # metadata the file carries: 标题, 发布单位, 成文日期, 文号 …
    web_page: bool = False  # the text is a web page's body: cleaning drops page chrome wherever it is
    lines: tuple[int, ...] | None = None  # the file's line of each text line, where they differ
    problems: tuple[Problem, ...] = ()
    tables: tuple[int, ...] = ()  # text lines that come from a table's cells: never a heading or an item


class Reader(Protocol):
    kind: ClassVar[str]  # "text", "html": the original's kind in plans.json and on the page
    label: ClassVar[str]  # how the plan page names the original, e.g. 网页
    suffixes: ClassVar[tuple[str, ...]]

    def read(self, data: bytes, path: str) -> Read: ...
