"""Word's automatic numbering, counted as Word counts it: the number each paragraph prints.

Word keeps the numbers 一、（一）1. out of the text (python-docx and mammoth drop them), in
word/numbering.xml: an abstract numbering defines up to nine levels (start value, format such as
chineseCounting or decimal, a text such as `（%2）`, when the level restarts), and each concrete
numbering (`w:num`, the numId paragraphs point to) names one abstract numbering and may override a
level's start (`lvlOverride/startOverride`, how "restart at 6" is saved) or the whole level.

Counting follows Word: paragraphs whose numIds share an abstract numbering continue one sequence; a
numId's startOverride takes effect at the first paragraph that uses that numId at that level; using a
level restarts the deeper ones (unless a deeper level's `lvlRestart` says otherwise, 0 = never).
A paragraph's numbering comes from its own `numPr`, else from its style or the styles it is based on;
numId 0 switches numbering off.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def _val(element: etree._Element | None, default: str | None = None) -> str | None:
    if element is None:
        return default
    return element.get(w("val"), default)


@dataclass(frozen=True)
class Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    restart: int | None = None  # lvlRestart: restart after this (1-based) level is used; 0 = never
    legal: bool = False  # isLgl: every number of the text printed in decimal
    style: str | None = None  # the paragraph style attached to this level


def _level(lvl: etree._Element) -> Level:
    start = _val(lvl.find(w("start")), "1")
    restart = _val(lvl.find(w("lvlRestart")))
    legal = lvl.find(w("isLgl"))
    return Level(
        start=int(start) if start and start.lstrip("-").isdigit() else 1,
        fmt=_val(lvl.find(w("numFmt")), "decimal") or "decimal",
        text=_val(lvl.find(w("lvlText")), "") or "",
        restart=int(restart) if restart and restart.isdigit() else None,
        legal=legal is not None and _val(legal, "1") not in ("0", "false"),
        style=_val(lvl.find(w("pStyle"))),
    )


@dataclass(frozen=True)
class Num:
    abstract: str
    starts: dict[int, int]  # level → startOverride
    levels: dict[int, Level]  # level → a whole level overridden


@dataclass
class Numbering:
    """numbering.xml read once; `label` counts as the document is read in order (stateful)."""

    abstracts: dict[str, dict[int, Level]] = field(default_factory=dict)
    nums: dict[str, Num] = field(default_factory=dict)
    counters: dict[str, dict[int, int]] = field(default_factory=dict)  # abstract → level → last number
    overridden: set[tuple[str, int]] = field(default_factory=set)  # (numId, level) whose start was applied

    @classmethod
    def parse(cls, root: etree._Element | None, style_links: dict[str, str] | None = None) -> Numbering:
        numbering = cls()
        if root is None:
            return numbering
        links: dict[str, str] = {}  # abstract → numbering style it takes its levels from
        for abstract in root.iterfind(w("abstractNum")):
            key = abstract.get(w("abstractNumId"), "")
            numbering.abstracts[key] = {
                int(lvl.get(w("ilvl"), "0")): _level(lvl) for lvl in abstract.iterfind(w("lvl"))
            }
            if (link := _val(abstract.find(w("numStyleLink")))) is not None:
                links[key] = link
        for num in root.iterfind(w("num")):
            starts: dict[int, int] = {}
            levels: dict[int, Level] = {}
            for override in num.iterfind(w("lvlOverride")):
                ilvl = int(override.get(w("ilvl"), "0"))
                start = _val(override.find(w("startOverride")))
                if start is not None and start.lstrip("-").isdigit():
                    starts[ilvl] = int(start)
                if (lvl := override.find(w("lvl"))) is not None:
                    levels[ilvl] = _level(lvl)
            numbering.nums[num.get(w("numId"), "")] = Num(_val(num.find(w("abstractNumId")), "") or "", starts, levels)
        # An abstract numbering that only links to a numbering style takes the levels of the
        # numbering that style points to.
        for key, style in links.items():
            target = (style_links or {}).get(style)
            if target in numbering.nums and numbering.nums[target].abstract != key:
                numbering.abstracts[key] = numbering.abstracts.get(numbering.nums[target].abstract, {})
        return numbering

    def level_of_style(self, num_id: str, style: str) -> int:
        """The level a style is attached to in a numbering (0 when none says)."""
        num = self.nums.get(num_id)
        if num is None:
            return 0
        levels = self.abstracts.get(num.abstract, {})
        return next((ilvl for ilvl, level in levels.items() if level.style == style), 0)

    def label(self, num_id: str, ilvl: int) -> str:
        """The number the next paragraph with this numbering prints, e.g. "（三）"; "" for none."""
        num = self.nums.get(num_id)
        if num is None or num_id == "0":
            return ""
        levels = {**self.abstracts.get(num.abstract, {}), **num.levels}
        level = levels.get(ilvl)
        if level is None:
            return ""
        counters = self.counters.setdefault(num.abstract, {})
        if ilvl in num.starts and (num_id, ilvl) not in self.overridden:
            self.overridden.add((num_id, ilvl))
            counters[ilvl] = num.starts[ilvl]
        else:
            counters[ilvl] = counters.get(ilvl, level.start - 1) + 1
        for deeper in [d for d in counters if d > ilvl]:
            restart = levels[deeper].restart if deeper in levels else None
            if restart is None or (restart != 0 and ilvl < restart):
                del counters[deeper]
        if level.fmt == "bullet":
            return _bullet(level.text)
        if level.fmt == "none":
            return _PLACEHOLDER.sub("", level.text)

        def number(m: re.Match[str]) -> str:
            at = int(m.group(1)) - 1
            shown = levels.get(at, Level())
            value = counters.get(at, shown.start)
            return format_number(value, "decimal" if level.legal and at != ilvl else shown.fmt)

        return _PLACEHOLDER.sub(number, level.text)


_PLACEHOLDER = re.compile(r"%([1-9])")
_DIGITS = "〇一二三四五六七八九"
_TRADITIONAL = "零壹贰叁肆伍陆柒捌玖"
_STEMS = "甲乙丙丁戊己庚辛壬癸"
_BRANCHES = "子丑寅卯辰巳午未申酉戌亥"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_PARENTHESIZED = "⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇"
_FULL_STOP = "⒈⒉⒊⒋⒌⒍⒎⒏⒐⒑⒒⒓⒔⒕⒖⒗⒘⒙⒚⒛"
_ROMAN: tuple[tuple[int, str], ...] = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"))
_ROMAN += ((50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))


def chinese(value: int, digits: str = _DIGITS, ten: str = "十", hundred: str = "百") -> str:
    """一 … 十、十一、二十、一百零五: how Word's chineseCounting prints a number."""
    if value <= 0:
        return digits[0] if value == 0 else str(value)
    if value < 10:
        return digits[value]
    if value < 20 and ten == "十":
        return ten + (digits[value % 10] if value % 10 else "")
    if value < 100:
        return digits[value // 10] + ten + (digits[value % 10] if value % 10 else "")
    if value < 1000:
        rest = value % 100
        zero = "零" if digits[0] == "〇" else digits[0]  # 一百零五: a counted number says 零
        tail = "" if rest == 0 else (zero if rest < 10 else "") + chinese(rest, digits, ten, hundred)
        if 10 <= rest < 20:
            tail = digits[1] + tail  # 一百一十五
        return digits[value // 100] + hundred + tail
    return str(value)


def _letters(value: int) -> str:
    """a … z, aa … zz: Word repeats the letter."""
    if value <= 0:
        return str(value)
    return chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1)


def _roman(value: int) -> str:
    out = ""
    for amount, letters in _ROMAN:
        while value >= amount:
            out += letters
            value -= amount
    return out


def _enclosed(value: int, glyphs: str) -> str:
    return glyphs[value - 1] if 1 <= value <= len(glyphs) else str(value)


def format_number(value: int, fmt: str) -> str:
    """A counter printed in one of Word's number formats (ST_NumberFormat)."""
    if fmt in ("chineseCounting", "chineseCountingThousand", "taiwaneseCounting", "taiwaneseCountingThousand"):
        return chinese(value)
    if fmt in ("japaneseCounting", "koreanCounting"):
        return chinese(value)
    if fmt in ("chineseLegalSimplified", "ideographLegalTraditional", "japaneseLegal"):
        return chinese(value, _TRADITIONAL, "拾", "佰")
    if fmt in ("ideographDigital", "taiwaneseDigital", "japaneseDigitalTenThousand"):
        return "".join(_DIGITS[int(d)] for d in str(value))
    if fmt == "ideographTraditional":
        return _enclosed(value, _STEMS)
    if fmt == "ideographZodiac":
        return _enclosed(value, _BRANCHES)
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese", "ideographEnclosedCircle"):
        return _enclosed(value, _CIRCLED)
    if fmt == "decimalEnclosedParen":
        return _enclosed(value, _PARENTHESIZED)
    if fmt == "decimalEnclosedFullstop":
        return _enclosed(value, _FULL_STOP)
    if fmt == "decimalFullWidth" or fmt == "decimalFullWidth2":
        return "".join(chr(ord(d) + 0xFEE0) for d in str(value))
    if fmt == "decimalZero":
        return f"{value:02d}"
    if fmt == "upperLetter":
        return _letters(value).upper()
    if fmt == "lowerLetter":
        return _letters(value)
    if fmt == "upperRoman":
        return _roman(value).upper()
    if fmt == "lowerRoman":
        return _roman(value)
    if fmt == "none":
        return ""
    return str(value)  # decimal, decimalHalfWidth and formats of other scripts


def _bullet(text: str) -> str:
    """A bullet as printed: symbol-font bullets live in the private use area, shown here as ●."""
    return "".join("●" if "\uf000" <= ch <= "\uf0ff" else ch for ch in text) or "●"
