"""Related items across plans: TF-IDF cosine similarity over jieba tokens (pure, given the tokens).

Vectorised with numpy: at archive scale (25,000 items, 1.5 million words) the whole computation
runs in a few seconds on one core, so a rebuild can afford to redo it, which it must: one plan's
words change every item's TF-IDF weights.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

THRESHOLD = 0.25  # below this two items share words, not a subject (checked by eye on the seeds)
MAX_RELATED = 3
QUERY_TERMS = 8  # an item looks for neighbours through its most telling words only
POSTINGS = 25  # and, for each word, through the items where that word weighs most
CANDIDATES = 8  # the best partial scores get an exact cosine (same results as all pairs on the seeds)
DECIMALS = 9  # scores are compared rounded: float noise in the last bits never reorders a tie
_CONTENT = re.compile(r"^[\u4e00-\u9fff]{2,}$")
# words of every plan's boilerplate: they say nothing about what an item is about
_BOILERPLATE = (
    "加强 推进 推动 深化 完善 健全 提升 提高 开展 实施 落实 做好 建立 建设 工作 进一步 全面 持续 积极 不断 "
    "切实 深入 坚持 强化 加快 加大 力度 机制 体系 水平 质量 发展 教育 学校 我市 全市 全区 新区 区域 各类 "
    "一批 重点 有效 实现 确保 形成 打造 优化 规范 组织 充分 发挥 作用 服务 管理 活动 以及 相关 要求"
)
STOPWORDS = frozenset(_BOILERPLATE.split(" "))

Ints = npt.NDArray[np.int64]
Floats = npt.NDArray[np.float64]


def content_words(words: Sequence[str]) -> list[str]:
    """Han words of two or more characters, boilerplate removed."""
    return [w for w in words if _CONTENT.match(w) and w not in STOPWORDS]


class Vectors:
    """Unit-length TF-IDF vectors (sublinear term frequency, smoothed IDF), as sparse rows.

    One entry per (document, word) pair, sorted by document then word; word ids follow the words'
    order as text, so every tie below breaks the same way in every build.
    """

    def __init__(self, documents: Sequence[Sequence[str]]) -> None:
        n = len(documents)
        vocabulary = sorted(dict.fromkeys(itertools.chain.from_iterable(documents)))
        self.size = max(len(vocabulary), 1)
        word_id = dict(zip(vocabulary, range(len(vocabulary)), strict=True))
        tokens = np.fromiter(map(word_id.__getitem__, itertools.chain.from_iterable(documents)), dtype=np.int64)
        doc_of = np.repeat(np.arange(n, dtype=np.int64), np.fromiter(map(len, documents), dtype=np.int64, count=n))
        self.flat, counts = np.unique(doc_of * self.size + tokens, return_counts=True)
        self.rows, self.cols = self.flat // self.size, self.flat % self.size
        df = np.bincount(self.cols, minlength=self.size)
        weights = (1 + np.log(counts)) * (np.log((1 + n) / (1 + df[self.cols])) + 1)
        norm = np.sqrt(np.bincount(self.rows, weights=weights * weights, minlength=n))
        self.weights: Floats = weights / np.where(norm == 0, 1.0, norm)[self.rows]
        self.lengths = np.bincount(self.rows, minlength=n)
        self.starts = np.concatenate(([0], np.cumsum(self.lengths)[:-1])).astype(np.int64)

    def dot(self, a: Ints, b: Ints) -> Floats:
        """Cosine of each pair (a[k], b[k]): the shorter row's words looked up in the other, sorted row.

        Pairs come both ways round (i finds j, j finds i): each distinct pair is computed once, and
        always the same way round, so its float sum is the same whichever item found it.
        """
        shorter = (self.lengths[a] < self.lengths[b]) | ((self.lengths[a] == self.lengths[b]) & (a <= b))
        a, b = np.where(shorter, a, b), np.where(shorter, b, a)
        pairs, back = np.unique(a * len(self.lengths) + b, return_inverse=True)
        a, b = pairs // len(self.lengths), pairs % len(self.lengths)
        return self._dot(a, b)[back]

    def _dot(self, a: Ints, b: Ints) -> Floats:
        per_pair = self.lengths[a]
        at = _ranges(self.starts[a], per_pair)
        pair_of = np.repeat(np.arange(len(a)), per_pair)
        wanted = b[pair_of] * self.size + self.cols[at]
        found = np.minimum(np.searchsorted(self.flat, wanted), max(len(self.flat) - 1, 0))
        products = np.where(self.flat[found] == wanted, self.weights[at] * self.weights[found], 0.0)
        return np.bincount(pair_of, weights=products, minlength=len(a)).astype(np.float64)


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
    those candidates get an exact cosine. Ties go to the word, then the key, first as text.
    """
    out: dict[str, list[str]] = {key: [] for key in keys}
    if not documents:
        return {}
    n = len(documents)
    v = Vectors(documents)
    codes = {g: k for k, g in enumerate(dict.fromkeys(groups))}
    group = np.fromiter(map(codes.__getitem__, groups), dtype=np.int64, count=n)

    query = _best_per_group(v.rows, v.weights, QUERY_TERMS)  # (item, word, weight) by item
    by_word = np.argsort(v.cols, kind="stable")
    postings = by_word[_best_per_group(v.cols[by_word], v.weights[by_word], POSTINGS)]
    postings = postings[np.argsort(v.cols[postings], kind="stable")]  # grouped by word
    posting_count = np.bincount(v.cols[postings], minlength=v.size)
    posting_start = np.concatenate(([0], np.cumsum(posting_count)[:-1])).astype(np.int64)
    index = (postings, posting_count, posting_start)

    # Items in chunks, so the arrays stay small (a few MB) however large the archive.
    nothing = (np.empty(0, np.int64), np.empty(0, np.int64), np.empty(0, np.float64))
    chunks = [nothing] + [
        _close_pairs(v, group, query[start:end], index, threshold)
        for start, end in _chunk_bounds(v.rows[query], n, CHUNK)
    ]
    item = np.concatenate([c[0] for c in chunks])
    other = np.concatenate([c[1] for c in chunks])
    cosine = np.concatenate([c[2] for c in chunks])

    key_rank = np.empty(n, dtype=np.int64)
    key_rank[np.array(sorted(range(n), key=keys.__getitem__), dtype=np.int64)] = np.arange(n)
    by_key = np.argsort(key_rank[other], kind="stable")
    best = by_key[_best_per_group(item[by_key], cosine[by_key], limit)]
    for i, j in zip(item[best].tolist(), other[best].tolist(), strict=True):
        out[keys[i]].append(keys[j])
    return {key: tuple(found) for key, found in out.items()}


CHUNK = 2000  # items whose candidates are worked out at once


def _chunk_bounds(sorted_items: Ints, n: int, size: int) -> list[tuple[int, int]]:
    """(start, end) positions in sorted_items of each run of `size` consecutive items."""
    cuts = np.searchsorted(sorted_items, np.arange(0, n + size, size))
    return [(a, b) for a, b in itertools.pairwise(cuts.tolist()) if b > a]


def _close_pairs(
    v: Vectors, group: Ints, query: Ints, index: tuple[Ints, Ints, Ints], threshold: float
) -> tuple[Ints, Ints, Floats]:
    """(item, other item, cosine) of the query's items and their candidates at or above threshold."""
    postings, posting_count, posting_start = index
    n = len(group)
    # Every (item, query word, posting) triple, then partial scores summed per (item, other item).
    words = v.cols[query]
    fan_out = posting_count[words]
    hit = postings[_ranges(posting_start[words], fan_out)]
    item = np.repeat(v.rows[query], fan_out)
    other = v.rows[hit]
    partial = np.repeat(v.weights[query], fan_out) * v.weights[hit]
    elsewhere = group[item] != group[other]
    pair = item[elsewhere] * n + other[elsewhere]
    order = np.argsort(pair, kind="stable")
    pair, partial = pair[order], partial[elsewhere][order]
    first = np.flatnonzero(np.concatenate(([True], pair[1:] != pair[:-1]))) if len(pair) else pair
    scores = np.round(np.add.reduceat(partial, first), DECIMALS).astype(np.float64) if len(first) else partial
    item, other = pair[first] // n, pair[first] % n

    shortlist = _best_per_group(item, scores, CANDIDATES)
    item, other = item[shortlist], other[shortlist]
    cosine = np.round(v.dot(item, other), DECIMALS)
    close = cosine >= threshold
    return item[close], other[close], cosine[close]


def _best_per_group(group: Ints, score: Floats, k: int) -> Ints:
    """Positions of the k highest scores in each group, by group then score; ties: earlier first."""
    by_score = np.argsort(-score, kind="stable")
    order = by_score[np.argsort(group[by_score], kind="stable")]
    ranked = group[order]
    if not len(ranked):
        return order
    first = np.flatnonzero(np.concatenate(([True], ranked[1:] != ranked[:-1])))
    rank = np.arange(len(ranked)) - np.repeat(first, np.diff(np.append(first, len(ranked))))
    return order[rank < k]


def _ranges(starts: Ints, counts: Ints) -> Ints:
    """The concatenation of range(s, s + c) for each start s and count c."""
    total = int(counts.sum())
    offsets = np.concatenate(([0], np.cumsum(counts)[:-1])).astype(np.int64)
    return np.repeat(starts - offsets, counts) + np.arange(total, dtype=np.int64)
