"""Related items across plans: TF-IDF cosine similarity over jieba tokens (pure, given the tokens)."""

from __future__ import annotations

import concurrent.futures
import logging
import math
import multiprocessing as mp
import os
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

log = logging.getLogger(__name__)

THRESHOLD = 0.25  # below this two items share words, not a subject (checked by eye on the seeds)
MAX_RELATED = 3
_CONTENT = re.compile(r"^[\u4e00-\u9fff]{2,}$")
# words of every plan's boilerplate: they say nothing about what an item is about
_BOILERPLATE = (
    "加强 推进 推动 深化 完善 健全 提升 提高 开展 实施 落实 做好 建立 建设 工作 进一步 全面 持续 积极 不断 "
    "切实 深入 坚持 强化 加快 加大 力度 机制 体系 水平 质量 发展 教育 学校 我市 全市 全区 新区 区域 各类 "
    "一批 重点 有效 实现 确保 形成 打造 优化 规范 组织 充分 发挥 作用 服务 管理 活动 以及 相关 要求"
)
STOPWORDS = frozenset(_BOILERPLATE.split(" "))


def content_words(words: Sequence[str]) -> list[str]:
    """Han words of two or more characters, boilerplate removed."""
    return [w for w in words if _CONTENT.match(w) and w not in STOPWORDS]


def tfidf_vectors(documents: Sequence[Sequence[str]]) -> list[dict[str, float]]:
    """A unit-length TF-IDF vector per document (sublinear term frequency, smoothed IDF)."""
    n = len(documents)
    df = Counter(w for doc in documents for w in set(doc))
    vectors = []
    for doc in documents:
        tf = Counter(doc)
        vec = {w: (1 + math.log(c)) * (math.log((1 + n) / (1 + df[w])) + 1) for w, c in tf.items()}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        vectors.append({w: v / norm for w, v in vec.items()})
    return vectors


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(w, 0.0) for w, v in a.items())


QUERY_TERMS = 8  # an item looks for neighbours through its most telling words only
POSTINGS = 25  # and, for each word, through the items where that word weighs most
CANDIDATES = 8  # the best partial scores get an exact cosine (same results as all pairs on the seeds)


def related(
    keys: Sequence[str],
    groups: Sequence[str],
    documents: Sequence[Sequence[str]],
    threshold: float = THRESHOLD,
    limit: int = MAX_RELATED,
) -> dict[str, tuple[str, ...]]:
    """For each key, up to `limit` keys of other groups (plans) whose documents are most similar.

    Comparing every pair is quadratic (25,000 items at archive scale): candidates come from an
    inverted index instead, pruned to each item's top words and each word's top items, and only
    those candidates get an exact cosine.
    """
    vectors = tfidf_vectors(documents)
    postings: dict[str, list[tuple[float, int]]] = {}
    for j, vector in enumerate(vectors):
        for word, weight in vector.items():
            postings.setdefault(word, []).append((weight, j))
    for entries in postings.values():
        entries.sort(key=lambda e: (-e[0], e[1]))
        del entries[POSTINGS:]
    global _INDEX
    _INDEX = _Index(keys, groups, vectors, postings, threshold, limit)
    try:
        halves = [range(0, len(keys) // 2), range(len(keys) // 2, len(keys))]
        if len(keys) < PARALLEL_FROM or (os.cpu_count() or 1) < 2 or "fork" not in mp.get_all_start_methods():
            return _neighbours(range(len(keys)))
        # Forked workers share the index read-only; each answers half of the items.
        with concurrent.futures.ProcessPoolExecutor(2, mp_context=mp.get_context("fork")) as pool:
            out: dict[str, tuple[str, ...]] = {}
            for part in pool.map(_neighbours, halves):
                out.update(part)
            return out
    finally:
        _INDEX = None


PARALLEL_FROM = 4000  # items; below this a second process costs more than it saves


@dataclass(frozen=True)
class _Index:
    keys: Sequence[str]
    groups: Sequence[str]
    vectors: list[dict[str, float]]
    postings: dict[str, list[tuple[float, int]]]
    threshold: float
    limit: int


_INDEX: _Index | None = None


def _neighbours(indexes: range) -> dict[str, tuple[str, ...]]:
    """Up to `limit` related keys for each of these items (the index is set by related())."""
    index = _INDEX
    assert index is not None
    keys, groups, vectors, postings = index.keys, index.groups, index.vectors, index.postings
    out: dict[str, tuple[str, ...]] = {}
    for i in indexes:
        query = sorted(vectors[i].items(), key=lambda wv: (-wv[1], wv[0]))[:QUERY_TERMS]
        partial: dict[int, float] = {}
        for word, weight in query:
            for other_weight, j in postings.get(word, ()):
                if groups[j] != groups[i]:
                    partial[j] = partial.get(j, 0.0) + weight * other_weight
        shortlist = sorted(partial, key=lambda j: (-partial[j], j))[:CANDIDATES]
        scored = [(cosine(vectors[i], vectors[j]), keys[j]) for j in shortlist]
        best = sorted((s for s in scored if s[0] >= index.threshold), key=lambda s: (-s[0], s[1]))
        out[keys[i]] = tuple(k for _, k in best[: index.limit])
    return out
