"""Property: however a plan's text is mangled on its way to us, parsing keeps every clause."""

from __future__ import annotations

import re

import opencc
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from builder.errors import ArchiveError
from builder.model import Item, Part, Plan
from builder.sources.plan import parse_plan
from builder.sources.textutil import han_and_digits
from tests.conftest import SOURCES

# Fragments: the title and every part and item line of two seeds (clean text, one per line).
_LINES = [
    line.strip()
    for name in ("2021-qingdao-huangdao.txt", "2020-wenzhou-longwan.txt")
    for line in (SOURCES / name).read_text(encoding="utf-8").splitlines()
    if re.match(r"^(\d+\.|[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)", line.strip())
]
# Shapes of real plans in tests/corpus/: a sub-item, an item number glued to a year, an attachment.
_LINES += [
    "（1）加强安全责任制度。落实安全工作责任。",
    "（2）完善定期检查制度，每月检查一次。",
    "2.2020年浙江省中小学心理健康教育示范点建设申报工作计划于4月20日前完成。",
    "附：2020年工作计划行事历（调整）",
]
TITLE = "威海市文登区教育局2021年工作要点"
_TRADITIONAL = opencc.OpenCC("s2t")
HALF = str.maketrans({"，": ",", "：": ":", "；": ";", "（": "(", "）": ")"})


def plan_text(plan: Plan) -> str:
    """Everything a plan holds, in reading order."""
    out = [*plan.notice, plan.meta.title, plan.meta.title_note or "", *plan.preamble]

    def part(p: Part) -> None:
        out.extend([p.marker + p.title, *p.intro])
        for item in p.items:
            item_text(item)
        for child in p.parts:
            part(child)

    def item_text(item: Item) -> None:
        out.extend([item.marker, item.title, *item.paragraphs])
        for sub in item.items:
            out.extend([sub.marker, sub.title, *sub.paragraphs])

    for item in plan.loose_items:
        item_text(item)
    for p in plan.parts:
        part(p)
    out.extend([*plan.annex, *plan.closing, *(u.text for u in plan.unplaced)])
    return "\n".join(out)


@st.composite
def mangled_plans(draw: st.DrawFn) -> tuple[str, bytes]:
    lines = draw(st.lists(st.sampled_from(_LINES), min_size=2, max_size=12))
    # Some lines printed in traditional characters: the text the archive must keep, as printed.
    lines = [_TRADITIONAL.convert(line) if draw(st.integers(0, 5)) == 0 else line for line in lines]
    text = "\n".join([TITLE, "一、第一部分", *lines])
    out = [TITLE]  # the title stays whole: a wrapped year is a different (reported) problem
    for line in text.split("\n")[1:]:
        if draw(st.booleans()):
            line = line.translate(HALF)  # a web page's half-width punctuation
        if draw(st.integers(0, 4)) == 0:
            line = f"[bookmark: OLE_LINK{draw(st.integers(1, 99))}]" + line  # Word debris
        width = draw(st.integers(12, 60))
        if draw(st.booleans()) and len(line) > width:  # a PDF's hard wraps, sometimes after a page break
            pieces = [line[i : i + width] for i in range(0, len(line), width)]
            line = "\n\n".join((" " if draw(st.booleans()) else "") + piece for piece in pieces)
        out.append(line)
    newline = "\r\n" if draw(st.booleans()) else "\n"
    if draw(st.integers(0, 4)) == 0:  # a whole plan run into one line, as document-sharing sites show it
        out = [TITLE, "".join(out[1:]).replace("\n", "")]
    raw = newline.join(out) + newline
    return text, raw.encode("utf-8")


def clauses(text: str) -> list[str]:
    return [c for piece in re.split(r"[。；！？;!?\n]", text) if (c := han_and_digits(piece))]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mangled_plans())
def test_parsing_keeps_every_clause(case: tuple[str, bytes]) -> None:
    original, raw = case
    try:
        loaded = parse_plan(raw, "source_docs/generated.txt")
    except ArchiveError:
        return  # our own error type is allowed; anything else fails the test
    if loaded.plan is None:  # refused with the project's own problem report, never an exception
        assert loaded.problems and all(str(p) for p in loaded.problems)
        return
    output = han_and_digits(plan_text(loaded.plan))
    for clause in clauses(original):
        # A wrap may split a clause between paragraphs, but its characters stay contiguous in order.
        assert clause in output, clause
