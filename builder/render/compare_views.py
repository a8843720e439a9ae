"""What a year-over-year comparison page shows: one issuer's plan set against its previous plan.

A page per plan that has a previous plan (builder/enrich/series.py), at
regions/<region or issuer slug>/compare/<earlier year>-<later year>/: every item of the later plan
in its order, each with the earlier items it continues (their wording merged, diff.py) or marked
new, then the earlier items that found no counterpart (dropped).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from builder.archive import Archive
from builder.enrich.series import previous_of, series_key, series_of
from builder.model import Item, Plan
from builder.render.charts import Bar, bar_chart
from builder.render.exports import series_path
from builder.render.views import CompareLink, PlanLabel, View


@dataclass(frozen=True)
class ItemLabel:
    anchor: str
    number: str
    title: str


@dataclass(frozen=True)
class Paired:
    earlier: ItemLabel
    relation: str  # continued / reworded
    score: float
    # The earlier item's text. The template merges it with its row's text (the `merged` filter,
    # diff.marked) when the page is rendered, not for the key: both texts are in the view, and
    # most pages are Kept.
    before: str
    targets: tuple[str, ...] = ()  # the earlier item's quantified targets, as printed


@dataclass(frozen=True)
class CompareRow:
    later: ItemLabel
    text: str  # the later item's text (shown as is when it is new)
    pairs: tuple[Paired, ...]  # () when new
    targets: tuple[str, ...] = ()  # the later item's quantified targets: set beside the earlier's


@dataclass(frozen=True)
class CompareView(View):
    place: str  # the region (or issuer) whose series this is
    region_slug: str
    earlier: PlanLabel
    later: PlanLabel
    rows: tuple[CompareRow, ...]
    dropped: tuple[ItemLabel, ...]
    continued: int  # later items with a counterpart
    new: int
    themes: tuple[tuple[str, str, tuple[int, ...]], ...] = ()  # (name, slug, items per year of `years`)
    years: tuple[int, ...] = ()  # the series' years, oldest first
    charts: tuple[str, ...] = ()  # the most present themes over the years, inline SVG (charts.py)
    series: str = ""  # data/series/<slug>.json when the series has three plans or more (any two years)


def _label(item: Item) -> ItemLabel:
    return ItemLabel(item.anchor, item.number, item.title)


Followers = Counter[tuple[str, int]]  # (previous plan's id, year) → plans of that year following it


def followers(archive: Archive, previous: dict[str, str | None]) -> Followers:
    return Counter((earlier, p.meta.year) for p in archive.plans if (earlier := previous[p.meta.id]))


def compare_path(archive: Archive, plan: Plan, earlier: Plan, following: Followers) -> str:
    """regions/<slug>/compare/<y1>-<y2>.md (the later plan's id is added when two plans of one
    year have the same previous plan, a draft and the final text)."""
    slug = archive.region_slug(plan.meta.listing)
    tail = f"-{plan.meta.id}" if following[(earlier.meta.id, plan.meta.year)] > 1 else ""
    return f"regions/{slug}/compare/{earlier.meta.year}-{plan.meta.year}{tail}.md"


def compare_views(archive: Archive) -> dict[str, CompareView]:
    """Each comparison page's path and view."""
    views: dict[str, CompareView] = {}
    previous = previous_of(archive.plans)
    following = followers(archive, previous)
    sizes = {key: len(plans) for key, plans in series_of(archive.plans).items()}  # the picker: 3 plans or more
    for plan in archive.plans:
        earlier = archive.plan(plan.previous) if plan.previous else None
        if earlier is None:
            continue
        before = {item.anchor: item for item in earlier.items}
        rows = []
        for item in plan.items:
            pairs = tuple(
                Paired(
                    _label(before[c.anchor]),
                    c.relation,
                    c.score,
                    before[c.anchor].text,
                    tuple(t.text for t in before[c.anchor].targets),
                )
                for c in item.counterparts
                if c.plan_id == earlier.meta.id and c.anchor in before
            )
            rows.append(CompareRow(_label(item), item.text, pairs, tuple(t.text for t in item.targets)))
        dropped = tuple(_label(before[a]) for a in plan.dropped if a in before)
        continued = sum(1 for row in rows if row.pairs)
        years, themes = _emphasis(archive, plan, previous)
        views[compare_path(archive, plan, earlier, following)] = CompareView(
            " › ".join(plan.meta.listing),
            archive.region_slug(plan.meta.listing),
            PlanLabel(earlier.meta.id, earlier.meta.year, earlier.meta.title),
            PlanLabel(plan.meta.id, plan.meta.year, plan.meta.title),
            tuple(rows),
            dropped,
            continued,
            len(rows) - continued,
            themes,
            years,
            _charts(themes, years),
            series_path(archive, plan) if sizes[series_key(plan.meta)] >= 3 else "",
        )
    return views


CHARTS = 6  # themes drawn as small charts (the table lists them all)


def _charts(themes: Emphasis, years: tuple[int, ...]) -> tuple[str, ...]:
    """A small bar chart per most present theme: its items in each of the series' plans."""
    return tuple(
        bar_chart(
            [Bar(f"{y}年", c) for y, c in zip(years, counts, strict=True)],
            f"“{name}”各年的条目数",
            key=f"chart-{slug}",
            tallest=48,
            caption=name,
        )
        for name, slug, counts in themes[:CHARTS]
    )


Emphasis = tuple[tuple[str, str, tuple[int, ...]], ...]  # (theme name, slug, items per year)


def _emphasis(archive: Archive, plan: Plan, previous: dict[str, str | None]) -> tuple[tuple[int, ...], Emphasis]:
    """The series' themes over its years: items per theme in each year's plan, up to this one
    (the latest plan of each year), most items first; themes no plan of the series has are left out."""
    chain: list[Plan] = []
    at: Plan | None = plan
    while at is not None:
        chain.append(at)
        earlier_id = previous[at.meta.id]
        at = archive.plan(earlier_id) if earlier_id else None
    chain.reverse()
    years = tuple(p.meta.year for p in chain)
    per_plan = [Counter(slug for item in p.items for slug in set(item.theme_slugs)) for p in chain]
    rows: list[tuple[str, str, tuple[int, ...]]] = []
    for theme in archive.themes:
        counts = tuple(items[theme.slug] for items in per_plan)
        if any(counts):
            rows.append((theme.name, theme.slug, counts))
    rows.sort(key=lambda row: (-sum(row[2]), row[1]))
    return years, tuple(rows)


def compare_links(archive: Archive) -> dict[str, tuple[CompareLink, ...]]:
    """Plan id (and region slug) → the comparison pages it is part of, as links from its page
    (from the plans' metadata alone: region pages, rendered before the alignment, link them)."""
    links: dict[str, list[CompareLink]] = {}
    previous = previous_of(archive.plans)
    following = followers(archive, previous)
    for plan in archive.plans:
        earlier_id = previous[plan.meta.id]
        earlier = archive.plan(earlier_id) if earlier_id else None
        if earlier is None:
            continue
        path = compare_path(archive, plan, earlier, following).removesuffix(".md")
        label = f"{earlier.meta.year}年 → {plan.meta.year}年对照"
        for key in (plan.meta.id, earlier.meta.id, archive.region_slug(plan.meta.listing)):
            links.setdefault(key, []).append(CompareLink(label, path + "/", earlier.meta.id, plan.meta.id))
    return {key: tuple(sorted(found)) for key, found in links.items()}
