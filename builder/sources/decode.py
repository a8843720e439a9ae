"""Decode a plan's bytes into text: UTF-8 (with or without BOM) or GB18030; refuse the rest."""

from __future__ import annotations

from builder.errors import Problem

# Magic numbers of files an editor may drop into source_docs/ by mistake.
_BINARY_KINDS: tuple[tuple[bytes, str, str], ...] = (
    (b"%PDF", "a PDF", "name it .pdf: the archive reads PDFs"),
    (b"PK\x03\x04", "a Word (.docx) or other zip file", "if it is a Word file, name it .docx: the archive reads them"),
    (b"\xd0\xcf\x11\xe0", "an old Word (.doc) file", "name it .doc: the archive reads it through LibreOffice"),
    (b"\x89PNG", "a PNG image", "a scan cannot be read; find the plan's text or OCR it to .txt"),
    (b"\xff\xd8\xff", "a JPEG image", "a scan cannot be read; find the plan's text or OCR it to .txt"),
    (b"GIF8", "a GIF image", "a scan cannot be read; find the plan's text or OCR it to .txt"),
    (b"{\\rtf", "an RTF file", "save it as plain text (.txt, UTF-8)"),
)


def sniff(data: bytes) -> tuple[str, str] | None:
    """(what the file is, what to do) when its first bytes say it is not text."""
    return next(((kind, hint) for magic, kind, hint in _BINARY_KINDS if data.startswith(magic)), None)


def decode(data: bytes, path: str) -> tuple[str | None, list[Problem]]:
    """Return the text with LF line ends, or None and the problems that stop it."""
    if found := sniff(data):
        kind, hint = found
        return None, [Problem(path, None, f"this is {kind}, not a text file", hint)]
    if b"\x00" in data[:4096]:
        return None, [
            Problem(
                path,
                None,
                "this is a binary file, not text",
                "save the plan as plain text (.txt, UTF-8) and replace this file",
            )
        ]
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as utf8_error:
        try:
            text = data.decode("gb18030")
        except UnicodeDecodeError:
            line = data[: utf8_error.start].count(b"\n") + 1
            return None, [
                Problem(
                    path,
                    line,
                    f"bytes {data[utf8_error.start : utf8_error.start + 4]!r} are neither UTF-8 nor GB18030",
                    "re-save the file as UTF-8 (in Notepad: Save as → Encoding: UTF-8)",
                )
            ]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        return None, [Problem(path, None, "the file is empty", "paste the plan's text into it, or delete the file")]
    return text, []
