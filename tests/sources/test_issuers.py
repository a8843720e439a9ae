"""Any issuer: real plans from a ministry down to a school, each read with little or no sidecar.

The plans under tests/corpus/issuers/ are real published texts (most cut short where the stored
copy ends), with where they came from in <name>.source.txt and labels made by reading them in
<name>.labels.yml. The expectations below restate those labels; the region's missing levels (the
labels leave out what the text does not print) are filled in from the division each place is in.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import yaml

from builder.build import Paths, read_archive
from builder.config import ROOT, TAXONOMY_FILE
from builder.errors import InputError
from builder.model import ELSEWHERE, NATIONWIDE
from builder.progress import Progress
from builder.sources import issuers, meta, placing, regions
from builder.sources.plan import parse_plan

CORPUS = Path(__file__).resolve().parent.parent / "corpus" / "issuers"


@dataclass(frozen=True)
class Case:
    name: str
    level: str
    region: tuple[str, ...]
    year: int
    listing: tuple[str, ...]
    plan_id: str
    sidecar: str | None = None  # only title, issuers or year, as an editor would write it
    warning: str | None = None  # what the one warning says, if the plan gets one
    title: str | None = None
    extra: dict[str, str] = field(default_factory=dict)
    labelled_level: bool = True  # False: the labels' level comes from reading the content


CASES = (
    Case("national-moe", "national", (), 2018, (NATIONWIDE,), "2018-jiaoyubu", extra={"date": "2018-01-31"}),
    Case("national-moe-2019", "national", (), 2019, (NATIONWIDE,), "2019-jiaoyubu", title="教育部2019年工作要点"),
    Case("traditional-moe-2018", "national", (), 2018, (NATIONWIDE,), "2018-jiaoyubu"),
    Case(
        "province-jiaoyuting",
        "province",
        ("山东省",),
        2020,
        ("山东省",),
        "2020-shandong",
        sidecar="title: 山东省教育厅2020年工作要点\nissuers: [中共山东省委教育工委, 山东省教育厅]\n",
    ),
    Case(
        "traditional",
        "county",
        ("湖南省", "岳阳市", "临湘市"),
        2017,
        ("湖南省", "岳阳市", "临湘市"),
        "2017-yueyang-linxiang",
        title="臨湘市教育體育局2017年工作計劃",  # the page keeps the characters as printed
    ),
    Case(
        "abbreviated-issuer",
        "county",
        (),
        2020,
        (ELSEWHERE, "区教体局"),
        "2020-qujiaoti",
        warning="cannot tell which region 区教体局 is in",
    ),
    Case(
        "school",
        "school",
        ("湖北省",),
        2019,
        ("湖北省", "湖北开放职业学院"),
        "2019-hubeikaifangzhiyexueyuan",
        title="湖北开放职业学院2019年工作要点",
    ),
    Case(
        "school-year",
        "school",
        (),  # 普陀 is a district of both 上海市 and 舟山市: the text does not say which
        2010,
        (ELSEWHERE, "普陀二中"),
        "2010-putuoerzhong-2",  # 第二学期: a school's two semester plans keep ids of their own
        sidecar="title: 普陀二中2010学年第二学期工作计划\n",  # printed run into the text's first line
        warning="cannot tell which region 普陀二中 is in",
    ),
    Case(
        "school-year-2005",
        "school",
        ("上海市", "金山区"),
        2005,
        ("上海市", "金山区", "金山区朱泾第二小学"),
        "2005-jinshanquzhujingdierxiaoxue-2",
        sidecar="issuers: [金山区朱泾第二小学]\n",
    ),
    Case(
        "county-district-chongming",
        "county",
        ("上海市", "崇明区"),
        2022,
        ("上海市", "崇明区"),
        "2022-chongming",
        title="崇明区教育局2022年工作要点",  # printed as 附件：崇明区教育局2022年工作要点
        extra={"doc_number": "沪崇教〔2022〕1号"},
    ),
    Case(
        "no-issuer-2017-untitled",
        "other",
        (),
        2017,
        (ELSEWHERE,),
        "2017-no-issuer-2017-untitled",
        sidecar="year: 2017\n",
        labelled_level=False,  # the body of a national plan by its content; nothing printed says so
        warning="cannot tell who issued this plan, nor where: its id 2017-no-issuer-2017-untitled",
    ),
)


def _parse(case: Case):  # type: ignore[no-untyped-def]
    rel = f"source_docs/{case.name}.txt"
    return parse_plan((CORPUS / f"{case.name}.txt").read_bytes(), rel, case.sidecar, f"source_docs/{case.name}.yml")


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_every_issuer_is_built_with_what_the_text_says(case: Case) -> None:
    loaded = _parse(case)
    assert loaded.plan is not None, [str(p) for p in loaded.problems]
    m = loaded.plan.meta
    labels = yaml.safe_load((CORPUS / f"{case.name}.labels.yml").read_text(encoding="utf-8"))
    assert (m.level, m.region, m.year, m.listing, m.id) == (
        case.level,
        case.region,
        case.year,
        case.listing,
        case.plan_id,
    )
    assert m.year == labels["year"]
    if labels.get("level") and case.labelled_level:
        assert m.level == str(labels["level"]).split()[0]
    if case.title:
        assert m.title == case.title
    for key, value in case.extra.items():
        assert getattr(m, key) == value
    # Where the plan goes, or why it could not be placed (the run-on 普陀二中 text also gets
    # numbering warnings: one-line documents are the structure tests' business).
    placing = [p for p in loaded.problems if p.message.startswith("cannot tell")]
    if case.warning:
        assert len(placing) == 1 and placing[0].message.startswith(case.warning), placing
        assert placing[0].severity == "warning"
        assert ".yml" in placing[0].hint
    else:
        assert [p.message for p in loaded.problems] == []


def test_a_sidecar_region_wins_and_says_nationwide() -> None:
    text = "关于做好工作的通知\n一、总体要求\n1.加强党建。抓好落实。\n".encode()
    sidecar = "title: 2020年工作要点\nregion: 全国\nissuers: [国家教育督导办]\nyear: 2020\n"
    loaded = parse_plan(text, "source_docs/x.txt", sidecar)
    assert loaded.plan is not None
    m = loaded.plan.meta
    assert (m.level, m.region, m.listing) == ("national", (), (NATIONWIDE,))
    loaded = parse_plan(text, "source_docs/x.txt", "issuers: [某某教育局]\nregion: [山东省, 威海市]\nyear: 2020\n")
    assert loaded.plan is not None and loaded.plan.meta.id == "2020-weihai"


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        (["威海市环翠区教育和体育局"], ("山东省", "威海市", "环翠区")),
        (["中共山东省委教育工委"], ("山东省",)),
        (["臨湘市教育體育局"], ("湖南省", "岳阳市", "临湘市")),  # traditional characters
        (["北京市朝阳区教育委员会"], ("北京市", "朝阳区")),
        (["朝阳区教育委员会"], None),  # Beijing's or Changchun's: not said
        (["吉林省吉林市教育局"], ("吉林省", "吉林市")),
        (["青岛西海岸新区（黄岛区）教育和体育局"], ("山东省", "青岛市", "黄岛区")),  # a 新区 and the district it is
        (["胶南市教育局"], ("山东省", "青岛市", "黄岛区")),  # merged into 黄岛区 in 2012 (divisions-extra.yml)
        (["黔东南州教育局"], ("贵州省", "黔东南苗族侗族自治州")),
        (["内蒙古教育厅"], ("内蒙古自治区",)),
        (["全市中小学工作要点"], None),  # 市中 is a district's short name, never looked for
        (["教育部"], None),
    ],
)
def test_regions_are_found_from_names(names: list[str], expected: tuple[str, ...] | None) -> None:
    found = regions.find_region(names)
    assert (found.path if found else None) == expected


@pytest.mark.parametrize(
    ("title", "year"),
    [
        ("普陀二中2010学年第二学期工作计划", 2010),
        ("绍兴市第一中学2019学年工作要点", 2019),
        ("2019-2020学年度工作计划", 2019),
        ("2005學年度第二學期工作計劃", 2005),
        ("二〇一九年工作要点", 2019),
        ("威海市教育局2019年工作要点", 2019),
    ],
)
def test_years_and_school_years(title: str, year: int) -> None:
    assert meta.year_in(title) == year


@pytest.mark.parametrize(
    ("names", "kind"),
    [
        (("教育部",), "national"),
        (("国务院教育督导委员会办公室",), "national"),
        (("绍兴市第一中学",), "school"),
        (("普陀二中",), "school"),
        (("湖北开放职业学院",), "school"),
        (("某市教育科学研究院",), "other"),
        (("威海市教育局", "中共威海市委教育工委"), None),
    ],
)
def test_issuer_kinds(names: tuple[str, ...], kind: str | None) -> None:
    assert issuers.issuer_kind(names) == kind


def test_issuer_slugs_drop_the_words_every_bureau_shares_and_stay_short() -> None:
    assert issuers.issuer_slug("中共某某县委员会") == "moumouxian"
    assert issuers.issuer_slug("区教体局") == "qujiaoti"
    assert len(issuers.issuer_slug("某" * 60)) <= issuers.SLUG_MAX


def test_a_plan_that_cannot_be_placed_is_built_with_a_warning_and_refused_under_strict(tmp_path: Path) -> None:
    sources = tmp_path / "source_docs"
    sources.mkdir()
    shutil.copy(CORPUS / "abbreviated-issuer.txt", sources / "qu-2020.txt")
    shutil.copy(ROOT / "source_docs" / TAXONOMY_FILE, sources / TAXONOMY_FILE)
    paths = Paths.under(ROOT, sources=sources, site_dir=tmp_path / "site", docs_dir=tmp_path / "docs")
    quiet = Progress(enabled=False)
    result = read_archive(paths, quiet, enrich_plans=False)
    assert result.archive is not None and [p.meta.id for p in result.archive.plans] == ["2020-qujiaoti"]
    assert [w.message.split(":")[0] for w in result.warnings] == ["cannot tell which region 区教体局 is in"]
    with pytest.raises(InputError) as refused:
        read_archive(paths, quiet, strict=True, enrich_plans=False)
    assert "source_docs/qu-2020.txt:1: cannot tell which region" in str(refused.value)


def test_issuers_whose_names_read_alike_keep_pages_of_their_own() -> None:
    text = "一、总体要求\n1.加强党建。抓好落实。\n".encode()

    def plan(issuer: str, region: str, year: int = 2020):  # type: ignore[no-untyped-def]
        sidecar = f"issuers: [{issuer}]\nyear: {year}\n" + (f"region: [{region}]\n" if region else "")
        loaded = parse_plan(text, f"source_docs/{issuer}{year}.txt", sidecar)
        assert loaded.plan is not None
        return loaded.plan

    plans = [
        plan("普陀二中", "上海市"),
        plan("普陀二中", "浙江省"),
        plan("普陀二中", "上海市", 2021),
        plan("教育部", ""),
    ]
    ids = [p.meta.id for p in placing.distinct_issuer_slugs(plans)]
    assert ids == ["2020-putuoerzhong", "2020-putuoerzhong-2", "2021-putuoerzhong", "2020-jiaoyubu"]


def test_a_division_newer_than_the_data_is_found_once_the_extra_file_names_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert regions.find_region(["雄东新区教育局"]) is None
    extra = tmp_path / "divisions-extra.yml"
    extra.write_text("雄东新区: [河北省, 保定市, 雄东新区]\n", encoding="utf-8")
    monkeypatch.setattr(regions, "DIVISIONS_EXTRA_FILE", extra)
    regions.clear_caches()
    try:
        found = regions.find_region(["雄东新区教育局"])
        assert found is not None and (found.path, found.level) == (("河北省", "保定市", "雄东新区"), "county")
    finally:
        monkeypatch.undo()
        regions.clear_caches()


def test_a_schools_party_committee_and_a_street_named_after_a_city() -> None:
    assert issuers.issuer_kind(("中共威海市第一中学委员会",)) == "school"
    assert issuers.issuer_kind(("中共绍兴市教育局委员会",)) is None
    found = regions.find_region(["威海市中山路小学"])  # 威海市 in full; 中山 is the street's name
    assert found is not None and found.path == ("山东省", "威海市")
    assert regions.find_region(["中山大学附属中学"]) is None


def test_a_schools_two_semester_plans_keep_ids_of_their_own() -> None:
    text = "一、总体要求\n1.加强党建。抓好落实。\n".encode()
    ids = []
    for semester in ("第一学期", "第二学期"):
        sidecar = f"title: 普陀二中2010学年{semester}工作计划\nregion: [浙江省, 舟山市, 普陀区]\n"
        loaded = parse_plan(text, f"source_docs/{semester}.txt", sidecar)
        assert loaded.plan is not None
        ids.append(loaded.plan.meta.id)
    assert ids == ["2010-putuoerzhong-1", "2010-putuoerzhong-2"]
