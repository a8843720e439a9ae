"""The site in real Chromium: search, citations, phone and print layouts, sortable table, axe-core.

One browser and one static server for the module; queries are typed key by key, as a person would.
Screenshots are kept under build/screenshots/ for people to look at.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pytest
from playwright.sync_api import expect

from tests.browser_support import screenshot, search

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="module")
def context(browser: Any, site_url: str) -> Iterator[Any]:
    ctx = browser.new_context(viewport=DESKTOP, locale="zh-CN")
    ctx.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url.rstrip("/"))
    yield ctx
    ctx.close()


@pytest.fixture
def page(context: Any, site_url: str) -> Iterator[Any]:
    """A desktop page that fails the test if it asks any other host for anything."""
    tab = context.new_page()
    foreign: list[str] = []
    host = urlparse(site_url).netloc
    tab.on("request", lambda r: foreign.append(r.url) if urlparse(r.url).netloc not in (host, "") else None)
    errors: list[str] = []
    tab.on("pageerror", lambda e: errors.append(str(e)))
    yield tab
    tab.close()
    assert not foreign, f"requests to other hosts: {foreign}"
    assert not errors, f"JavaScript errors: {errors}"


def anchor_of(href: str) -> str:
    """'/plans/2025-weihai/#item-19' → '2025-weihai#item-19'."""
    match = re.search(r"plans/([^/]+)/#(.+)$", href)
    assert match, href
    return f"{match[1]}#{match[2]}"


def plans_json(seed_site: Path) -> dict[str, Any]:
    return json.loads((seed_site / "data" / "plans.json").read_text(encoding="utf-8"))


def test_shuangjian_finds_item_19_of_2025_weihai_and_clicking_scrolls_to_it(page: Any, site_url: str) -> None:
    page.goto(site_url)
    hits = search(page, "双减")
    assert "2025-weihai#item-19" in [anchor_of(h["href"]) for h in hits[:3]]
    first = hits[0]
    assert "年" in first["plan"] and "2025" in first["plan"]  # plan title and year under each item
    screenshot(page, "search-desktop")
    page.click(".archive-hit a[href$='2025-weihai/#item-19']")
    page.wait_for_url(re.compile(r"plans/2025-weihai/#item-19$"))
    page.wait_for_timeout(300)
    top = page.evaluate("document.getElementById('item-19').getBoundingClientRect().top")
    assert 0 <= top < 300, f"item-19 is at {top}px, not scrolled into view below the header"
    assert not page.locator("#archive-search").evaluate("d => d.open")


def test_tuoguan_finds_items_in_at_least_three_plans(page: Any, site_url: str) -> None:
    page.goto(site_url)
    hits = search(page, "托管")
    plans = {anchor_of(h["href"]).split("#")[0] for h in hits}
    assert len(plans) >= 3, plans
    assert all("#item-" in h["href"] or "-item-" in h["href"] for h in hits[:3])  # results are items


def test_jiaoyu_finds_items_that_only_say_xueqian_jiaoyu(page: Any, site_url: str, seed_site: Path) -> None:
    """Pagefind's Chinese segmentation must not hide 教育 inside 学前教育 (filters narrow the list)."""
    plan = next(p for p in plans_json(seed_site)["plans"] if p["id"] == "2020-wenzhou-longwan")
    only = [
        i
        for i in plan["items"]
        if "学前教育" in i["title"] + i["body"] and "教育" not in (i["title"] + i["body"]).replace("学前教育", "")
    ]
    assert only, "the seed should hold an item that says 教育 only inside 学前教育"
    page.goto(site_url)
    page.click("[data-archive-search-open]")
    page.click(".archive-search__filters summary")
    page.wait_for_selector("select[name=place1] option[value='浙江省']", state="attached")
    page.select_option("select[name=place1]", "浙江省")
    hits = search(page, "教育")
    found = {anchor_of(h["href"]) for h in hits}
    assert f"2020-wenzhou-longwan#{only[0]['anchor']}" in found
    assert all(a.startswith("2020-wenzhou-longwan#") for a in found)  # the region filter applies
    screenshot(page, "search-filtered")


def test_a_phrase_found_in_one_item_lands_on_that_item(page: Any, site_url: str) -> None:
    page.goto(site_url + "years/")
    hits = search(page, "三红工程")
    assert anchor_of(hits[0]["href"]) == "2020-weihai-huancui#item-1"
    page.locator(".archive-hit a").first.click()
    page.wait_for_url(re.compile(r"plans/2020-weihai-huancui/#item-1$"))
    assert "三红工程" in page.locator("#item-1 ~ p").first.inner_text()


@pytest.mark.parametrize("query", ["学前教育", "家庭教育"])
def test_items_whose_title_holds_the_query_rank_first(page: Any, site_url: str, query: str) -> None:
    page.goto(site_url)
    hits = [h for h in search(page, query) if "item-" in h["href"]]
    in_title = [query in h["title"] for h in hits]
    assert any(in_title) and not all(in_title), in_title
    assert in_title == sorted(in_title, reverse=True), [h["title"] for h in hits]


def test_print_hides_navigation_and_shows_each_items_url(page: Any, site_url: str) -> None:
    page.goto(site_url + "plans/2019-weihai/")
    page.emulate_media(media="print")
    assert not page.locator(".md-header").is_visible()
    assert not page.locator(".md-sidebar--primary").is_visible()
    after = page.evaluate("getComputedStyle(document.getElementById('item-6'), '::after').content")
    assert f"{site_url}plans/2019-weihai/#item-6" in after
    screenshot(page, "plan-print", full_page=False)
    page.emulate_media(media="screen")


def test_a_plans_table_sorts_by_column(page: Any, site_url: str) -> None:
    page.goto(site_url + "years/2020/")
    page.click("th:has-text('条目') button")
    counts = [int(c) for c in page.locator("table.data").first.locator("tbody tr td:last-child").all_inner_texts()]
    assert counts == sorted(counts) and len(counts) == 2
    assert page.get_attribute("th:has-text('条目')", "aria-sort") == "ascending"
    page.click("th:has-text('条目') button")
    counts = [int(c) for c in page.locator("table.data").first.locator("tbody tr td:last-child").all_inner_texts()]
    assert counts == sorted(counts, reverse=True)
    screenshot(page, "year-desktop")


def test_phone_reaches_the_contents_and_goes_to_item_n(browser: Any, site_url: str) -> None:
    ctx = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True, locale="zh-CN")
    tab = ctx.new_page()
    try:
        tab.goto(site_url + "plans/2021-qingdao-huangdao/")
        toc = tab.locator("details.plan-toc")
        assert toc.is_visible()
        screenshot(tab, "plan-phone")
        toc.locator("summary").click()
        tab.locator("details.plan-toc a[href='#item-3']").click()
        expect(tab).to_have_url(re.compile(r"#item-3$"))  # polls: a same-page hash change is no navigation
        tab.fill("#goto-item-number", "12")
        tab.click(".goto-item button")
        expect(tab).to_have_url(re.compile(r"#item-12$"))
        top = tab.evaluate("document.getElementById('item-12').getBoundingClientRect().top")
        assert 0 <= top < 300
        tab.click("[data-archive-search-open]")
        tab.locator("#archive-search-input").press_sequentially("托管", delay=60)
        tab.wait_for_selector(".archive-hit")
        screenshot(tab, "search-phone")
    finally:
        ctx.close()


def test_404_page_is_chinese_and_useful(page: Any, site_url: str) -> None:
    response = page.goto(site_url + "plans/no-such-plan/")
    assert response.status == 404
    assert "页面不存在" in page.locator("h1").inner_text()
    assert page.locator("a:has-text('返回首页')").count() == 1
    screenshot(page, "not-found")


def test_first_search_is_light(page: Any, site_url: str) -> None:
    """Pagefind loads only when the search opens; report the bytes a first search fetches."""
    page.goto(site_url + "plans/2025-weihai/")
    before = page.evaluate("performance.getEntriesByType('resource').map(r => r.name)")
    assert not any("pagefind" in name for name in before)
    search(page, "双减")
    size = page.evaluate("""performance.getEntriesByType('resource').filter(r => r.name.includes('/pagefind/'))
        .reduce((n, r) => n + (r.encodedBodySize || r.transferSize || 0), 0)""")
    print(f"first search fetched {size} bytes of Pagefind")
    assert size < 600_000


AXE_PAGES = [
    "",
    "plans/2019-weihai/",
    "regions/weihai/",
    "themes/shuangjian/",
    "themes/shuangjian/2021/",
    "years/2020/",
]


@pytest.mark.parametrize("path", [*AXE_PAGES, "search"])
def test_no_serious_axe_violations(page: Any, site_url: str, path: str) -> None:
    from axe_playwright_python.sync_playwright import Axe

    if path == "search":
        page.goto(site_url)
        search(page, "双减")
    else:
        page.goto(site_url + path)
    results = Axe().run(page)
    serious = [v for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
    assert not serious, results.generate_report()
