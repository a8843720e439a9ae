"""Theme names and synonyms reach search: 双减 finds items tagged 双减 that never say 双减."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from tests.browser_support import launch, serve

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

SEARCH = """async ([query, filters]) => {
  const pagefind = await import('./pagefind/pagefind.js');
  const search = await pagefind.search(query, {filters});
  const pages = await Promise.all(search.results.map((r) => r.data()));
  return pages.flatMap((p) => p.sub_results.map((s) => s.url));
}"""


def test_a_theme_name_finds_items_tagged_with_it(seed_site: Path) -> None:
    data = json.loads((seed_site / "data" / "plans.json").read_text(encoding="utf-8"))
    tagged = [
        f"/{plan['url']}#{item['anchor']}"
        for plan in data["plans"]
        for item in plan["items"]
        if "shuangjian" in item["themes"] and "双减" not in item["title"] + item["body"]
    ]
    assert tagged, "the seeds have items about 双减 that never say 双减"
    with serve(seed_site) as url, sync_playwright() as playwright:
        browser = launch(playwright)
        page = browser.new_page()
        page.goto(url)
        found = set(page.evaluate(SEARCH, ["双减", {}]))
        by_theme = set(page.evaluate(SEARCH, ["教育", {"theme": "双减"}]))
        browser.close()
    assert "/plans/2019-weihai/#item-16" in found  # 切实减轻中小学生课业负担
    assert len(set(tagged) & found) >= 0.8 * len(tagged)
    assert by_theme and all(
        u.split("#")[0] in {t.split("#")[0] for t in tagged} | {"/plans/2025-weihai/"} for u in by_theme
    )
