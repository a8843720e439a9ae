"""Enrich the whole archive: themes, quantified targets and related items, on new frozen values."""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable

from . import related as related_mod
from .archive import Archive
from .model import Item, Part, Plan
from .targets import extract_targets
from .taxonomy import Theme
from .themes import Match, Tagger

log = logging.getLogger(__name__)


def enrich(archive: Archive, taxonomy: tuple[Theme, ...], tagger: Tagger | None = None) -> Archive:
    """A new archive whose items carry their themes, targets and related items."""
    tagger = tagger or Tagger(taxonomy)
    matches: list[Match] = []
    refs: list[str] = []
    groups: list[str] = []
    documents: list[list[str]] = []
    for plan in archive.plans:
        for item in plan.items:
            matches.extend(tagger.tag(plan.meta.id, item) if taxonomy else ())
            refs.append(f"{plan.meta.id}#{item.anchor}")
            groups.append(plan.meta.id)
            documents.append(related_mod.content_words(tagger.words(item.text)))
    similar = related_mod.related(refs, groups, documents)
    themes_of: dict[str, list[str]] = {}
    for m in matches:
        themes_of.setdefault(f"{m.plan_id}#{m.anchor}", []).append(m.slug)

    def update(plan: Plan, item: Item) -> Item:
        ref = f"{plan.meta.id}#{item.anchor}"
        return dataclasses.replace(item, themes=tuple(themes_of.get(ref, ())), targets=extract_targets(item.text),
                                   related=similar.get(ref, ()))

    plans = tuple(map_items(plan, update) for plan in archive.plans)
    log.info("enriched %d items: %d theme matches", len(refs), len(matches))
    return dataclasses.replace(archive, plans=plans, themes=taxonomy, matches=tuple(matches))


def map_items(plan: Plan, change: Callable[[Plan, Item], Item]) -> Plan:
    """The plan with every item (loose or in any part) replaced by change(plan, item)."""

    def part(p: Part) -> Part:
        return dataclasses.replace(p, items=tuple(change(plan, i) for i in p.items),
                                   parts=tuple(part(c) for c in p.parts))

    return dataclasses.replace(plan, parts=tuple(part(p) for p in plan.parts),
                               loose_items=tuple(change(plan, i) for i in plan.loose_items))
