"""The archive as data: site/data/plans.json (the contract in DESIGN.md)."""

from __future__ import annotations

import json
from typing import Any

from .archive import Archive
from .model import Item, Part, Plan


def plan_url(plan: Plan) -> str:
    return f"plans/{plan.meta.id}/"


def item_json(plan: Plan, item: Item) -> dict[str, Any]:
    return {
        "number": item.number,
        "anchor": item.anchor,
        "url": f"{plan_url(plan)}#{item.anchor}",
        "title": item.title,
        "body": item.body,
        "part": item.part,
        "themes": list(item.themes),
        "targets": [{"text": t.text, "value": t.value, "unit": t.unit, "kind": t.kind} for t in item.targets],
        "marker": item.marker,
        "line": item.line,
    }


def part_json(part: Part) -> dict[str, Any]:
    return {
        "number": part.number,
        "title": part.title,
        "anchor": part.anchor,
        "parts": [part_json(child) for child in part.parts],
        "marker": part.marker,
        "intro": "\n".join(part.intro),
        "items": [item.anchor for item in part.items],
    }


def plan_json(plan: Plan) -> dict[str, Any]:
    m = plan.meta
    return {
        "id": m.id,
        "url": plan_url(plan),
        "source": m.source,
        "title": m.title,
        "issuers": list(m.issuers),
        "region": list(m.region),
        "year": m.year,
        "date": m.date,
        "doc_number": m.doc_number,
        "preamble": "\n".join(plan.preamble),
        "parts": [part_json(p) for p in plan.parts],
        "items": [item_json(plan, i) for i in plan.items],
        "unplaced": [{"line": u.line, "text": u.text, "reason": u.reason} for u in plan.unplaced],
        "level": m.level,
        "recipients": m.recipients,
        "notice": "\n".join(plan.notice),
        "closing": "\n".join(plan.closing),
        "title_note": m.title_note,
        "shape": m.shape,
    }


def plans_json(archive: Archive, themes: list[dict[str, Any]] | None = None) -> str:
    doc = {"plans": [plan_json(p) for p in archive.plans], "themes": themes or []}
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":")) + "\n"
