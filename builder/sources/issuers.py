"""What kind of body issued a plan (a ministry, a school …) and the slug its issuer page gets."""

from __future__ import annotations

import re

from pypinyin import lazy_pinyin

from builder.sources.textutil import simplified

# Bodies of the central government and Party whose plans cover the whole country.
_NATIONAL = re.compile(
    r"^(中华人民共和国)?(教育部|国务院|国家语言文字工作委员会|国家语委|国家教育|国家民族事务委员会)|^中共中央|^中央"
)
# A school, or one of its own bodies (绍兴一中党委, …中学团委, …安全处).
_SCHOOL = re.compile(
    r"(学校|中学|小学|大学|学院|幼儿园|附中|附小|[一二三四五六七八九十\d]中|职高|中专|技校|完小|分校|校区)"
    r"(党委|党总支|党支部|团委|工会|[^\s]{2}处|[^\s]{2}室|办公室)?$"
)
_OTHER = re.compile(r"(研究院|研究所|研究室|教研室|教科所|教科院|中心|学会|协会|基金会|少年宫|图书馆|出版社|考试院)$")
# A bureau's name with its place printed as just 区 or 县 (区教体局): the level, not the place.
_LEVEL_PREFIX = {"省": "province", "市": "city", "区": "county", "县": "county", "旗": "county"}
# Words every bureau shares: left out of the slug so it names the body (中共…委员会 → …).
_NOISE = re.compile(r"^中共|委员会|局$")
SLUG_MAX = 40


def issuer_kind(issuers: tuple[str, ...]) -> str | None:
    """national, school or other when the first issuer's name says so; None for a bureau."""
    names = [simplified(n) for n in issuers]
    if any(_NATIONAL.match(n) for n in names):
        return "national"
    if not names:
        return None
    body = re.sub(r"^(中共|共青团)|委员会$", "", names[0])  # 中共…第一中学委员会 is the school's own
    if _SCHOOL.search(names[0]) or _SCHOOL.search(body):
        return "school"
    if _OTHER.search(names[0]):
        return "other"
    return None


def level_from_name(issuer: str) -> str:
    """A bureau whose place could not be found: 区教体局 is county level; other names say nothing."""
    return _LEVEL_PREFIX.get(simplified(issuer)[:1], "other")


def issuer_slug(name: str) -> str:
    """中共湖北开放职业学院委员会 → hubeikaifangzhiyexueyuan: pinyin, no 中共/委员会/局, ≤ 40 characters."""
    core = _NOISE.sub("", simplified(name)) or name
    out = ""
    for syllable in lazy_pinyin(core):
        word = "".join(re.findall(r"[a-z0-9]+", syllable.lower()))
        if len(out) + len(word) > SLUG_MAX:
            break
        out += word
    return out or "x"
