"""Old Word (.doc) and WPS files, turned into .docx by LibreOffice so the .docx reader reads them.

One `soffice --headless --convert-to docx` run converts every file that needs it (LibreOffice takes
seconds to start, not to convert), with a profile folder of its own, so that neither a desktop
LibreOffice the editor has open nor a half-written profile gets in the way.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from builder.errors import Problem
from builder.sources.readers.base import Read
from builder.sources.readers.docx import DocxReader

LEGACY_SUFFIXES = (".doc", ".wps")
PACKAGE = "libreoffice-writer-nogui"  # the Debian package with a headless Writer
TIMEOUT = 300  # seconds for one batch


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert_all(files: dict[Path, bytes]) -> dict[Path, bytes | None]:
    """Each file's .docx bytes (None where LibreOffice could not convert it); LibreOffice must exist."""
    program = soffice()
    if not files or program is None:
        return {path: None for path in files}
    out: dict[Path, bytes | None] = {}
    with tempfile.TemporaryDirectory(prefix="plans-convert-") as scratch:
        folder = Path(scratch)
        inputs = folder / "in"
        inputs.mkdir()
        names: dict[Path, Path] = {}
        for index, (path, data) in enumerate(files.items()):  # names of our own: no odd characters
            names[path] = inputs / f"{index}{path.suffix.lower()}"
            names[path].write_bytes(data)
        command = [
            program,
            f"-env:UserInstallation={(folder / 'profile').as_uri()}",
            "--headless",
            "--norestore",
            "--nolockcheck",
            "--convert-to",
            "docx:MS Word 2007 XML",
            "--outdir",
            str(folder / "out"),
            *map(str, names.values()),
        ]
        # On a timeout, whatever was converted is used; the rest is reported as not converted.
        with contextlib.suppress(subprocess.TimeoutExpired):
            environment = {**os.environ, "HOME": scratch}
            subprocess.run(command, capture_output=True, timeout=TIMEOUT, check=False, env=environment)
        for path, name in names.items():
            converted = folder / "out" / f"{name.stem}.docx"
            out[path] = converted.read_bytes() if converted.exists() else None
    return out


def missing_libreoffice(rel: str) -> Problem:
    suffix = Path(rel).suffix.lower()
    return Problem(
        rel,
        None,
        f"reading a {suffix} file needs LibreOffice, which is not installed",
        f"install it (Debian: apt-get install {PACKAGE}), or save the file as .docx in Word or WPS",
    )


def cannot_convert(rel: str) -> Problem:
    return Problem(
        rel,
        None,
        "LibreOffice could not read this file (it may be damaged, or protected by a password)",
        f"open it in Word or WPS and save it as .docx, or put its text beside it as {Path(rel).stem}.txt",
    )


class LegacyWordReader:
    """A .doc or .wps on its own (tests, `check` of one file): converted alone, then read as .docx.

    A build converts all of them in one batch first (discover.convert_legacy) and reads each
    through ConvertedReader instead.
    """

    kind: ClassVar[str] = "doc"
    label: ClassVar[str] = "Word 文档"
    suffixes: ClassVar[tuple[str, ...]] = LEGACY_SUFFIXES

    def read(self, data: bytes, path: str) -> Read:
        if soffice() is None:
            return Read(None, problems=(missing_libreoffice(path),))
        docx = convert_all({Path(path): data})[Path(path)]
        return ConvertedReader(docx).read(data, path) if docx else Read(None, problems=(cannot_convert(path),))


@dataclass(frozen=True)
class ConvertedReader:
    """Reads the .docx LibreOffice made of a .doc or .wps (the original's bytes stay its own)."""

    docx: bytes
    kind: ClassVar[str] = "doc"
    label: ClassVar[str] = "Word 文档"
    suffixes: ClassVar[tuple[str, ...]] = LEGACY_SUFFIXES

    def read(self, data: bytes, path: str) -> Read:
        return DocxReader().read(self.docx, path)
