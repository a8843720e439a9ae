"""Real plans vary more than five files show: numbering styles, four levels, one-line plans."""

from __future__ import annotations

from pathlib import Path

import pytest

from builder.model import Plan
from builder.sources.plan import parse_plan
from tests.conftest import build_tree, main_content

TITLE = "威海市文登区教育局2021年工作要点"


def parse(text: str) -> Plan:
    loaded = parse_plan(text.encode("utf-8"), "source_docs/x.txt")
    assert loaded.plan is not None, loaded.problems
    return loaded.plan


def test_items_numbered_with_a_comma() -> None:
    plan = parse(f"{TITLE}\n一、部分\n1、第一条。正文。\n2、第二条。正文。\n")
    assert [(i.marker, i.title, i.anchor) for i in plan.items] == [
        ("1、", "第一条", "item-1"),
        ("2、", "第二条", "item-2"),
    ]


def test_items_numbered_in_parentheses_when_there_is_no_arabic_level() -> None:
    plan = parse(f"{TITLE}\n一、部分\n（1）第一条。正文。\n(2)第二条。正文。\n")
    assert [i.marker for i in plan.items] == ["（1）", "(2)"]


def test_numbering_that_restarts_per_part_gets_part_scoped_anchors() -> None:
    loaded = parse_plan(
        f"{TITLE}\n一、甲\n1.甲一。\n2.甲二。\n二、乙\n1.乙一。\n2.乙二。\n".encode(), "source_docs/x.txt"
    )
    assert loaded.plan is not None
    assert [i.anchor for i in loaded.plan.items] == [
        "part-1-item-1",
        "part-1-item-2",
        "part-2-item-1",
        "part-2-item-2",
    ]
    assert not loaded.problems  # a restart is not a numbering mistake


def test_four_heading_levels() -> None:
    plan = parse(f"{TITLE}\n一、甲\n（一）子\n1.条目标题。导语。\n（1）第一点。\n（2）第二点。\n2.下一条。\n")
    first = plan.items[0]
    assert first.paragraphs == ("导语。",)  # （1）（2） are its sub-items, not its body's paragraphs
    assert [(s.marker, s.title, s.anchor) for s in first.items] == [
        ("（1）", "第一点", "item-1-1"),
        ("（2）", "第二点", "item-1-2"),
    ]
    assert first.body == "导语。\n（1）第一点\n（2）第二点"  # the whole rest of the item, for data and themes
    assert [i.anchor for i in plan.items] == ["item-1", "item-2"]  # sub-items are not items
    assert plan.parts[0].parts[0].anchor == "part-1-1"


def test_sub_items_under_numbering_that_restarts_and_inline_runs_that_stay_text() -> None:
    plan = parse(
        f"{TITLE}\n一、甲\n1.第一条。\n（1）要点一；\n（2）要点二。\n二、乙\n1.第二部分第一条。"
        "做好三件事：（1）甲；（2）乙；（3）丙。\n"
    )
    first, second = plan.items
    assert [s.anchor for s in first.items] == ["part-1-item-1-1", "part-1-item-1-2"]
    assert second.items == () and "（1）甲；（2）乙" in second.body  # inline in one paragraph: text


def test_heading_with_text_after_its_first_sentence() -> None:
    plan = parse(f"{TITLE}\n一、强化党建。这是本部分的导语。\n1.条目。正文。\n")
    assert plan.parts[0].title == "强化党建"
    assert plan.parts[0].intro == ("这是本部分的导语。",)


def test_a_whole_plan_on_one_line() -> None:
    body = "正文内容" * 60
    text = (
        f"{TITLE} 2021年总体思路是：做好工作。一、第一部分 1.第一条。{body}。2.第二条。{body}。"
        f"二、第二部分 （一）分项 3.第三条。{body}。"
    )
    plan = parse(text)
    assert plan.meta.title == TITLE and plan.meta.year == 2021
    assert plan.preamble == ("2021年总体思路是：做好工作。",)
    assert [p.title for p in plan.parts] == ["第一部分", "第二部分"]
    assert [i.title for i in plan.items] == ["第一条", "第二条", "第三条"]


@pytest.mark.build
def test_text_after_the_colophon_is_unplaced_shown_and_reported(tmp_path: Path) -> None:
    text = f"{TITLE}\n一、部分\n1.第一条。正文。\n文登区教育局办公室 2021年1月5日印发\n一段来历不明的文字\n"
    plan = parse(text)
    assert plan.closing == ("文登区教育局办公室2021年1月5日印发",)
    assert [(u.line, u.text) for u in plan.unplaced] == [(5, "一段来历不明的文字")]
    assert plan.items[0].paragraphs == ("正文。",)
    site = build_tree(tmp_path, {"x.txt": text})
    page = main_content(site / "plans" / "2021-weihai-wendeng" / "index.html")
    assert page.select_one("#unplaced") is not None and "一段来历不明的文字" in page.get_text()
    report = main_content(site / "report" / "index.html").get_text()
    assert "x.txt:5" in report and "一段来历不明的文字" in report


def test_anchors_stay_unique_when_loose_items_share_numbers_with_part_items() -> None:
    plan = parse(f"{TITLE}\n1.前置一。\n2.前置二。\n一、部分\n1.第一条。\n2.第二条。\n3.第三条。\n")
    anchors = [i.anchor for i in plan.items]
    assert len(anchors) == len(set(anchors)) == 5


def test_an_attachment_line_with_items_still_to_come_is_text() -> None:
    plan = parse(f"{TITLE}\n一、甲\n1.第一条。正文。\n附：推荐书目\n2.第二条。\n二、保障措施\n3.保障。\n")
    assert [i.number for i in plan.items] == ["1", "2", "3"] and plan.annex == ()
    assert "附：推荐书目" in plan.items[0].paragraphs


def test_a_date_glued_to_a_number_is_not_an_item_and_a_spaced_grade_list_is_not_a_part() -> None:
    text = "一、甲\n1.第一条。正文。\n2.第二条。\n3.12前完成植树。\n重点关注 一、二年级学生习惯养成。\n"
    plan = parse(f"{TITLE}\n{text}")
    assert [i.number for i in plan.items] == ["1", "2"]
    assert [p.number for p in plan.parts] == ["一"]
    assert any("3.12前完成植树" in p for p in plan.items[1].paragraphs)


def test_a_table_the_last_item_points_to_stays_with_it() -> None:
    from builder.sources.plan import parse_plan
    from builder.sources.readers.html import HtmlReader

    rows = "".join(f"<tr><td>{n}.</td><td>{'任务内容较多需要说明' * 3}</td><td>教育局</td></tr>" for n in range(1, 4))
    page = (
        "<html><head><meta charset='utf-8'><title>某区教育局2021年工作要点</title></head><body><div id='zoom'>"
        f"<p>某区教育局2021年工作要点</p><p>一、总体要求</p><p>1.加强党建。{'各校落实党建工作责任，' * 20}</p>"
        f"<p>2.明确分工。任务分工如下表：</p><table>{rows}</table></div></body></html>"
    )
    loaded = parse_plan(page.encode(), "page.html", "year: 2021\n", "", HtmlReader())
    assert loaded.plan is not None and loaded.plan.annex == ()
    assert [i.number for i in loaded.plan.items] == ["1", "2"] and "教育局" in loaded.plan.items[1].body
