"""Every part, subpart and item of the five seeds, numbered and titled as printed."""

from __future__ import annotations

import hashlib

import pytest

from builder.model import Plan
from builder.sources.discover import load_plan
from tests.conftest import ROOT, SOURCES

# id: (items, top-level parts, subparts)
EXPECTED = {
    "2020-weihai-huancui": (22, 4, 0),
    "2021-qingdao-huangdao": (32, 3, 8),
    "2019-weihai": (28, 4, 0),
    "2025-weihai": (28, 7, 0),
    "2020-wenzhou-longwan": (21, 2, 7),
}


def plan(plan_id: str) -> Plan:
    loaded = load_plan(SOURCES / f"{plan_id}.txt", ROOT)
    assert loaded.plan is not None, loaded.problems
    assert not [p for p in loaded.problems if p.severity == "error"]
    return loaded.plan


@pytest.mark.parametrize("plan_id", sorted(EXPECTED))
def test_counts(plan_id: str) -> None:
    p = plan(plan_id)
    items, parts, subparts = EXPECTED[plan_id]
    assert p.meta.id == plan_id
    assert len(p.items) == items
    assert len(p.parts) == parts
    assert sum(len(part.parts) for part in p.parts) == subparts


@pytest.mark.parametrize("plan_id", sorted(EXPECTED))
def test_items_numbered_in_order_with_stable_anchors(plan_id: str) -> None:
    p = plan(plan_id)
    assert [i.number for i in p.items] == [str(n) for n in range(1, len(p.items) + 1)]
    assert [i.anchor for i in p.items] == [f"item-{n}" for n in range(1, len(p.items) + 1)]
    for part in p.all_parts():
        assert part.anchor.startswith("part-")
        for item in part.items:
            assert item.part == part.anchor


def test_pdf_wrapped_part_title_is_one_title() -> None:
    p = plan("2020-weihai-huancui")
    assert [part.title for part in p.parts] == [
        "进一步强化党建统领，深入推进治理体系和治理能力的现代化",
        "进一步突出工作重点，全面推动教育体育各项事业高质量发展",
        "进一步加大创新创优力度，充分激发教育体育事业发展新活力",
        "进一步落实以人民为中心，不断优化教育体育事业发展大环境",
    ]
    item18 = p.items[17]
    assert (item18.marker, item18.title) == ("18.", "打造平安和谐校园")


def test_item_title_is_first_sentence_and_body_the_rest() -> None:
    p = plan("2020-weihai-huancui")
    first = p.items[0]
    assert first.title == "加强党的全面领导"
    assert first.body.startswith("坚持党对教育体育工作的方向引领，把党的领导融入队伍建设")
    assert first.body.endswith("擦亮“立德树人，传承红色基因”特色品牌。")
    assert "\n" not in first.body and " " not in first.body  # the PDF's hard wraps are joined


def test_subparts_of_the_qingdao_plan() -> None:
    p = plan("2021-qingdao-huangdao")
    assert [(s.anchor, s.title) for s in p.parts[0].parts] == [
        ("part-1-1", "强化党建统领"),
        ("part-1-2", "强化立德树人"),
        ("part-1-3", "强化队伍建设"),
    ]
    assert p.meta.doc_number == "青黄教工委〔2021〕1号"
    assert p.meta.region == ("山东省", "青岛市", "黄岛区")
    assert p.items[16].title == "推动普通高中优质多元发展"  # behind [bookmark: _GoBack]


def test_word_export_overall_approach_is_a_part_and_the_preamble() -> None:
    p = plan("2020-wenzhou-longwan")
    assert [(x.marker, x.title) for x in p.parts] == [("一、", "总体思路"), ("二、", "主要工作")]
    assert p.preamble_anchor == "part-1"
    assert p.preamble[0].startswith("2020年我区教育工作的总体要求是：")
    assert "bookmark" not in p.preamble[0]
    assert len(p.parts[1].parts) == 7
    assert p.closing == ("温州市龙湾区教育局办公室2020年1月21日印发",)


@pytest.mark.parametrize(
    ("plan_id", "issuers", "region", "year", "date"),
    [
        ("2020-weihai-huancui", ("威海市环翠区教育和体育局",), ("山东省", "威海市", "环翠区"), 2020, "2020-01-06"),
        ("2019-weihai", ("威海市教育局", "中共威海市委教育工委"), ("山东省", "威海市"), 2019, "2019-02-14"),
        ("2025-weihai", ("中共威海市委教育工委", "威海市教育局"), ("山东省", "威海市"), 2025, "2025-03-17"),
        ("2020-wenzhou-longwan", ("温州市龙湾区教育局",), ("浙江省", "温州市", "龙湾区"), 2020, "2020-01-21"),
    ],
)
def test_metadata(plan_id: str, issuers: tuple[str, ...], region: tuple[str, ...], year: int, date: str) -> None:
    m = plan(plan_id).meta
    assert (m.issuers, m.region, m.year, m.date) == (issuers, region, year, date)


def test_web_page_title_and_chrome() -> None:
    p = plan("2019-weihai")
    assert p.meta.title == "威海市教育局（中共威海市委教育工委）2019年工作要点"
    assert p.meta.shape == "web"
    assert dict(p.meta.web)["成文日期"] == "2019-02-15"
    text = "\n".join(p.notice)
    for chrome in ("当前位置", "索引号", "点击次数", "时间：", "发布单位"):
        assert chrome not in text
    assert p.notice[-1] == "（此件公开发布）"


def test_preambles() -> None:
    assert plan("2019-weihai").preamble[0].startswith("2019年，市教育局（市委教育工委）工作的总体要求是：")
    assert plan("2020-weihai-huancui").meta.title_note == "（印发稿）"


def test_sources_are_byte_copies_of_the_seeds() -> None:
    """The five seed plans are kept byte for byte as the bureaus' text was first collected."""
    published = {  # SHA-256 of the five files as collected
        "86f2061d9123d3650e513f42cbdaa7c3101c1bb24fdb2df39166d628d1b2211b",
        "85bd05b0a9bcbecddfa31e74c0c077ac2e9a75750343d457e5d041d294ac5723",
        "dd2342ebe718f02b1d9849ce5189e5b8692ce6ca7716c04f121f507256d622e3",
        "1d1ac96e5db1fa824362b755da3d3f1dbdda43bbe8c9833919d1d51c45be24e3",
        "ee6cea3e43992609223c452166fd474c4ad3b8f90c318dad7964960aececcd07",
    }
    ours = {hashlib.sha256(p.read_bytes()).hexdigest() for p in SOURCES.glob("*.txt")}
    assert published <= ours
