"""Theme heatmaps: theme × year for the whole archive, theme × plan for one year (pure).

At archive scale a theme × plan table of every plan would have thousands of columns (5 MB of HTML
at 1,000 plans): the themes index shows years, and each year's page shows that year's plans.
Every cell is worked out here (count, shade, link, tooltip); the template only lays them out.
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from builder.archive import Archive
from builder.enrich.themes import ABOUT
from builder.model import Plan


@dataclass(frozen=True)
class Column:
    lines: tuple[str, ...]  # the header, one line each
    href: str
    title: str


@dataclass(frozen=True)
class Cell:
    count: int
    background: str
    href: str
    title: str
    color: str = "inherit"  # the link's colour, readable on the background


@dataclass(frozen=True)
class Row:
    name: str
    href: str
    cells: tuple[Cell, ...]

    @property
    def count(self) -> int:
        return sum(c.count for c in self.cells)


@dataclass(frozen=True)
class Heatmap:
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]


INDIGO = (63, 81, 181)
DARK, LIGHT = "#000000", "#ffffff"


def _alpha(share: float) -> float:
    return round(min(0.9, 0.12 + share * 3), 2)


def heat(count: int, share: float) -> str:
    """Background colour of a cell: the share of the column's items on the theme, as indigo alpha."""
    if not count:
        return "transparent"
    return f"rgba({INDIGO[0]}, {INDIGO[1]}, {INDIGO[2]}, {_alpha(share):.2f})"


def ink(share: float) -> str:
    """The text colour with the higher contrast on that background (over white): WCAG needs 4.5:1."""
    return _ink(_alpha(share))


@functools.cache  # a few dozen shades, tens of thousands of cells
def _ink(alpha: float) -> str:
    background = [round(255 - (255 - c) * alpha) for c in INDIGO]
    return DARK if contrast(background, (0, 0, 0)) >= contrast(background, (255, 255, 255)) else LIGHT


def contrast(a: Sequence[int], b: Sequence[int]) -> float:
    """WCAG contrast ratio of two sRGB colours."""

    def luminance(rgb: Sequence[int]) -> float:
        linear = [(c / 255 / 12.92) if c <= 10 else ((c / 255 + 0.055) / 1.055) ** 2.4 for c in rgb]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def strengths(archive: Archive) -> dict[tuple[str, str], Counter[str]]:
    """(theme slug, plan id) → how many of the plan's items are about the theme, and mention it."""
    found: dict[tuple[str, str], Counter[str]] = {}
    for plan in archive.plans:
        for item in plan.items:
            for match in item.themes:
                found.setdefault((match.slug, plan.meta.id), Counter())[match.strength] += 1
    return found


def _cell(counts: Counter[str], items: int, href: str, where: str) -> Cell:
    count = sum(counts.values())
    about = counts[ABOUT]
    title = f"{where}：主题 {about} 条，涉及 {count - about} 条" if count else ""
    share = count / (items or 1)
    return Cell(count, heat(count, share), href if count else "", title, ink(share) if count else "inherit")


def by_year(archive: Archive, counted: dict[tuple[str, str], Counter[str]]) -> Heatmap:
    """Theme × year, for the themes index (themes/): a cell links to the theme's page for the year."""
    years = sorted({p.meta.year for p in archive.plans})
    plans_of = {y: [p for p in archive.plans if p.meta.year == y] for y in years}
    columns = tuple(Column((str(y),), f"../years/{y}/", f"{y}年：{len(plans_of[y])} 份工作要点") for y in years)
    rows = []
    for theme in archive.themes:
        cells = []
        for y in years:
            counts: Counter[str] = Counter()
            for p in plans_of[y]:
                counts.update(counted.get((theme.slug, p.meta.id), {}))
            items = sum(len(p.items) for p in plans_of[y])
            cells.append(_cell(counts, items, f"{theme.slug}/{y}/", f"{y}年"))
        rows.append(Row(theme.name, f"{theme.slug}/", tuple(cells)))
    return Heatmap(columns, tuple(r for r in rows if r.count))  # no empty rows


def by_plan(archive: Archive, plans: Sequence[Plan], counted: dict[tuple[str, str], Counter[str]]) -> Heatmap:
    """Theme × plan, for a year's page (years/<year>/): a cell links to the plan on the theme's year page."""
    columns = tuple(Column((p.meta.listing[-1],), f"../../plans/{p.meta.id}/", p.meta.title) for p in plans)
    rows = tuple(
        Row(
            theme.name,
            f"../../themes/{theme.slug}/",
            tuple(
                _cell(
                    counted.get((theme.slug, p.meta.id), Counter()),
                    len(p.items),
                    f"../../themes/{theme.slug}/{p.meta.year}/#plan-{p.meta.id}",
                    p.meta.title,
                )
                for p in plans
            ),
        )
        for theme in archive.themes
    )
    return Heatmap(columns, tuple(r for r in rows if r.count))  # a theme no plan of the year has: no row
