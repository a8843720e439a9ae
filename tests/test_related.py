"""Related items across plans: TF-IDF cosine over the private tokenizer's words."""

from __future__ import annotations

from pathlib import Path

import pytest

from builder.archive import Archive
from builder.enrich import enrich
from builder.load import load_plan
from builder.related import cosine, related, tfidf_vectors
from builder.taxonomy import TAXONOMY_FILE, load_taxonomy
from tests.conftest import ROOT, SEED_IDS, SOURCES, soup


@pytest.fixture(scope="module")
def archive() -> Archive:
    plans = [load_plan(SOURCES / f"{plan_id}.txt", ROOT).plan for plan_id in SEED_IDS]
    themes, _ = load_taxonomy(SOURCES / TAXONOMY_FILE, TAXONOMY_FILE)
    return enrich(Archive.of([p for p in plans if p]), themes)


def test_cosine_of_tfidf_vectors() -> None:
    a, b, c = tfidf_vectors([["学前", "普惠"], ["学前", "普惠"], ["足球", "联赛"]])
    assert cosine(a, b) == pytest.approx(1.0)
    assert cosine(a, c) == 0.0
    found = related(["p1#1", "p1#2", "p2#1"], ["p1", "p1", "p2"], [["学前", "普惠"], ["学前", "普惠"], ["足球"]])
    assert found["p1#1"] == ()  # the twin is in the same plan, the other plan's item is unrelated


def test_related_items_are_elsewhere_few_and_resolve(archive: Archive) -> None:
    pairs = 0
    for plan in archive.plans:
        for item in plan.items:
            assert len(item.related) <= 3
            for ref in item.related:
                found = archive.item(ref)
                assert found is not None and found[0].meta.id != plan.meta.id
                pairs += 1
    assert pairs >= 10


def test_items_on_the_same_subject_are_related(archive: Archive) -> None:
    def related_of(plan_id: str, number: int) -> tuple[str, ...]:
        plan = next(p for p in archive.plans if p.meta.id == plan_id)
        return plan.items[number - 1].related

    # 推进特殊教育优质融合发展 (2019) and 推动特殊教育优质融合发展 (2025); 师德师风 in three plans
    assert "2025-weihai#item-10" in related_of("2019-weihai", 9)
    assert "2021-qingdao-huangdao#item-8" in related_of("2020-wenzhou-longwan", 20)
    assert not any(r.startswith("2019-weihai#") for r in related_of("2019-weihai", 9))


def test_related_links_on_the_page(seed_site: Path) -> None:
    page = soup(seed_site / "plans" / "2019-weihai" / "index.html")
    heading = page.find(id="item-9")
    extras = None
    for sibling in heading.find_next_siblings():  # within item 9's own section only
        if sibling.name in ("h2", "h3", "h4"):
            break
        if "item-related" in (sibling.get("class") or []):
            extras = sibling
    assert extras is not None, "item 9 shows its related items"
    assert "../2025-weihai/#item-10" in {a["href"] for a in extras.find_all("a")}
