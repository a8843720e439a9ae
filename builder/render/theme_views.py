"""What the theme pages show: the themes index, a theme's overview, and a theme's items in one year."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from builder.archive import Archive
from builder.model import ABOUT, Target
from builder.render.charts import Bar, bar_chart
from builder.render.heatmaps import Heatmap
from builder.render.views import PlanSummary, SpeltOnce, Summarise, View


@dataclass(frozen=True, repr=False)
class ThemeSummary(SpeltOnce):
    """A theme as its pages show it."""

    slug: str
    name: str
    description: str
    synonyms: tuple[str, ...]

    @classmethod
    def of(cls, theme: Any) -> ThemeSummary:
        return cls(theme.slug, theme.name, theme.description, tuple(theme.synonyms))


@dataclass(frozen=True, repr=False)
class ThemeEntry(SpeltOnce):
    """One item on a theme page: where it is, how strongly it is on the theme, and why (an entry
    is on its theme's year page, among its targets and maybe in the overview: spelt once)."""

    plan: PlanSummary
    number: str
    anchor: str
    title: str
    strength: str  # ABOUT or MENTIONS
    sentence: str  # the sentence that matched
    targets: tuple[Target, ...]


@dataclass(frozen=True)
class PlanGroup:
    plan: PlanSummary
    entries: tuple[ThemeEntry, ...]


@dataclass(frozen=True)
class YearSummary:
    """One row of a theme's overview: a year, its items on the theme and the plans they are in."""

    year: int
    count: int
    about: int
    plans: int


@dataclass(frozen=True)
class ThemesIndexView(View):
    map: Heatmap  # theme × year
    rows: tuple[tuple[ThemeSummary, int], ...]  # every theme, with how many items carry it


LATEST = 50  # items a theme's overview lists (the rest are on its year pages)


@dataclass(frozen=True)
class ThemePageView(View):
    theme: ThemeSummary
    years: tuple[YearSummary, ...]  # newest first
    count: int
    about: int
    plan_count: int
    latest: tuple[tuple[int, tuple[ThemeEntry, ...]], ...]  # the newest LATEST items, by year
    latest_count: int
    chart: str  # items per year, an inline SVG (charts.py)


@dataclass(frozen=True)
class ThemeYearPageView(View):
    theme: ThemeSummary
    year: int
    groups: tuple[PlanGroup, ...]  # by plan (bureau), newest first
    count: int
    about: int
    targets: tuple[tuple[ThemeEntry, Target], ...]
    previous: int | None = None  # the theme's year before this one that has items
    following: int | None = None  # and after


@dataclass(frozen=True)
class ThemeViews:
    index: ThemesIndexView
    overviews: dict[str, ThemePageView]  # by theme slug
    years: dict[tuple[str, int], ThemeYearPageView]  # by (theme slug, year)


def _entries(archive: Archive, summary: Summarise) -> dict[str, list[ThemeEntry]]:
    """Per theme slug, every item carrying the theme, newest plan first, in item order."""
    found: dict[str, list[ThemeEntry]] = {t.slug: [] for t in archive.themes}
    for plan in archive.plans_newest_first():
        shown = summary(plan)
        for item in plan.items:
            for m in item.themes:
                entry = ThemeEntry(shown, item.number, item.anchor, item.title, m.strength, m.sentence, item.targets)
                found.setdefault(m.slug, []).append(entry)
    return found


def _by_year(found: list[ThemeEntry]) -> list[tuple[int, tuple[PlanGroup, ...]]]:
    """Entries grouped by year (newest first), then by plan (bureau)."""
    years: dict[int, dict[str, list[ThemeEntry]]] = {}
    for e in found:
        years.setdefault(e.plan.year, {}).setdefault(e.plan.id, []).append(e)
    return [
        (year, tuple(PlanGroup(group[0].plan, tuple(group)) for group in by_plan.values()))
        for year, by_plan in sorted(years.items(), reverse=True)
    ]


def _about(entries: list[ThemeEntry]) -> int:
    return sum(e.strength == ABOUT for e in entries)


def theme_views(archive: Archive, themes_by_year: Heatmap, summary: Summarise) -> ThemeViews:
    found_by_slug = _entries(archive, summary)
    index = ThemesIndexView(
        themes_by_year, tuple((ThemeSummary.of(t), len(found_by_slug[t.slug])) for t in archive.themes)
    )
    overviews: dict[str, ThemePageView] = {}
    years: dict[tuple[str, int], ThemeYearPageView] = {}
    for theme in archive.themes:
        label = ThemeSummary.of(theme)
        found = found_by_slug[theme.slug]
        rows = []
        by_year = _by_year(found)
        held = [year for year, _ in by_year]  # newest first
        for at, (year, groups) in enumerate(by_year):
            shown = [e for g in groups for e in g.entries]
            rows.append(YearSummary(year, len(shown), _about(shown), len(groups)))
            targets = tuple((e, t) for e in shown for t in e.targets)
            older = held[at + 1] if at + 1 < len(held) else None
            newer = held[at - 1] if at > 0 else None
            years[(theme.slug, year)] = ThemeYearPageView(
                label, year, groups, len(shown), _about(shown), targets, older, newer
            )
        plan_count = len({e.plan.id for e in found})
        overviews[theme.slug] = ThemePageView(
            label,
            tuple(rows),
            len(found),
            _about(found),
            plan_count,
            _latest(found),
            min(len(found), LATEST),
            _chart(theme.name, rows),
        )
    return ThemeViews(index, overviews, years)


def _latest(found: list[ThemeEntry]) -> tuple[tuple[int, tuple[ThemeEntry, ...]], ...]:
    """The newest LATEST entries (found is newest plan first), grouped by year."""
    groups: dict[int, list[ThemeEntry]] = {}
    for entry in found[:LATEST]:
        groups.setdefault(entry.plan.year, []).append(entry)
    return tuple((year, tuple(entries)) for year, entries in groups.items())


def _chart(name: str, rows: list[YearSummary]) -> str:
    """Items per year, every year from the first to the last (a year without any shows as 0)."""
    if not rows:
        return ""
    counts = {r.year: r.count for r in rows}
    first, last = min(counts), max(counts)
    bars = [Bar(f"{y}年", counts.get(y, 0)) for y in range(first, last + 1)]
    return bar_chart(bars, f"“{name}”每年的条目数（{first}–{last}年）")
