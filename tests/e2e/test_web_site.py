"""Saved web pages, built into a real site: every clause of each page's body reaches its plan page,
and the original is published beside it, safe, and linked.

Five government-style pages made from the seeds (tests/fixtures/web/) and the four real saved pages
of tests/corpus/web/. A real page's body is taken from the container its labels name (read off the
page by a person), not from the reader under test.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pytest
from selectolax.lexbor import LexborHTMLParser

from builder.sources.textutil import han_and_digits
from tests.browser_support import launch, screenshot, serve
from tests.conftest import ROOT, SOURCES, build_tree, main_content, soup
from tests.e2e.test_fidelity import clauses

pytestmark = pytest.mark.xdist_group("web_site")

FIXTURES = ROOT / "tests" / "fixtures" / "web"
CORPUS = ROOT / "tests" / "corpus" / "web"
REAL_BODY = ".conTxt"  # the container the real pages' labels name (div.printArea > div.conTxt)


@pytest.fixture(scope="module")
def web_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    files: dict[str, str | bytes] = {page.name: page.read_bytes() for page in FIXTURES.glob("*.html")}
    files.update({page.name: page.read_bytes() for page in CORPUS.glob("*.html")})
    return build_tree(tmp_path_factory.mktemp("web"), files)


@pytest.fixture(scope="module")
def plans(web_site: Path) -> dict[str, dict[str, Any]]:
    data = json.loads((web_site / "data" / "plans.json").read_text(encoding="utf-8"))
    return {Path(p["source"]).name: p for p in data["plans"]}


@pytest.mark.parametrize("page", sorted(p.name for p in FIXTURES.glob("*.html")))
def test_every_clause_of_a_fixture_page_reaches_its_plan_page(web_site: Path, plans: dict, page: str) -> None:
    seed = page.removesuffix(".html").split("-", 1)[1]
    plan = plans[page]
    assert plan["id"] == seed
    shown = han_and_digits(main_content(web_site / plan["url"] / "index.html").get_text(""))
    missing = [c for c in clauses((SOURCES / f"{seed}.txt").read_text(encoding="utf-8")) if c not in shown]
    assert not missing, f"{len(missing)} clauses missing, e.g. {missing[:3]}"


@pytest.mark.parametrize("page", sorted(p.name for p in CORPUS.glob("*.html")))
def test_every_clause_of_a_real_page_reaches_its_plan_page(web_site: Path, plans: dict, page: str) -> None:
    body = LexborHTMLParser((CORPUS / page).read_bytes().decode("utf-8")).css_first(REAL_BODY)
    assert body is not None
    shown = han_and_digits(main_content(web_site / plans[page]["url"] / "index.html").get_text(""))
    blocks = body.css("p, div, td")  # the innermost blocks: a paragraph, or a table's cell
    source = "\n".join(node.text(deep=True) for node in blocks if not node.css_first("p, div, td"))
    missing = [c for c in clauses(source) if c not in shown]
    assert not missing, f"{len(missing)} clauses missing, e.g. {missing[:3]}"


def test_a_title_printed_over_two_lines_names_the_issuer_and_its_region(plans: dict) -> None:
    plan = plans["sxjyj-2011-cxzy-gongzuosilu.html"]
    assert plan["title"] == "中共绍兴市教育局委员会2011年创先争优活动工作思路"  # 中共…2011年 / 创先争优活动工作思路
    assert (plan["issuers"], plan["region"], plan["level"]) == (
        ["中共绍兴市教育局委员会"],
        ["浙江省", "绍兴市"],
        "city",
    )


def test_a_school_is_listed_on_its_own_page_beside_its_region(web_site: Path, plans: dict) -> None:
    plan = plans["sxyz-2019xn-gongzuoyaodian.html"]
    assert (plan["issuers"], plan["level"], plan["year"]) == (["绍兴市第一中学"], "school", 2019)  # 2019学年
    assert plan["listed_under"] == ["浙江省", "绍兴市", "绍兴市第一中学"]
    page = main_content(web_site / plan["url"] / "index.html")
    issuer = page.select_one("dl.plan-meta dd a[href='../../regions/shaoxingshidiyizhongxue/']")
    assert issuer is not None and issuer.get_text() == "绍兴市第一中学"
    school = main_content(web_site / "regions" / "shaoxingshidiyizhongxue" / "index.html")
    assert school.find("a", href=f"../../{plan['url']}") is not None
    city = main_content(web_site / "regions" / "shaoxing" / "index.html")
    assert city.find("a", href="../shaoxingshidiyizhongxue/") is not None


def test_the_original_is_published_and_linked(web_site: Path, plans: dict) -> None:
    plan = plans["trs-2019-weihai.html"]
    assert plan["original"] == "plans/2019-weihai/2019-weihai.html"
    assert plan["source_url"] == "https://jyj.example.org/art/plan.html"
    original = soup(web_site / plan["original"])
    assert not original.find_all(["script", "iframe", "form", "img", "link"])
    assert "2019年,市教育局(市委教育工委)工作的总体要求是" in original.get_text()  # as the page printed it
    page = main_content(web_site / "plans" / "2019-weihai" / "index.html")
    link = page.find("a", href="2019-weihai.html")
    assert link is not None and link.get_text().startswith("网页（") and link.get_text().endswith("KB）")
    assert "source_docs" not in page.get_text()


@pytest.fixture(scope="module")
def site_url(web_site: Path) -> Iterator[str]:
    with serve(web_site) as url:
        yield url


@pytest.mark.browser
def test_a_reader_opens_the_original_and_it_loads_nothing_from_elsewhere(site_url: str) -> None:
    playwright_api = pytest.importorskip("playwright.sync_api")
    with playwright_api.sync_playwright() as playwright:
        browser = launch(playwright)
        for viewport, name in (({"width": 1280, "height": 800}, "desktop"), ({"width": 390, "height": 844}, "phone")):
            tab = browser.new_page(viewport=viewport)
            foreign: list[str] = []

            def record(request: Any, found: list[str] = foreign) -> None:
                if urlparse(request.url).hostname != "127.0.0.1":
                    found.append(request.url)

            tab.on("request", record)
            tab.goto(site_url + "plans/2019-weihai/")
            screenshot(tab, f"plan-with-original-{name}")
            tab.click("a[href='2019-weihai.html']")
            tab.wait_for_url("**/plans/2019-weihai/2019-weihai.html")
            assert "存档副本" in tab.inner_text("body")
            screenshot(tab, f"original-{name}")
            assert not foreign, foreign
            tab.close()
        browser.close()
