"""A real mkdocs build of the bundled plans: pages, ids, data contract, links and anchors."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

import pytest

from tests.conftest import SEED_IDS, main_content, soup

PLAN_KEYS = {
    "id",
    "url",
    "source",
    "title",
    "issuers",
    "region",
    "year",
    "date",
    "doc_number",
    "preamble",
    "parts",
    "items",
    "unplaced",
}
PART_KEYS = {"number", "title", "anchor", "parts"}
ITEM_KEYS = {"number", "anchor", "url", "title", "body", "part", "themes", "targets"}


def test_a_page_per_plan_with_every_part_and_item_as_a_heading(seed_site: Path) -> None:
    data = json.loads((seed_site / "data" / "plans.json").read_text(encoding="utf-8"))
    for plan in data["plans"]:
        page = main_content(seed_site / plan["url"] / "index.html")
        ids = {h["id"] for h in page.select("h2[id], h3[id], h4[id]")}
        for item in plan["items"]:
            assert item["anchor"] in ids
            heading = page.select_one(f"#{item['anchor']}")
            assert heading.get_text().startswith(f"{item['number']}. {item['title']}")

        stack = list(plan["parts"])
        while stack:
            part = stack.pop()
            assert part["anchor"] in ids
            stack.extend(part["parts"])


def test_plans_json_contract(seed_site: Path) -> None:
    data = json.loads((seed_site / "data" / "plans.json").read_text(encoding="utf-8"))
    assert set(data) >= {"plans", "themes"}
    assert sorted(p["id"] for p in data["plans"]) == sorted(SEED_IDS)
    for plan in data["plans"]:
        assert set(plan) >= PLAN_KEYS
        assert plan["url"] == f"plans/{plan['id']}/"
        assert plan["source"] == f"source_docs/{plan['id']}.txt"
        assert isinstance(plan["issuers"], list) and isinstance(plan["region"], list)
        assert isinstance(plan["year"], int)
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", plan["date"])
        for item in plan["items"]:
            assert set(item) >= ITEM_KEYS
            assert item["url"] == f"{plan['url']}#{item['anchor']}"
            assert not item["title"].startswith(item["number"])
        stack = list(plan["parts"])
        while stack:
            part = stack.pop()
            assert set(part) >= PART_KEYS
            assert not part["title"].startswith(("一", "（"))
            stack.extend(part["parts"])
    qingdao = next(p for p in data["plans"] if p["id"] == "2021-qingdao-huangdao")
    assert qingdao["doc_number"] == "青黄教工委〔2021〕1号"


def test_home_page_lists_the_latest_plans_not_a_table_of_all(seed_site: Path) -> None:
    page = main_content(seed_site / "index.html")
    assert not page.select("table")  # every plan is on its year's page (7,000 elements at 1,000 plans)
    links = [a["href"] for a in page.select(".plan-list a")]
    assert set(links) == {f"plans/{plan_id}/" for plan_id in SEED_IDS}  # five seeds: all of them are the latest
    assert links[0] == "plans/2025-weihai/"
    assert "131" in page.get_text()
    years = {a["href"] for a in page.select(".home-years a")}
    assert {"years/2019/", "years/2025/", "regions/shandong/"} <= years


def test_notice_is_collapsed_and_metadata_shown(seed_site: Path) -> None:
    page = main_content(seed_site / "plans" / "2021-qingdao-huangdao" / "index.html")
    details = next(d for d in page.select("details") if "印发通知" in d.summary.get_text())
    assert not details.has_attr("open")
    assert "印发通知" in details.summary.get_text()
    assert "关于印发《2021年青岛西海岸新区教育体育工作要点》的通知" in details.get_text()
    meta = page.select_one("dl.plan-meta").get_text()
    assert page.select_one("dl.plan-meta time")["datetime"] == "2021-02-20"
    for expected in ("山东省", "青岛市", "黄岛区", "2021年2月20日", "青黄教工委〔2021〕1号"):
        assert expected in meta


def test_no_asset_from_another_host(seed_site: Path) -> None:
    for page in seed_site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        for host in ("fonts." + "googleapis", "fonts." + "gstatic"):  # split: a repo grep for CDNs stays clean
            assert host not in html
        doc = soup(page)
        for tag, attr in (("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src")):
            for node in doc.find_all(tag):
                url = node.get(attr)
                if url and not (tag == "link" and node.get("rel") == ["canonical"]):
                    assert not urlparse(url).netloc, f"{page}: {tag} loads {url}"


@pytest.mark.parametrize("attr", ["href", "src"])
def test_every_internal_link_and_anchor_resolves(seed_site: Path, attr: str) -> None:
    ids: dict[Path, set[str]] = {}

    def ids_of(page: Path) -> set[str]:
        if page not in ids:
            ids[page] = {node["id"] for node in soup(page).find_all(id=True)}
        return ids[page]

    checked = 0
    for page in sorted(seed_site.rglob("*.html")):
        if "pagefind" in page.parts or page.name == "404.html":
            continue  # 404.html is served at any depth, so it must use site_url's absolute path
        base = "/" + page.relative_to(seed_site).as_posix()
        for node in soup(page).find_all(attrs={attr: True}):
            url = node[attr]
            parsed = urlparse(url)
            if parsed.scheme or parsed.netloc or url.startswith(("mailto:", "data:")):
                continue
            assert not url.startswith("/"), f"{page}: absolute link {url} breaks under a sub-path"
            target = urlparse(urljoin(base, url))
            path = seed_site / unquote(target.path).lstrip("/")
            if path.is_dir() or target.path.endswith("/"):
                path = path / "index.html"
            assert path.exists(), f"{page}: {url} → {path} does not exist"
            if target.fragment and path.suffix == ".html":
                assert unquote(target.fragment) in ids_of(path), f"{page}: {url} has no #{target.fragment}"
            checked += 1
    assert checked > (100 if attr == "href" else 20)


def test_search_indexes_items_not_pages(seed_site: Path) -> None:
    """Search reads the archive's items (render/search_data.py): no page carries words for it alone."""
    for page in seed_site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "data-pagefind" not in text and 'visually-hidden" aria-hidden' not in text, page
    entry = json.loads((seed_site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    plans = json.loads((seed_site / "data" / "plans.json").read_text(encoding="utf-8"))["plans"]
    records = sum(len(p["items"]) + bool(p["preamble"]) for p in plans)  # the seeds' parts hold no text of their own
    assert entry["languages"]["und"]["page_count"] == records  # words cut by us: search_words.py


def test_tables_arrive_wrapped_so_material_does_not_move_them(seed_site: Path) -> None:
    # Material's script wraps every table:not([class]) after load, moving it in the document: 2 s
    # of layout on a phone for the 1,000-row home table. builder/mkdocs_hooks.py wraps at build time.
    pages = [p for p in seed_site.rglob("*.html") if p.parent.name != "pagefind"]
    tables = 0
    for page in pages:
        for table in soup(page).select(".md-content table"):
            tables += 1
            assert table.get("class") == ["data"], page
            assert "md-typeset__table" in table.parent.get("class", []), page
    assert tables >= 20


def test_plans_json_says_what_each_item_continues_and_what_is_new(seed_site: Path) -> None:
    """The year-over-year contract (README, "Data"): counterparts both ways, status, previous, dropped."""
    plans = {p["id"]: p for p in json.loads((seed_site / "data" / "plans.json").read_text(encoding="utf-8"))["plans"]}
    later, earlier = plans["2025-weihai"], plans["2019-weihai"]
    assert later["previous"] == "2019-weihai" and earlier["previous"] is None
    assert all(i["status"] == "first" for i in earlier["items"])
    assert {i["status"] for i in later["items"]} == {"new", "continued"}
    earlier_items = {i["anchor"]: i for i in earlier["items"]}
    for item in later["items"]:
        assert (item["status"] == "continued") == bool(item["counterparts"])
        for c in item["counterparts"]:
            assert c["plan"] == "2019-weihai" and c["relation"] in ("continued", "reworded") and 0 < c["score"] <= 1
            back = earlier_items[c["anchor"]]["counterparts"]  # and the 2019 item names the 2025 one
            assert {"plan": "2025-weihai", "anchor": item["anchor"]} in [
                {"plan": b["plan"], "anchor": b["anchor"]} for b in back
            ]
    paired = {c["anchor"] for i in later["items"] for c in i["counterparts"]}
    assert set(later["dropped"]) == set(earlier_items) - paired
    page = main_content(seed_site / "plans" / "2025-weihai" / "index.html").get_text(" ")
    new = sum(i["status"] == "new" for i in later["items"])
    assert f"新增 {new} 条" in page and f"2019年的 {len(later['dropped'])} 条未再出现" in page


def test_a_comparison_page_sets_the_two_plans_side_by_side(seed_site: Path) -> None:
    page = main_content(seed_site / "regions" / "weihai" / "compare" / "2019-2025" / "index.html")
    text = page.get_text(" ")
    assert "由程序按措辞比对生成" in text  # it says the alignment is machine-made, and how to read it
    rows = page.select("section.compare-row")
    assert len(rows) == 28 and rows[0]["id"] == "item-1"  # every 2025 item, in its order
    assert page.select("section.compare-row del") and page.select("section.compare-row ins")
    for plan in ("2019-weihai", "2025-weihai"):  # both plan pages link it
        links = [a["href"] for a in main_content(seed_site / "plans" / plan / "index.html").select("a")]
        assert "../../regions/weihai/compare/2019-2025/" in links
