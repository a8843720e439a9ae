"""Tag items with themes: a private jieba tokenizer, a user dictionary from the taxonomy, pure rules.

A theme's word counts where it is said in earnest, not where it is listed in passing:
- a hit is a token that starts or ends with one of the theme's words, outside every exclusion phrase;
- a hit is *passing* when it is one element of an enumeration of three or more (甲、乙、丙等);
- a sentence is *substantive* for a theme when it holds a non-passing hit on a strong word, or two
  hits (at least one non-passing);
- an item is **about** a theme when its title holds a non-passing hit or the substantive sentences
  make up at least half of its body; it **mentions** the theme when any sentence is substantive.
"""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass

import jieba

from builder.enrich.taxonomy import Theme
from builder.model import Item
from builder.sources.textutil import clause_bounds

log = logging.getLogger(__name__)

from builder.model import ABOUT, MENTIONS  # noqa: E402  (the strengths a Match carries)

_SENTENCE = re.compile(r"[^。；！？\n]+[。；！？]?")
_CLAUSE_BREAK = "，,；;。：:！？\n"
_CLOSERS = "”’》）)」』】"
_OPENERS = "“‘《（(「『【"
_ABOUT_SHARE = 0.5
_SUMMARY = re.compile(r"[一二三四五六七八九十两\d]+[项大个条]")
_BRACKETED = re.compile(r"（[^（）]*）|\([^()]*\)")
_ELEMENT_SLACK = 4  # characters of an element around the word (确保校园安全, 党委政府)


@dataclass(frozen=True)
class Hit:
    """One occurrence of a theme's word in a text."""

    start: int
    end: int
    term: str
    strong: bool
    passing: bool


@dataclass(frozen=True)
class Match:
    """Why an item carries a theme: how strongly, and the sentence that made the match."""

    plan_id: str
    anchor: str
    slug: str
    strength: str  # ABOUT or MENTIONS
    sentence: str
    term: str


@dataclass(frozen=True)
class _Terms:
    strong: frozenset[str]
    weak: frozenset[str]
    exclusions: tuple[str, ...]
    literal: tuple[str, ...]  # words with punctuation, matched as written
    literal_strong: frozenset[str]

    @functools.cached_property
    def words(self) -> frozenset[str]:
        return self.strong | self.weak


def _terms(theme: Theme) -> _Terms:
    words = (*theme.strong_terms, *theme.weak_keywords)
    literal = tuple(w for w in words if re.search(r"[^\w+]", w))
    return _Terms(
        frozenset(theme.strong_terms) - set(literal),
        frozenset(theme.weak_keywords) - set(literal),
        theme.exclusions,
        literal,
        frozenset(theme.strong_terms) & set(literal),
    )


def user_dictionary(themes: Iterable[Theme]) -> list[str]:
    """Every word of the taxonomy jieba should keep whole (exclusions too, so they shadow keywords)."""
    words: dict[str, None] = {}
    for theme in themes:
        for word in (*theme.strong_terms, *theme.weak_keywords, *theme.exclusions):
            if re.fullmatch(r"[\u4e00-\u9fff]{2,}", word):
                words[word] = None
    return sorted(words)


class Tagger:
    """Tag texts with the taxonomy's themes; build once per build (loading jieba takes a second)."""

    def __init__(self, themes: tuple[Theme, ...]) -> None:
        self.themes = themes
        logging.getLogger("jieba").setLevel(logging.WARNING)
        self.tokenizer = jieba.Tokenizer()  # private: the global jieba's dictionary is never touched
        self.tokenizer.initialize()
        for word in user_dictionary(themes):
            # the least frequency that keeps the word whole: a higher one would steal characters
            # from neighbouring words (在职教师 → 在/职教/师)
            self.tokenizer.add_word(word)
        self._terms = {t.slug: _terms(t) for t in themes}
        self._cache: dict[str, list[tuple[str, int, int]]] = {}
        self._token_terms_cache: dict[str, dict[str, list[tuple[int, str, str]]]] = {}
        self._term_index: dict[str, list[str]] = {}  # theme word → slugs of the themes it belongs to
        for slug, terms in self._terms.items():
            for term in sorted(terms.words):
                self._term_index.setdefault(term, []).append(slug)

    def tokens(self, text: str) -> list[tuple[str, int, int]]:
        """(word, start, end) of every token of the text."""
        if text not in self._cache:
            self._cache[text] = list(self.tokenizer.tokenize(text))
        return self._cache[text]

    def words(self, text: str) -> list[str]:
        return [word for word, _, _ in self.tokens(text)]

    def _token_terms(self, text: str) -> dict[str, list[tuple[int, str, str]]]:
        """Per theme, (position, term, token) for each token that starts or ends with a theme word.

        One pass over the tokens for all themes at once (the tagger asks for every theme).
        """
        if text in self._token_terms_cache:
            return self._token_terms_cache[text]
        found: dict[str, list[tuple[int, str, str]]] = {}
        for word, start, _ in self.tokens(text):
            done: set[str] = set()
            for size in range(len(word), 0, -1):  # longest first; a prefix before a suffix
                for piece in (word[:size], word[-size:]):
                    for slug in self._term_index.get(piece, ()):
                        if slug not in done:
                            done.add(slug)
                            found.setdefault(slug, []).append((start + word.index(piece), piece, word))
        self._token_terms_cache[text] = found
        return found

    def hits(self, text: str, slug: str) -> list[Hit]:
        """Where the theme's words occur in the text, exclusions removed, in text order."""
        terms = self._terms[slug]
        masks = [
            (m.start(), m.end()) for ex in terms.exclusions if ex in text for m in re.finditer(re.escape(ex), text)
        ]
        spans: list[tuple[int, str, bool]] = [
            (offset, term, term in terms.strong)
            for offset, term, word in self._token_terms(text).get(slug, ())
            if word not in terms.exclusions
        ]
        for term in terms.literal:  # words with punctuation never make one token: match them as written
            spans.extend((m.start(), term, term in terms.literal_strong) for m in re.finditer(re.escape(term), text))
        found = []
        for offset, term, strong in sorted(spans):
            end = offset + len(term)
            if any(a < end and offset < b for a, b in masks):
                continue
            passing = _in_enumeration(text, offset, end) or _in_book_title(text, offset)
            found.append(Hit(offset, end, term, strong, passing))
        return found

    def tag(self, plan_id: str, item: Item) -> list[Match]:
        """Every theme of the item, in taxonomy order, with its strength and evidence."""
        # Per-item caches: they would otherwise grow with the archive (25,000 items at scale).
        self._cache.clear()
        self._token_terms_cache.clear()
        texts = [item.title, *sentences(item.body)]
        self._prime(item.text, texts)
        present: set[str] = set()
        for text in texts:
            present.update(self._token_terms(text))
        for slug, terms in self._terms.items():
            if any(term in item.text for term in terms.literal):
                present.add(slug)
        matches = []
        for theme in self.themes:
            if theme.slug not in present:
                continue  # no word of the theme anywhere in the item: no need to weigh it
            match = self.match(plan_id, item, theme.slug)
            if match:
                matches.append(match)
        return matches

    def _prime(self, whole: str, parts: list[str]) -> None:
        """Tokenize the whole item once and give each sentence its slice of the tokens.

        jieba cuts runs of Han characters independently, and sentences end at punctuation or line
        breaks, so a sentence's own tokens are exactly the whole text's tokens within its span.
        """
        tokens = self.tokens(whole)
        cursor = 0
        for part in parts:
            start = whole.find(part, cursor)
            if start < 0 or part in self._cache:
                continue
            end = start + len(part)
            self._cache[part] = [(w, a - start, b - start) for w, a, b in tokens if a >= start and b <= end]
            cursor = end

    def match(self, plan_id: str, item: Item, slug: str) -> Match | None:
        title_hits = [h for h in self.hits(item.title, slug) if not h.passing]
        substantive = [(s, hit) for s in sentences(item.body) if (hit := self._substantive(s, slug))]
        if title_hits:
            return Match(plan_id, item.anchor, slug, ABOUT, item.title, title_hits[0].term)
        if not substantive:
            return None
        share = sum(len(s) for s, _ in substantive) / max(1, len(item.body.replace("\n", "")))
        sentence, hit = substantive[0]
        return Match(plan_id, item.anchor, slug, ABOUT if share >= _ABOUT_SHARE else MENTIONS, sentence, hit.term)

    def _substantive(self, sentence: str, slug: str) -> Hit | None:
        """The hit that makes the sentence count: a strong word said in earnest, or two words in a clause."""
        hits = self.hits(sentence, slug)
        for hit in hits:
            if not hit.passing and hit.strong:
                return hit
        for hit in hits:
            if not hit.passing and sum(_clause(sentence, h.start) == _clause(sentence, hit.start) for h in hits) >= 2:
                return hit
        return None


def sentences(text: str) -> list[str]:
    """Split at 。；！？ and line ends, keeping the punctuation."""
    return [s.strip() for s in _SENTENCE.findall(text) if s.strip()]


def _best(word: str, terms: frozenset[str]) -> str | None:
    """The longest term that starts or ends the token (体育设施, 民办幼儿园; not 兼职教师 for 职教).

    Looks up the token's prefixes and suffixes, longest first: a handful of set lookups per token
    instead of a scan of every term.
    """
    for size in range(len(word), 0, -1):
        if word[:size] in terms:
            return word[:size]
        if word[-size:] in terms:
            return word[-size:]
    return None


def _clause(text: str, at: int) -> tuple[int, int]:
    """Bounds of the clause (between ，；。：) around a position."""
    return clause_bounds(text, at, at, _CLAUSE_BREAK)


def _in_book_title(text: str, at: int) -> bool:
    """Is the position inside 《…》? A document's name only names it."""
    return text.rfind("《", 0, at) > text.rfind("》", 0, at)


def _in_enumeration(text: str, start: int, end: int) -> bool:
    """Is text[start:end] one element of a list of three or more (甲、乙、丙 / 甲、乙和丙 / 甲、乙等)?"""
    if _SUMMARY.match(text, start):
        return False  # 五项管理 sums up the list before it: the head, not an element
    text = _BRACKETED.sub(lambda m: "○" * len(m.group()), text)  # （市、区） is no list
    left, right = _clause(text, start)
    clause = text[left:right]
    after = end
    while after < right and text[after] in _CLOSERS:
        after += 1
    followed_by_etc = text[after : after + 1] == "等"
    elements = clause.count("、") + 1 + bool("、" in clause and re.search("[和及与]", clause)) + followed_by_etc
    if elements < 3:
        return False
    # the hit's element: the stretch between the nearest list separators on either side
    before = text[left:start]
    behind = text[after:right]
    sep_before = max(before.rfind(c) for c in "、和及与")
    sep_after = min((i for i in (behind.find(c) for c in "、等") if i >= 0), default=-1)
    if sep_before >= 0 and sep_after >= 0:
        return True  # an inner element
    near_before = sep_before >= 0 and len(before) - sep_before - 1 <= _ELEMENT_SLACK
    near_after = sep_after >= 0 and sep_after <= _ELEMENT_SLACK
    return near_before or near_after
