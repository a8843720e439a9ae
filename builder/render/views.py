"""What each page shows, as frozen values: a template receives its view and nothing else.

A page's reuse key is the digest of its view (`ViewKeys`), so a template that starts showing a new
field of the view can never serve a stale page: whatever the view holds is in the key. A view
holds only what its page shows: a plan page's view holds the plan and, for each theme and related
item it names, exactly the fields it prints of them.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from builder.archive import Archive, RegionNode, plans_by_year, region_tree, walk_regions
from builder.model import Plan, PlanMeta, RelatedRef
from builder.render.exports import original_url
from builder.render.heatmaps import Heatmap
from builder.sources.originals import KINDS


@dataclass(frozen=True)
class ThemeLabel:
    """A theme as an item shows it: its name, linking its page."""

    slug: str
    name: str


@dataclass(frozen=True)
class RelatedItem:
    """A related item as an item cites it: 2019《…》第6条 + its title, linked."""

    ref: RelatedRef
    year: int
    plan_title: str
    number: str
    title: str


class View:
    """A page's view: a frozen dataclass whose fields are its template's variables."""

    def context(self) -> dict[str, Any]:
        """The template's variables: the view's fields, nothing else."""
        return {f.name: getattr(self, f.name) for f in dataclasses.fields(self)}  # type: ignore[arg-type]


@dataclass(frozen=True)
class OriginalLink:
    """The original published beside the plan: 原文：网页（22 KB）."""

    href: str  # relative to the plan's page
    label: str  # 网页, PDF, Word 文档 …
    size: str  # 22 KB


@dataclass(frozen=True)
class PlaceLink:
    name: str
    href: str  # relative to the plan's page


@dataclass(frozen=True)
class PlanPageView(View):
    plan: Plan
    places: tuple[PlaceLink, ...]  # its region (or 全国, or 其他), each level linked
    issuer_page: str | None  # the issuer's own page, when the plan is listed there
    themes: dict[str, ThemeLabel]  # the plan's themes by slug
    related: dict[str, RelatedItem]  # the items its items cite (related, counterparts), by RelatedRef.key
    original: OriginalLink | None
    previous: PlanLabel | None = None  # the same issuer's previous plan (year over year)
    comparisons: tuple[CompareLink, ...] = ()  # the comparison pages this plan is part of


@dataclass(frozen=True, order=True)
class CompareLink:
    """A link to a year-over-year comparison page (compare_views.py), from a plan or region page."""

    label: str  # 2019年 → 2025年对照
    path: str  # regions/<slug>/compare/2019-2025/, from the site's root (its page: path[:-1] + ".md")
    earlier: str  # the two plans' ids
    later: str


@dataclass(frozen=True)
class PlanLabel:
    id: str
    year: int
    title: str


class SpeltOnce:
    """A frozen dataclass that many views share: its repr (what ViewKeys digests) is made once."""

    def __repr__(self) -> str:
        return self._spelt

    @functools.cached_property
    def _spelt(self) -> str:
        fields = ", ".join(f"{f.name}={getattr(self, f.name)!r}" for f in dataclasses.fields(self))  # type: ignore[arg-type]
        return f"{type(self).__name__}({fields})"


@dataclass(frozen=True, repr=False)
class PlanSummary(SpeltOnce):
    """A plan as listing pages show it (home, region, year and theme pages): one row, one link."""

    id: str
    title: str
    year: int
    place: tuple[str, ...]  # where it is listed: a region, 全国, or a region or 其他 and its issuer
    issuers: tuple[str, ...]
    item_count: int

    @classmethod
    def of(cls, plan: Plan) -> PlanSummary:
        m = plan.meta
        return cls(m.id, m.title, m.year, m.listing, m.issuers, len(plan.items))


@dataclass(frozen=True)
class RegionLink:
    name: str
    slug: str
    count: int  # plans issued at or below it
    children: tuple[RegionLink, ...] = ()


@dataclass(frozen=True)
class ThemeLink:
    name: str
    slug: str
    items: int  # items that carry the theme


@dataclass(frozen=True)
class HomeView(View):
    """The public's way in: a search box, the themes, the latest plans, the years and the regions.
    Never a table of every plan: at 1,000 plans that was 7,000 elements (the year pages list them)."""

    latest: tuple[PlanSummary, ...]  # the newest LATEST plans
    plan_count: int
    item_count: int
    themes: tuple[ThemeLink, ...]  # most items first
    years: tuple[tuple[int, int], ...]  # (year, plans), newest first
    regions: tuple[RegionLink, ...]  # 全国, the provinces, 其他


@dataclass(frozen=True)
class RegionsIndexView(View):
    tree: tuple[RegionLink, ...]  # provinces → cities → counties


@dataclass(frozen=True)
class RegionPageView(View):
    full_name: str
    parents: tuple[RegionLink, ...]
    children: tuple[RegionLink, ...]
    plans: tuple[PlanSummary, ...]  # issued at exactly this level, newest first
    descendant_plans: tuple[PlanSummary, ...]  # issued below it
    comparisons: tuple[CompareLink, ...] = ()  # its plans year over year


@dataclass(frozen=True)
class YearsIndexView(View):
    years: tuple[tuple[int, int], ...]  # (year, how many plans), newest first


@dataclass(frozen=True)
class YearPageView(View):
    year: int
    plans: tuple[PlanSummary, ...]
    map: Heatmap  # theme × plan


def plan_page_views(
    archive: Archive, comparisons: dict[str, tuple[CompareLink, ...]] | None = None
) -> list[PlanPageView]:
    labels = {t.slug: ThemeLabel(t.slug, t.name) for t in archive.themes}
    views = []
    for plan in archive.plans:
        place = plan.meta.listing
        links = [
            PlaceLink(name, f"../../regions/{archive.region_slug(place[: i + 1])}/") for i, name in enumerate(place)
        ]
        issuer_page = links.pop().href if plan.meta.has_issuer_page and plan.meta.issuers else None
        themes = {m.slug: labels[m.slug] for item in plan.items for m in item.themes if m.slug in labels}
        related = {}
        for item in plan.items:
            refs = (*item.related, *(RelatedRef(c.plan_id, c.anchor) for c in item.counterparts))
            for ref in refs:
                found = archive.item(ref)
                if found:
                    other, cited = found
                    related[ref.key] = RelatedItem(ref, other.meta.year, other.meta.title, cited.number, cited.title)
        earlier = archive.plan(plan.previous) if plan.previous else None
        previous = PlanLabel(earlier.meta.id, earlier.meta.year, earlier.meta.title) if earlier else None
        views.append(
            PlanPageView(
                plan,
                tuple(links),
                issuer_page,
                dict(sorted(themes.items())),
                related,
                _original_link(plan.meta),
                previous,
                (comparisons or {}).get(plan.meta.id, ()),
            )
        )
    return views


def _original_link(meta: PlanMeta) -> OriginalLink | None:
    url = original_url(meta)
    if url is None or meta.original_kind is None:
        return None
    label = next((label for kind, label in KINDS.values() if kind == meta.original_kind), meta.original_kind)
    return OriginalLink(url.rsplit("/", 1)[-1], label, size_text(meta.original_size))


def size_text(size: int) -> str:
    """1,234 B → 1.2 KB; sizes as people read them."""
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size / 1024 / 1024:.1f} MB"


Summarise = Callable[[Plan], PlanSummary]


def summaries(archive: Archive) -> Summarise:
    """Each plan's summary, made once: region, year and theme pages share them (and their keys)."""
    by_id = {plan.meta.id: PlanSummary.of(plan) for plan in archive.plans}
    return lambda plan: by_id[plan.meta.id]


LATEST = 12  # plans the home page lists


def home_view(
    archive: Archive,
    summary: Summarise,
    themes: tuple[ThemeLink, ...],
    years: YearsIndexView,
    regions: RegionsIndexView,
) -> HomeView:
    plans = archive.plans_newest_first()
    return HomeView(
        tuple(summary(p) for p in plans[:LATEST]),
        len(plans),
        sum(len(p.items) for p in plans),
        tuple(sorted(themes, key=lambda t: (-t.items, t.slug))),
        years.years,
        tuple(RegionLink(r.name, r.slug, r.count) for r in regions.tree),
    )


def _link(node: RegionNode, depth: int = 0) -> RegionLink:
    children = tuple(_link(c, depth - 1) for c in node.children) if depth > 0 else ()
    return RegionLink(node.name, node.slug, node.count, children)


def region_views(
    archive: Archive, summary: Summarise, comparisons: dict[str, tuple[CompareLink, ...]] | None = None
) -> tuple[RegionsIndexView, dict[str, RegionPageView]]:
    """The regions index and a view per region, by slug."""
    tree = region_tree(archive)
    pages = {
        node.slug: RegionPageView(
            node.full_name,
            tuple(_link(p) for p in parents),
            tuple(_link(c) for c in node.children),
            tuple(summary(p) for p in node.plans),
            tuple(summary(p) for p in node.descendant_plans),
            (comparisons or {}).get(node.slug, ()),
        )
        for node, parents in walk_regions(tree)
    }
    return RegionsIndexView(tuple(_link(n, depth=2) for n in tree)), pages


def year_views(archive: Archive, heatmap_of: Any, summary: Summarise) -> tuple[YearsIndexView, dict[int, YearPageView]]:
    """The years index and a view per year; `heatmap_of(plans)` draws a year's theme × plan map."""
    years = plans_by_year(archive)
    pages = {year: YearPageView(year, tuple(summary(p) for p in plans), heatmap_of(plans)) for year, plans in years}
    return YearsIndexView(tuple((year, len(plans)) for year, plans in years)), pages


class ViewKeys:
    """Reuse keys of views: the digest of everything a view holds.

    A view is frozen dataclasses, tuples, dicts, strings and numbers all the way down, so its
    `repr` spells out every field in a fixed order: its digest is the key. One value is spelt
    shorter: a Plan stands for its parse by `meta.fingerprint` (the same code reading the same
    bytes gives the same parse, and a change of code means a clean build) plus what enrichment
    sets on its items (themes, targets, related items, counterparts and status) and on the plan
    (its previous plan, the items dropped since).
    """

    def __call__(self, view: object) -> str:
        if isinstance(view, PlanPageView):
            fields = [getattr(view, f.name) for f in dataclasses.fields(view) if f.name != "plan"]
            text = repr((plan_digest(view.plan), fields))
        else:
            text = repr(view)
        return hashlib.sha256(text.encode()).hexdigest()


def plan_digest(plan: Plan) -> str:
    """A plan's parse and its enrichment, as a digest (see ViewKeys)."""
    enriched = [
        (item.anchor, item.themes, item.targets, item.related, item.counterparts, item.status) for item in plan.items
    ]
    year_over_year = (plan.previous, plan.dropped)
    return hashlib.sha256(repr((plan.meta.fingerprint, enriched, year_over_year)).encode()).hexdigest()


def view_key(view: object) -> str:
    """The reuse key of one view (tests; a build keeps one ViewKeys for all its pages)."""
    return ViewKeys()(view)
