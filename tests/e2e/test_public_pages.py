"""The public pages at a phone's 390 px and a desktop's 1,280 px, in real Chromium: nothing scrolls
sideways on a phone (a wide table or heatmap scrolls inside itself), titles come first in tables, and
each page is kept as a screenshot under build/screenshots/ for people to look at."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.browser_support import screenshot, serve

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

PAGES = {
    "home": "",
    "plan": "plans/2021-qingdao-huangdao/",
    "theme": "themes/shuangjian/",
    "theme-year": "themes/shuangjian/2021/",
    "region": "regions/shandong/",
    "year": "years/2020/",
    "compare": "regions/weihai/compare/2019-2025/",
}
SIZES = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 800}}


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("name", PAGES)
def test_page_fits_the_screen(browser: Any, site_url: str, name: str, size: str) -> None:
    phone = size == "phone"
    context = browser.new_context(viewport=SIZES[size], is_mobile=phone, has_touch=phone, locale="zh-CN")
    try:
        page = context.new_page()
        response = page.goto(site_url + PAGES[name])
        assert response is not None and response.ok, PAGES[name]
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= SIZES[size]["width"], f"{name} scrolls sideways: {width} px"
        for table in page.locator("table.data").all():  # a table's first column is its title, wide enough
            first = table.locator("thead th").first.inner_text()
            assert first in ("标题", "年份", "主题", "地区", "条目"), first
        screenshot(page, f"page-{name}-{size}", full_page=True)
    finally:
        context.close()


def test_the_home_page_is_a_way_in_not_a_table(browser: Any, site_url: str) -> None:
    page = browser.new_page(viewport=SIZES["phone"])
    try:
        page.goto(site_url)
        assert page.locator("table").count() == 0
        assert page.locator(".home-themes a").count() >= 10, "the themes, as shortcuts"
        assert page.locator(".plan-list li").count() == 5, "the latest plans (the seeds are five)"
        page.fill("#home-search-input", "课后服务")
        page.press("#home-search-input", "Enter")
        page.wait_for_function("document.querySelector('.archive-search__status').textContent.includes('条包含')")
        assert "q=" in page.url
    finally:
        page.close()


def test_theme_pages_show_items_a_chart_and_the_site_navigation(browser: Any, site_url: str) -> None:
    page = browser.new_page(viewport=SIZES["desktop"])
    try:
        page.goto(site_url + "themes/shuangjian/")
        assert str(page.locator("figure.chart svg[role=img] desc").text_content()).startswith("20")
        assert page.locator("#latest ~ ul li a[href*='plans/']").count() >= 1, "the newest items are listed"
        assert page.locator(".md-sidebar--primary .md-nav__link", has_text="按地区").count() >= 1
        page.goto(site_url + "themes/shuangjian/2021/")
        # the theme's years (themes/shuangjian/ lists 2019, 2020, 2021 and 2025): the one before, the one after
        assert page.locator(".year-steps a").all_inner_texts() == ["← 2020年", "2025年 →"]
    finally:
        page.close()


def test_any_two_years_of_a_series_side_by_side(browser: Any, tmp_path: Path) -> None:
    """A series of three plans (威海 2019, a 2022 copy of 2019, 2025): the 2022 → 2025 page's picker
    loads data/series/weihai.json and sets 2019 beside 2025."""
    from tests.conftest import SOURCES, build_tree

    files: dict[str, str | bytes] = {p.name: p.read_bytes() for p in SOURCES.glob("*weihai.txt")}
    files["_taxonomy.yml"] = (SOURCES / "_taxonomy.yml").read_bytes()
    files["2022-weihai.txt"] = (SOURCES / "2019-weihai.txt").read_bytes()
    files["2022-weihai.yml"] = "id: 2022-weihai\nyear: 2022\n"
    site = build_tree(tmp_path, files)
    assert (site / "data" / "series" / "weihai.json").is_file()
    with serve(site) as url:
        page = browser.new_page(viewport=SIZES["phone"])
        try:
            page.goto(url + "regions/weihai/compare/2022-2025/")
            page.wait_for_selector(".series-picker:not([hidden])")
            page.select_option("select[name=earlier]", "2019-weihai")
            page.select_option("select[name=later]", "2022-weihai")
            page.click(".series-picker button")
            listed = page.locator(".series-picker__list > li")
            expect_count = len(
                json.loads((site / "data" / "plans.json").read_text(encoding="utf-8"))["plans"][1]["items"]
            )
            assert listed.count() == expect_count
            # the same text a year later: every item continues its twin, word for word
            assert page.locator(".series-picker__list .compare-tag--new").count() == 0
            assert "（措辞相近）" in listed.first.inner_text()
            screenshot(page, "compare-picker-phone", full_page=False)
        finally:
            page.close()
