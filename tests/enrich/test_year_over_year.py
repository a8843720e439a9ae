"""Year over year (builder/enrich/series.py, align.py): series, previous plans, and the pairing of
items on a small hand-written series in which every relation occurs once."""

from __future__ import annotations

import dataclasses

import pytest

from builder.archive import Archive
from builder.build import Paths, read_archive
from builder.enrich.align import CONTINUED, REWORDED, Doc, align, idf_of
from builder.enrich.series import previous_of, series_key
from builder.progress import Progress
from tests.conftest import ROOT, SOURCES

# 2019 → 2020, written as a bureau would edit its plan (words as the related-items corpus holds them)
EARLIER = {
    "item-1": "学前教育 普惠 幼儿园 覆盖率 公办园 扩充 学位",  # continued, nearly word for word
    "item-2": "校园 安全 隐患 排查 消防 演练 食品 卫生",  # reworded
    "item-3": "教师 培训 名师 工作室 骨干 教师 培养",  # split in two
    "item-4": "课后 服务 托管 时段 延时",  # merged with item-5
    "item-5": "课后 服务 社团 活动 托管 质量",  # merged with item-4
    "item-6": "民族 团结 内地 新疆班",  # dropped
}
LATER = {
    "item-1": "学前教育 普惠 幼儿园 覆盖率 公办园 扩充 学位 新增",
    "item-2": "平安 校园 创建 防溺水 交通 安全 宣传 食品",
    "item-3": "名师 工作室 建设 骨干 教师",
    "item-4": "教师 培训 全员 轮训",
    "item-5": "课后 服务 托管 社团 延时 质量",
    "item-6": "人工智能 编程 课程",  # new (教育 is boilerplate: related.content_words drops it)
}
BACKGROUND = [  # other plans' items: what makes 教育 common and 新疆班 rare
    "教育 工作 会议 部署",
    "义务教育 均衡 发展 学校 建设",
    "职业教育 产教 融合 实训 基地",
    "高中 多样化 特色 发展",
]


def docs(items: dict[str, str]) -> list[Doc]:
    return [Doc(anchor, words.split()) for anchor, words in items.items()]


def test_every_relation_of_a_small_series() -> None:
    documents = [w.split() for w in (*EARLIER.values(), *LATER.values(), *BACKGROUND)]
    links = align(docs(EARLIER), docs(LATER), idf_of(documents))
    pairs = {(link.earlier, link.later): link.relation for link in links}
    assert pairs.get(("item-1", "item-1")) == CONTINUED
    assert pairs.get(("item-2", "item-2")) == REWORDED
    assert ("item-3", "item-3") in pairs and ("item-3", "item-4") in pairs  # split
    assert ("item-4", "item-5") in pairs and ("item-5", "item-5") in pairs  # merged
    assert not any(a == "item-6" for a, _ in pairs), "dropped: nothing continues it"
    assert not any(b == "item-6" for _, b in pairs), "new: nothing before it"
    assert all(0 < link.score <= 1 for link in links)


@pytest.fixture(scope="module")
def seed_archive(tmp_path_factory: pytest.TempPathFactory) -> Archive:
    tmp = tmp_path_factory.mktemp("series")
    paths = Paths.under(ROOT, sources=SOURCES, site_dir=tmp / "site", docs_dir=tmp / "docs")
    found = read_archive(paths, Progress(enabled=False), enrich_plans=False).archive
    assert found is not None
    return found


def test_series_and_previous_plans(seed_archive: Archive) -> None:
    plans = {p.meta.id: p for p in seed_archive.plans}
    assert series_key(plans["2019-weihai"].meta) == series_key(plans["2025-weihai"].meta)
    assert series_key(plans["2019-weihai"].meta) != series_key(plans["2020-weihai-huancui"].meta)  # a county
    previous = previous_of(seed_archive.plans)
    assert previous["2025-weihai"] == "2019-weihai" and previous["2019-weihai"] is None
    # a draft of the same year is never the previous plan
    draft_meta = dataclasses.replace(plans["2025-weihai"].meta, id="2025-weihai-draft", date="2025-01-02")
    draft = dataclasses.replace(plans["2025-weihai"], meta=draft_meta)
    assert previous_of([*seed_archive.plans, draft])["2025-weihai"] == "2019-weihai"


def test_the_labelled_weihai_pair() -> None:
    """威海 2019 → 2025 against labels made by reading both plans (tests/fixtures/alignment/). The
    issue's targets are precision 0.9, recall 0.85, F1 0.8 on new and on dropped; these bounds are
    what the method reaches today (README, "Year over year"), so a change that loses ground fails."""
    import yaml

    from scripts.alignment_report import LABELS, figures, seed_docs

    docs = seed_docs()
    label = yaml.safe_load((LABELS / "weihai-2019-2025.yml").read_text(encoding="utf-8"))
    found = figures(label, docs)
    assert found.precision >= 0.8 and found.recall >= 0.7
    assert found.new_f1 >= 0.75


def test_the_labelled_tuning_pairs() -> None:
    """Four real pairs of one school's plans (tests/corpus/), labelled by reading: the plans that carry
    their items over or split them come out exactly or nearly; the rewritten 学年 pair is where the
    method is weak (README, "Year over year"). Floors: what the method reaches today."""
    from scripts import alignment_report as report

    labelled = {name: label for name, label in report.labels().items() if name not in report.TEST}
    docs = report.all_docs(labelled)
    found = {name: report.figures(label, docs) for name, label in labelled.items()}
    for close in ("shaoxing-anquan-2009-2010.yml", "shaoxing-xueqi2-2009-2010.yml", "shaoxing-dangwei-2010-2011.yml"):
        assert found[close].precision >= 0.9 and found[close].recall >= 0.9, close
    rewritten = found["shaoxing-xuenian-2019-2021.yml"]
    assert rewritten.precision >= 0.65 and rewritten.recall >= 0.5


def test_a_sidecar_series_wins(seed_archive: Archive) -> None:
    plans = {p.meta.id: p for p in seed_archive.plans}
    county = plans["2020-weihai-huancui"].meta
    named = dataclasses.replace(county, series="weihai")
    assert series_key(named) == series_key(dataclasses.replace(plans["2025-weihai"].meta, series="weihai"))
    assert series_key(named) != series_key(county)


def test_a_rebuild_realigns_only_the_pairs_whose_plans_changed(
    tmp_path: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Counted: the aligner runs once per pair of plans in a first build, then only for a pair one of
    whose plans changed (a plan outside any series re-aligns nothing)."""
    import shutil

    from builder.enrich import year_over_year

    calls: list[int] = []
    real = year_over_year.align

    def counted(*args: object, **kwargs: object) -> object:
        calls.append(1)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(year_over_year, "align", counted)
    sources = tmp_path / "source_docs"  # type: ignore[operator]
    shutil.copytree(SOURCES, sources)
    paths = Paths.under(ROOT, sources=sources, site_dir=tmp_path / "site", docs_dir=tmp_path / "docs")  # type: ignore[operator]

    def build() -> int:
        calls.clear()
        assert read_archive(paths, Progress(enabled=False)).archive is not None
        return len(calls)

    assert build() == 1  # the seeds' one series of two plans: 威海 2019 → 2025
    assert build() == 0  # nothing changed
    wenzhou = sources / "2020-wenzhou-longwan.txt"
    wenzhou.write_text(wenzhou.read_text(encoding="utf-8").replace("学前教育", "学前保教", 1), encoding="utf-8")
    assert build() == 0  # a plan in no series
    later = sources / "2025-weihai.txt"
    later.write_text(later.read_text(encoding="utf-8").replace("学前教育", "学前保教", 1), encoding="utf-8")
    assert build() == 1  # one of the pair
