"""Word and PDF originals built into a real site: every clause of each seed reaches the plan page read
from its original, and the original is published beside it byte for byte, and linked.

One original per seed, of every kind: a .doc (through LibreOffice), two PDFs, a .docx with Word's
automatic numbering and one with typed numbers (tests/fixtures/office/, scripts/make_office_fixtures.py).
A broken Word file stops the build with one problem and leaves the previous site alone.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from builder.sources.textutil import han_and_digits
from tests.browser_support import launch, screenshot, serve
from tests.conftest import ROOT, SOURCES, build_tree, main_content
from tests.e2e.test_fidelity import clauses

pytestmark = [pytest.mark.build, pytest.mark.xdist_group("office_site")]

OFFICE = ROOT / "tests" / "fixtures" / "office"
ORIGINALS = {  # the name in source_docs/ → the fixture
    "2019-weihai.doc": "2019-weihai.doc",
    "2020-weihai-huancui.pdf": "2020-weihai-huancui.pdf",
    "2020-wenzhou-longwan.docx": "2020-wenzhou-longwan.auto.docx",
    "2021-qingdao-huangdao.docx": "2021-qingdao-huangdao.typed.docx",
    "2025-weihai.pdf": "2025-weihai.pdf",
}
LABELS = {".doc": "Word 文档", ".docx": "Word 文档", ".pdf": "PDF"}


@pytest.fixture(scope="module")
def office_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    files: dict[str, str | bytes] = {name: (OFFICE / fixture).read_bytes() for name, fixture in ORIGINALS.items()}
    return build_tree(tmp_path_factory.mktemp("office"), files)


@pytest.fixture(scope="module")
def plans(office_site: Path) -> dict[str, dict[str, Any]]:
    data = json.loads((office_site / "data" / "plans.json").read_text(encoding="utf-8"))
    return {Path(p["source"]).name: p for p in data["plans"]}


@pytest.mark.parametrize("name", sorted(ORIGINALS))
def test_every_clause_of_the_seed_reaches_the_page_read_from_its_original(
    office_site: Path, plans: dict, name: str
) -> None:
    seed = name.split(".", 1)[0]
    plan = plans[name]
    assert plan["id"] == seed
    shown = han_and_digits(main_content(office_site / plan["url"] / "index.html").get_text(""))
    missing = [c for c in clauses((SOURCES / f"{seed}.txt").read_text(encoding="utf-8")) if c not in shown]
    assert not missing, f"{len(missing)} clauses missing, e.g. {missing[:3]}"


@pytest.mark.parametrize("name", sorted(ORIGINALS))
def test_the_original_is_published_byte_for_byte_and_linked(office_site: Path, plans: dict, name: str) -> None:
    plan = plans[name]
    seed, suffix = name.split(".", 1)[0], Path(name).suffix
    assert plan["original"] == f"plans/{seed}/{name}"
    assert (office_site / plan["original"]).read_bytes() == (OFFICE / ORIGINALS[name]).read_bytes()
    page = main_content(office_site / plan["url"] / "index.html")
    link = page.find("a", href=name)
    assert link is not None and link.get_text().startswith(LABELS[suffix] + "（")
    assert "source_docs" not in page.get_text()


def test_a_part_and_an_item_numbered_by_word_are_headings_with_their_numbers(office_site: Path, plans: dict) -> None:
    page = main_content(office_site / plans["2020-wenzhou-longwan.docx"]["url"] / "index.html")
    part = page.find(id="part-2-1")
    item = page.find(id="item-4")
    assert part is not None and part.get_text(" ", strip=True).startswith("（一）大力实施")
    assert item is not None and item.get_text(" ", strip=True).startswith("4")


def test_a_damaged_word_file_stops_the_build_and_the_site_stays(tmp_path: Path) -> None:
    site = build_tree(tmp_path, {"2019-weihai.docx": (OFFICE / "2019-weihai.typed.docx").read_bytes()})
    before = {p.relative_to(site): p.stat().st_mtime_ns for p in site.rglob("*")}
    sources = tmp_path / "source_docs"
    (sources / "2025-weihai.docx").write_bytes((OFFICE / "2025-weihai.auto.docx").read_bytes()[:4000])
    command = [sys.executable, "-m", "builder", "build", "--root", str(ROOT), "--sources", str(sources)]
    run = subprocess.run([*command, "--site-dir", str(site)], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert run.returncode == 1, run
    assert "source_docs/2025-weihai.docx: this Word file is damaged" in run.stderr
    assert "Traceback" not in run.stderr + run.stdout
    assert {p.relative_to(site): p.stat().st_mtime_ns for p in site.rglob("*")} == before


@pytest.mark.browser
def test_a_plan_read_from_a_pdf_on_a_phone_and_its_original_opens(office_site: Path, plans: dict) -> None:
    playwright_api = pytest.importorskip("playwright.sync_api")
    plan = plans["2025-weihai.pdf"]
    with serve(office_site) as url, playwright_api.sync_playwright() as playwright:
        browser = launch(playwright)
        tab = browser.new_page(viewport={"width": 390, "height": 844})
        tab.goto(url + plan["url"])
        assert tab.locator("h1").first.inner_text().startswith("中共威海市委教育工委")
        screenshot(tab, "plan-from-pdf-phone")
        with tab.expect_response(lambda r: r.url.endswith("2025-weihai.pdf")) as response:
            tab.evaluate("href => fetch(href)", "2025-weihai.pdf")
        assert response.value.status == 200 and response.value.headers["content-type"] == "application/pdf"
        browser.close()
