"""Small charts drawn at build time: SVG in the page, no script, with a text alternative.

A chart is a list of bars (a label and a count, in order). `bar_chart` draws them as an SVG whose
<title> says what it shows and whose <desc> lists every value ("2019年：5 条；…"), so a screen reader
(and a search engine) reads the figures, and the figures are printed under the bars too: the
picture adds nothing a reader without it lacks. Theme pages use it for items per year; the
year-over-year comparison pages can use it for a series' themes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

BAR = 28  # px per bar, gaps included
HEIGHT = 120  # px of the tallest bar
LABELS = 34  # px under the bars: the count and the label


@dataclass(frozen=True)
class Bar:
    label: str  # 2019年
    count: int


def bar_chart(
    bars: Sequence[Bar], title: str, unit: str = "条", key: str = "chart", tallest: int = HEIGHT, caption: str = ""
) -> str:
    """An inline SVG bar chart (one line of HTML, safe to place in Markdown); `key` makes its ids
    unique on a page that has several; `tallest` is the tallest bar's height in px (small multiples
    use less); `caption` replaces the title under the chart (the SVG's own title stays whole)."""
    if not bars:
        return ""
    top = max(b.count for b in bars) or 1
    width = BAR * len(bars)
    height = tallest + LABELS
    desc = "；".join(f"{b.label}：{b.count} {unit}" for b in bars)
    shapes = []
    for i, b in enumerate(bars):
        h = round(tallest * b.count / top)
        x = i * BAR + 4
        shapes.append(f'<rect x="{x}" y="{tallest - h}" width="{BAR - 8}" height="{h}"></rect>')
        middle = i * BAR + BAR / 2
        shapes.append(f'<text x="{middle:g}" y="{tallest + 13}">{b.count}</text>')
        shapes.append(f'<text x="{middle:g}" y="{tallest + 28}" class="chart__label">{escape(_short(b.label))}</text>')
    # drawn in the text's colour, so it prints and follows a dark scheme; text centred under its bar
    return (
        f'<figure class="chart"><svg class="chart__svg" role="img" aria-labelledby="{key}-title {key}-desc" '
        f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'fill="currentColor" font-size="11" text-anchor="middle">'
        f'<title id="{key}-title">{escape(title)}</title><desc id="{key}-desc">{escape(desc)}</desc>'
        + "".join(shapes)
        + f"</svg><figcaption>{escape(caption or title)}</figcaption></figure>"
    )


def _short(label: str) -> str:
    """Under a bar there is room for a year's last two digits: 2019年 → 19."""
    return label[2:4] if len(label) >= 4 and label[:4].isdigit() else label
