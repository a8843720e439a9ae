"""Heatmaps: every number readable on its shade, darker for a larger share, and the cells' counts."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from builder.render import heatmaps


def _rgb(background: str) -> tuple[int, int, int]:
    """An rgba() over white, as the reader sees it."""
    r, g, b, a = (float(x) for x in re.findall(r"[\d.]+", background))
    return tuple(round(255 - (255 - c) * a) for c in (r, g, b))  # type: ignore[return-value]


@pytest.mark.parametrize("share", [i / 100 for i in range(0, 101, 5)])
def test_ink_meets_wcag_contrast_on_every_shade(share: float) -> None:
    background = _rgb(heatmaps.heat(1, share))
    ink = (0, 0, 0) if heatmaps.ink(share) == heatmaps.DARK else (255, 255, 255)
    assert heatmaps.contrast(background, ink) >= 4.5


def test_a_larger_share_is_never_lighter() -> None:
    alphas = [float(heatmaps.heat(1, s / 100).rsplit(",", 1)[1].rstrip(")")) for s in range(101)]
    assert alphas == sorted(alphas)
    assert heatmaps.heat(0, 0.5) == "transparent"


def test_a_cell_counts_about_and_mentions() -> None:
    cell = heatmaps._cell(Counter({"about": 2, "mentions": 3}), 10, "x/", "某地")
    assert cell.count == 5 and cell.href == "x/"
    assert cell.title == "某地：主题 2 条，涉及 3 条"
    empty = heatmaps._cell(Counter(), 10, "x/", "某地")
    assert empty.count == 0 and empty.href == "" and empty.title == ""
