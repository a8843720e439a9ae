"""Infer a plan's metadata (issuers, region, year, date, 文号, id) from its notice and title."""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

from pypinyin import lazy_pinyin

from builder.sources.clean import Line

_DOC_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,12}[〔\[【(（［]\s*(\d{4})\s*[〕\]】)）］]\s*\d{1,4}\s*号")
_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_YEAR = re.compile(r"(\d{4})\s*年")
_ORG_END = re.compile(r"(局|委员会|工委|教委|厅|政府|办公室|中心|委)$")
_SUFFIXES = ("特别行政区", "自治州", "自治县", "自治旗", "自治区", "地区", "新区", "省", "市", "区", "县", "盟", "旗")


@dataclass(frozen=True)
class Inferred:
    title: str | None
    issuers: tuple[str, ...]
    region: tuple[str, ...]
    year: int | None
    date: str | None
    doc_number: str | None
    recipients: str | None


def infer(notice: tuple[Line, ...], title: str | None, web: dict[str, str], find_region: bool = True) -> Inferred:
    """Everything the text itself says about the plan; the sidecar may override any of it.

    `find_region=False` skips the (slow) division lookup when the sidecar already names the region.
    """
    texts = [x.text for x in notice]
    notice_title_at = next((i for i, t in enumerate(texts) if "通知" in t and ("关于" in t or "印发" in t)), None)
    issuers = _issuers(texts, notice_title_at)
    if not issuers and title:
        issuers = split_issuers(_YEAR.split(title)[0]) if _YEAR.search(title) else ()
    if not issuers and web.get("发布单位"):
        issuers = split_issuers(web["发布单位"])
    doc_number = next((_tidy_doc_number(m.group(0)) for t in texts if (m := _DOC_NUMBER.search(t))), None)
    if not doc_number and web.get("文号"):
        doc_number = web["文号"]
    recipients = None
    if notice_title_at is not None:
        recipients = next((t.rstrip("：:") for t in texts[notice_title_at + 1 :] if t.endswith(("：", ":"))), None)
    date = None
    for t in reversed(texts):
        if (m := _DATE.fullmatch(t.strip())) or ((m := _DATE.search(t)) and len(t) < 40):
            date = iso_date(*m.groups())
            if date:
                break
    if date is None and (m := _ISO_DATE.match(web.get("成文日期", ""))):
        date = iso_date(*m.groups())
    year = None
    for source in (title or "", *(texts[notice_title_at : notice_title_at + 1] if notice_title_at is not None else ())):
        if m := _YEAR.search(source):
            year = int(m.group(1))
            break
    if year is None and date:
        year = int(date[:4])
    places = (*issuers, web.get("发布单位", ""), title or "")
    region = region_of(places) if find_region else ()
    return Inferred(title, issuers, region, year, date, doc_number, recipients)


def _issuers(texts: list[str], at: int | None) -> tuple[str, ...]:
    if at is None:
        return ()
    line = texts[at]
    before = line.split("关于")[0].strip()
    if before:
        return split_issuers(before)
    found: list[str] = []  # issuers on their own lines just above 关于…的通知
    for t in reversed(texts[:at]):
        if _DOC_NUMBER.search(t) or t.endswith("文件") or not _ORG_END.search(t) or len(t) > 40:
            break
        found.insert(0, t)
    return tuple(name for t in found for name in split_issuers(t))


def split_issuers(text: str) -> tuple[str, ...]:
    """'威海市教育局（中共威海市委教育工委）' → ('威海市教育局', '中共威海市委教育工委')."""
    return tuple(p for p in re.split(r"[\s、（）()]+", text) if len(p) >= 2)


def _tidy_doc_number(text: str) -> str:
    text = re.sub(r"\s+", "", text)
    return re.sub(r"[\[【(（［](\d{4})[\]】)）］]", r"〔\1〕", text)


def iso_date(year: str, month: str, day: str) -> str | None:
    try:
        return dt.date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None


@functools.lru_cache(maxsize=4096)
def _cpca(name: str) -> tuple[str, ...]:
    import cpca  # slow to import (pandas): only when a region must be inferred

    row = cpca.transform([name]).iloc[0]
    parts = [str(row[k]) for k in ("省", "市", "区") if isinstance(row[k], str) and row[k]]
    deduped: list[str] = []
    for p in parts:  # 北京市 is both province and city
        if p not in deduped:
            deduped.append(p)
    return tuple(deduped)


def region_of(names: tuple[str, ...]) -> tuple[str, ...]:
    """The deepest administrative division any of the names points to (cpca's 2020 division data)."""
    best: tuple[str, ...] = ()
    for name in names:
        if name:
            found = _cpca(name)
            if len(found) > len(best):
                best = found
    return best


def strip_suffix(name: str) -> str:
    for suffix in _SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix) + 1:
            return name[: -len(suffix)]
    return name


def slug(names: tuple[str, ...] | list[str]) -> str:
    """('山东省', '威海市', '环翠区') → 'weihai-huancui' (the province is dropped below it)."""
    shown = list(names[1:]) if len(names) > 1 else list(names)
    return "-".join(url_safe("".join(lazy_pinyin(strip_suffix(n)))) for n in shown)


def url_safe(text: str) -> str:
    """Lowercase ASCII letters and digits joined by hyphens: lazy_pinyin passes non-Han text through."""
    return "-".join(re.findall(r"[a-z0-9]+", text.lower())) or "x"


def level_of(region: tuple[str, ...]) -> str:
    return {1: "province", 2: "city"}.get(len(region), "county")
