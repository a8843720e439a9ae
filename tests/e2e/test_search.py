"""Search as a visitor uses it, in Chromium, on the seed site, against a labelled query set
(tests/e2e/search_queries.yml): exact matches first and all of them, honest counts, absent words
said to be absent, themes as themes, excerpts from the item's own words, and a search that lives in
the URL, the keyboard and an input method."""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from builder.sources.textutil import simplified
from tests.browser_support import launch, screenshot, serve
from tests.conftest import ROOT

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

QUERIES = yaml.safe_load((ROOT / "tests" / "e2e" / "search_queries.yml").read_text(encoding="utf-8"))["queries"]
QUOTES = "\"“”「」'‘’『』"
# Which entry of the results list holds a hit: the theme card, the exact group, the others.
GROUP_OF = "a => [...a.closest('.archive-search__results').children].indexOf(a.closest('.archive-search__group'))"


def fold(text: str) -> str:
    """The archive's spelling: half width, simplified, no spaces (what "contains" means here)."""
    return re.sub(r"\s+", "", simplified(unicodedata.normalize("NFKC", text))).lower()


@pytest.fixture(scope="module")
def archive(seed_site: Path) -> dict[str, Any]:
    data = json.loads((seed_site / "data" / "plans.json").read_text(encoding="utf-8"))
    items = {}
    for plan in data["plans"]:
        # a browse lists plans newest first, then by place (listed_under), then by id
        newest = (-plan["year"], plan["listed_under"], plan["id"])
        for item in plan["items"]:
            text = item["title"] + "\n" + item["body"]
            items[f"/{item['url']}"] = {
                "text": text,
                "folded": fold(text),
                "themes": item["themes"],
                "newest": newest,
                "heading": f"{item['marker']}{item['title']}",
            }
        if plan["preamble"]:  # the words outside items are searchable too (the seeds' parts have none)
            first = plan["parts"][0] if plan["parts"] else {"marker": "", "title": ""}
            text = f"{first['marker']}{first['title']}\n{plan['preamble']}"  # 一、总体思路 may head it
            items[f"/{plan['url']}#preamble"] = {"text": text, "folded": fold(text), "themes": [], "newest": newest}
    themes = {t["name"]: t["slug"] for t in data["themes"]}
    return {"items": items, "themes": themes}


@pytest.fixture(scope="module")
def site_url(seed_site: Path) -> Iterator[str]:
    with serve(seed_site) as url:
        yield url


@pytest.fixture(scope="module")
def tab(site_url: str) -> Iterator[Any]:
    playwright_api = pytest.importorskip("playwright.sync_api")
    with playwright_api.sync_playwright() as playwright:
        browser = launch(playwright)
        page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="zh-CN")
        page.goto(site_url)
        page.click("[data-archive-search-open]")
        yield page
        browser.close()


def settled(tab: Any, query: str = "") -> None:
    """Until the dialog answers (the query itself, when given: not a word typed on the way to it)."""
    tab.wait_for_function(
        "q => { const s = document.querySelector('.archive-search__status').textContent;"
        " return s && !s.includes('正在') && s.includes(q)"
        " && !document.querySelector('.archive-search__results[aria-busy]'); }",
        arg=query.strip(QUOTES),
        timeout=20000,
    )
    tab.wait_for_timeout(150)


def type_query(tab: Any, query: str, ime: bool = False) -> None:
    box = tab.locator("#archive-search-input")
    # every test starts from no filter (another test may have left one chosen)
    tab.evaluate("document.querySelectorAll('#archive-search select').forEach(s => { s.value = ''; })")
    box.fill("")
    tab.evaluate("document.querySelector('.archive-search__status').textContent = ''")
    if ime:  # as a Chinese keyboard types: pinyin composed first, the characters committed at the end
        cdp = tab.context.new_cdp_session(tab)
        box.focus()
        for partial in ("k", "ke", "keh"):
            cdp.send(
                "Input.imeSetComposition",
                {"text": partial, "selectionStart": len(partial), "selectionEnd": len(partial)},
            )
        tab.wait_for_timeout(400)
        assert tab.inner_text(".archive-search__status") == "", "searched while composing"
        cdp.send("Input.insertText", {"text": query})
        cdp.detach()
    else:
        box.press_sequentially(query, delay=30)
    settled(tab, query)


def shown(tab: Any) -> dict[str, Any]:
    """What the dialog shows: status, the theme card, the exact group (all of it), the rest."""
    more = tab.locator(".archive-search__more:visible")
    while more.count():
        more.first.click()
        tab.wait_for_timeout(150)
    groups = tab.locator(".archive-search__results > li.archive-search__group")
    exact = groups.nth(0).locator(":scope > ol > li.archive-hit a") if groups.count() else None
    hits = []
    for link in tab.locator(".archive-hit a").all():
        excerpt = link.locator(".archive-hit__excerpt")
        hits.append(
            {
                "href": link.get_attribute("href"),
                "title": link.locator(".archive-hit__title").inner_text(),
                "excerpt": excerpt.inner_text() if excerpt.count() else "",
                "group": link.evaluate(GROUP_OF),
            }
        )
    card = tab.locator(".archive-theme-card")
    return {
        "status": tab.inner_text(".archive-search__status"),
        "card": card.inner_text() if card.count() else "",
        "exact": [h["href"] for h in hits if h["group"] == (1 if card.count() else 0)] if exact is not None else [],
        "hits": hits,
    }


def path_of(href: str) -> str:
    """A hit's item, as plans.json names it; the preamble (at the page's top or under 一、) as #preamble."""
    path = "/" + href.split("://", 1)[-1].split("/", 1)[-1] if "://" in href else href
    return path if "#item-" in path or "-item-" in path else path.split("#")[0] + "#preamble"


@pytest.mark.parametrize("case", QUERIES, ids=lambda c: f"{c['kind']}-{c['q']}")
def test_the_labelled_query_set(tab: Any, archive: dict[str, Any], case: dict[str, Any]) -> None:
    query = case["q"].strip(QUOTES)
    expected = {url for url, item in archive["items"].items() if fold(query) in item["folded"]}
    type_query(tab, case["q"], case.get("ime", False))
    seen = shown(tab)
    exact = [path_of(h) for h in seen["exact"]]
    if case["kind"] == "absent":
        assert not expected, f"the label is wrong: {query} is in {sorted(expected)[:3]}"
        assert seen["status"].startswith(f"没有条目包含“{query}”")
    elif case["kind"] == "theme":
        slug = archive["themes"][case["theme"]]
        tagged = {url for url, item in archive["items"].items() if slug in item["themes"]}
        assert seen["card"].startswith(f"主题：{case['theme']}")
        listed = [path_of(h["href"]) for h in seen["hits"]][: len(expected) + len(tagged)]
        first = listed[: min(len(tagged), 10)]
        assert sum(u in tagged | expected for u in first) / len(first) >= 0.8, first
        assert tagged <= set(listed), "the theme card's items are all listed"
    else:
        assert expected, f"the label is wrong: {query} is in no item"
        assert seen["status"] == f"{len(expected)} 条包含“{query}”"
        first = exact[: min(len(expected), 10)]
        assert all(u in expected for u in first), first  # precision of the first min(N, 10): 1.0
        assert set(exact) == expected, "every exact match is found"
    for hit in seen["hits"]:  # every excerpt is the item's own visible words
        item = archive["items"][path_of(hit["href"])]
        assert item.get("heading", hit["title"]) == hit["title"], "the title is read back from its index words"
        text = re.sub(r"\s+", "", item["text"])
        for piece in hit["excerpt"].replace("\u200b", "").split("…"):
            assert re.sub(r"\s+", "", piece) in text, (hit["href"], piece)


def test_a_theme_card_lists_all_its_items(tab: Any, archive: dict[str, Any]) -> None:
    type_query(tab, "双减")
    tab.click(".archive-theme-card__browse")
    settled(tab)
    seen = shown(tab)
    tagged = {url for url, item in archive["items"].items() if "shuangjian" in item["themes"]}
    assert seen["status"] == f"共 {len(tagged)} 条"
    assert {path_of(h["href"]) for h in seen["hits"]} == tagged
    # newest plans first, each plan's items in its own order (Pagefind's record order: no sort key)
    order = [url for url in archive["items"] if url in tagged]  # plans.json order within a plan
    newest = {url: archive["items"][url]["newest"] for url in order}
    expected = sorted(order, key=lambda url: (newest[url], order.index(url)))
    assert [path_of(h["href"]) for h in seen["hits"]] == expected
    assert "theme=" in tab.url and "q=" not in tab.url
    screenshot(tab, "search-theme-browse")


def test_filters_count_items_and_places_go_down_the_hierarchy(tab: Any, archive: dict[str, Any]) -> None:
    tab.evaluate("document.querySelectorAll('#archive-search select').forEach(s => { s.value = ''; })")
    tab.fill("#archive-search-input", "")
    details = tab.locator(".archive-search__filters")
    if not details.evaluate("d => d.open"):
        details.locator("summary").click()
    # items (and the preambles' records), not plans: the count is the whole archive's once no filter is on
    shandong_items = sum(1 for url in archive["items"] if not url.startswith("/plans/2020-wenzhou"))
    shown_as = f"山东省（{shandong_items}）"
    tab.wait_for_function(
        "t => [...document.querySelectorAll('select[name=place1] option')].some(o => o.textContent === t)", arg=shown_as
    )
    tab.select_option("select[name=place1]", "山东省")
    settled(tab)
    assert tab.locator("select[name=place2]").is_visible()
    cities = tab.locator("select[name=place2] option").all_inner_texts()
    assert any(c.startswith("威海市") for c in cities) and not any(c.startswith("温州市") for c in cities)
    assert tab.inner_text(".archive-search__status") == f"共 {shandong_items} 条"
    tab.select_option("select[name=place1]", "")


def test_keyboard_and_the_back_button(tab: Any, site_url: str) -> None:
    type_query(tab, "县管校聘")
    assert "q=%E5%8E%BF%E7%AE%A1%E6%A0%A1%E8%81%98" in tab.url
    tab.keyboard.press("ArrowDown")
    focused = tab.evaluate("document.activeElement.getAttribute('href')")
    assert focused and "#item-" in focused
    tab.keyboard.press("ArrowUp")
    assert tab.evaluate("document.activeElement.id") == "archive-search-input"
    tab.keyboard.press("Enter")  # opens the first result
    tab.wait_for_url(re.compile(r"/plans/.+#item-\d+$"))
    tab.go_back()
    tab.wait_for_selector("#archive-search[open]")
    settled(tab)
    assert tab.input_value("#archive-search-input") == "县管校聘"
    assert tab.inner_text(".archive-search__status").endswith("条包含“县管校聘”")
    tab.keyboard.press("Escape")
    assert not tab.locator("#archive-search").evaluate("d => d.open")
    assert "q=" not in tab.url
    tab.click("[data-archive-search-open]")


def test_an_absent_word_offers_near_words(tab: Any) -> None:
    type_query(tab, "托育")
    tab.wait_for_selector(".archive-search__word")
    words = tab.locator(".archive-search__word").all_inner_texts()
    assert any("托" in w for w in words[:3]), words
    screenshot(tab, "search-absent")


def test_without_javascript_the_search_link_leads_to_browsing(tab: Any, site_url: str) -> None:
    context = tab.context.browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url)
    link = page.locator("a[data-archive-search-open]")
    assert link.is_visible()
    link.click()
    page.wait_for_url(re.compile(r"/themes/$"))
    context.close()
