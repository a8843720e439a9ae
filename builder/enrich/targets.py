"""Quantified targets a plan commits to (新增学位4950个, 覆盖率达到90%): pure extraction from text.

A target is a number followed by a unit (个, 所, %, 万元, 人次 …): Arabic, or a Chinese numeral of
ten or more read by cn2an (建设十所, 新增三千个学位; 五育并举, 十四五, 四个意识 never). The number is skipped
when it is an ordinal (第36个), part of a document's name (《…》), a year or a date (no unit fits),
or a slogan's arithmetic (“3+4”). Its text is the clause that holds it, as printed.
"""

from __future__ import annotations

import logging
import re

import cn2an

from builder.model import Target
from builder.sources.textutil import clause_bounds

log = logging.getLogger(__name__)

# unit → kind; longer units first so 万人次 wins over 人次 and 人
_UNITS: dict[str, str] = {
    "个百分点": "percent",
    "%": "percent",
    "％": "percent",
    "亿元": "money",
    "万元": "money",
    "元": "money",
    "万人次": "people",
    "人次": "people",
    "万人": "people",
    "名": "people",
    "人": "people",
    "位": "people",
    "平方米": "area",
    "亩": "area",
    "小时": "time",
    "分钟": "time",
    "个": "count",
    "所": "count",
    "处": "count",
    "家": "count",
    "项": "count",
    "篇": "count",
    "门": "count",
    "支": "count",
    "场": "count",
    "间": "count",
    "套": "count",
    "台": "count",
    "座": "count",
    "例": "count",
    "次": "count",
}
_UNIT = "|".join(re.escape(u) for u in sorted(_UNITS, key=len, reverse=True))
_NUMBER = r"\d+(?:\.\d+)?"
_TARGET = re.compile(
    rf"(?<![\d.A-Za-z+\-])(?P<value>{_NUMBER})(?:\s*[-—–~～]\s*{_NUMBER})?\s*(?:余|多)?\s*(?P<unit>{_UNIT})"
)
_CHINESE_TARGET = re.compile(
    rf"(?<![零一二两三四五六七八九十百千万亿第届])(?P<value>[零一二两三四五六七八九十百千万亿]{{1,8}})(?:余|多)?(?P<unit>{_UNIT})"
    r"(?!全会|会议|代表大会)"  # 六届十次全会: a session's number
)
_CLAUSE_BREAK = "，,；;。：:！？!?\n"
# after these the unit is the start of another word: 5个百分点 is a unit, 3个月 is not a count
# (and 十项准则, 八项规定 are the names of codes, not counts)
_NOT_AFTER = {
    "个": "月",
    "人": "员才民",
    "名": "单师校",
    "家": "庭长",
    "门": "户",
    "场": "地所馆",
    "次": "数",
    "项": "准规",
}


def extract_targets(text: str) -> tuple[Target, ...]:
    """Every quantified target in the text, in order, in Arabic numbers or Chinese numerals."""
    return tuple(target for _, target in sorted([*_arabic_targets(text), *_chinese_targets(text)], key=lambda f: f[0]))


def _chinese_targets(text: str) -> list[tuple[int, Target]]:
    """建设十所, 新增三千个学位, 二百名: a Chinese numeral of ten or more before a unit (cn2an reads
    it). Smaller ones before 个 are slogans' counts (四个意识, 两个维护), so they never count."""
    found = []
    for m in _CHINESE_TARGET.finditer(text):
        start, unit, numeral = m.start(), m.group("unit"), m.group("value")
        following = text[m.end() : m.end() + 1]
        if following and following in _NOT_AFTER.get(unit, ""):
            continue
        if text[start - 1 : start] == "第" or _inside(text, start, "《", "》"):
            continue
        try:
            value = float(cn2an.cn2an(numeral.replace("两", "二"), "strict"))  # 两百名 = 二百名
        except ValueError:  # 十四五 and the like: not a number
            continue
        if value < 10:
            continue
        target = Target(_clause(text, start, m.end()), value, _unit_as_printed(m.group(0), unit), _UNITS[unit])
        found.append((start, target))
    return found


def _arabic_targets(text: str) -> list[tuple[int, Target]]:
    found = []
    for m in _TARGET.finditer(text):
        start, unit = m.start(), m.group("unit")
        following = text[m.end() : m.end() + 1]
        if following and following in _NOT_AFTER.get(unit, ""):
            continue
        if text[start - 1 : start] == "第" or _inside(text, start, "《", "》") or _in_formula(text, start, m.end()):
            continue
        target = Target(
            text=_clause(text, start, m.end()),
            value=float(m.group("value")),
            unit=_unit_as_printed(m.group(0), unit),
            kind=_UNITS[unit],
        )
        found.append((start, target))
    return found


def _unit_as_printed(matched: str, unit: str) -> str:
    return "%" if unit == "％" else unit


def _inside(text: str, at: int, opener: str, closer: str) -> bool:
    return text.rfind(opener, 0, at) > text.rfind(closer, 0, at)


def _in_formula(text: str, start: int, end: int) -> bool:
    """“3+4”, “1+1>2”, “2+1”: numbers in a slogan, not a target."""
    left = text.rfind("“", 0, start)
    right = text.find("”", end)
    if left < 0 or right < 0 or _inside(text, start, "“", "”") is False:
        return False
    return bool(re.search(r"[+>＋＞=]", text[left:right]))


def _clause(text: str, start: int, end: int) -> str:
    """The clause around text[start:end], between ，；。：."""
    left, right = clause_bounds(text, start, end, _CLAUSE_BREAK)
    return text[left:right].strip()
