"""Enrich the whole archive: themes, quantified targets and related items, on new frozen values.

Themes and targets depend on one plan only: they are worked out per plan, on both cores when many
plans need it, and cached by content so a rebuild redoes only the plans that changed. Related
items depend on the whole archive and are always recomputed (from cached words), as a step of
their own (add_related) that a build overlaps with rendering.
"""

from __future__ import annotations

import concurrent.futures
import dataclasses
import logging
import multiprocessing
import os
from pathlib import Path

from builder.archive import Archive
from builder.enrich import related as related_mod
from builder.enrich.targets import extract_targets
from builder.enrich.taxonomy import Theme
from builder.enrich.themes import Match, Tagger
from builder.enrich.year_over_year import AlignmentCache, add_counterparts
from builder.incremental.cache import PickleCache
from builder.model import Item, Plan, RelatedRef, Target, ThemeMatch, map_items

log = logging.getLogger(__name__)

PARALLEL_FROM = 40  # below this many plans to analyse, a second process costs more than it saves


@dataclasses.dataclass(frozen=True)
class PlanAnalysis:
    """What one plan's own text says: theme matches, targets and content words per item."""

    matches: tuple[Match, ...]
    targets: dict[str, tuple[Target, ...]]
    words: dict[str, str]  # space-separated: one string per item unpickles far faster than a list


def analyse(plan: Plan, tagger: Tagger, tag: bool) -> PlanAnalysis:
    matches: list[Match] = []
    targets: dict[str, tuple[Target, ...]] = {}
    words: dict[str, str] = {}
    for item in plan.items:
        if tag:
            matches.extend(tagger.tag(plan.meta.id, item))
        targets[item.anchor] = extract_targets(item.text)
        words[item.anchor] = " ".join(related_mod.content_words(tagger.words(item.text)))
    return PlanAnalysis(tuple(matches), targets, words)


class AnalysisCache:
    """PlanAnalysis per plan, keyed by the plan's id and text, the taxonomy and the code."""

    def __init__(self, folder: Path, salt: str) -> None:
        self.store = PickleCache(folder, salt)

    def _key(self, plan: Plan) -> Path:
        parts = [plan.meta.id]
        for item in plan.items:
            parts += [item.anchor, item.text]
        return self.store.key(*parts)

    def get(self, plan: Plan) -> PlanAnalysis | None:
        found = self.store.get(self._key(plan))
        return found if isinstance(found, PlanAnalysis) else None

    def put(self, plan: Plan, analysis: PlanAnalysis) -> None:
        self.store.put(self._key(plan), analysis)

    def prune(self) -> None:
        self.store.prune()


# Set before forking workers: they inherit the loaded tokenizer and the plans (no pickling).
_WORK: tuple[Tagger, list[Plan], bool] | None = None


def _analyse_at(index: int) -> PlanAnalysis:
    assert _WORK is not None
    tagger, plans, tag = _WORK
    return analyse(plans[index], tagger, tag)


def _analyse_all(plans: list[Plan], tagger: Tagger, tag: bool) -> list[PlanAnalysis]:
    """Analyse plans, on every core when there are enough of them (fork shares jieba's memory)."""
    workers = min(os.cpu_count() or 1, 4)
    if len(plans) < PARALLEL_FROM or workers < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return [analyse(plan, tagger, tag) for plan in plans]
    global _WORK
    _WORK = (tagger, plans, tag)
    try:
        context = multiprocessing.get_context("fork")
        with concurrent.futures.ProcessPoolExecutor(workers, mp_context=context) as pool:
            return list(pool.map(_analyse_at, range(len(plans)), chunksize=8))
    finally:
        _WORK = None


@dataclasses.dataclass(frozen=True)
class Corpus:
    """Each item's content words, the input of related items: refs are "<plan id>#<anchor>"."""

    refs: list[str]
    groups: list[str]  # the plan of each ref: an item is never related to its own plan's items
    documents: list[list[str]]
    alignments: AlignmentCache | None = None  # year over year: pairs of plans aligned before


def enrich(
    archive: Archive, taxonomy: tuple[Theme, ...], tagger: Tagger | None = None, cache: AnalysisCache | None = None
) -> Archive:
    """A new archive whose items carry their themes, targets and related items."""
    return add_related(*analyse_archive(archive, taxonomy, tagger, cache))


def analyse_archive(
    archive: Archive, taxonomy: tuple[Theme, ...], tagger: Tagger | None = None, cache: AnalysisCache | None = None
) -> tuple[Archive, Corpus]:
    """A new archive whose items carry their themes and targets, and the words for related items.

    Related items come apart (add_related) so that a build can render what does not show them
    while they are being worked out.
    """
    plans = list(archive.plans)
    analyses: list[PlanAnalysis | None] = [cache.get(plan) if cache else None for plan in plans]
    todo = [i for i, found in enumerate(analyses) if found is None]
    fresh_analyses: list[PlanAnalysis] = []
    if todo:  # loading jieba's dictionary takes a second: only when some plan needs it
        tagger = tagger or Tagger(taxonomy)
        fresh_analyses = _analyse_all([plans[i] for i in todo], tagger, bool(taxonomy))
    for i, fresh in zip(todo, fresh_analyses, strict=True):
        analyses[i] = fresh
        if cache:
            cache.put(plans[i], fresh)
    if cache:
        cache.prune()
    log.info("analysed %d plans, %d from the cache", len(todo), len(plans) - len(todo))

    matches: list[Match] = []
    corpus = Corpus([], [], [])
    for plan, analysis in zip(plans, analyses, strict=True):
        assert analysis is not None
        matches.extend(analysis.matches)
        for item in plan.items:
            corpus.refs.append(f"{plan.meta.id}#{item.anchor}")
            corpus.groups.append(plan.meta.id)
            corpus.documents.append(analysis.words[item.anchor].split())
    themes_of: dict[str, list[ThemeMatch]] = {}
    for m in matches:
        themes_of.setdefault(f"{m.plan_id}#{m.anchor}", []).append(ThemeMatch(m.slug, m.strength, m.sentence))
    targets_of = {
        f"{plan.meta.id}#{anchor}": found
        for plan, analysis in zip(plans, analyses, strict=True)
        if analysis
        for anchor, found in analysis.targets.items()
    }

    def update(plan: Plan, item: Item) -> Item:
        ref = f"{plan.meta.id}#{item.anchor}"
        return dataclasses.replace(item, themes=tuple(themes_of.get(ref, ())), targets=targets_of.get(ref, ()))

    themed = tuple(map_items(plan, update) for plan in plans)
    log.info("analysed %d items: %d theme matches", len(corpus.refs), len(matches))
    return dataclasses.replace(archive, plans=themed, themes=taxonomy), corpus


def add_related(archive: Archive, corpus: Corpus) -> Archive:
    """The archive with each item's related items (from other plans) set, and its counterparts
    in the same issuer's other years (year_over_year.py): both come from the corpus's words."""
    similar = related_mod.related(corpus.refs, corpus.groups, corpus.documents)

    def update(plan: Plan, item: Item) -> Item:
        found = similar.get(f"{plan.meta.id}#{item.anchor}", ())
        return dataclasses.replace(item, related=tuple(RelatedRef.of(key) for key in found))

    related = dataclasses.replace(archive, plans=tuple(map_items(plan, update) for plan in archive.plans))
    return add_counterparts(related, corpus.refs, corpus.documents, corpus.alignments)
