"""Cleaning: hard wraps, page breaks, Word debris, web chrome, spacing and punctuation width."""

from __future__ import annotations

import pytest

from builder.sources import textutil as tu
from builder.sources.clean import clean


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2019年,市教育局(市委教育工委)工作的总体要求是:以", "2019年，市教育局（市委教育工委）工作的总体要求是：以"),
        ("投资2.25亿元", "投资2.25亿元"),
        ("提高0.5个百分点", "提高0.5个百分点"),
        ("取得“1+1>2”的倍增效果", "取得“1+1>2”的倍增效果"),
        ("《行动计划(2023—2025年)》", "《行动计划（2023—2025年）》"),
        ("调整“3+4”对口贯通", "调整“3+4”对口贯通"),
        ("时间 11:31, 共1,000人", "时间 11:31, 共1,000人"),
        ("落实;推进!是否?", "落实；推进！是否？"),
        ("分段(1)和(A)", "分段(1)和(A)"),
    ],
)
def test_punctuation_width(raw: str, expected: str) -> None:
    assert tu.normalise_punctuation(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2020 年 1 月 6 日", "2020年1月6日"),
        ("投资 2.25 亿元实施", "投资2.25亿元实施"),
        ("信用“进校园” 工程", "信用“进校园”工程"),
        ("计划”。 按照", "计划”。按照"),
        ("红色领航 厚德善教", "红色领航 厚德善教"),  # a deliberate space between two phrases stays
        ("AI 党建 and more", "AI 党建 and more"),
    ],
)
def test_spaces(raw: str, expected: str) -> None:
    assert tu.tidy_spaces(raw) == expected


def pdf_like(lines: list[str]) -> str:
    # PDF text: every line followed by a blank line, full lines about 28 characters wide.
    return "\n\n".join(lines) + "\n"


FULL = "这是一个很长的句子用来填满整整一行的宽度而且不会结束，"


def test_pdf_wraps_are_joined_and_page_breaks_dropped() -> None:
    body = [FULL] * 20 + [
        "一、第一部分的标题很长很长很长很长很长很长很长很长的",
        "现代化",
        "1.条目标题。" + FULL[:22],
        " 接着上一页继续的文字，" + FULL[:16],
        "结束。",
        "- 2 -",
    ]
    cleaned = clean(pdf_like(body))
    assert cleaned.shape == "pdf"
    texts = [line.text for line in cleaned.lines]
    assert "一、第一部分的标题很长很长很长很长很长很长很长很长的现代化" in texts
    item = next(t for t in texts if t.startswith("1."))
    assert item.endswith("接着上一页继续的文字，" + FULL[:16] + "结束。")
    assert "- 2 -" not in texts and "2" not in texts


def test_word_bookmarks_removed() -> None:
    cleaned = clean("[bookmark: _GoBack]\n一、总体思路\n[bookmark: OLE_LINK3][bookmark: OLE_LINK2]2020年总体要求。\n")
    assert cleaned.shape == "word"
    assert [x.text for x in cleaned.lines] == ["一、总体思路", "2020年总体要求。"]


def test_web_chrome_becomes_metadata() -> None:
    text = (
        "当前位置 : 首页\n> 政府信息公开 > 年度计划\n索引号: 1137/2019-01140 发布单位: 教育局\n"
        "内容分类: 年度计划 成文日期: 2019-02-15\n有效性/截止日期: 文号:\n\n标题\n时间: 11:31\n点击次数:\n正文。\n"
    )
    cleaned = clean(text)
    assert cleaned.shape == "web"
    assert dict(cleaned.web) == {
        "索引号": "1137/2019-01140",
        "发布单位": "教育局",
        "内容分类": "年度计划",
        "成文日期": "2019-02-15",
    }
    assert [x.text for x in cleaned.lines] == ["标题", "正文。"]
    assert [x.lineno for x in cleaned.lines] == [7, 10]


def test_whole_plan_on_one_line_is_split() -> None:
    text = (
        "测试局2020年工作要点 总体思路是：做好工作。一、第一部分 1.第一条。内容"
        + "很多" * 300
        + "。2.第二条。内容。二、第二部分 3.第三条。内容。"
    )
    lines = [x.text for x in clean(text).lines]
    assert any(x.startswith("二、第二部分") for x in lines)
    assert any(x.startswith("2.第二条") for x in lines)
    assert any(x.startswith("3.第三条") for x in lines)


def test_first_sentence_ignores_stops_inside_quotes() -> None:
    assert tu.first_sentence("以“小切口。”攻坚。其余。") == ("以“小切口。”攻坚", "其余。")
    assert tu.first_sentence("没有句号的标题") == ("没有句号的标题", "")
