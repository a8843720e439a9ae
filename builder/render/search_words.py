"""The words search indexes for a text: neighbouring characters in pairs.

Pagefind finds a quoted query as a run of consecutive index words. Indexed a character at a time,
a query of n characters intersects n long lists of positions, and Pagefind's phrase check is
quadratic in them: 食品安全 took 0.09 s and 教育 4.5 s in the browser at 1,000 plans. Indexed by
pairs of neighbouring characters, 食品安全 is three rarer words (食品 品安 安全), 0.01 s.

A text becomes words like this (a "unit" is a Chinese character or a run of other letters and
digits, 2020 or STEAM; a "run" is units with nothing between them):

    课后服务，加强2020年    →    课|后 后|服 服|务， 加|强 强|2020 2020|年

- Each pair of neighbouring units in a run is one word, written with a "|" between them: Pagefind
  indexes the pair (课后) and, because "|" is ASCII punctuation, each of its units (课, 后) at the
  same position. So a query of one character finds every text that holds it, and a phrase may
  start or end in the middle of a pair.
- A run of one unit is that unit. What lies between runs (punctuation, spaces as ␣) stays attached
  to the last word before it (or to the first word, at the start), so the words can be read back
  into the text (`text_of`), which is what search results show: no other copy of the text is
  stored, and nothing a visitor cannot see is indexed.

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
_UNIT = re.compile(rf"[{_HAN}]|[^\W_{_HAN}]+")
_PAIR_WORD = re.compile(rf"^(?:([\W_]*)\|)?([{_HAN}])\|([{_HAN}])(?:\|([\W_]*))?$")


def words_of(text: str) -> str:
    """The text as index words, separated by spaces (see the module's docstring)."""
    text = text.strip()
    words: list[str] = []
    run: list[str] = []  # the Chinese characters of the current run
    lead = ""
    end = 0

    def close(tail: str = "") -> None:
        if run:
            pairs = [a + PAIR + b for a, b in pairwise(run)] or run[:]
            words.extend(pairs)
            run.clear()
        if tail and words:
            words[-1] += _joined(words[-1], tail)

    for unit in _UNIT.finditer(text):
        gap = _gap(text[end : unit.start()])
        if not words and not run:
            lead = gap
        elif gap:
            close(gap)  # a gap ends the run
        letters = unit.group()
        if len(letters) == 1 and _is_han(letters):
            run.append(letters)
        else:  # 2020, STEAM, 5G: a word of its own, whole, as a visitor types it
            close()
            words.append(letters)
        end = unit.end()
    close(_gap(text[end:]))
    if not words and text:
        words.append(_gap(text))  # no letter or digit at all: kept, never matched
    elif lead:
        words[0] = lead + _joined(words[0], "") + words[0]
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


def _is_han(char: str) -> bool:
    return bool(re.match(f"[{_HAN}]", char))


def _gap(text: str) -> str:
    return re.sub(r"\s+", SPACE, text)
