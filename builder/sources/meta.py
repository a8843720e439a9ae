"""Infer a plan's metadata (issuers, region, year, date, 文号, id) from its notice and title."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from pypinyin import lazy_pinyin

from builder.sources.clean import Line
from builder.sources.textutil import simplified

_DOC_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,12}[〔\[【(（［]\s*(\d{4})\s*[〕\]】)）］]\s*\d{1,4}\s*号")
_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_YEAR = re.compile(r"(\d{4})\s*年")
# A school year files under the year it begins: 2019学年, 2019-2020学年度, 2010学年第二学期 → 2019/2019/2010.
_SCHOOL_YEAR = re.compile(r"(\d{4})\s*(?:[-—–~～至到]\s*\d{4}\s*)?学年")
_HAN_YEAR = re.compile(r"([〇○零一二三四五六七八九]{4})\s*年")
_HAN_DIGITS = str.maketrans("〇○零一二三四五六七八九", "000123456789")
_ORG_END = re.compile(
    r"(局|委员会|工委|教委|厅|部|政府|办公室|中心|委|学校|中学|小学|大学|学院|幼儿园|[一二三四五六七八九十]中)$"
)
_CLAUSE = re.compile(r"[，,。；;！!？?]")  # a sentence, not a name or a title
_SUFFIXES = ("特别行政区", "自治州", "自治县", "自治旗", "自治区", "地区", "新区", "省", "市", "区", "县", "盟", "旗")


@dataclass(frozen=True)
class Inferred:
    title: str | None
    issuers: tuple[str, ...]
    year: int | None
    date: str | None
    doc_number: str | None
    recipients: str | None


def infer(notice: tuple[Line, ...], title: str | None, web: dict[str, str]) -> Inferred:
    """Everything the text itself says about the plan; the sidecar may override any of it.
    Words are recognised in simplified characters (关于 and 關於 alike); values keep the print."""
    texts = [x.text for x in notice]
    plain = [simplified(t) for t in texts]
    notice_title_at = next((i for i, t in enumerate(plain) if _is_notice_title(t)), None)
    issuers = _issuers(texts, plain, notice_title_at)
    if not issuers and title:
        issuers = _issuers_in_title(title)
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
        year = year_in(source)
        if year:
            break
    if year is None and date:
        year = int(date[:4])
    return Inferred(title, issuers, year, date, doc_number, recipients)


def _is_notice_title(text: str) -> bool:
    """关于印发…的通知, …印发《…》通知: a title line, not a sentence of the page around it."""
    return "通知" in text and ("关于" in text or "印发" in text) and len(text) <= 100 and not _CLAUSE.search(text)


def _issuers(texts: list[str], plain: list[str], at: int | None) -> tuple[str, ...]:
    """Who the notice says issued it: printed before 关于/印发 in its title, on lines of their own
    above the title, or as the signature above the notice's date."""
    if at is None:
        return _org_lines(texts, len(texts))
    cut = min((i for i in (plain[at].find("关于"), plain[at].find("印发")) if i >= 0), default=0)
    before = texts[at][:cut].strip() if len(plain[at]) == len(texts[at]) else plain[at][:cut].strip()
    if before and _looks_like_orgs(before):
        return split_issuers(before)
    return _org_lines(texts, at) or _signature(texts, plain, at)


def _org_lines(texts: list[str], at: int) -> tuple[str, ...]:
    """Issuers on their own lines just above line `at` (中共山东省委教育工委 山东省教育厅)."""
    found: list[str] = []
    for t in reversed(texts[:at]):
        if _DOC_NUMBER.search(t) or t.endswith("文件") or not _looks_like_orgs(t):
            break
        found.insert(0, t)
    return tuple(name for t in found for name in split_issuers(t))


def _signature(texts: list[str], plain: list[str], at: int) -> tuple[str, ...]:
    """The body signing the notice: the line(s) just above its date."""
    for i in range(len(texts) - 1, at, -1):
        if _DATE.fullmatch(plain[i].strip()):
            return _org_lines(texts, i)
    return ()


def _looks_like_orgs(text: str) -> bool:
    """One or more bodies' names: each ends like a body's name, no clause punctuation, short."""
    names = split_issuers(text)
    if not names or len(text) > 60 or _CLAUSE.search(text):
        return False
    return all(_ORG_END.search(simplified(n)) for n in names)


def year_in(text: str) -> int | None:
    """The year a title names: 2020年, 2019学年 (the year a school year begins), 二〇一九年."""
    text = simplified(text)
    found = [(m.start(), int(m.group(1))) for m in (_YEAR.search(text), _SCHOOL_YEAR.search(text)) if m]
    if m := _HAN_YEAR.search(text):
        found.append((m.start(), int(m.group(1).translate(_HAN_DIGITS))))
    return min(found)[1] if found else None


def _issuers_in_title(title: str) -> tuple[str, ...]:
    """The bodies printed before the year: 威海市教育局2019年工作要点 → ('威海市教育局',)."""
    plain = simplified(title)
    starts = [m.start() for m in (_YEAR.search(plain), _SCHOOL_YEAR.search(plain), _HAN_YEAR.search(plain)) if m]
    return split_issuers(title[: min(starts)]) if starts else ()


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
