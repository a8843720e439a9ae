"""The archive as data: data/plans.json (the contract in the README), data/items.csv, data/targets.csv.

CSV files are UTF-8 with a BOM (so spreadsheet programs detect the encoding), and every cell goes
through escape.csv_cell: text a spreadsheet would run as a formula gets a leading '.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from builder import config
from builder.archive import Archive
from builder.model import Item, Part, Plan, PlanMeta, Target
from builder.render.escape import csv_row


def plan_url(plan: Plan) -> str:
    return f"plans/{plan.meta.id}/"


def original_url(meta: PlanMeta) -> str | None:
    """Where the site publishes a plan's original (relative to the site root), if it has one."""
    if not meta.original:
        return None
    suffix = ".html" if meta.original_kind == "html" else "." + meta.original.rsplit(".", 1)[-1].lower()
    return f"plans/{meta.id}/{meta.id}{suffix}"


def item_json(plan: Plan, item: Item) -> dict[str, Any]:
    """An item; `body` is the whole rest of it, sub-items included, which `items` also lists."""
    return {
        **_numbered(plan, item),
        "part": item.part,
        "themes": list(item.theme_slugs),
        "targets": [{"text": t.text, "value": t.value, "unit": t.unit, "kind": t.kind} for t in item.targets],
        "marker": item.marker,
        "line": item.line,
        "items": [subitem_json(plan, sub) for sub in item.items],
        # the same commitment in the issuer's plans of other years (builder/enrich/year_over_year.py)
        "counterparts": [
            {"plan": c.plan_id, "anchor": c.anchor, "relation": c.relation, "score": c.score} for c in item.counterparts
        ],
        "status": item.status or None,  # new / continued / first, against the previous plan
    }


def subitem_json(plan: Plan, sub: Item) -> dict[str, Any]:
    return {**_numbered(plan, sub), "marker": sub.marker, "line": sub.line}


def _numbered(plan: Plan, item: Item) -> dict[str, Any]:
    """What an item and a sub-item both carry: where it is and what it says."""
    return {
        "number": item.number,
        "anchor": item.anchor,
        "url": f"{plan_url(plan)}#{item.anchor}",
        "title": item.title,
        "body": item.body,
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
        "listed_under": list(m.listing),
        "recipients": m.recipients,
        "notice": "\n".join(plan.notice),
        "closing": "\n".join(plan.closing),
        "annex": "\n".join(plan.annex),
        "title_note": m.title_note,
        "shape": m.shape,
        "source_url": m.source_url,
        "original": original_url(m),
        "previous": plan.previous,  # the same issuer's previous plan, or null
        "dropped": list(plan.dropped),  # the previous plan's items with no counterpart in this one
    }


def plans_json(archive: Archive, themes: list[dict[str, Any]] | None = None) -> str:
    doc = {"plans": [plan_json(p) for p in archive.plans], "themes": themes or []}
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":")) + "\n"


def themes_json(archive: Archive) -> list[dict[str, Any]]:
    """The `themes` list of data/plans.json: slug, name, url, plus the words search can use."""
    counts: dict[str, int] = {}
    for plan in archive.plans:
        for item in plan.items:
            for slug in item.theme_slugs:
                counts[slug] = counts.get(slug, 0) + 1
    return [
        {
            "slug": t.slug,
            "name": t.name,
            "url": t.url,
            "description": t.description,
            "synonyms": list(t.synonyms),
            "keywords": list(t.keywords),
            "items": counts.get(t.slug, 0),
        }
        for t in archive.themes
    ]


CSV_COLUMNS = ("plan_id", "year", "region", "issuers", "plan_title", "number", "title", "body", "url", "themes")


def absolute(site_url: str, path: str) -> str:
    return (site_url.rstrip("/") + "/" + path) if site_url else path


def items_csv(archive: Archive, site_url: str = "") -> bytes:
    """One row per item, UTF-8 with a BOM so spreadsheet programs detect the encoding.

    A text cell that a spreadsheet would run as a formula gets a leading ' (escape.csv_cell).
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for plan in archive.plans:
        m = plan.meta
        for item in plan.items:
            writer.writerow(
                csv_row(
                    (
                        m.id,
                        m.year,
                        "/".join(m.region),
                        "、".join(m.issuers),
                        m.title,
                        item.number,
                        item.title,
                        item.body,
                        absolute(site_url, f"{plan_url(plan)}#{item.anchor}"),
                        ";".join(item.theme_slugs),
                    )
                )
            )
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def targets_rows(archive: Archive) -> list[tuple[Plan, Item, Target]]:
    return [(p, i, t) for p in archive.plans for i in p.items for t in i.targets]


def targets_csv(archive: Archive) -> bytes:
    """data/targets.csv: every quantified target, UTF-8 with a BOM so spreadsheet programs read it."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(
        [
            "plan_id",
            "year",
            "region",
            "item_number",
            "item_anchor",
            "url",
            "item_title",
            "text",
            "value",
            "unit",
            "kind",
            "themes",
        ]
    )
    for plan, item, target in targets_rows(archive):
        writer.writerow(
            csv_row(
                [
                    plan.meta.id,
                    plan.meta.year,
                    " ".join(plan.meta.region),
                    item.number,
                    item.anchor,
                    f"plans/{plan.meta.id}/#{item.anchor}",
                    item.title,
                    target.text,
                    int(target.value) if target.value == int(target.value) else target.value,
                    target.unit,
                    target.kind,
                    " ".join(item.theme_slugs),
                ]
            )
        )
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def data_files(archive: Archive) -> dict[str, str | bytes]:
    """Everything under data/: the archive as JSON and as two spreadsheets, and a file per series
    of plans for the comparison pages' picker."""
    site_url = config.site_url()
    return {
        "data/plans.json": plans_json(archive, themes_json(archive)),
        "data/items.csv": items_csv(archive, site_url),
        "data/targets.csv": targets_csv(archive),
        **series_files(archive),
    }


def series_path(archive: Archive, plan: Plan) -> str:
    """data/series/<slug>.json: the series' file, named by where its plans are listed."""
    return f"data/series/{archive.region_slug(plan.meta.listing)}.json"


def series_files(archive: Archive) -> dict[str, str | bytes]:
    """data/series/<slug>.json for each series of two plans or more: its plans (oldest first) with
    their items' numbers and titles, and the aligned items of any two of them
    (builder/enrich/year_over_year.py), so a visitor can set any two years side by side."""
    by_id = {plan.meta.id: plan for plan in archive.plans}
    pairs: dict[str, list[tuple[str, str, tuple[Any, ...]]]] = {}
    for (earlier, later), links in archive.alignments:
        pairs.setdefault(series_path(archive, by_id[later]), []).append((earlier, later, links))
    files: dict[str, str | bytes] = {}
    for path, found in pairs.items():
        ids = sorted({i for pair in found for i in pair[:2]}, key=lambda i: (by_id[i].meta.year, i))
        plans = [
            {
                "id": i,
                "year": by_id[i].meta.year,
                "title": by_id[i].meta.title,
                "url": plan_url(by_id[i]),
                "items": [{"anchor": it.anchor, "number": it.number, "title": it.title} for it in by_id[i].items],
            }
            for i in ids
        ]
        aligned = [
            {
                "earlier": earlier,
                "later": later,
                "links": [
                    {"earlier": k.earlier, "later": k.later, "relation": k.relation, "score": k.score} for k in links
                ],
            }
            for earlier, later, links in found
        ]
        files[path] = json.dumps({"plans": plans, "pairs": aligned}, ensure_ascii=False, separators=(",", ":"))
    return files
