"""Which administrative division a plan's issuer names: 威海市环翠区教育和体育局 → 山东省 › 威海市 › 环翠区.

The divisions are the National Bureau of Statistics' 统计用区划代码 (2023 edition, as packaged by
modood/Administrative-divisions-of-China: builder/data/divisions.json), plus
builder/data/divisions-extra.yml for names the data lacks (divisions renamed or merged since, e.g.
胶南市 → 黄岛区). Traditional characters are converted for the lookup only (OpenCC t2s).

Pure functions over the data, which is read once.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass

import ahocorasick
import yaml

from builder.config import DIVISIONS_EXTRA_FILE, DIVISIONS_FILE
from builder.sources.textutil import simplified

# Placeholders the data uses for a level with no name (a municipality's districts, counties under a province).
_NO_CITY = ("市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划")
# The peoples named in the autonomous provinces' and prefectures' names (延边朝鲜族自治州 → 延边).
_PEOPLES = "朝鲜|土家|苗|壮|藏|羌|彝|布依|侗|哈尼|傣|景颇|傈僳|白|回|蒙古|维吾尔|柯尔克孜|哈萨克"
_LONG_SUFFIXES = re.compile(rf"((?:(?:{_PEOPLES})族?)*自治[区州县旗]|特别行政区|地区|盟)$")
_SHORT_SUFFIXES = ("省", "市")


@dataclass(frozen=True)
class Division:
    path: tuple[str, ...]  # 山东省 › 威海市 › 环翠区; a municipality's district is 北京市 › 朝阳区
    level: str  # province, city or county


def short_name(name: str) -> str:
    """山东省 → 山东, 内蒙古自治区 → 内蒙古, 延边朝鲜族自治州 → 延边; '' when too short to be safe."""
    short = _LONG_SUFFIXES.sub("", name)
    if len(short) < 2:  # 内蒙古自治区: 蒙古 is the place's own name here
        short = re.sub(r"自治[区州县旗]$", "", name)
    if short == name:
        for suffix in _SHORT_SUFFIXES:
            if name.endswith(suffix):
                short = name[: -len(suffix)]
                break
    return short if len(short) >= 2 and short != name else ""


@functools.cache
def all_divisions() -> tuple[Division, ...]:
    """Every province, city and county of the data, in its order."""
    data = json.loads(DIVISIONS_FILE.read_text(encoding="utf-8"))
    out: list[Division] = []
    for province, cities in data.items():
        out.append(Division((province,), "province"))
        for city, counties in cities.items():
            placeholder = city in _NO_CITY
            if not placeholder:
                out.append(Division((province, city), "city"))
            for county in counties:
                if county not in _NO_CITY:
                    out.append(Division((province, county) if placeholder else (province, city, county), "county"))
    return tuple(out)


@functools.cache
def _extra() -> dict[str, tuple[str, ...]]:
    """Former or missing names → the division's path today (builder/data/divisions-extra.yml)."""
    data = yaml.safe_load(DIVISIONS_EXTRA_FILE.read_text(encoding="utf-8")) or {}
    for name, path in data.items():
        if not isinstance(path, list) or not 1 <= len(path) <= 3 or not all(isinstance(p, str) for p in path):
            raise ValueError(f"{DIVISIONS_EXTRA_FILE.name}: {name}: expected a list such as [山东省, 青岛市, 黄岛区]")
    return {str(name): tuple(path) for name, path in data.items()}


@functools.cache
def _by_path() -> dict[tuple[str, ...], Division]:
    return {d.path: d for d in all_divisions()}


@functools.cache
def _automaton() -> ahocorasick.Automaton:
    """Every name a division goes by → the divisions it may mean, and the name's own division.

    Counties are found by their full name only: short county names (市中, 城关) occur inside
    ordinary words (全市中小学). Provinces and cities are also found by their short name (威海).
    """
    names: dict[str, list[tuple[Division, tuple[str, ...]]]] = {}

    def add(name: str, division: Division, mentions: tuple[str, ...]) -> None:
        names.setdefault(name, []).append((division, mentions))

    for division in all_divisions():
        name = division.path[-1]
        add(name, division, division.path)
        if division.level != "county" and (short := short_name(name)):
            add(short, division, division.path)
    by_path = _by_path()
    for name, path in _extra().items():  # a former name, or a division newer than the data
        add(name, by_path.get(path) or Division(path, level_of(path)), path)
    full = {d.path[-1] for d in all_divisions()} | set(_extra())
    automaton = ahocorasick.Automaton()
    for name, meanings in names.items():
        automaton.add_word(name, (len(name), tuple(meanings), name in full))
    automaton.make_automaton()
    return automaton


def clear_caches() -> None:
    """Forget the loaded data (benchmarks time a cold start)."""
    for cached in (all_divisions, _extra, _by_path, _automaton):
        cached.cache_clear()


_NOT_A_PLACE_AFTER = re.compile(r"路|街|大道|大学")  # 中山路小学, 中山大学: a street's or a university's name


def _mentions(text: str) -> list[tuple[tuple[tuple[Division, tuple[str, ...]], ...], bool]]:
    """The division names in the text, each with whether it is printed in full (威海市, not 威海);
    the longest match wins where two overlap (海南藏族自治州 over 海南)."""
    found: list[tuple[int, int, tuple[tuple[Division, tuple[str, ...]], ...], bool]] = []
    for end, (length, meanings, full) in _automaton().iter(text):
        if not full and _NOT_A_PLACE_AFTER.match(text, end + 1):
            continue
        found.append((end - length + 1, end, meanings, full))
    kept = [
        f
        for f in found
        if not any(o is not f and o[0] <= f[0] and f[1] <= o[1] and (o[1] - o[0]) > (f[1] - f[0]) for o in found)
    ]
    return [(meanings, full) for _, _, meanings, full in kept]


def find_region(texts: Iterable[str]) -> Division | None:
    """The deepest division the texts point to without ambiguity.

    Each candidate division scores how many levels of its path the texts name (威海市环翠区 names
    two levels of 山东省 › 威海市 › 环翠区, one of 山东省 › 威海市); when several divisions tie
    (朝阳区 alone: Beijing's or Changchun's?) only the levels they share are kept.
    """
    mentioned: dict[tuple[str, ...], set[int]] = {}  # path → the names (numbered) that name it
    printed_full: set[int] = set()  # the names printed in full (威海市), not short (威海)
    candidates: dict[tuple[str, ...], Division] = {}
    names = (m for text in texts if text for m in _mentions(simplified(text)))
    for number, (meanings, full) in enumerate(names):
        if full:
            printed_full.add(number)
        for division, path in meanings:
            candidates[division.path] = division
            mentioned.setdefault(path, set()).add(number)
    if not candidates:
        return None

    def score(d: Division) -> tuple[int, int]:
        """Levels named (one name counts once: 吉林 alone is not 吉林省 and 吉林市), then names printed
        in full (威海市中山路小学 is in 威海市, whatever 中山 could be)."""
        named = set().union(*(mentioned.get(d.path[: i + 1], set()) for i in range(len(d.path))))
        return len(named), len(named & printed_full)

    best = max(score(d) for d in candidates.values())
    tied = [d for d in candidates.values() if score(d) == best]
    if len(tied) == 1:
        return tied[0]
    shared = _common_prefix([d.path for d in tied])
    return _by_path().get(shared) if shared else None


def _common_prefix(paths: list[tuple[str, ...]]) -> tuple[str, ...]:
    first = paths[0]
    n = 0
    while n < len(first) and all(len(p) > n and p[n] == first[n] for p in paths):
        n += 1
    return first[:n]


def level_of(region: tuple[str, ...]) -> str:
    """province / city / county for a region path (a sidecar's may name a division the data lacks)."""
    known = _by_path().get(tuple(simplified(n) for n in region))
    if known:
        return known.level
    if len(region) == 2 and region[0] in ("北京市", "天津市", "上海市", "重庆市"):
        return "county"
    return {1: "province", 2: "city"}.get(len(region), "county")
