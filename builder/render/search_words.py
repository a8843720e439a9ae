"""The words search indexes for a text: neighbouring characters in pairs.

Pagefind finds a quoted query as a run of consecutive index words. Indexed a character at a time,
a query of n characters intersects n long lists of positions, and Pagefind's phrase check is
quadratic in them: 食品安全 took 0.09 s and 教育 4.5 s in the browser at 1,000 plans. Indexed by
pairs of neighbouring characters, 食品安全 is three rarer words (食品 品安 安全), 0.01 s.

A text becomes words like this (a "run" is Chinese characters with nothing between them; other
letters and digits, 2020 or STEAM, are a word of their own):

    课后服务，加强2020年 工作    →    课|后 后|服 服|务|， 加|强 2020 年␣ 工|作

- Each pair of neighbouring characters in a run is one word, written with a "|" between them: Pagefind
  indexes the pair (课后) and, because "|" is ASCII punctuation, each of its characters (课, 后) at the
  same position. So a query of one character finds every text that holds it, and a phrase may
  start or end in the middle of a pair.
- A run of one character is that character. What lies between words (punctuation, spaces as ␣) stays attached
  to the last word before it (or to the first word, at the start), so the words can be read back
  into the text (`text_of`), which is what search results show: no other copy of the text is
  stored, and nothing a visitor cannot see is indexed.

Why each character is indexed twice more (课|后 gives Pagefind 课后, 课 and 后): one word per
character position (课后 后服 服务 务) costs Pagefind a third less time and memory at 1,000 plans
(54 s and 3.9 GB against 79 s and 5.5 GB), and Pagefind matches a lone query word as the start of
an index word, so 务 would still find 务实. But inside a quoted phrase Pagefind matches each word
whole, and the dialog's exact search is a quoted phrase: "2020年" (the words 2020 and 年) would
miss 2020年工作, where 年 begins the word 年工. Measured with the labelled query set; not kept.

The query side (archive.js, `queryWords`) writes a query as the same pairs, and reads results
back with the same rule (`textOf`). Pagefind is told the language "und", so it cuts nothing
further (in "zh" it would cut with jieba: 后服 is no word, so it became 后 and 服).
"""

from __future__ import annotations

import re
from itertools import pairwise

LANGUAGE = "und"  # no language Pagefind segments (zh, ja, th): the words are exactly ours
PAIR = "|"  # between the two units of a pair: ASCII punctuation, so Pagefind also indexes each unit
SPACE = "\u2423"  # ␣: a space between runs (a word cannot hold a space)
_HAN = "\u3400-\u9fff\uf900-\ufaff"
# a run of Chinese characters | a run of other letters and digits | what lies between
_TOKEN = re.compile(rf"([{_HAN}]+)|([^\W_{_HAN}]+)|([\W_]+)")
_SPACES = re.compile(r"\s+")
_PAIR_WORD = re.compile(rf"^(?:([\W_]*)\|)?([{_HAN}])\|([{_HAN}])(?:\|([\W_]*))?$")


def words_of(text: str) -> str:
    """The text as index words, separated by spaces (see the module's docstring)."""
    words: list[str] = []
    lead = ""
    for token in _TOKEN.finditer(text.strip()):
        han, other, gap = token.groups()
        if han:  # a run of Chinese characters: its neighbouring pairs, or the one character
            words.extend([a + PAIR + b for a, b in pairwise(han)] if len(han) > 1 else [han])
        elif other:  # 2020, STEAM, 5G: a word of its own, whole, as a visitor types it
            words.append(other)
        elif words:  # what lies between runs stays with the word before it
            words[-1] += _joined(words[-1], _gap(gap))
        else:
            lead = _gap(gap)
    if lead and words:
        words[0] = lead + _joined(words[0], "") + words[0]
    elif lead:
        words.append(lead)  # no letter or digit at all: kept, never matched
    return " ".join(words)


def text_of(words: str) -> str:
    """The text back from its words (spaces between runs come back as single spaces)."""
    out: list[str] = []
    split = words.split(" ") if words else []
    for at, word in enumerate(split):
        pair = _PAIR_WORD.match(word)
        following = split[at + 1] if at + 1 < len(split) else ""
        if pair:
            lead, first, second, tail = (part or "" for part in pair.groups())
            if pair.group(4) is None and following.startswith(second + PAIR):
                out.append(lead + first)  # the run goes on: the next pair repeats the second unit
            else:
                out.append(lead + first + second + tail)
        else:
            out.append(word)
    return "".join(out).replace(SPACE, " ")


def _joined(word: str, gap: str) -> str:
    """What joins a gap to a word: a pair needs a "|" more, or Pagefind would index 务， as a unit."""
    return (PAIR if _PAIR_WORD.match(word) else "") + gap


def _gap(text: str) -> str:
    return _SPACES.sub(SPACE, text) if text else text
