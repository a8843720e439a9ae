"""What search indexes and fetches: one record per item, and three small files beside the index.

Each item is a record of its own (Pagefind's custom records): its URL is the item's permalink, its
content the item's words exactly as its page shows them (title, body, sub-items: nothing hidden),
its filters the plan's year and place and the item's themes, so counts and filters are items and
a theme, year or place can be browsed with no query. Text is given to Pagefind as index words
(search_words.py: neighbouring characters in pairs), which the dialog reads back into the text.
Beside the index, under search/:

- themes.json: each theme's name, the words that name it, its page, items, plans, years — the
  dialog shows a theme card when the query names a theme;
- t2s.json: traditional → simplified for the characters of the archive, so 課後服務 finds 课后服务;
- words.json: the archive's words, most frequent first, fetched only when nothing matches, for
  suggestions (托育 → 托幼, 托管).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

from builder.archive import Archive
from builder.model import Plan
from builder.render.exports import plan_url
from builder.render.search_words import LANGUAGE, words_of

PLACE_FILTERS = ("place1", "place2", "place3")  # province → city → county (or an issuer under them)
MAX_WORDS = 20000  # suggestions need the common words, not the whole vocabulary


def search_records(archive: Archive) -> list[dict[str, Any]]:
    """One Pagefind record per item, and one for the text outside items (the preamble, a part's
    own text, a part with no items): newest plans first, each in its own order. Pagefind numbers
    records in the order they are added and lists a browse (no query) in that order, so no sort
    key is needed (one would cost every first search 57 KB of index at 1,000 plans)."""
    names = {theme.slug: theme.name for theme in archive.themes}
    plans = archive.plans_newest_first()
    records: list[dict[str, Any]] = []
    for plan in plans:
        records.extend(_plan_records(plan, names))
    return records


def _plan_records(plan: Plan, names: dict[str, str]) -> list[dict[str, Any]]:
    meta = plan.meta
    # Pagefind indexes meta values too, and finds a phrase in them: the plan's title and place stay
    # whole (one word each, that no query of pairs matches), or every item of a 2020 plan would
    # "contain" 2020年. The item's own title is in its text anyway, so it is written in pairs.
    common = {"plan": meta.title, "year": str(meta.year), "place": " › ".join(meta.listing)}
    places = dict(zip(PLACE_FILTERS, ([p] for p in meta.listing), strict=False))
    out: list[dict[str, Any]] = []

    def record(anchor: str, title: str, text: str, themes: tuple[str, ...] = (), number: str = "") -> None:
        filters: dict[str, list[str]] = {"year": [str(meta.year)], **places}
        if themes:
            filters["theme"] = [names[slug] for slug in themes if slug in names]
        out.append(
            {
                "url": plan_url(plan) + (f"#{anchor}" if anchor else ""),
                "content": words_of(text),
                "language": LANGUAGE,
                "meta": {"title": words_of(title), **common, "number": number},
                "filters": filters,
            }
        )

    if plan.preamble and not plan.preamble_anchor:  # at the top of the page
        record("", "（导语）", "\n".join(plan.preamble))
    for part in plan.all_parts():
        # A part's own words (and the preamble printed under 一、总体思路): one record, one URL.
        preamble = plan.preamble if part.anchor == plan.preamble_anchor else ()
        if part.intro or preamble or not (part.items or part.parts):
            heading = f"{part.marker}{part.title}"
            record(part.anchor, heading, "\n".join((heading, *preamble, *part.intro)))
        for item in part.items:
            record(item.anchor, f"{item.marker}{item.title}", item.text, item.theme_slugs, item.number)
    for item in plan.loose_items:
        record(item.anchor, f"{item.marker}{item.title}", item.text, item.theme_slugs, item.number)
    return out


def themes_file(archive: Archive) -> bytes:
    """search/themes.json: what a theme card shows, and the words that call it up."""
    items: Counter[str] = Counter()
    plans: dict[str, set[str]] = {}
    years: dict[str, set[int]] = {}
    for plan in archive.plans:
        for item in plan.items:
            for slug in item.theme_slugs:
                items[slug] += 1
                plans.setdefault(slug, set()).add(plan.meta.id)
                years.setdefault(slug, set()).add(plan.meta.year)
    themes = [
        {
            "name": t.name,
            "words": list(dict.fromkeys((t.name, *t.synonyms))),
            "url": t.url,
            "items": items[t.slug],
            "plans": len(plans.get(t.slug, ())),
            "years": sorted(years.get(t.slug, ())),
        }
        for t in archive.themes
    ]
    return _json(themes)


def t2s_file(archive: Archive) -> bytes:
    """search/t2s.json: {traditional: simplified} for every character of the archive that has a
    traditional form, so a query in traditional characters is read in the archive's own."""
    from builder.sources.textutil import traditional_forms

    seen: set[str] = set()
    for plan in archive.plans:
        seen.update(plan.meta.title)
        for item in plan.items:
            seen.update(item.text)
    return _json(traditional_forms(sorted(c for c in seen if "\u3400" <= c <= "\u9fff")))


def words_file(documents: Iterable[Sequence[str]]) -> bytes:
    """search/words.json: the archive's words (two characters or more), most frequent first."""
    counts: Counter[str] = Counter()
    for words in documents:
        counts.update(words)
    ranked = sorted(counts.items(), key=lambda pair: (-pair[1], pair[0]))
    return _json([word for word, count in ranked[:MAX_WORDS] if count > 1])


def search_files(archive: Archive, documents: Iterable[Sequence[str]] | None) -> dict[str, bytes]:
    files = {"search/themes.json": themes_file(archive), "search/t2s.json": t2s_file(archive)}
    files["search/words.json"] = words_file(documents or ())
    return files


def _json(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
