"""Plain text: UTF-8 (with or without BOM) or GB18030, LF or CRLF."""

from __future__ import annotations

from typing import ClassVar

from builder.sources.decode import decode
from builder.sources.readers.base import Read


class TextReader:
    kind: ClassVar[str] = "text"
    label: ClassVar[str] = "文本"
    suffixes: ClassVar[tuple[str, ...]] = (".txt", ".text", ".md")

    def read(self, data: bytes, path: str) -> Read:
        text, problems = decode(data, path)
        return Read(text, problems=tuple(problems))
