"""The whole archive, read before any page is written: plans plus the indexes across them."""

from __future__ import annotations

import functools
from collections import Counter
from dataclasses import dataclass
from typing import Any

from pypinyin import lazy_pinyin

from builder.model import ELSEWHERE, NATIONWIDE, Item, Plan, RelatedRef
from builder.sources import meta


@dataclass(frozen=True)
class Archive:
    plans: tuple[Plan, ...]  # sorted by id
    themes: tuple[Any, ...] = ()  # the taxonomy (builder.taxonomy.Theme), in its order; set by enrich
    # year over year: every two plans of a series (earlier id, later id) → their aligned items
    # (builder.enrich.align.Link), any two years, not only consecutive ones; set by enrich
    alignments: tuple[tuple[tuple[str, str], tuple[Any, ...]], ...] = ()

    @classmethod
    def of(cls, plans: list[Plan]) -> Archive:
        return cls(tuple(sorted(plans, key=lambda p: p.meta.id)))

    def plans_newest_first(self) -> tuple[Plan, ...]:
        return tuple(sorted(self.plans, key=lambda p: (-p.meta.year, p.meta.listing, p.meta.id)))

    def region_slug(self, place: tuple[str, ...]) -> str:
        """URL slug of a place plans are listed under: 山东省 → shandong, 山东省/威海市/环翠区 →
        weihai-huancui, 全国 → quanguo, an issuer (…/湖北开放职业学院) → its issuer slug.

        Where two regions would share a slug (吉林省 and 吉林市 are both jilin), both take the
        longer form that names every level (jilin-jilin).
        """
        return self._region_slugs.get(place) or meta.slug(place)

    def theme(self, slug: str) -> Any:
        """The taxonomy's theme with this slug."""
        return self._themes_by_slug[slug]

    def plan(self, plan_id: str) -> Plan | None:
        """The plan with this id (None if it left the archive)."""
        return self._plans_by_id.get(plan_id)

    @functools.cached_property
    def _plans_by_id(self) -> dict[str, Plan]:
        return {p.meta.id: p for p in self.plans}

    def item(self, ref: RelatedRef) -> tuple[Plan, Item] | None:
        """The plan and item a reference points to (None if it left the archive)."""
        return self._items_by_ref.get(ref)

    @functools.cached_property
    def _themes_by_slug(self) -> dict[str, Any]:
        return {t.slug: t for t in self.themes}

    @functools.cached_property
    def _items_by_ref(self) -> dict[RelatedRef, tuple[Plan, Item]]:
        return {RelatedRef(p.meta.id, i.anchor): (p, i) for p in self.plans for i in p.items}

    @functools.cached_property
    def _region_slugs(self) -> dict[tuple[str, ...], str]:
        issuers = {p.meta.listing: p.meta.issuer_slug for p in self.plans if p.meta.has_issuer_page}
        paths = {p.meta.listing[: i + 1] for p in self.plans for i in range(len(p.meta.listing))} - issuers.keys()
        fixed: dict[tuple[str, ...], str] = {(NATIONWIDE,): "quanguo", (ELSEWHERE,): "qita"}
        short = {path: meta.slug(path) for path in paths if path not in fixed}
        counts = Counter(short.values())
        slugs = {
            path: "-".join(meta.url_safe("".join(lazy_pinyin(meta.strip_suffix(n)))) for n in path)
            if counts[slug] > 1
            else slug
            for path, slug in short.items()
        }
        return {**slugs, **fixed, **{path: str(slug) for path, slug in issuers.items()}}


@dataclass(frozen=True)
class RegionNode:
    """One administrative division and the plans issued at or below it."""

    path: tuple[str, ...]
    slug: str
    plans: tuple[Plan, ...]  # issued at exactly this level, newest first
    descendant_plans: tuple[Plan, ...]  # issued below it, newest first
    children: tuple[RegionNode, ...]

    @property
    def name(self) -> str:
        return self.path[-1]

    @property
    def full_name(self) -> str:
        return " ".join(n for n in self.path if n != ELSEWHERE) or self.name

    @property
    def count(self) -> int:
        return len(self.plans) + len(self.descendant_plans)


def region_tree(archive: Archive) -> tuple[RegionNode, ...]:
    """全国, then province → city → county (→ issuer), then 其他 → issuer, each node with its plans."""
    here: dict[tuple[str, ...], list[Plan]] = {}
    below: dict[tuple[str, ...], list[Plan]] = {}
    children: dict[tuple[str, ...], list[tuple[str, ...]]] = {}
    for plan in archive.plans_newest_first():
        region = plan.meta.listing
        here.setdefault(region, []).append(plan)
        for depth in range(len(region)):
            path = region[: depth + 1]
            if path not in children:
                children[path] = []
                if depth:
                    children[region[:depth]].append(path)
            if depth + 1 < len(region):
                below.setdefault(path, []).append(plan)

    def node(path: tuple[str, ...]) -> RegionNode:
        return RegionNode(
            path,
            archive.region_slug(path),
            tuple(here.get(path, ())),
            tuple(below.get(path, ())),
            tuple(node(c) for c in sorted(children[path], key=_in_pinyin_order)),
        )

    top = sorted(
        (p for p in children if len(p) == 1), key=lambda p: (p != (NATIONWIDE,), p == (ELSEWHERE,), _in_pinyin_order(p))
    )
    return tuple(node(p) for p in top)


def _in_pinyin_order(path: tuple[str, ...]) -> list[str]:
    """广东省 before 吉林省 before 江苏省, as a Chinese reader looks for them (not by code point)."""
    return [" ".join(lazy_pinyin(name)) for name in path]


def walk_regions(nodes: tuple[RegionNode, ...]) -> list[tuple[RegionNode, tuple[RegionNode, ...]]]:
    """Every node with its ancestors, depth first."""
    out: list[tuple[RegionNode, tuple[RegionNode, ...]]] = []

    def visit(n: RegionNode, parents: tuple[RegionNode, ...]) -> None:
        out.append((n, parents))
        for c in n.children:
            visit(c, (*parents, n))

    for n in nodes:
        visit(n, ())
    return out


def plans_by_year(archive: Archive) -> list[tuple[int, tuple[Plan, ...]]]:
    years = sorted({p.meta.year for p in archive.plans}, reverse=True)
    newest = archive.plans_newest_first()
    return [(y, tuple(p for p in newest if p.meta.year == y)) for y in years]
