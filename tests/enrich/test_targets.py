"""Quantified targets: measured against hand labels of two seed plans, and published as CSV."""

from __future__ import annotations

import csv
import io
from collections import Counter
from pathlib import Path

import pytest
import yaml

from builder.enrich.targets import extract_targets
from builder.sources.discover import load_plan
from tests.conftest import ROOT, SOURCES, main_content

LABELS = yaml.safe_load((ROOT / "tests" / "fixtures" / "target_labels.yml").read_text(encoding="utf-8"))


def test_precision_and_recall_against_hand_labels() -> None:
    assert len(LABELS) >= 2
    tp = fp = fn = 0
    for plan_id, labelled in LABELS.items():
        plan = load_plan(SOURCES / f"{plan_id}.txt", ROOT).plan
        assert plan is not None
        for item in plan.items:
            got = Counter(f"{t.value:g} {t.unit} {t.kind}" for t in extract_targets(item.text))
            want = Counter(labelled.get(int(item.number), []))
            tp += sum((got & want).values())
            fp += sum((got - want).values())
            fn += sum((want - got).values())
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    print(f"\ntargets: precision {precision:.2f} recall {recall:.2f} (tp {tp}, fp {fp}, fn {fn})")
    assert precision >= 0.9 and recall >= 0.9


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("再评12个区级示范点", [(12, "个", "count", "再评12个区级示范点")]),
        ("学前三年毛入学率保持在99.8%以上。", [(99.8, "%", "percent", "学前三年毛入学率保持在99.8%以上")]),
        ("投资2.25亿元实施福泰中学新建工程", [(2.25, "亿元", "money", "投资2.25亿元实施福泰中学新建工程")]),
        (
            "全年拟培养党员15名，资助学生2.6万人次",
            [(15, "名", "people", "全年拟培养党员15名"), (2.6, "万人次", "people", "资助学生2.6万人次")],
        ),
        ("推评2-3处省、市级优秀研学基地", [(2, "处", "count", "推评2-3处省、市级优秀研学基地")]),
        ("谋划好第36个教师节庆祝活动", []),
        ("落实《威海市第二期特殊教育提升计划实施方案（2018—2020年）》", []),
        ("中职本科“3+4”贯通培养，让协作区取得“1+1>2”的效果", []),
        ("2019年底前完成，从教30年优秀教师", []),
    ],
)
def test_extract(text: str, expected: list[tuple[float, str, str, str]]) -> None:
    assert [(t.value, t.unit, t.kind, t.text) for t in extract_targets(text)] == expected


def test_targets_on_items_in_tables_and_in_csv(seed_site: Path) -> None:
    raw = (seed_site / "data" / "targets.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert {"plan_id", "item_anchor", "text", "value", "unit", "kind"} <= set(rows[0])
    assert any(
        r["plan_id"] == "2020-weihai-huancui" and r["text"] == "再评12个区级示范点" and r["value"] == "12" for r in rows
    )
    page = main_content(seed_site / "plans" / "2020-weihai-huancui" / "index.html")
    assert page.find(id="targets") is not None
    table = page.select_one(".plan-targets table")
    assert table is not None and "再评12个区级示范点" in table.get_text()
    assert "再评12个区级示范点" in page.find(id="item-1").find_next("p", class_="item-targets").get_text()
    theme = main_content(seed_site / "themes" / "xueqianjiaoyu" / "2020" / "index.html")  # the theme in 2020
    assert theme.find(id="targets") is not None and "普惠性幼儿园覆盖率达到90%" in theme.get_text()


def test_targets_in_chinese_numerals_and_the_numbers_that_are_not_targets() -> None:
    found = extract_targets("年内建设十所学校，新增三千个学位，培训二百名骨干教师。")
    assert [(t.value, t.unit, t.text) for t in found] == [
        (10.0, "所", "年内建设十所学校"),
        (3000.0, "个", "新增三千个学位"),
        (200.0, "名", "培训二百名骨干教师"),
    ]
    slogans = (
        "坚持五育并举、三全育人，落实十四五规划，建设一流学校，增强四个意识，做到两个维护，第十三个五年规划，"
        "学习市委六届十次全会精神。"
    )
    assert extract_targets(slogans) == ()
