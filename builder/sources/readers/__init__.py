"""Readers, one per kind of input file: bytes → the plan's text plus what the file says about itself.

Like Pelican's readers, each declares the file suffixes it reads. `reader_for` picks one by suffix;
a file kind with no reader is refused with one clear message (see sources/discover.py).
"""

from __future__ import annotations

from builder.sources.readers.base import Read, Reader
from builder.sources.readers.docx import DocxReader
from builder.sources.readers.html import HtmlReader
from builder.sources.readers.legacy import LegacyWordReader
from builder.sources.readers.pdf import PdfReader
from builder.sources.readers.text import TextReader

READERS: tuple[Reader, ...] = (TextReader(), HtmlReader(), DocxReader(), PdfReader(), LegacyWordReader())
TEXT_SUFFIXES = TextReader.suffixes
ORIGINAL_SUFFIXES = tuple(s for r in READERS if r.kind != "text" for s in r.suffixes)  # kept and published


def reader_for(suffix: str) -> Reader | None:
    suffix = suffix.lower()
    return next((r for r in READERS if suffix in r.suffixes), None)


__all__ = ["ORIGINAL_SUFFIXES", "READERS", "TEXT_SUFFIXES", "Read", "Reader", "reader_for"]
