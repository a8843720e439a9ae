"""Parse clean lines into a plan's structure: cover notice, title, preamble, parts and items.

Pure: `parse_structure` takes the cleaned lines and returns a `Structure` plus warnings.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field

from builder.errors import Problem
from builder.model import Item, Part, Unplaced
from builder.sources import textutil as tu
from builder.sources.clean import Line

_TITLE_WORDS = re.compile(r"(工作要点|工作计划|工作安排|工作思路|要点)(（[^）]*）)?$")
_NOT_TITLE = re.compile(r"关于|通知|印发|现将|^《")
# The first line of a title printed over two: its issuer and year, nothing else (…委员会2011年).
_TITLE_FIRST_LINE = re.compile(
    r"^[^\s，。；：,;:《》“”]{2,30}?(?:\d{4}|[〇○零一二三四五六七八九]{4})\s*(?:年度?|学年度?)$"
)
_TITLE_NOTE = re.compile(r"^[（(][^）)]{1,12}[）)]$")
_PREAMBLE_PART = re.compile(r"总体思路|总体要求|指导思想|工作思路|总体目标")
_CONCLUSION = re.compile(r"^(总之|总而言之|综上所述)[，,]")
_COLOPHON = re.compile(r"(印发|印制)$|^抄送")
_CLOSING = re.compile(
    r"(印发|印制)$|^抄送|^(主题词|关键词)[:：]|^\d{4}年\d{1,2}月\d{1,2}日$|^[^，。；：,]{2,30}(局|委员会|工委|政府|办公室|中心)$"
)


@dataclass(frozen=True)
class Structure:
    notice: tuple[Line, ...]
    title: Line | None
    title_note: str | None
    preamble: tuple[str, ...]
    preamble_anchor: str | None
    parts: tuple[Part, ...]
    loose_items: tuple[Item, ...]
    closing: tuple[str, ...]
    unplaced: tuple[Unplaced, ...]
    annex: tuple[str, ...] = ()  # an attachment after the plan (附：…行事历), heading line first


@dataclass
class _Open:
    """A part or item while it is being filled."""

    kind: str  # part / item
    line: Line
    marker: str
    number: str
    title: str
    level: int = 1
    paragraphs: list[str] = field(default_factory=list)
    paragraph_lines: list[int] = field(default_factory=list)
    children: list[_Open] = field(default_factory=list)


def find_title(lines: tuple[Line, ...]) -> int | None:
    """Index of the plan's own title line (…2020年工作要点), before any numbered part."""
    for i, line in enumerate(lines):
        if tu.starts_numbered_block(line.text) and i > 0:
            break
        text = tu.simplified(line.text)  # 工作計劃 is a title too
        if len(text) <= 80 and _TITLE_WORDS.search(text) and not _NOT_TITLE.search(text):
            return i
    return None


def parse_structure(lines: tuple[Line, ...], path: str) -> tuple[Structure, list[Problem]]:
    """Split the lines into notice, title, preamble, parts, items and closing text."""
    warnings: list[Problem] = []
    title_at = find_title(lines)
    if title_at is None:
        notice_end = _notice_end_without_title(lines)
        notice, title, rest = lines[:notice_end], None, lines[notice_end:]
    else:
        start = title_at - 1 if title_at and _TITLE_FIRST_LINE.match(lines[title_at - 1].text) else title_at
        title = lines[title_at]
        if start < title_at:  # a title printed over two lines: 中共…委员会2011年 / 创先争优活动工作思路
            title = Line(lines[start].text + title.text, lines[start].lineno)
        notice, rest = lines[:start], lines[title_at + 1 :]
    title_note = None
    if rest and _TITLE_NOTE.match(rest[0].text):
        title_note, rest = rest[0].text, rest[1:]

    item_mark = tu.ITEM_MARK if any(tu.ITEM_MARK.match(x.text) for x in rest) else tu.SUBITEM_MARK
    has_parts = any(tu.PART_MARK.match(x.text) for x in rest)

    preamble: list[str] = []
    top: list[_Open] = []
    loose: list[_Open] = []
    part: _Open | None = None
    subpart: _Open | None = None
    item: _Open | None = None
    subitem: _Open | None = None  # （1） under an item numbered 1. (a four-level plan)
    annex: list[str] = []  # from a 附件 line after the plan on: its own section, never items
    table: list[Line] = []  # a table's rows, until we know whether an item follows them
    for at, line in enumerate(rest):
        text = line.text
        if annex or ((top or loose) and tu.ANNEX_MARK.match(text) and not _plan_goes_on(rest[at + 1 :], item)):
            annex.append(text)
            continue
        if line.in_table:  # a table's numbered cells are not the plan's items: its rows stay text
            table.append(line)
            continue
        if table:  # a table between items belongs to the item before it
            _add_text(subitem or item or subpart or part, preamble, table)
            table = []
        if m := tu.PART_MARK.match(text):
            part = _Open("part", line, m.group(0), m.group(1), text[m.end() :].strip(), level=1)
            top.append(part)
            subpart = item = subitem = None
        elif m := tu.SUBPART_MARK.match(text):
            if has_parts and part is not None:
                subpart = _Open("part", line, m.group(0), m.group(1), text[m.end() :].strip(), level=2)
                part.children.append(subpart)
            else:  # （一） is the outermost level of this plan
                part = _Open("part", line, m.group(0), m.group(1), text[m.end() :].strip(), level=1)
                top.append(part)
                subpart = None
            item = subitem = None
        elif (m := item_mark.match(text)) or (m := _glued_item(text, item_mark, subpart or part, loose)):
            item = _Open("item", line, m.group(0), m.group(1), text[m.end() :].strip())
            subitem = None
            holder = subpart or part
            (holder.children if holder else loose).append(item)
        elif item is not None and item_mark is tu.ITEM_MARK and (m := tu.SUBITEM_MARK.match(text)):
            subitem = _Open("item", line, m.group(0), m.group(1), text[m.end() :].strip())
            item.children.append(subitem)
        else:
            _add_text(subitem or item or subpart or part, preamble, [line])
    last = subitem or item or subpart or part
    if table and (top or loose) and not annex and not _points_to_table(last):
        annex = [t.text for t in table]  # a table after the last item: the plan's annex (a calendar)
    elif table:
        _add_text(last, preamble, table)

    closing, unplaced = _split_closing(top, loose)
    preamble_anchor = None
    parts = _build_parts(top, path, warnings)
    items_restart = _numbering_restarts(top)
    seen: set[str] = set()  # one set for the whole plan: every anchor is unique
    loose_items = tuple(
        _anchored(_make_item(o, "", ""), _unique(f"item-{o.number}", o.line.lineno, seen), "", seen) for o in loose
    )
    parts = tuple(_assign_item_anchors(p, items_restart, seen) for p in parts)
    _check_numbering(parts, loose_items, items_restart, path, warnings)

    if (
        not preamble
        and parts
        and not parts[0].items
        and not parts[0].parts
        and parts[0].intro
        and _PREAMBLE_PART.search(parts[0].title)
    ):
        first = parts[0]
        preamble = list(first.intro)
        preamble_anchor = first.anchor
        parts = (
            Part(first.number, first.marker, first.anchor, first.title, first.level, (), (), (), first.line),
            *parts[1:],
        )
    return Structure(
        tuple(notice),
        title,
        title_note,
        tuple(preamble),
        preamble_anchor,
        parts,
        loose_items,
        tuple(closing),
        tuple(unplaced),
        tuple(annex),
    ), warnings


def _glued_item(
    text: str, item_mark: re.Pattern[str], holder: _Open | None, loose: list[_Open]
) -> re.Match[str] | None:
    """An item whose text starts with a digit (2.2020年起…, 11.5-6月份…, 2、3月12日…): its number
    must be the next one where it stands; 2011.2. (a date) or 2.5亿元 never is."""
    if item_mark is not tu.ITEM_MARK or not (m := tu.GLUED_ITEM_MARK.match(text)):
        return None
    siblings = [c for c in (holder.children if holder else loose) if c.kind == "item"]
    expected = {int(siblings[-1].number) + 1} if siblings else {1}
    return m if int(m.group(1)) in expected else None


_TABLE_REFERENCE = re.compile(r"如下表|见下表|下表|如下[：:]?$|附表")


def _points_to_table(holder: _Open | None) -> bool:
    """任务分工如下表。: the table that follows is the last item's own."""
    if holder is None:
        return False
    last_text = holder.paragraphs[-1] if holder.paragraphs else holder.title
    return bool(_TABLE_REFERENCE.search(last_text))


def _plan_goes_on(after: tuple[Line, ...], item: _Open | None) -> bool:
    """Is a 附：line text inside the plan? Yes when a part follows it, or an item that continues the
    plan's numbering (附：推荐书目 / 2.第二条); an attachment's own list (a calendar's 1. 2.) starts anew."""
    for line in after:
        if line.in_table:
            continue
        if tu.PART_MARK.match(line.text) or tu.SUBPART_MARK.match(line.text):
            return True
        if m := tu.ITEM_MARK.match(line.text):
            return item is not None and int(m.group(1)) == int(item.number) + 1
    return False


def _add_text(holder: _Open | None, preamble: list[str], lines: list[Line]) -> None:
    if holder is None:
        preamble.extend(x.text for x in lines)
        return
    holder.paragraphs.extend(x.text for x in lines)
    holder.paragraph_lines.extend(x.lineno for x in lines)


def _notice_end_without_title(lines: tuple[Line, ...]) -> int:
    """Without a title line, the notice runs to its date line, if there is a 关于…通知 at all."""
    first_block = next((i for i, x in enumerate(lines) if tu.starts_numbered_block(x.text)), len(lines))
    if not any("通知" in x.text for x in lines[:first_block]):
        return 0
    dates = [i for i, x in enumerate(lines[:first_block]) if re.fullmatch(r"\d{4}年\d{1,2}月\d{1,2}日", x.text)]
    return dates[0] + 1 if dates else 0


def _split_closing(top: list[_Open], loose: list[_Open]) -> tuple[list[str], list[Unplaced]]:
    """Take the colophon (…印发, 抄送) off the end of the last item or part.

    Text that follows the colophon belongs to no part of the plan: it is kept as unplaced.
    """
    last = _last_open(top) or (loose[-1] if loose else None)
    if last is None:
        return [], []
    paragraphs, lines = last.paragraphs, last.paragraph_lines
    summing_up = next((i for i, text in enumerate(paragraphs) if _CONCLUSION.match(text)), None)
    conclusion = paragraphs[summing_up:] if summing_up is not None else []
    if summing_up is not None:  # 总之，…: the plan's own last word, not the last item's
        del paragraphs[summing_up:], lines[summing_up:]
    marks = [i for i, text in enumerate(paragraphs) if _COLOPHON.search(text)]
    unplaced: list[Unplaced] = []
    end = len(paragraphs)
    if marks:
        after = range(marks[-1] + 1, end)
        unplaced = [
            Unplaced(lines[i], paragraphs[i], "text after the colophon (…印发)")
            for i in after
            if not _CLOSING.search(paragraphs[i])
        ]
        keep_after = [paragraphs[i] for i in after if _CLOSING.search(paragraphs[i])]
        end = marks[-1] + 1
    else:
        keep_after = []
    start = end
    while start > 0 and _CLOSING.search(paragraphs[start - 1]):
        start -= 1
    closing = paragraphs[start:end] + keep_after
    del paragraphs[start:], lines[start:]
    return conclusion + closing, unplaced


def _last_open(opens: list[_Open]) -> _Open | None:
    if not opens:
        return None
    last = opens[-1]
    return _last_open(last.children) or last


def _split_heading(text: str) -> tuple[str, tuple[str, ...]]:
    """A heading line may carry body text after its first sentence: （一）强化党建。正文……"""
    title, rest = tu.first_sentence(text)
    if rest:
        return title, (rest,)
    return text.rstrip("。"), ()


def _build_parts(top: list[_Open], path: str, warnings: list[Problem]) -> tuple[Part, ...]:
    seen: set[str] = set()

    def build(o: _Open, parent_anchor: str) -> Part:
        base = f"part-{tu.cn_to_int(o.number)}" if not parent_anchor else f"{parent_anchor}-{tu.cn_to_int(o.number)}"
        anchor = base
        if anchor in seen:
            anchor = f"{base}-{o.line.lineno}"
            warnings.append(
                Problem(
                    path,
                    o.line.lineno,
                    f"part {o.marker} appears twice",
                    "check the part numbering in the source",
                    "warning",
                )
            )
        seen.add(anchor)
        title, extra = _split_heading(o.title)
        subparts = tuple(build(c, anchor) for c in o.children if c.kind == "part")
        items = tuple(_make_item(c, "", anchor) for c in o.children if c.kind == "item")
        return Part(o.number, o.marker, anchor, title, o.level, (*extra, *o.paragraphs), subparts, items, o.line.lineno)

    return tuple(build(o, "") for o in top)


def _make_item(o: _Open, anchor: str, part_anchor: str) -> Item:
    title, rest = tu.first_sentence(o.title)
    paragraphs = tuple(p for p in ((rest,) if rest else ()) + tuple(o.paragraphs))
    subitems = tuple(_make_item(c, "", part_anchor) for c in o.children)
    return Item(o.number, o.marker, anchor, title, paragraphs, part_anchor, o.line.lineno, items=subitems)


def _anchored(item: Item, anchor: str, part_anchor: str, seen: set[str]) -> Item:
    """The item with its anchor, and each sub-item's below it: item-6 → item-6-1, item-6-2 …"""
    subitems = tuple(
        dataclasses.replace(sub, anchor=_unique(f"{anchor}-{sub.number}", sub.line, seen), part=part_anchor)
        for sub in item.items
    )
    return dataclasses.replace(item, anchor=anchor, part=part_anchor, items=subitems)


def _numbering_restarts(top: list[_Open]) -> bool:
    """True if item numbering starts again at 1 in a later part (so item-N alone is ambiguous)."""
    starts: list[str] = []

    def visit(o: _Open) -> None:
        items = [c for c in o.children if c.kind == "item"]
        if items:
            starts.append(items[0].number)
        for c in o.children:
            if c.kind == "part":
                visit(c)

    for o in top:
        visit(o)
    return starts.count("1") > 1


def _unique(anchor: str, line: int, seen: set[str]) -> str:
    """The anchor, or (for a repeated number, already warned about) the anchor and its line."""
    if anchor in seen:
        anchor = f"{anchor}-{line}"
    seen.add(anchor)
    return anchor


def _assign_item_anchors(part: Part, restart: bool, seen: set[str]) -> Part:
    items = []
    for item in part.items:
        anchor = _unique(f"{part.anchor}-item-{item.number}" if restart else f"item-{item.number}", item.line, seen)
        items.append(_anchored(item, anchor, part.anchor, seen))
    children = tuple(_assign_item_anchors(c, restart, seen) for c in part.parts)
    return Part(
        part.number, part.marker, part.anchor, part.title, part.level, part.intro, children, tuple(items), part.line
    )


def _check_numbering(
    parts: tuple[Part, ...], loose: tuple[Item, ...], restart: bool, path: str, warnings: list[Problem]
) -> None:
    """Warn where item numbers skip or repeat (an error under --strict)."""
    runs: list[tuple[Item, ...]] = []
    if restart:

        def visit(p: Part) -> None:
            if p.items:
                runs.append(p.items)
            for c in p.parts:
                visit(c)

        for p in parts:
            visit(p)
    else:
        everything = list(loose)
        for p in parts:
            everything.extend(p.walk_items())
        runs.append(tuple(everything))
    for run in runs:
        expected = 1
        for item in run:
            number = int(item.number)
            if number != expected:
                what = "repeats" if number < expected else "skips"
                warnings.append(
                    Problem(
                        path,
                        item.line,
                        f"item numbering {what}: expected {expected}, found {item.marker}",
                        "check the source against the published plan; fix the number if it is a typo",
                        "warning",
                    )
                )
            expected = number + 1
