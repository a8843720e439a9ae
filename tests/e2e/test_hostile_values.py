"""Every value from a source file or a sidecar is data in every output, escaped for that output.

One small build with hostile values in every sidecar field and in the plan text, then each output
is read with a parser of its own kind (HTML as HTML, CSV with csv, XML with an XML parser, JSON
with json) and checked for elements, attributes, cells or text the values did not come with.
"""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from tests.browser_support import launch, search, serve
from tests.conftest import build_tree, soup

pytestmark = pytest.mark.xdist_group("hostile")  # one build, one worker

SITE_NAME = "教育工作要点档案"
SITE_URL = "https://example.org/archive/"
TITLE = "示例<b>测试</b>区教育局2023年工作要点</title><script>alert('t')</script>"
ISSUERS = ['=HYPERLINK("http://evil.example","点我")', '"><img src=x onerror=alert(1)>教育局']
REGION = ["-1+1省", "<script>alert(3)</script>市", "{{ 7*7 }}区"]
DOC_NUMBER = "@SUM(1)〔2023〕1号 javascript:alert(2)"
RECIPIENTS = '"><img src=x onerror=alert(4)>各学校'
SIDECAR = {"title": TITLE, "issuers": ISSUERS, "region": REGION, "year": 2023, "date": "2023-02-01"}
SIDECAR["doc_number"] = DOC_NUMBER
# A school with no region: listed on an issuer page named after it.
SCHOOL_SIDECAR = {"title": TITLE, "issuers": ["<script>alert(9)</script>{{ 7*7 }}中学"], "year": 2022}
SOURCE_URL = "https://example.org/plan?a=1&b=2#x"
SIDECAR["source_url"] = SOURCE_URL
# The saved web page published beside the text as its original: it must reach the site harmless.
ORIGINAL = """<!DOCTYPE html><html><head><meta charset="gb2312">
<meta http-equiv="refresh" content="0;url=https://evil.example/">
<base href="https://evil.example/"><link rel="stylesheet" href="https://cdn.example/x.css">
<title>示例区教育局2023年工作要点</title><script>alert(20)</script></head>
<body onload="alert(21)"><iframe src="https://evil.example/"></iframe>
<img src="x" onerror="alert(22)"><svg onload="alert(23)"></svg>
<form action="https://evil.example/"><input name="q"></form>
<div id="zoom" style="background:url(https://evil.example/x.png)">
<p><a href="javascript:alert(24)">示例区教育局2023年工作要点</a></p>
<p onclick="alert(25)">一、第一部分。这里是原网页的正文，用于检查发布的原文是否安全。
这里是原网页的正文，用于检查发布的原文是否安全。</p>
<p>1.第一条。这里是原网页的正文，用于检查发布的原文是否安全。
这里是原网页的正文，用于检查发布的原文是否安全。</p>
</div></body></html>""".encode("gb18030")

PLAN = f"""关于印发《示例区教育局2023年工作要点》的通知
{RECIPIENTS}：
现将《示例区教育局2023年工作要点》印发给你们，请认真贯彻落实。
示例区教育局
2023年2月1日
示例区教育局2023年工作要点
2023年工作的总体思路是：坚持</title><script>alert(5)</script>正确方向。
一、={{{{ 7*7 }}}}第一部分
（一）+子部分"><svg onload=alert(6)>
1.=HYPERLINK("http://evil.example","点我")条标题。正文javascript:alert(7)正文。
2.-1+1开头的条目。正文。
3.@SUM(1)开头的条目。新增学位500个。
4.标题[链接](javascript:alert(8))与<b>粗体</b>。正文{{% raw %}}结束。
"""

# What a value must never become, in any HTML page: these appear nowhere in a clean build.
INJECTED_TAGS = ("b", "img", "iframe", "base", "embed", "object")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("hostile")
    sidecar = yaml.safe_dump(SIDECAR, allow_unicode=True)
    with pytest.MonkeyPatch.context() as env:
        env.setenv("SITE_URL", SITE_URL)  # absolute links in the sitemap and the feed
        files = {"hostile.txt": PLAN, "hostile.yml": sidecar, "hostile.html": ORIGINAL}
        files.update({"school.txt": PLAN, "school.yml": yaml.safe_dump(SCHOOL_SIDECAR, allow_unicode=True)})
        return build_tree(tmp, files)


@pytest.fixture(scope="module")
def plan(site: Path) -> dict:
    data = json.loads((site / "data" / "plans.json").read_text(encoding="utf-8"))
    (found,) = [p for p in data["plans"] if p["source"].endswith("hostile.txt")]
    return found


def test_a_hostile_issuer_gets_an_issuer_page_with_a_plain_slug(site: Path) -> None:
    data = json.loads((site / "data" / "plans.json").read_text(encoding="utf-8"))
    (school,) = [p for p in data["plans"] if p["source"].endswith("school.txt")]
    assert school["listed_under"] == ["其他", SCHOOL_SIDECAR["issuers"][0]] and school["level"] == "school"
    slug = school["id"].removeprefix("2022-")
    assert slug.isascii() and slug.replace("-", "").isalnum()
    page = soup(site / "regions" / slug / "index.html")
    assert page.find("h1").get_text(strip=True).removesuffix("#") == SCHOOL_SIDECAR["issuers"][0]


def _html_pages(site: Path) -> list[Path]:
    pages = sorted(p for p in site.rglob("*.html") if "pagefind" not in p.parts)
    assert len(pages) > 5
    return pages


def test_no_html_page_gains_an_element_or_attribute_from_a_value(site: Path) -> None:
    for page in _html_pages(site):
        doc = soup(page)
        for tag in doc.find_all(True):
            assert tag.name not in INJECTED_TAGS, f"{page}: <{tag.name}> {tag}"
            handlers = [name for name in tag.attrs if name.lower().startswith("on")]
            assert not handlers, f"{page}: {tag.name} has {handlers}"
            for name in ("href", "src", "action"):
                value = str(tag.get(name, "")).strip().lower()
                assert not value.startswith("javascript:"), f"{page}: {tag}"
        for script in doc.find_all("script"):
            assert "alert(" not in script.get_text(), f"{page}: a value runs as a script"
        for meta in doc.find_all("meta", attrs={"http-equiv": True}):
            assert str(meta["http-equiv"]).lower() != "refresh", f"{page}: {meta}"
        for tag in doc.find_all(["link", "script", "img", "iframe", "source"]):
            if tag.name == "link" and set(tag.get("rel") or ()) & {"canonical", "alternate"}:
                continue  # names an address, loads nothing
            address = str(tag.get("href") or tag.get("src") or "")
            assert not address.startswith(("http:", "https:", "//")), f"{page}: loads {address} from another host"
        title = doc.find("title")
        assert title is not None and len(doc.find_all("title")) == 1, page
        assert "49" not in doc.get_text() or "{{ 7*7 }}" in doc.get_text(), f"{page}: a template ran"


def test_the_title_is_shown_exactly_as_written(site: Path, plan: dict) -> None:
    page = soup(site / "plans" / plan["id"] / "index.html")
    assert page.title is not None and page.title.get_text() == f"{TITLE} - {SITE_NAME}"
    h1 = page.select_one("article h1")
    assert h1 is not None and h1.get_text().rstrip("#").strip() == TITLE
    description = page.find("meta", attrs={"name": "description"})
    assert description is not None and TITLE in str(description["content"])
    og_title = page.find("meta", attrs={"property": "og:title"})
    assert og_title is not None and og_title["content"] == TITLE
    shown = page.get_text()
    for value in [*ISSUERS, *REGION, DOC_NUMBER, RECIPIENTS.split(">", 1)[0]]:
        assert value in shown, value
    home = soup(site / "index.html")
    assert any(a.get_text().strip() == TITLE for a in home.find_all("a")), "the home page's link to the plan"


def test_the_toc_and_header_keep_item_markup_as_text(site: Path, plan: dict) -> None:
    page = soup(site / "plans" / plan["id"] / "index.html")
    toc_text = " ".join(nav.get_text() for nav in page.find_all("nav"))
    assert "<b>粗体</b>" in toc_text and "[链接](javascript:alert(8))" in toc_text


def test_the_original_is_published_safe_and_linked(site: Path, plan: dict) -> None:
    assert plan["original"] == f"plans/{plan['id']}/{plan['id']}.html"
    assert plan["source_url"] == SOURCE_URL
    original = site / plan["original"]
    raw = original.read_bytes()
    raw.decode("utf-8")  # re-encoded as UTF-8
    doc = soup(original)
    assert "这里是原网页的正文" in doc.get_text()
    assert not doc.find_all(["script", "iframe", "form", "img", "svg", "base", "link"])
    assert not [t for t in doc.find_all(True) if any(a.lower().startswith("on") for a in t.attrs)]
    assert "url(" not in raw.decode("utf-8").split("</head>", 1)[1]
    policy = doc.find("meta", attrs={"http-equiv": "Content-Security-Policy"})
    assert policy is not None and "default-src 'none'" in str(policy["content"])
    page = soup(site / "plans" / plan["id"] / "index.html")
    link = page.find("a", href=f"{plan['id']}.html")
    assert link is not None and link.get_text().startswith("网页（")
    source = page.find("a", href=SOURCE_URL)
    assert source is not None and source.get_text() == SOURCE_URL
    assert "source_docs/" not in page.select_one("article").get_text()


def test_plans_json_holds_every_value_exactly(plan: dict) -> None:
    assert plan["title"] == TITLE
    assert plan["issuers"] == ISSUERS
    assert plan["region"] == REGION
    assert plan["doc_number"] == DOC_NUMBER
    assert plan["recipients"] == RECIPIENTS
    # Half-width brackets inside Chinese text become full-width in cleaning (see the README).
    assert plan["items"][0]["title"] == '=HYPERLINK（"http://evil.example","点我"）条标题'
    assert plan["parts"][0]["title"] == "={{ 7*7 }}第一部分"


def test_the_plan_id_and_urls_are_plain_ascii(plan: dict) -> None:
    assert plan["id"].isascii() and all(ch.isalnum() or ch == "-" for ch in plan["id"]), plan["id"]


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@pytest.mark.parametrize("name", ["items.csv", "targets.csv"])
def test_csv_cells_never_start_a_formula(site: Path, name: str) -> None:
    text = (site / "data" / name).read_bytes().decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert rows
    for row in rows:
        for column, cell in row.items():
            if column == "value":
                float(cell)  # a number stays a number, sign and all
                continue
            assert not cell.startswith(FORMULA_START), f"{name} {column}: {cell!r}"
    cells = [cell for row in rows for cell in row.values()]
    if name == "items.csv":
        assert "'" + '=HYPERLINK（"http://evil.example","点我"）条标题' in cells  # shown, one quote added
        assert any(cell.startswith("'=HYPERLINK") for cell in cells)
    else:
        assert {row["value"] for row in rows} == {"500"}  # a number, as printed (in both plans)


def test_feed_and_sitemap_are_well_formed_xml_holding_the_values(site: Path, plan: dict) -> None:
    atom = "{http://www.w3.org/2005/Atom}"
    feed = ET.fromstring((site / "feed.xml").read_bytes())
    entries = feed.findall(f"{atom}entry")
    (entry,) = [e for e in entries if any(plan["id"] in (link.get("href") or "") for link in e.iter(f"{atom}link"))]
    assert entry.findtext(f"{atom}title") == TITLE
    assert [a.findtext(f"{atom}name") for a in entry.findall(f"{atom}author")] == ISSUERS
    assert DOC_NUMBER in (entry.findtext(f"{atom}summary") or "")
    sitemap = ET.fromstring((site / "sitemap.xml").read_bytes())
    locations = [loc.text or "" for loc in sitemap.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert any(plan["id"] in loc for loc in locations)
    assert all("<" not in loc and '"' not in loc for loc in locations)


def test_the_report_lists_the_plan_by_its_exact_title(site: Path) -> None:
    report = soup(site / "report" / "index.html")
    links = [a for a in report.select("article a") if a.get_text().strip() == TITLE]
    assert links


def test_a_source_file_name_with_markup_is_text(tmp_path: Path) -> None:
    name = "x`<i>y`.txt"
    site = build_tree(tmp_path, {name: PLAN, name.replace(".txt", ".yml"): yaml.safe_dump(SIDECAR)})
    report: BeautifulSoup = soup(site / "report" / "index.html")
    assert not report.select("article i")
    codes = [code.get_text() for code in report.select("article code")]
    assert any(code.endswith(f"source_docs/{name}") for code in codes), codes  # shown exactly as named


@pytest.mark.browser
def test_no_value_runs_in_chromium_and_search_shows_them_as_text(site: Path, plan: dict) -> None:
    """What Pagefind indexes and our dialog shows: the values as text, and no script ever runs."""
    playwright_api = pytest.importorskip("playwright.sync_api")
    with serve(site) as url, playwright_api.sync_playwright() as playwright:
        browser = launch(playwright)
        page = browser.new_page()
        dialogs: list[str] = []
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        for path in [
            "",
            f"plans/{plan['id']}/",
            "report/",
            "regions/",
            "regions/qita/",
            "years/2023/",
            "no-such-page/",
            plan["original"],
        ]:
            page.goto(url + path)
        page.goto(url + f"plans/{plan['id']}/")
        hits = search(page, "粗体")
        assert hits, "the item with <b>粗体</b> in its title is found"
        assert any("<b>粗体</b>" in hit["title"] for hit in hits), hits
        assert any(TITLE in hit["plan"] for hit in hits), hits
        injected = page.evaluate("document.querySelectorAll('#archive-search b, #archive-search img').length")
        browser.close()
    assert injected == 0
    assert not dialogs, f"a value ran as a script: {dialogs}"
