"""The reading edge of the pipeline: which files make which plan, and their bytes.

A plan is the files of one stem in source_docs/: its text (`<stem>.txt`) or an original a reader
understands (`<stem>.html`), an optional original published beside a hand-made text
(`<stem>.txt` + `<stem>.html`, `.pdf`, `.docx` …), and an optional sidecar (`<stem>.yml`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from builder.errors import InputError, Problem
from builder.incremental.cache import PickleCache
from builder.sources.decode import sniff
from builder.sources.originals import KINDS as ORIGINAL_KINDS
from builder.sources.plan import Loaded, OriginalFile, parse_plan
from builder.sources.readers import READERS, TEXT_SUFFIXES, reader_for
from builder.sources.readers.base import Reader
from builder.sources.readers.legacy import LEGACY_SUFFIXES, ConvertedReader, cannot_convert, convert_all, soffice

SIDECAR_SUFFIXES = (".yml", ".yaml")
_NOT_DOCUMENTS = {  # files that sit beside plans in a bureau's downloads but are not plans
    ".xlsx": "an Excel workbook",
    ".xls": "an Excel workbook",
    ".et": "a WPS spreadsheet",
    ".csv": "a table of data (CSV)",
    ".pptx": "a PowerPoint presentation",
    ".ppt": "a PowerPoint presentation",
    ".dps": "a WPS presentation",
    ".zip": "a zip archive",
    ".rar": "a RAR archive",
    ".7z": "a 7z archive",
}
READABLE = ", ".join(suffix for reader in READERS for suffix in reader.suffixes)


@dataclass(frozen=True)
class Source:
    """One plan's files: where its text is read from, and the original published beside it."""

    text: Path
    original: Path | None = None

    @property
    def sidecar(self) -> Path:
        return self.text.with_suffix(".yml")


@dataclass(frozen=True)
class PlanFiles:
    """The bytes of a plan's files, as read from disk."""

    source: Source
    data: bytes
    sidecar: bytes | None
    original: bytes | None

    @classmethod
    def read(cls, source: Source) -> PlanFiles:
        sidecar = source.sidecar
        original = None
        if source.original is not None and source.original != source.text:
            original = source.original.read_bytes()
        return cls(source, source.text.read_bytes(), sidecar.read_bytes() if sidecar.exists() else None, original)

    def cache_parts(self) -> tuple[bytes, ...]:
        none = b"\0none"
        return (self.data, self.sidecar if self.sidecar is not None else none, self.original or none)


def load_plan(path: Path, root: Path) -> Loaded:
    """Read, clean and parse the plan whose text is at `path` (tests and tools)."""
    return parse_files(PlanFiles.read(Source(path, path if path.suffix.lower() in ORIGINAL_KINDS else None)), root)


def parse_files(files: PlanFiles, root: Path, converted: Mapping[Path, bytes | None] | None = None) -> Loaded:
    """Parse what PlanFiles.read found (the sidecar must be UTF-8); `converted` holds the .docx
    LibreOffice made of .doc and .wps files (convert_legacy)."""
    source = files.source
    sidecar_text = None
    if files.sidecar is not None:
        try:
            sidecar_text = files.sidecar.decode("utf-8-sig")
        except UnicodeDecodeError:
            problem = Problem(
                relative(source.sidecar, root), None, "the sidecar is not UTF-8 text", "re-save it as UTF-8"
            )
            return Loaded(None, (problem,))
    reader: Reader | None = reader_for(source.text.suffix)
    assert reader is not None, source.text  # find_sources only lists files a reader reads
    if converted is not None and source.text in converted:
        docx = converted[source.text]
        if docx is None:
            return Loaded(None, (cannot_convert(relative(source.text, root)),))
        reader = ConvertedReader(docx)
    original = None
    if source.original is not None:
        data = files.data if source.original == source.text else files.original
        assert data is not None
        original = OriginalFile(relative(source.original, root), source.original.suffix.lower(), data)
    return parse_plan(
        files.data, relative(source.text, root), sidecar_text, relative(source.sidecar, root), reader, original
    )


def relative(path: Path, root: Path) -> str:
    """A path as editors see it: relative to the project when inside it."""
    return path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)


def find_sources(sources: Path) -> tuple[list[Source], list[Problem]]:
    """Every plan in the folder, and every problem with its files (all of them, at once)."""
    if not sources.is_dir():
        raise InputError(
            [
                Problem(
                    str(sources),
                    None,
                    "the folder of plans does not exist",
                    "create source_docs/ and put one plan per file in it (.txt, a saved web page, Word or PDF)",
                )
            ]
        )
    by_stem: dict[str, list[Path]] = defaultdict(list)
    sidecars: list[Path] = []
    for path in sorted(sources.iterdir()):
        if not path.is_file() or path.name.startswith((".", "_")):
            continue
        (sidecars if path.suffix.lower() in SIDECAR_SUFFIXES else by_stem[path.stem]).append(path)
    found: list[Source] = []
    problems: list[Problem] = []
    rel = lambda p: p.relative_to(sources.parent).as_posix()  # noqa: E731
    for _, files in sorted(by_stem.items()):
        texts = [p for p in files if p.suffix.lower() in TEXT_SUFFIXES]
        originals = [p for p in files if p.suffix.lower() in ORIGINAL_KINDS]
        for other in sorted(set(files) - set(texts) - set(originals)):
            problems.append(_unreadable(other, rel(other)))
        if len(texts) > 1 or len(originals) > 1:
            same = texts if len(texts) > 1 else originals
            problems.append(
                Problem(
                    rel(same[1]),
                    None,
                    f"{' and '.join(p.name for p in same)} are two {'texts' if same is texts else 'originals'} "
                    "of one plan",
                    "keep one of them, or rename one if they are two plans",
                )
            )
            continue
        original = originals[0] if originals else None
        if texts:
            found.append(Source(texts[0], original))
        elif original is not None and reader_for(original.suffix):
            found.append(Source(original, original))
        elif original is not None:
            problems.append(_unreadable(original, rel(original)))
    plans_stems = {s.text.stem for s in found}  # an original always shares its text's stem
    for sidecar in sidecars:
        if sidecar.suffix.lower() != ".yml":
            problems.append(Problem(rel(sidecar), None, "a sidecar must end in .yml", f"rename it {sidecar.stem}.yml"))
            continue
        if sidecar.stem not in plans_stems and sidecar.stem in by_stem:
            continue  # its plan has a problem of its own, reported above
        if sidecar.stem not in plans_stems:
            problems.append(
                Problem(
                    rel(sidecar),
                    None,
                    "a sidecar without a plan",
                    f"name it after its plan (e.g. {sidecar.stem}.txt beside {sidecar.name}) or delete it",
                )
            )
    return found, problems


def _unreadable(path: Path, rel: str) -> Problem:
    """A file no reader reads: say what it is and how to bring its text in."""
    try:
        with path.open("rb") as handle:
            sniffed = sniff(handle.read(16))
    except OSError:
        sniffed = None
    beside = f"{path.stem}.txt"
    if path.suffix.lower() in ORIGINAL_KINDS:
        what = f"this is {sniffed[0] if sniffed else 'a ' + path.suffix.lstrip('.').upper() + ' file'}"
        return Problem(
            rel,
            None,
            f"{what}, which the archive cannot read yet",
            f"put its text beside it as {beside} (it is then published as the plan's original)",
        )
    if path.suffix.lower() in _NOT_DOCUMENTS:
        what = _NOT_DOCUMENTS[path.suffix.lower()]
        return Problem(
            rel,
            None,
            f"this is {what}, not a plan",
            f"find the plan's own file (Word, PDF, web page) or save its text as {beside}",
        )
    if sniffed:
        return Problem(rel, None, f"this is {sniffed[0]}, not a plan the archive can read", sniffed[1])
    return Problem(
        rel,
        None,
        f"the archive has no reader for {path.suffix or 'files without a suffix'}",
        f"save the plan as one of {READABLE} (or put its text beside it as {beside})",
    )


def load_cached(
    source: Source, root: Path, cache: PickleCache, converted: Mapping[Path, bytes | None] | None = None
) -> Loaded:
    """Read one plan's files; parse them unless the same bytes were parsed before."""
    files = PlanFiles.read(source)
    key = cache.key(relative(source.text, root), *files.cache_parts())
    cached = cache.get(key)
    if isinstance(cached, Loaded):
        return cached
    loaded = parse_files(files, root, converted)
    if loaded.plan is not None or source.text.suffix.lower() not in LEGACY_SUFFIXES:
        cache.put(key, loaded)  # a .doc that failed to convert is tried again (LibreOffice installed since?)
    return loaded


def convert_legacy(sources: list[Source], root: Path, cache: PickleCache) -> dict[Path, bytes | None]:
    """The .doc and .wps files whose parse is not cached, converted to .docx in one LibreOffice run."""
    todo: dict[Path, bytes] = {}
    for source in sources:
        if source.text.suffix.lower() not in LEGACY_SUFFIXES:
            continue
        try:
            files = PlanFiles.read(source)
        except OSError:
            continue  # reported when the plan is read
        if not isinstance(cache.get(cache.key(relative(source.text, root), *files.cache_parts())), Loaded):
            todo[source.text] = files.data
    return convert_all(todo) if todo and soffice() is not None else {}
