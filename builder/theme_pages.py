"""Theme pages, the themes index (a theme × plan heatmap) and the themes part of the archive's data."""

from __future__ import annotations

import csv
import io
from collections import Counter
from dataclasses import dataclass
from typing import Any

import jinja2

from . import heatmap
from .archive import Archive
from .escape import csv_row
from .incremental import Pages, page_key
from .model import Item, Plan, Target
from .themes import ABOUT


@dataclass(frozen=True)
class Entry:
    """One item on a theme page: where it is, how strongly it is on the theme, and why."""

    plan: Plan
    item: Item
    strength: str
    sentence: str


@dataclass(frozen=True)
class PlanGroup:
    plan: Plan
    entries: tuple[Entry, ...]


def entries(archive: Archive) -> dict[str, list[Entry]]:
    """Per theme slug, every item carrying the theme, newest plan first, in item order."""
    found: dict[str, list[Entry]] = {t.slug: [] for t in archive.themes}
    for plan in archive.plans_newest_first():
        for item in plan.items:
            for slug in item.themes:
                m = archive.match(plan.meta.id, item.anchor, slug)
                found.setdefault(slug, []).append(
                    Entry(plan, item, m.strength if m else ABOUT, m.sentence if m else item.title)
                )
    return found


def timeline(found: list[Entry]) -> list[tuple[int, list[PlanGroup]]]:
    """Entries grouped by year (newest first), then by plan (bureau)."""
    years: dict[int, dict[str, list[Entry]]] = {}
    for e in found:
        years.setdefault(e.plan.meta.year, {}).setdefault(e.plan.meta.id, []).append(e)
    return [
        (year, [PlanGroup(group[0].plan, tuple(group)) for group in by_plan.values()])
        for year, by_plan in sorted(years.items(), reverse=True)
    ]


def shown_of_plan(plan: Plan) -> list[Any]:
    """What theme, region and year pages show of a plan (part of their reuse keys)."""
    m = plan.meta
    return [m.id, m.title, m.year, list(m.region), list(m.issuers), len(plan.items)]


def theme_shown(theme: Any) -> list[Any]:
    return [theme.slug, theme.name, theme.description, list(theme.synonyms), list(theme.keywords)]


def theme_page_key(theme: Any, found: list[Entry]) -> str:
    """A digest of what a theme's year page shows, exactly: editing a plan re-renders a page only
    when something the page shows of that plan changed."""
    plans = {e.plan.meta.id: shown_of_plan(e.plan) for e in found}
    shown = [
        theme_shown(theme),
        plans,
        [
            [
                e.plan.meta.id,
                e.item.number,
                e.item.anchor,
                e.item.title,
                [[t.text, t.value, t.unit, t.kind] for t in e.item.targets],
                e.strength,
                e.sentence,
            ]
            for e in found
        ],
    ]
    return page_key(shown)


def theme_pages(
    archive: Archive, env: jinja2.Environment, out: Pages, counted: dict[tuple[str, str], Counter[str]]
) -> None:
    """Add the pages under themes/ to `out` (reusing unchanged ones, see render.plan_pages).

    `counted` is heatmap.strengths(archive), which the year pages need too.
    """
    found_by_slug = entries(archive)
    out.pages["themes/index.md"] = env.get_template("themes_index.md.j2").render(  # the nav links to it
        map=heatmap.by_year(archive, counted),
        rows=[(theme, len(found_by_slug[theme.slug])) for theme in archive.themes],
    )
    overview, by_year = env.get_template("theme.md.j2"), env.get_template("theme_year.md.j2")
    for theme in archive.themes:
        found = found_by_slug[theme.slug]
        years = timeline(found)
        summary = [YearSummary.of(year, groups) for year, groups in years]
        path = f"themes/{theme.slug}.md"
        if not out.reused(path, page_key([theme_shown(theme), [vars(y) for y in summary]])):
            out.pages[path] = overview.render(
                theme=theme,
                years=summary,
                count=len(found),
                about=sum(e.strength == ABOUT for e in found),
                plan_count=len({e.plan.meta.id for e in found}),
            )
        for year, groups in years:
            shown = [e for g in groups for e in g.entries]
            path = f"themes/{theme.slug}/{year}.md"
            if not out.reused(path, theme_page_key(theme, shown)):
                out.pages[path] = by_year.render(
                    theme=theme,
                    year=year,
                    groups=groups,
                    count=len(shown),
                    about=sum(e.strength == ABOUT for e in shown),
                    targets=[(e, t) for e in shown for t in e.item.targets],
                )


@dataclass(frozen=True)
class YearSummary:
    """One row of a theme's overview: a year, its items on the theme and the plans they are in."""

    year: int
    count: int
    about: int
    plans: int

    @classmethod
    def of(cls, year: int, groups: list[PlanGroup]) -> YearSummary:
        entries = [e for g in groups for e in g.entries]
        return cls(year, len(entries), sum(e.strength == ABOUT for e in entries), len(groups))


def template_globals(archive: Archive) -> dict[str, Any]:
    """What the item macro needs from the whole archive: theme names and related items' titles."""
    refs = {ref for p in archive.plans for i in p.items for ref in i.related}
    related = {}
    for ref in refs:
        found = archive.item(ref)
        if found:
            plan, item = found
            related[ref] = {
                "plan_id": plan.meta.id,
                "anchor": item.anchor,
                "title": item.title,
                "plan_title": plan.meta.title,
                "year": plan.meta.year,
                "number": item.number,
            }
    strengths = {f"{m.plan_id}#{m.anchor}#{m.slug}": m.strength for m in archive.matches}
    # Search finds an item by its themes' names and synonyms too (双减 → 减轻学生课业负担).
    search_words = {t.slug: " ".join(dict.fromkeys((t.name, *t.synonyms))) for t in archive.themes}
    return {
        "theme_names": {t.slug: t.name for t in archive.themes},
        "theme_strengths": strengths,
        "related_items": related,
        "theme_search_words": search_words,
    }


def themes_json(archive: Archive) -> list[dict[str, Any]]:
    """The `themes` list of data/plans.json: slug, name, url, plus the words search can use."""
    counts: dict[str, int] = {}
    for plan in archive.plans:
        for item in plan.items:
            for slug in item.themes:
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


def targets_rows(archive: Archive) -> list[tuple[Plan, Item, Target]]:
    return [(p, i, t) for p in archive.plans for i in p.items for t in i.targets]


def theme_data_files(archive: Archive) -> dict[str, str | bytes]:
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
                    " ".join(item.themes),
                ]
            )
        )
    return {"data/targets.csv": "\ufeff".encode() + buffer.getvalue().encode("utf-8")}
