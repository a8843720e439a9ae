"""Year over year: which items of a plan carry the same commitment as which items of its previous plan.

Pure. Each item is its content words (jieba tokens of two or more characters, every plan's
boilerplate removed: the related-items corpus), weighted by TF-IDF over the two plans' items, so a
word both plans use everywhere counts for little and a telling one (托育, 集团化) for much. Two
items are compared by cosine. (IDF over the whole archive gave the same figures on the labelled
pair, 0.82/0.73 against 0.84/0.73; over the two plans, a pair's alignment depends on those two
plans alone, so a rebuild re-aligns only the pairs whose plans changed.)

Rewording makes scores low (the labelled 威海 2019 → 2025 pairs mostly score 0.1–0.3), and how low
depends on the item: a long item shares a few words with everything. So a pair is kept when the
score stands out from the item's scores against every item of the other plan: at least STANDOUT
standard deviations above their mean (a conventional outlier cut, not fitted to the labels; with n
items no score can stand out by more than sqrt(n − 1), so a small plan's bar is lowered to
SMALL_PLAN × sqrt(n − 1)), and at least FLOOR. Each item keeps its closest such match, both ways:
an earlier item that several later items keep was split, a later item that several earlier items
keep is a merge. A kept pair whose wording is close (score ≥ CLOSE) is "continued", else "reworded".
"""

from __future__ import annotations

import math
import statistics
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

STANDOUT = 2.5  # standard deviations above the item's mean score against the other plan
SMALL_PLAN = 0.9  # a plan of n items: the bar is at most 0.9 × sqrt(n − 1)
FLOOR = 0.05  # and never below this: two items must share some telling word
CLOSE = 0.5  # at or above it the wording is close: continued; below: reworded
CONTINUED, REWORDED = "continued", "reworded"


@dataclass(frozen=True)
class Doc:
    anchor: str
    words: Sequence[str]


@dataclass(frozen=True, order=True)
class Link:
    earlier: str  # anchor in the earlier plan
    later: str  # anchor in the later plan
    score: float
    relation: str


def idf_of(documents: Sequence[Sequence[str]]) -> dict[str, float]:
    """Inverse document frequency of every word of the archive's items."""
    frequency: Counter[str] = Counter()
    for words in documents:
        frequency.update(set(words))
    n = len(documents)
    return {word: math.log((1 + n) / (1 + count)) + 1 for word, count in frequency.items()}


def _vector(words: Sequence[str], idf: Mapping[str, float]) -> dict[str, float]:
    counts = Counter(words)
    weights = {w: (1 + math.log(c)) * idf.get(w, 1.0) for w, c in counts.items()}
    norm = math.sqrt(sum(v * v for v in weights.values())) or 1.0
    return {w: v / norm for w, v in weights.items()}


def _cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(w, 0.0) for w, v in a.items())


def align(earlier: Sequence[Doc], later: Sequence[Doc], idf: Mapping[str, float] | None = None) -> list[Link]:
    """The pairs of items that carry the same commitment, in the later plan's order (IDF over the
    two plans' items unless given)."""
    if not earlier or not later:
        return []
    if idf is None:
        idf = idf_of([d.words for d in (*earlier, *later)])
    before = [_vector(d.words, idf) for d in earlier]
    after = [_vector(d.words, idf) for d in later]
    score = [[_cosine(a, b) for b in after] for a in before]
    columns = [[row[j] for row in score] for j in range(len(later))]
    kept: set[tuple[int, int]] = set()
    for i, row in enumerate(score):
        best_later = _standout(row)
        if best_later is not None:
            kept.add((i, best_later))
    for j, column in enumerate(columns):
        best_earlier = _standout(column)
        if best_earlier is not None:
            kept.add((best_earlier, j))
    links = [
        Link(earlier[i].anchor, later[j].anchor, round(score[i][j], 3), CONTINUED if score[i][j] >= CLOSE else REWORDED)
        for j in range(len(later))
        for i in range(len(earlier))
        if (i, j) in kept
    ]
    return links


def _standout(scores: Sequence[float]) -> int | None:
    """The index of the best score, if it stands out from the others (see the module's docstring)."""
    best = max(range(len(scores)), key=scores.__getitem__)
    if len(scores) < 2 or scores[best] < FLOOR:
        return None
    spread = statistics.pstdev(scores)
    bar = min(STANDOUT, SMALL_PLAN * math.sqrt(len(scores) - 1))
    return best if spread and (scores[best] - statistics.fmean(scores)) / spread >= bar else None
