"""Reading and citing a plan page in real Chromium: the jump box, the landing mark, an address that
changes only when the visitor asks, and each citation form, read back from the clipboard.

The expected citations are written from the seed itself (source_docs/2019-weihai.txt: the notice is
signed 威海市教育局(中共威海市委教育工委) on 2019年2月14日, no 文号; item 6 is
“推进学前教育优质普惠发展”), not from the code under test.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.browser_support import screenshot

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

PLAN = "plans/2019-weihai/"
TITLE = "威海市教育局（中共威海市委教育工委）2019年工作要点"


@pytest.fixture
def context(browser: Any, site_url: str) -> Iterator[Any]:
    ctx = browser.new_context(viewport={"width": 1280, "height": 800}, locale="zh-CN")
    ctx.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url.rstrip("/"))
    yield ctx
    ctx.close()


def copied_with(page: Any, item: str, label: str) -> str:
    """Open the item's citation menu, choose `label`, return what the clipboard then holds."""
    page.locator(f"#{item} .cite-button").click()
    page.locator(f"#{item} .cite-menu button", has_text=label).click()
    page.wait_for_function(f"document.querySelector('#{item} .cite-button').textContent === '已复制'")
    return str(page.evaluate("navigator.clipboard.readText()"))


def test_each_citation_form_copies_what_its_button_says(context: Any, site_url: str) -> None:
    page = context.new_page()
    page.goto(site_url + PLAN)
    url = f"{site_url}{PLAN}#item-6"
    today = datetime.date.today().isoformat()
    assert copied_with(page, "item-6", "文字") == (
        f"威海市教育局、中共威海市委教育工委《{TITLE}》（2019年2月14日）第6条“推进学前教育优质普惠发展”。{url}"
    )
    assert copied_with(page, "item-6", "GB/T 7714") == (
        f"威海市教育局, 中共威海市委教育工委. {TITLE}: 第6条[EB/OL]. (2019-02-14)[{today}]. {url}"
    )
    assert copied_with(page, "item-6", "链接") == url
    page.locator("#item-6 .cite-button").click()
    screenshot(page, "plan-cite-menu", clip={"x": 0, "y": 0, "width": 1280, "height": 800})
    page.keyboard.press("Escape")
    expect(page.locator("#item-6 .cite-menu")).to_be_hidden()


def test_a_doc_number_is_part_of_the_citation(context: Any, site_url: str) -> None:
    page = context.new_page()
    page.goto(site_url + "plans/2021-qingdao-huangdao/")
    # the notice: 青黄教工委〔2021〕1号, 2021年2月20日
    assert "（青黄教工委〔2021〕1号，2021年2月20日）第1条" in copied_with(page, "item-1", "文字")


def test_copying_works_without_the_clipboard_api(browser: Any, context: Any, site_url: str) -> None:
    # WeChat's in-app browser has no navigator.clipboard: the page copies a selected field instead
    bare = browser.new_context(viewport={"width": 390, "height": 844}, locale="zh-CN")
    bare.add_init_script("Object.defineProperty(Navigator.prototype, 'clipboard', {get: () => undefined})")
    try:
        page = bare.new_page()
        page.goto(site_url + PLAN)
        assert page.evaluate("navigator.clipboard") is None
        page.locator("#item-6 .cite-button").click()
        page.locator("#item-6 .cite-menu button", has_text="链接").click()
        page.wait_for_function("document.querySelector('#item-6 .cite-button').textContent === '已复制'")
        reader = context.new_page()  # reads the same browser's clipboard, with the API
        reader.goto(site_url)
        assert reader.evaluate("navigator.clipboard.readText()") == f"{site_url}{PLAN}#item-6"
    finally:
        bare.close()


def test_the_jump_box_lands_on_the_item_marks_it_and_the_address_stays(context: Any, site_url: str) -> None:
    page = context.new_page()
    page.goto(site_url + PLAN)
    page.fill("#goto-item-number", "99")
    page.click(".goto-item button")
    expect(page.locator(".goto-item__status")).to_have_text("本文没有第99条")  # not the browser's bubble
    page.fill("#goto-item-number", "20")
    page.click(".goto-item button")
    expect(page).to_have_url(re.compile(r"#item-20$"))
    heading = page.locator("#item-20")
    assert page.evaluate("document.querySelector(':target').id") == "item-20"
    assert heading.evaluate("h => getComputedStyle(h).borderLeftStyle") == "solid", "the landed item is marked"
    page.wait_for_timeout(1500)
    assert page.url.endswith("#item-20"), "the address names what was asked for"
    page.mouse.wheel(0, 900)  # reading on: the address does not follow the scroll
    page.wait_for_timeout(800)
    assert page.url.endswith("#item-20")
    screenshot(page, "plan-landed", clip={"x": 0, "y": 0, "width": 1280, "height": 800})


def test_the_table_of_contents_highlights_the_item_landed_on(context: Any, site_url: str) -> None:
    page = context.new_page()
    page.goto(site_url + PLAN + "#item-20")
    page.wait_for_timeout(600)
    active = page.locator(".md-sidebar--secondary .md-nav__link--active")
    expect(active.last).to_have_attribute("href", "#item-20")
