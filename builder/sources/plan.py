"""Pure: the bytes of a plan and its sidecar's text → a `Plan`, or the problems that stop it."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from typing import Any

from builder.errors import Problem
from builder.model import Plan, PlanMeta
from builder.sources import meta as meta_mod
from builder.sources import originals
from builder.sources.clean import clean
from builder.sources.placing import place_plan
from builder.sources.readers.base import Reader
from builder.sources.readers.html import no_plan
from builder.sources.readers.text import TextReader
from builder.sources.regions import find_region
from builder.sources.sidecar import parse_sidecar
from builder.sources.structure import parse_structure

_ATTACHMENT = re.compile(r"^附件\s*\d*\s*[：:]\s*")  # 附件：…工作要点, the plan attached to its notice


@dataclass(frozen=True)
class OriginalFile:
    """The original a plan was published as (a saved web page …), to be published beside it."""

    path: str  # as editors see it: source_docs/…
    suffix: str  # .html, .pdf …
    data: bytes


@dataclass(frozen=True)
class Loaded:
    plan: Plan | None
    problems: tuple[Problem, ...]


def parse_plan(
    data: bytes,
    rel: str,
    sidecar_text: str | None = None,
    sidecar_rel: str = "",
    reader: Reader | None = None,
    original: OriginalFile | None = None,
) -> Loaded:
    """Pure: bytes of a plan (and its sidecar's text) → a Plan, or the problems that stop it.

    `reader` reads the bytes (plain text by default); `original` is the file the plan was
    published as, when the site publishes it beside the text.
    """
    problems: list[Problem] = []
    overrides: dict[str, object] = {}
    if sidecar_text is not None:
        sidecar, sidecar_problems = parse_sidecar(sidecar_text, sidecar_rel)
        problems.extend(sidecar_problems)
        overrides = sidecar.values
    reader = reader or TextReader()
    read = reader.read(data, rel)
    if read.text is None:
        return Loaded(None, (*problems, *read.problems))
    cleaned = clean(read.text, read.web_page, read.lines, read.tables)
    structure, warnings = parse_structure(cleaned.lines, rel)
    problems.extend(warnings)
    fields = {**dict(cleaned.web), **dict(read.fields)}  # what the file says about itself
    if not structure.parts and not structure.loose_items and reader.kind == "html":
        problems.append(no_plan(rel, fields.get("标题", "")))
        return Loaded(None, tuple(problems))
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
    web = fields
    title_text = _ATTACHMENT.sub("", structure.title.text) if structure.title else None
    # A sidecar's title is read like a printed one (its year, its issuers) when the text has none.
    inferred = meta_mod.infer(structure.notice, str(overrides.get("title") or title_text or "") or None, web)
    # The sidecar wins over what the parser inferred (values already validated by sidecar.py).
    title = str(overrides.get("title") or inferred.title or "")
    issuers: tuple[str, ...] = tuple(overrides.get("issuers") or inferred.issuers)  # type: ignore[arg-type]
    year = overrides.get("year") or inferred.year
    first_line = structure.title.lineno if structure.title else 1
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
    found = None if "region" in overrides else find_region((*issuers, web.get("发布单位", ""), title))
    placed = place_plan(overrides, issuers, found, year, rel, sidecar_rel, first_line, title)
    problems.extend(placed.problems)
    if not title:
        title = f"{issuers[0] if issuers else ''}{year}年工作要点"
    plan_meta = PlanMeta(
        id=placed.id,
        title=title,
        issuers=issuers,
        region=placed.region,
        level=placed.level,
        year=year,
        date=str(overrides.get("date") or inferred.date or "") or None,
        doc_number=str(overrides.get("doc_number") or inferred.doc_number or "") or None,
        recipients=inferred.recipients,
        source=rel,
        shape=cleaned.shape,
        title_note=structure.title_note,
        web=tuple(fields.items()),
        digest=hashlib.sha256(data + b"\0" + (sidecar_text or "").encode()).hexdigest(),
        source_url=str(overrides.get("source_url") or fields.get("网址") or "") or None,
        issuer_slug=placed.issuer_slug,
        series=str(overrides.get("series") or "") or None,
        **_original_fields(original),
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
        structure.annex,
    )
    return Loaded(plan, tuple(problems))


def _original_fields(original: OriginalFile | None) -> dict[str, Any]:
    if original is None:
        return {}
    published = originals.published(original.data, original.suffix, original.path)
    return {
        "original": original.path,
        "original_kind": published.kind,
        "original_size": len(published.data),
        "original_digest": hashlib.sha256(original.data).hexdigest(),
    }
