"""The site under a sub-path, as GitHub project pages serve it: https://<user>.github.io/<repo>/.

Built with SITE_URL=http://127.0.0.1:<port>/<repo>/ and served under /<repo>/ only (anything outside
answers 404), so a root-relative link, asset or search URL fails here.
"""

from __future__ import annotations

import re
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlparse

import pytest
from bs4 import BeautifulSoup

from builder.build import Paths, build_site
from builder.progress import Progress
from tests.browser_support import launch, screenshot, serve
from tests.conftest import ROOT, SOURCES

REPO = "workplan-archive"
pytestmark = pytest.mark.xdist_group("subpath")


@pytest.fixture(scope="module")
def subpath_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    tmp = tmp_path_factory.mktemp("subpath")
    site = tmp / "site"
    with serve(site, prefix=REPO) as url, pytest.MonkeyPatch.context() as env:
        env.setenv("SITE_URL", url)  # mkdocs.yml: site_url: !ENV [SITE_URL, ""]; builder.config.site_url reads it too
        build_site(Paths.under(ROOT, sources=SOURCES, site_dir=site, docs_dir=tmp / "docs"), Progress(enabled=False))
        yield url, site


def status_of(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return int(response.status)
    except urllib.error.HTTPError as error:
        return error.code


def test_every_link_and_asset_resolves_under_the_sub_path(subpath_site: tuple[str, Path]) -> None:
    url, site = subpath_site
    checked: dict[str, int] = {}
    for page in sorted(site.rglob("*.html")):
        if "pagefind" in page.parts:
            continue
        rel = page.relative_to(site).as_posix()
        page_url = url + (rel[: -len("index.html")] if rel.endswith("index.html") else rel)
        doc = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for node in doc.find_all(attrs={"href": True}) + doc.find_all(attrs={"src": True}):
            link = node.get("href") or node.get("src")
            target = urljoin(page_url, link).split("#", 1)[0]
            if urlparse(target).netloc != urlparse(url).netloc:
                continue
            assert urlparse(target).path.startswith(f"/{REPO}/"), f"{rel}: {link} leaves the sub-path"
            if target not in checked:
                checked[target] = status_of(target)
            assert checked[target] == 200, f"{rel}: {link} → {target} answers {checked[target]}"
    assert len(checked) > 30


def test_404_page_uses_the_sub_path(subpath_site: tuple[str, Path]) -> None:
    url, site = subpath_site
    doc = BeautifulSoup((site / "404.html").read_text(encoding="utf-8"), "html.parser")
    links = [
        n.get("href") or n.get("src") for n in doc.find_all(attrs={"href": True}) + doc.find_all(attrs={"src": True})
    ]
    local = [link for link in links if not urlparse(link).netloc and not link.startswith("#")]
    assert local and all(link.startswith(f"/{REPO}/") for link in local), local
    assert status_of(url + "plans/no-such-plan/") == 404


def test_feed_and_csv_carry_absolute_urls(subpath_site: tuple[str, Path]) -> None:
    url, site = subpath_site
    assert f"{url}plans/2025-weihai/" in (site / "feed.xml").read_text(encoding="utf-8")
    assert f"{url}plans/2019-weihai/#item-6" in (site / "data" / "items.csv").read_text(encoding="utf-8-sig")


@pytest.mark.browser
def test_search_and_pages_work_under_the_sub_path(subpath_site: tuple[str, Path]) -> None:
    playwright_api = pytest.importorskip("playwright.sync_api")
    url, _ = subpath_site
    failed: list[str] = []
    with playwright_api.sync_playwright() as playwright:
        browser = launch(playwright)
        page: Any = browser.new_page(viewport={"width": 1280, "height": 800})
        page.on("response", lambda r: failed.append(f"{r.status} {r.url}") if r.status >= 400 else None)
        page.goto(url + "regions/weihai/")
        page.click("[data-archive-search-open]")
        page.locator("#archive-search-input").press_sequentially("双减", delay=60)
        page.wait_for_selector(".archive-hit a[href*='2025-weihai/#item-19']")
        href = page.get_attribute(".archive-hit a[href*='2025-weihai/#item-19']", "href")
        assert href == f"/{REPO}/plans/2025-weihai/#item-19"
        page.click(f".archive-hit a[href='{href}']")
        page.wait_for_url(re.compile(r"/plans/2025-weihai/#item-19$"))
        assert page.locator("#item-19 .cite-button").count() == 1  # archive.js loaded under the sub-path
        # the 404 page, reached at some depth, still finds its stylesheet and script
        response = page.goto(url + "plans/2099-nowhere/deep/")
        assert response.status == 404
        assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") in ("fixed", "sticky")
        screenshot(page, "not-found-subpath")
        page.click("a:has-text('返回首页')")
        page.wait_for_url(url)
        browser.close()
    assert failed == [f"404 {url}plans/2099-nowhere/deep/"], failed
