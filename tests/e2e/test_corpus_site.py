"""The held-out half of the corpus built as a site, each plan with only title, issuers and year in
its sidecar: every clause the file holds (page chrome aside) is on its plan's page, sub-items have
their own anchors, and an attachment is its own section."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from builder.sources.clean import _is_web_chrome
from builder.sources.readers import reader_for
from builder.sources.textutil import han_and_digits
from tests import corpus_support as corpus
from tests.browser_support import launch, screenshot, serve
from tests.conftest import build_tree, main_content
from tests.e2e.test_fidelity import clauses

HELD_OUT = [p for p in corpus.files() if corpus.half(p.stem) == "heldout"]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    files: dict[str, str | bytes] = {}
    for path in HELD_OUT:
        files[path.name] = path.read_bytes()
        labels = corpus.load(path).labels
        if sidecar := corpus.sidecar_of(labels):
            files[f"{path.stem}.yml"] = sidecar
    return build_tree(tmp_path_factory.mktemp("corpus"), files)


@pytest.fixture(scope="module")
def plans(site: Path) -> dict[str, dict[str, Any]]:
    data = json.loads((site / "data" / "plans.json").read_text(encoding="utf-8"))
    return {Path(p["source"]).stem: p for p in data["plans"]}


# A one-line plan's title and part headings are headings of their own on the page: a clause ends there.
_HEADING_BREAK = re.compile(r"(?=[一二三四五六七八九十]+、)|(?<=工作计划)|(?<=工作要点)")


def _source_text(path: Path) -> str:
    """What the file says, as its reader gives it, less the lines that are page chrome."""
    reader = reader_for(path.suffix)
    assert reader is not None
    read = reader.read(path.read_bytes(), path.name)
    assert read.text is not None
    kept = [line for line in read.text.splitlines() if not _is_web_chrome(line.strip(), [])]
    return "\n".join(piece for line in kept for piece in _HEADING_BREAK.split(line))


@pytest.mark.parametrize("path", HELD_OUT, ids=lambda p: p.stem)
def test_every_clause_of_a_held_out_plan_is_on_its_page(site: Path, plans: dict, path: Path) -> None:
    page = han_and_digits(main_content(site / plans[path.stem]["url"] / "index.html").get_text(""))
    missing = [c for c in clauses(_source_text(path)) if c not in page]
    assert not missing, f"{len(missing)} clauses missing, e.g. {missing[:3]}"


def test_sub_items_and_attachments_on_the_page_and_in_the_data(site: Path, plans: dict) -> None:
    plan = plans["2020-shaoxing-xueshengfazhan-jihua"]
    page = main_content(site / plan["url"] / "index.html")
    annex = page.find(id="annex")
    assert annex is not None and "行事历" in annex.get_text()
    assert plan["annex"].startswith("附：")
    with_subitems = [(p, i) for p in plans.values() for i in p["items"] if i["items"]]
    assert with_subitems, "a held-out plan has sub-items"
    owner, item = with_subitems[0]
    sub = item["items"][0]
    assert sub["anchor"] == f"{item['anchor']}-{sub['number']}" and sub["url"].endswith("#" + sub["anchor"])
    heading = main_content(site / owner["url"] / "index.html").find(id=sub["anchor"])
    assert heading is not None and "subitem" in heading.get("class", [])


@pytest.mark.browser
@pytest.mark.xdist_group("browser")
def test_a_sub_item_is_cited_as_its_items_part(site: Path, plans: dict) -> None:
    playwright_api = pytest.importorskip("playwright.sync_api")
    owner, item = next((p, i) for p in plans.values() for i in p["items"] if i["items"])
    sub = item["items"][1]
    with serve(site) as url, playwright_api.sync_playwright() as playwright:
        browser = launch(playwright)
        context = browser.new_context(viewport={"width": 390, "height": 844})
        context.grant_permissions(["clipboard-read", "clipboard-write"], origin=url.rstrip("/"))
        tab = context.new_page()
        tab.goto(url + owner["url"] + "#" + sub["anchor"])
        tab.click(f"#{sub['anchor']} .cite-button")
        tab.locator(f"#{sub['anchor']} .cite-menu button", has_text="文字").click()
        tab.wait_for_function(f"document.querySelector('#{sub['anchor']} .cite-button').textContent === '已复制'")
        copied = tab.evaluate("navigator.clipboard.readText()")
        screenshot(tab, "subitem-phone")
        browser.close()
    place = f"第{item['number']}条第（{sub['number']}）项“{sub['title']}”。"
    assert f"《{owner['title']}》" in copied and place in copied, copied
    assert copied.endswith(f"{url}{owner['url']}#{sub['anchor']}")
