"""The reading edge of the pipeline: which files are plans, and their bytes and sidecars' bytes."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from builder.errors import InputError, Problem
from builder.incremental.cache import PickleCache
from builder.sources.plan import Loaded, parse_plan

PLAN_SUFFIXES = (".txt", ".text", ".md")


@dataclass(frozen=True)
class PlanFiles:
    """The bytes of a plan and of its sidecar (empty when there is none), as read from disk."""

    path: Path
    data: bytes
    sidecar: bytes | None

    @classmethod
    def read(cls, path: Path) -> PlanFiles:
        sidecar = path.with_suffix(".yml")
        return cls(path, path.read_bytes(), sidecar.read_bytes() if sidecar.exists() else None)


def load_plan(path: Path, root: Path) -> Loaded:
    """Read, clean and parse one plan; never raises for bad input, returns problems instead."""
    return parse_files(PlanFiles.read(path), root)


def parse_files(files: PlanFiles, root: Path) -> Loaded:
    """Parse what PlanFiles.read found (the sidecar must be UTF-8)."""
    sidecar_path = files.path.with_suffix(".yml")
    sidecar_text = None
    if files.sidecar is not None:
        try:
            sidecar_text = files.sidecar.decode("utf-8-sig")
        except UnicodeDecodeError:
            problem = Problem(
                relative(sidecar_path, root), None, "the sidecar is not UTF-8 text", "re-save it as UTF-8"
            )
            return Loaded(None, (problem,))
    return parse_plan(files.data, relative(files.path, root), sidecar_text, relative(sidecar_path, root))


def relative(path: Path, root: Path) -> str:
    """A path as editors see it: relative to the project when inside it."""
    return path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)


def orphan_sidecars(sources: Path) -> list[Problem]:
    """Sidecars with no plan beside them: reported with every other problem."""
    return [
        Problem(
            p.relative_to(sources.parent).as_posix(),
            None,
            "a sidecar without a plan",
            f"name it after its plan (e.g. {p.stem}.txt beside {p.name}) or delete it",
        )
        for p in sorted(sources.glob("*.yml"))
        if not p.name.startswith("_") and not any(p.with_suffix(s).exists() for s in PLAN_SUFFIXES)
    ]


def source_files(sources: Path) -> list[Path]:
    if not sources.is_dir():
        raise InputError(
            [
                Problem(
                    str(sources),
                    None,
                    "the folder of plans does not exist",
                    "create source_docs/ and put one plan per .txt file in it",
                )
            ]
        )
    files = sorted(
        p
        for p in sources.iterdir()
        if p.is_file() and not p.name.startswith((".", "_")) and p.suffix.lower() not in (".yml", ".yaml")
    )
    return files


def load_cached(path: Path, root: Path, cache: PickleCache) -> Loaded:
    """Read one plan and its sidecar; parse them unless the same bytes were parsed before."""
    files = PlanFiles.read(path)
    key = cache.key(relative(path, root), files.data, files.sidecar if files.sidecar is not None else b"\0none")
    cached = cache.get(key)
    if isinstance(cached, Loaded):
        return cached
    loaded = parse_files(files, root)
    cache.put(key, loaded)
    return loaded
