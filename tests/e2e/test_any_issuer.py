"""A site of real plans from every level of issuer, each with little or no sidecar: it builds, each
plan is listed where a visitor looks for it (全国, a region, its issuer's page, 其他), and search's
region filter puts 全国 first and 其他 last."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.browser_support import launch, serve
from tests.conftest import build_tree, main_content, soup

CORPUS = Path(__file__).resolve().parent.parent / "corpus" / "issuers"
# What an editor would add, and no more (see tests/sources/test_issuers.py for each plan alone).
SIDECARS = {
    "province-jiaoyuting": "title: 山东省教育厅2020年工作要点\nissuers: [中共山东省委教育工委, 山东省教育厅]\n",
    "school-year": "title: 普陀二中2010学年第二学期工作计划\n",
    "school-year-2005": "issuers: [金山区朱泾第二小学]\n",
    "no-issuer-2017-untitled": "year: 2017\n",
}
LEFT_OUT = ("traditional-moe-2018",)  # the same plan as national-moe: the same id, by design


def heading(tag: Any) -> str:
    """A heading's text without its permalink mark."""
    return str(tag.get_text(strip=True)).removesuffix("#")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    files: dict[str, str | bytes] = {
        p.name: p.read_bytes() for p in CORPUS.glob("*.txt") if not p.name.endswith(".source.txt")
    }
    for name in LEFT_OUT:
        del files[f"{name}.txt"]
    files.update({f"{stem}.yml": text for stem, text in SIDECARS.items()})
    return build_tree(tmp_path_factory.mktemp("issuers"), files)


@pytest.fixture(scope="module")
def plans(site: Path) -> dict[str, dict[str, Any]]:
    data = json.loads((site / "data" / "plans.json").read_text(encoding="utf-8"))
    return {Path(p["source"]).stem: p for p in data["plans"]}


def test_every_level_is_built_and_listed_where_it_belongs(plans: dict[str, dict[str, Any]]) -> None:
    listed = {stem: (p["level"], p["listed_under"], p["id"]) for stem, p in plans.items()}
    assert listed["national-moe"] == ("national", ["全国"], "2018-jiaoyubu")
    assert listed["province-jiaoyuting"] == ("province", ["山东省"], "2020-shandong")
    assert listed["traditional"] == ("county", ["湖南省", "岳阳市", "临湘市"], "2017-yueyang-linxiang")
    assert listed["abbreviated-issuer"] == ("county", ["其他", "区教体局"], "2020-qujiaoti")
    assert listed["school"] == ("school", ["湖北省", "湖北开放职业学院"], "2019-hubeikaifangzhiyexueyuan")
    assert listed["school-year"][:2] == ("school", ["其他", "普陀二中"])
    assert plans["school-year"]["year"] == 2010  # 2010学年第二学期
    assert listed["no-issuer-2017-untitled"] == ("other", ["其他"], "2017-no-issuer-2017-untitled")
    assert len(plans) == len(list(CORPUS.glob("*.labels.yml"))) - len(LEFT_OUT)


def test_a_plan_with_no_issuer_found_shows_no_empty_row(site: Path, plans: dict[str, Any]) -> None:
    plan = plans["no-issuer-2017-untitled"]
    terms = [dt.get_text() for dt in main_content(site / plan["url"] / "index.html").select("dl.plan-meta dt")]
    assert plan["issuers"] == [] and "发文单位" not in terms and "地区" in terms


def test_regions_index_puts_nationwide_first_and_elsewhere_last(site: Path) -> None:
    headings = [heading(h) for h in main_content(site / "regions" / "index.html").select("h2")]
    assert headings[0] == "全国" and headings[-1] == "其他", headings
    assert {"山东省", "湖南省", "上海市", "湖北省"} <= set(headings)


def test_issuer_pages_list_their_plans_and_sit_under_their_place(site: Path, plans: dict[str, Any]) -> None:
    nationwide = main_content(site / "regions" / "quanguo" / "index.html")
    for stem in ("national-moe", "national-moe-2019"):
        assert nationwide.find("a", href=f"../../{plans[stem]['url']}") is not None
    elsewhere = main_content(site / "regions" / "qita" / "index.html")
    assert elsewhere.find("a", href="../qujiaoti/") is not None
    issuer = main_content(site / "regions" / "qujiaoti" / "index.html")
    assert heading(issuer.find("h1")) == "区教体局"
    assert issuer.find("a", href=f"../../{plans['abbreviated-issuer']['url']}") is not None


def test_a_traditional_plan_keeps_its_characters_and_finds_its_region(site: Path, plans: dict[str, Any]) -> None:
    page = main_content(site / plans["traditional"]["url"] / "index.html")
    assert heading(page.find("h1")) == "臨湘市教育體育局2017年工作計劃"
    region = [a.get_text() for a in page.find("dt", string="地区").find_next("dd").find_all("a")]
    assert region == ["湖南省", "岳阳市", "临湘市"]


def test_the_report_says_what_to_add_for_each_plan_it_could_not_place(site: Path) -> None:
    text = soup(site / "report" / "index.html").get_text(" ")
    assert "cannot tell which region 区教体局 is in" in text
    assert "cannot tell who issued this plan, nor where" in text


@pytest.fixture(scope="module")
def site_url(site: Path) -> Iterator[str]:
    with serve(site) as url:
        yield url


@pytest.mark.browser
@pytest.mark.xdist_group("browser")
def test_search_region_filter_lists_nationwide_first(site_url: str) -> None:
    playwright_api = pytest.importorskip("playwright.sync_api")
    with playwright_api.sync_playwright() as playwright:
        browser = launch(playwright)
        tab = browser.new_page()
        tab.goto(site_url)
        tab.click("[data-archive-search-open]")
        tab.click(".archive-search__filters summary")
        options = tab.locator("select[name=place1] option")
        options.nth(1).wait_for(state="attached", timeout=15_000)
        names = [o.split("（")[0] for o in options.all_text_contents()[1:]]
        tab.select_option("select[name=place1]", "其他")
        below = tab.locator("select[name=place2] option")
        below.nth(1).wait_for(state="attached", timeout=15_000)
        issuers = [o.split("（")[0] for o in below.all_text_contents()[1:]]
        browser.close()
    assert names[0] == "全国" and names[-1] == "其他", names
    assert "湖南省" in names and "区教体局" in issuers
