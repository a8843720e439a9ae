"""Each item's counterparts in the same issuer's plans of other years, and what is new and dropped.

For every plan with a previous plan in its series (series.py), align.py pairs the two plans' items;
each pair is recorded on both items (a 2019 item lists its 2025 counterparts, the 2025 item its
2019 one). An item of a plan with a previous plan is "continued" (it has a counterpart there) or
"new"; an item of a series' first plan is "first". A plan lists the previous plan's items that
found no counterpart in it as `dropped`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from pathlib import Path

from builder.archive import Archive
from builder.enrich import series
from builder.enrich.align import Doc, Link, align
from builder.incremental.cache import PickleCache
from builder.model import Counterpart, Item, Plan, map_items

FIRST, NEW, CONTINUED = "first", "new", "continued"


class AlignmentCache:
    """Each aligned pair of plans' links, keyed by both plans' words and the code: a rebuild
    re-aligns only the pairs whose plans changed (align.py needs nothing but the two plans)."""

    def __init__(self, folder: Path, salt: str) -> None:
        self.store = PickleCache(folder, salt)

    def links(self, earlier: Sequence[Doc], later: Sequence[Doc]) -> list[Link]:
        parts = [part for docs in (earlier, later) for d in (*docs, Doc("|", ())) for part in (d.anchor, *d.words)]
        key = self.store.key(*parts)
        found = self.store.get(key)
        if isinstance(found, list):
            return found
        links = align(earlier, later)
        self.store.put(key, links)
        return links


def add_counterparts(
    archive: Archive,
    refs: Sequence[str],
    documents: Sequence[Sequence[str]],
    cache: AlignmentCache | None = None,
) -> Archive:
    """The archive with counterparts, status, previous and dropped set (refs are "<plan>#<anchor>",
    documents each item's content words, as the related-items corpus holds them)."""
    words: Mapping[str, Sequence[str]] = dict(zip(refs, documents, strict=True))
    by_id = {plan.meta.id: plan for plan in archive.plans}
    previous = series.previous_of(archive.plans)
    found: dict[str, list[Counterpart]] = {}
    status: dict[str, str] = {}
    dropped: dict[str, tuple[str, ...]] = {}
    done: dict[tuple[str, str], tuple[Link, ...]] = {}

    def docs(plan: Plan) -> list[Doc]:
        return [Doc(item.anchor, words.get(f"{plan.meta.id}#{item.anchor}", ())) for item in plan.items]

    def aligned(earlier: Plan, later: Plan) -> list[Link]:
        return cache.links(docs(earlier), docs(later)) if cache else align(docs(earlier), docs(later))

    for plan in archive.plans:
        earlier_id = previous[plan.meta.id]
        if earlier_id is None:
            status.update({f"{plan.meta.id}#{item.anchor}": FIRST for item in plan.items})
            continue
        earlier = by_id[earlier_id]
        links = aligned(earlier, plan)
        done[(earlier_id, plan.meta.id)] = tuple(links)
        for link in links:
            found.setdefault(f"{plan.meta.id}#{link.later}", []).append(
                Counterpart(earlier_id, link.earlier, link.relation, link.score)
            )
            found.setdefault(f"{earlier_id}#{link.earlier}", []).append(
                Counterpart(plan.meta.id, link.later, link.relation, link.score)
            )
        continued = {link.later for link in links}
        for item in plan.items:
            status[f"{plan.meta.id}#{item.anchor}"] = CONTINUED if item.anchor in continued else NEW
        kept = {link.earlier for link in links}
        dropped[plan.meta.id] = tuple(item.anchor for item in earlier.items if item.anchor not in kept)

    def item_of(plan: Plan, item: Item) -> Item:
        ref = f"{plan.meta.id}#{item.anchor}"
        return dataclasses.replace(item, counterparts=tuple(found.get(ref, ())), status=status.get(ref, ""))

    plans = tuple(
        dataclasses.replace(
            map_items(plan, item_of), previous=previous[plan.meta.id], dropped=dropped.get(plan.meta.id, ())
        )
        for plan in archive.plans
    )
    # Any two plans of a series, for the comparison pages' picker (consecutive pairs come from above).
    every: dict[tuple[str, str], tuple[Link, ...]] = dict(done)
    for members in series.series_of(archive.plans).values():
        for at, earlier in enumerate(members):
            for plan in members[at + 1 :]:
                pair = (earlier.meta.id, plan.meta.id)
                if pair not in every and earlier.meta.year < plan.meta.year:
                    every[pair] = tuple(aligned(earlier, plan))
    if cache:
        cache.store.prune()
    return dataclasses.replace(archive, plans=plans, alignments=tuple(sorted(every.items())))
