"""Small pure helpers for Chinese text: widths, markers, sentences, spacing and punctuation."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

import opencc

CN_DIGITS = "零一二三四五六七八九"
_NUMERAL = "[一二三四五六七八九十百零]+"

# The four heading levels of a work plan, outermost first.
PART_MARK = re.compile(rf"^({_NUMERAL})[、．.]")
SUBPART_MARK = re.compile(rf"^[（(]({_NUMERAL})[）)]")
ITEM_MARK = re.compile(r"^(\d{1,3})[.．、](?!\d)")
SUBITEM_MARK = re.compile(r"^[（(](\d{1,3})[）)]")
# An item number glued to a digit (2.2020年起…, 2、3月12日…): an item only where its number is the
# next one (structure.py decides); never a decimal amount such as 2.5亿元.
GLUED_ITEM_MARK = re.compile(
    r"^(\d{1,3})(?:[.．](?!\d{1,2}\s*[前日号])|、)(?=\d)(?!\d+(?:\.\d+)?\s*[亿万千%％‰])"
)  # 3.12前完成 is a date (March 12th), 2、3月12日为植树节 an item
CIRCLED_MARK = re.compile("^[\u2460-\u2473]")
# An attachment after the plan: 附：…行事历, 附件, 附件2：… (a line of its own).
ANNEX_MARK = re.compile(r"^附(?:件\s*\d*)?\s*[:：]|^附件\s*\d*$")

# Where a run-on text (a whole plan on one line) breaks: before a numbered heading or item that
# follows a sentence end or a space, and after a title or a notice's title followed by a space.
_RUN_ON_SPLIT = re.compile(
    rf"(?<=[。；！？：\s])\s*(?=(?:{_NUMERAL}、|[（(]{_NUMERAL}[）)]|\d{{1,3}}[.．、](?!\d)))"
    r"|(?:(?<=工作要点)|(?<=的通知))\s+"
    # a title run straight into the first part: …第一学期工作计划一、指导思想…
    rf"|(?:(?<=要点)|(?<=计划)|(?<=思路)|(?<=安排))\s*(?=一、|[（(]一[）)])"
)

_MARKERS = rf"(?:{_NUMERAL}、|[（(]{_NUMERAL}[）)]|\d{{1,3}}[.．、](?!\d))"
_SPACED_MARKER = re.compile(
    rf"(?<=[。；！？：\u4e00-\u9fff”）)])\s+(?={_MARKERS})(?![一二三四五六七八九十]、[一二三四五六七八九十])"
)
# The headings plans share, when a one-line text runs the body on with no stop (一、指导思想以…).
_HEADING_WORDS_RUN_IN = re.compile(
    rf"^(?:{_NUMERAL}、|[（(]{_NUMERAL}[）)])\s*\S{{0,12}}?(?:指导思想|工作目标|主要目标|目标任务|工作重点|重点工作|"
    r"主要工作|工作措施|主要措施|保障措施|具体措施|工作要求|总体要求|工作思路|总体思路|主要任务|工作任务)"
    r"(?!任务|目标|重点|措施|要求|思路)(?=[^，。；：,;:\s（(\d])"
)
# A short heading, then at once its first item or subpart: 二、工作重点1、… / 二、主要目标任务（一）…
_FIRST_ITEM_RUN_IN = re.compile(
    rf"^((?:{_NUMERAL}、|[（(]{_NUMERAL}[）)])[^，。；：,;:\s]{{2,24}}?)(1[、.．](?!\d)|[（(]一[）)])"
)

_INLINE_LIST = re.compile(r"\s*(?:[（(]\d{1,2}[）)]|[（(][一二三四五六七八九十][）)]|[①-⑳]|一是|其一)")

# Characters that count as "Chinese" for spacing and punctuation decisions.
_CJK = (
    "\u4e00-\u9fff\u3400-\u4dbf\uf900-\ufaff"  # Han
    "\u3000-\u303f\uff00-\uffef"  # CJK punctuation, full-width forms
    "\u2018\u2019\u201c\u201d\u2014\u2026\u00b7"  # ‘’“” — … ·
)
_CJK_CHAR = re.compile(f"[{_CJK}]")
_HAN = re.compile("[\u4e00-\u9fff\u3400-\u4dbf]")
_SPACE_RUN = re.compile(r"[ \t\u00a0\u3000\u2002\u2003\u2009]+")
# Only spaces between Chinese and digits are PDF artifacts ("2020 年", "投资 2.25 亿元"); a space
# before or after a Latin word may be deliberate and stays.
_SPACE_NEXT_TO_CJK = re.compile(f"(?<=[{_CJK}]) +(?=[0-9%])|(?<=[0-9%]) +(?=[{_CJK}])")
_SPACE_NEXT_TO_PUNCT = re.compile("(?<=[。，、；：？！“”‘’（）《》【】—…]) +| +(?=[。，、；：？！“”‘’（）《》【】—…])")
_OPENERS = "“‘《（(「『【"
_CLOSERS = "”’》）)」』】"
_SENTENCE_END = "。！？"
_LINE_END = "。！？；：!?;:"
_HALF_WIDTH = re.compile(r"[,;:?!()]")


def visual_width(text: str) -> float:
    """Width in full-width cells: Chinese counts 1, ASCII 0.5."""
    return sum(0.5 if ord(ch) < 0x2E80 else 1.0 for ch in text)


def ends_sentence(line: str) -> bool:
    return bool(line) and line.rstrip()[-1] in _LINE_END


def is_han(ch: str) -> bool:
    return bool(_HAN.match(ch))


def starts_numbered_block(line: str) -> bool:
    """True if the line opens a part, subpart, item or sub-item."""
    return any(m.match(line) for m in (PART_MARK, SUBPART_MARK, ITEM_MARK, SUBITEM_MARK, CIRCLED_MARK))


def join_wrapped(left: str, right: str) -> str:
    """Join two pieces of a hard-wrapped line: no space in Chinese, one between Latin words."""
    if left and right and left[-1].isascii() and left[-1].isalpha() and right[0].isascii() and right[0].isalpha():
        return f"{left} {right}"
    return left + right


def split_before_markers(text: str) -> list[str]:
    """Cut a run-on paragraph before every numbered heading or item that follows a sentence end,
    and a part heading from the body run into it (一、指导思想以… , 二、工作重点1、…)."""
    pieces = [piece.strip() for piece in _RUN_ON_SPLIT.split(text) if piece.strip()]
    return [cut for piece in pieces for cut in _split_heading_run_in(piece)]


def split_at_spaced_markers(text: str) -> list[str]:
    """Cut a line where a numbered heading or item follows a space: a line break the page lost
    (…不懈努力。 一、深入学习… 1.深入…). Without the space a marker stays inside the sentence."""
    return [piece.strip() for piece in _SPACED_MARKER.split(text) if piece.strip()]


def _split_heading_run_in(piece: str) -> list[str]:
    if not PART_MARK.match(piece) and not SUBPART_MARK.match(piece):
        return [piece]
    if m := _HEADING_WORDS_RUN_IN.match(piece):
        return [piece[: m.end()], *_split_heading_run_in_item(piece[m.end() :])]
    return _split_heading_run_in_item(piece)


def _split_heading_run_in_item(piece: str) -> list[str]:
    """二、工作重点1、确保… → 二、工作重点 | 1、确保… (a short heading, then item 1 at once)."""
    if m := _FIRST_ITEM_RUN_IN.match(piece):
        return [piece[: m.start(2)], piece[m.start(2) :]]
    return [piece]


def normalise_spaces(line: str) -> str:
    """Turn every kind of space into a plain one (keeps leading spaces for shape detection)."""
    return _SPACE_RUN.sub(" ", line)


def tidy_spaces(text: str) -> str:
    """Drop spaces a PDF put between Chinese and Latin text or around full-width punctuation."""
    text = _SPACE_RUN.sub(" ", text).strip()
    text = _SPACE_NEXT_TO_PUNCT.sub("", text)
    return _SPACE_NEXT_TO_CJK.sub("", text)


def normalise_punctuation(text: str) -> str:
    """Make half-width , : ; ? ! ( ) full-width where they sit in Chinese text.

    Never inside numbers or formulas: 2.25亿元, 1,000, 11:31, 1+1>2 and “3+4” are left alone.
    """
    if not _HALF_WIDTH.search(text):
        return text  # most lines of most plans: nothing to do
    text = re.sub(r"\(([^()]*)\)", lambda m: f"（{m.group(1)}）" if _HAN.search(m.group(1)) else m.group(0), text)
    chars = list(text)
    full = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！"}
    for i, ch in enumerate(chars):
        if ch not in full:
            continue
        before = chars[i - 1] if i > 0 else ""
        after = chars[i + 1] if i + 1 < len(chars) else ""
        if before.isdigit() and after.isdigit():
            continue  # 1,000 and 11:31
        # A colon or semicolon after Latin text stays (11:31, &gt;); a comma may lead into Chinese.
        near_cjk = bool(_CJK_CHAR.match(before)) or (bool(_CJK_CHAR.match(after)) and ch in ",?!")
        if near_cjk:
            chars[i] = full[ch]
    return "".join(chars)


def first_sentence(text: str) -> tuple[str, str]:
    """Split off the first sentence (outside quotes and brackets); return (sentence, rest).

    A heading that ends in a colon before an inline list (工作目标：（1）…；（2）…) is a sentence.
    """
    depth = 0
    for i, ch in enumerate(text):
        if ch in _OPENERS:
            depth += 1
        elif ch in _CLOSERS:
            depth = max(0, depth - 1)
        elif depth == 0 and (ch in _SENTENCE_END or (ch in "：:" and _INLINE_LIST.match(text, i + 1))):
            return text[:i].strip(), text[i + 1 :].strip()
    return text.strip(), ""


def cn_to_int(numeral: str) -> int:
    """一 → 1, 十二 → 12, 二十 → 20, 一百零三 → 103."""
    total, current = 0, 0
    for ch in numeral:
        if ch == "百":
            total += (current or 1) * 100
            current = 0
        elif ch == "十":
            total += (current or 1) * 10
            current = 0
        elif ch in CN_DIGITS:
            current = CN_DIGITS.index(ch)
    return total + current


def han_and_digits(text: str) -> str:
    """Only the Han characters and ASCII digits of a text (for fidelity comparisons)."""
    return "".join(ch for ch in text if is_han(ch) or (ch.isdigit() and ch.isascii()))


def clause_bounds(text: str, start: int, end: int, breaks: str) -> tuple[int, int]:
    """Bounds of the clause around text[start:end]: out to the nearest break character each side."""
    left = start
    while left > 0 and text[left - 1] not in breaks:
        left -= 1
    right = end
    while right < len(text) and text[right] not in breaks:
        right += 1
    return left, right


@functools.cache
def _t2s() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


@functools.cache
def _s2t(config: str) -> opencc.OpenCC:
    return opencc.OpenCC(config)


def traditional_forms(characters: Iterable[str]) -> dict[str, str]:
    """{traditional form: simplified} for simplified characters, through OpenCC's mainland, Taiwan
    and Hong Kong forms (发 → 發, 髮 is not reached: a search map, not a dictionary)."""
    out: dict[str, str] = {}
    for simple in characters:
        for config in ("s2t", "s2tw", "s2hk"):
            form = _s2t(config).convert(simple)
            if len(form) == 1 and form != simple and simplified(form) == simple:
                out[form] = simple
    return dict(sorted(out.items()))


def simplified(text: str) -> str:
    """Traditional → simplified characters (OpenCC), for recognising words only: what the archive
    shows stays as printed."""
    return _t2s().convert(text)
