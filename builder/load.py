"""Read one plan (text + optional sidecar) from disk into a `Plan`: the reading edge of the pipeline."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from . import meta as meta_mod
from .clean import clean
from .errors import Problem
from .model import Plan, PlanMeta
from .parse import parse_structure
from .read import decode
from .sidecar import parse_sidecar

PLAN_SUFFIXES = (".txt", ".text", ".md")


@dataclass(frozen=True)
class Loaded:
    plan: Plan | None
    problems: tuple[Problem, ...]


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


def parse_plan(data: bytes, rel: str, sidecar_text: str | None = None, sidecar_rel: str = "") -> Loaded:
    """Pure: bytes of a plan (and its sidecar's text) → a Plan, or the problems that stop it."""
    problems: list[Problem] = []
    overrides: dict[str, object] = {}
    if sidecar_text is not None:
        sidecar, sidecar_problems = parse_sidecar(sidecar_text, sidecar_rel)
        problems.extend(sidecar_problems)
        overrides = sidecar.values
    text, read_problems = decode(data, rel)
    if text is None:
        return Loaded(None, tuple(problems + read_problems))
    cleaned = clean(text)
    structure, warnings = parse_structure(cleaned.lines, rel)
    problems.extend(warnings)
    if not structure.parts and not structure.loose_items:
        problems.append(
            Problem(
                rel,
                None,
                "no part (一、 or （一）) or numbered item (1. 1、 （1）) was found",
                "check that this is a work plan and that its headings keep their numbers",
            )
        )
        return Loaded(None, tuple(problems))
    web = dict(cleaned.web)
    title_text = structure.title.text if structure.title else None
    inferred = meta_mod.infer(structure.notice, title_text, web, find_region="region" not in overrides)
    # The sidecar wins over what the parser inferred (values already validated by sidecar.py).
    title = str(overrides.get("title") or inferred.title or "")
    issuers: tuple[str, ...] = tuple(overrides.get("issuers") or inferred.issuers)  # type: ignore[arg-type]
    region: tuple[str, ...] = tuple(overrides.get("region") or inferred.region)  # type: ignore[arg-type]
    year = overrides.get("year") or inferred.year
    first_line = structure.title.lineno if structure.title else 1
    if not region:
        problems.append(
            Problem(
                rel,
                first_line,
                "cannot tell which region issued this plan",
                "add `region: [省, 市, 区]` to the sidecar " + (sidecar_rel or rel.rsplit(".", 1)[0] + ".yml"),
            )
        )
    if not year:
        problems.append(
            Problem(
                rel,
                first_line,
                "cannot tell the plan's year",
                "add `year: 2020` to the sidecar " + (sidecar_rel or rel.rsplit(".", 1)[0] + ".yml"),
            )
        )
    if any(p.severity == "error" for p in problems):
        return Loaded(None, tuple(problems))
    assert isinstance(year, int)
    region_t = region
    if not title:
        title = f"{issuers[0] if issuers else ''}{year}年工作要点"
    plan_id = str(overrides.get("id") or f"{year}-{meta_mod.slug(region_t)}")
    plan_meta = PlanMeta(
        id=plan_id,
        title=title,
        issuers=issuers,
        region=region_t,
        level=meta_mod.level_of(region_t),
        year=year,
        date=str(overrides.get("date") or inferred.date or "") or None,
        doc_number=str(overrides.get("doc_number") or inferred.doc_number or "") or None,
        recipients=inferred.recipients,
        source=rel,
        shape=cleaned.shape,
        title_note=structure.title_note,
        web=cleaned.web,
        digest=hashlib.sha256(data + b"\0" + (sidecar_text or "").encode()).hexdigest(),
    )
    plan = Plan(
        plan_meta,
        tuple(x.text for x in structure.notice),
        structure.preamble,
        structure.preamble_anchor,
        structure.parts,
        structure.closing,
        structure.unplaced,
        structure.loose_items,
    )
    return Loaded(plan, tuple(problems))
