"""Related items across plans: TF-IDF cosine over the private tokenizer's words."""

from __future__ import annotations

import math
from collections import Counter
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from builder.archive import Archive
from builder.config import TAXONOMY_FILE
from builder.enrich import related as related_module
from builder.enrich.analysis import enrich
from builder.enrich.related import CANDIDATES, MAX_RELATED, THRESHOLD, Vectors, related
from builder.enrich.taxonomy import load_taxonomy
from builder.sources.discover import load_plan
from tests.conftest import ROOT, SEED_IDS, SOURCES, soup


@pytest.fixture(scope="module")
def archive() -> Archive:
    plans = [load_plan(SOURCES / f"{plan_id}.txt", ROOT).plan for plan_id in SEED_IDS]
    themes, _ = load_taxonomy(SOURCES / TAXONOMY_FILE, TAXONOMY_FILE)
    return enrich(Archive.of([p for p in plans if p]), themes)


def test_cosine_of_tfidf_vectors() -> None:
    v = Vectors([["学前", "普惠"], ["普惠", "学前"], ["足球", "联赛"]])
    a, b = np.array([0, 0, 1]), np.array([1, 2, 2])
    assert v.dot(a, b) == pytest.approx([1.0, 0.0, 0.0])
    found = related(["p1#1", "p1#2", "p2#1"], ["p1", "p1", "p2"], [["学前", "普惠"], ["学前", "普惠"], ["足球"]])
    assert found["p1#1"] == ()  # the twin is in the same plan, the other plan's item is unrelated


def brute_force(keys: list[str], groups: list[str], documents: list[list[str]]) -> dict[str, tuple[str, ...]]:
    """Every pair compared, in plain Python: what related() must find when pruning drops nothing."""
    n = len(documents)
    df = Counter(w for doc in documents for w in set(doc))
    vectors = []
    for doc in documents:
        vec = {w: (1 + math.log(c)) * (math.log((1 + n) / (1 + df[w])) + 1) for w, c in Counter(doc).items()}
        norm = math.sqrt(sum(x * x for x in vec.values())) or 1.0
        vectors.append({w: x / norm for w, x in vec.items()})
    out = {}
    for i in range(n):
        scored = [
            (round(sum(x * vectors[j].get(w, 0.0) for w, x in vectors[i].items()), 9), keys[j])
            for j in range(n)
            if groups[j] != groups[i]
        ]
        best = sorted((s for s in scored if s[0] >= THRESHOLD), key=lambda s: (-s[0], s[1]))
        out[keys[i]] = tuple(k for _, k in best[:MAX_RELATED])
    return out


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from("ABC"), st.lists(st.sampled_from(["学前", "普惠", "托育", "足球", "课后", "服务", "减负"]))
        ),
        min_size=1,
        max_size=CANDIDATES + 1,
    )
)
def test_related_equals_all_pairs_when_nothing_is_pruned(corpus: list[tuple[str, list[str]]]) -> None:
    # at most 7 distinct words an item and 9 items: every word is a query word, every item a candidate
    keys = [f"{plan}#{k}" for k, (plan, _) in enumerate(corpus)]
    groups = [plan for plan, _ in corpus]
    documents = [words for _, words in corpus]
    expected = brute_force(keys, groups, documents)
    assert related(keys, groups, documents) == expected
    chunk = related_module.CHUNK
    try:  # items are worked out in chunks: two at a time must change nothing
        related_module.CHUNK = 2
        assert related(keys, groups, documents) == expected
    finally:
        related_module.CHUNK = chunk


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
        return tuple(ref.key for ref in plan.items[number - 1].related)

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
