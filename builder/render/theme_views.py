"""What the theme pages show: the themes index, a theme's overview, and a theme's items in one year."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from builder.archive import Archive
from builder.model import ABOUT, Target
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


@dataclass(frozen=True)
class ThemeEntry:
    """One item on a theme page: where it is, how strongly it is on the theme, and why."""

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


@dataclass(frozen=True)
class ThemePageView(View):
    theme: ThemeSummary
    years: tuple[YearSummary, ...]  # newest first
    count: int
    about: int
    plan_count: int


@dataclass(frozen=True)
class ThemeYearPageView(View):
    theme: ThemeSummary
    year: int
    groups: tuple[PlanGroup, ...]  # by plan (bureau), newest first
    count: int
    about: int
    targets: tuple[tuple[ThemeEntry, Target], ...]


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
        for year, groups in _by_year(found):
            shown = [e for g in groups for e in g.entries]
            rows.append(YearSummary(year, len(shown), _about(shown), len(groups)))
            targets = tuple((e, t) for e in shown for t in e.targets)
            years[(theme.slug, year)] = ThemeYearPageView(label, year, groups, len(shown), _about(shown), targets)
        plan_count = len({e.plan.id for e in found})
        overviews[theme.slug] = ThemePageView(label, tuple(rows), len(found), _about(found), plan_count)
    return ThemeViews(index, overviews, years)
