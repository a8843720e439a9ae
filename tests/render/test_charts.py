"""Charts drawn at build time (builder/render/charts.py): the figures are in the text, not only the picture."""

from __future__ import annotations

import re

from builder.render.charts import Bar, bar_chart


def test_a_bar_chart_says_every_value_in_words() -> None:
    svg = bar_chart([Bar("2019年", 5), Bar("2020年", 0), Bar("2021年", 10)], "“双减”每年的条目数")
    assert 'role="img"' in svg and '<title id="chart-title">“双减”每年的条目数</title>' in svg
    assert '<desc id="chart-desc">2019年：5 条；2020年：0 条；2021年：10 条</desc>' in svg
    heights = [int(h) for h in re.findall(r'<rect [^>]*height="(\d+)"', svg)]
    assert heights == [60, 0, 120]  # the tallest bar is the largest count, the others in proportion


def test_text_in_a_chart_is_escaped() -> None:
    svg = bar_chart([Bar("<b>", 1)], "a & <script>")
    assert "<script>" not in svg and "&lt;script&gt;" in svg and "&lt;b&gt;" in svg


def test_no_bars_no_chart() -> None:
    assert bar_chart([], "空") == ""
