"""Themes: the taxonomy as data, the private-jieba tagger, measured against hand labels, and the pages."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jieba
import pytest
import yaml

from builder.build import Paths, read_archive
from builder.config import TAXONOMY_FILE
from builder.enrich.taxonomy import load_taxonomy, parse_taxonomy
from builder.enrich.themes import ABOUT, MENTIONS, Tagger
from builder.errors import InputError
from builder.model import Plan
from builder.progress import Progress
from builder.render import heatmaps as heatmap
from builder.sources.discover import load_plan
from tests.conftest import ROOT, SOURCES, main_content, soup

LABELS = yaml.safe_load((ROOT / "tests" / "fixtures" / "theme_labels.yml").read_text(encoding="utf-8"))
THRESHOLD = 0.85


@pytest.fixture(scope="module")
def tagger() -> Tagger:
    themes, problems = load_taxonomy(SOURCES / TAXONOMY_FILE, TAXONOMY_FILE)
    assert not problems
    return Tagger(themes)


@pytest.fixture(scope="module")
def plans() -> dict[str, Plan]:
    out = {}
    for plan_id in LABELS["plans"]:
        loaded = load_plan(SOURCES / f"{plan_id}.txt", ROOT)
        assert loaded.plan is not None
        out[plan_id] = loaded.plan
    return out


def test_precision_and_recall_per_theme(tagger: Tagger, plans: dict[str, Plan]) -> None:
    assert len(LABELS["themes"]) >= 6
    report, failing = [], []
    for slug in LABELS["themes"]:
        tp = fp = fn = 0
        for plan_id, plan in plans.items():
            labelled = LABELS["plans"][plan_id]
            for item in plan.items:
                want = slug in (labelled.get(int(item.number)) or ())
                got = tagger.match(plan_id, item, slug) is not None
                tp, fp, fn = tp + (want and got), fp + (got and not want), fn + (want and not got)
        precision = tp / (tp + fp) if tp + fp else 1.0
        recall = tp / (tp + fn) if tp + fn else 1.0
        report.append(f"{slug:16} precision {precision:.2f} recall {recall:.2f} (tp {tp}, fp {fp}, fn {fn})")
        if precision < THRESHOLD or recall < THRESHOLD or tp == 0:
            failing.append(slug)
    print("\n" + "\n".join(report))
    assert not failing, "below 0.85:\n" + "\n".join(report)


def test_every_labelled_item_exists(plans: dict[str, Plan]) -> None:
    for plan_id, labelled in LABELS["plans"].items():
        numbers = {int(i.number) for i in plans[plan_id].items}
        assert set(labelled) <= numbers
        assert all(set(slugs) <= set(LABELS["themes"]) for slugs in labelled.values())


def test_shuangjian_gathers_its_precursors_but_not_teachers_burden(tagger: Tagger, plans: dict[str, Plan]) -> None:
    def strength(plan_id: str, number: int) -> str | None:
        m = tagger.match(plan_id, plans[plan_id].items[number - 1], "shuangjian")
        return m.strength if m else None

    assert strength("2019-weihai", 16) == ABOUT  # 切实减轻中小学生课业负担
    assert strength("2019-weihai", 11) == MENTIONS  # 校外培训机构专项整治
    assert strength("2020-weihai-huancui", 21) == MENTIONS  # 小学生课后托管
    assert strength("2021-qingdao-huangdao", 14) == MENTIONS  # 五项管理
    assert strength("2020-wenzhou-longwan", 21) is None  # 落实教师“减负”行动
    assert strength("2025-weihai", 17) is None  # 减轻教师非教学负担
    assert strength("2025-weihai", 2) is None  # 作业负担、心理健康、假期托管… a list of topics


def test_a_word_in_a_list_is_passing_but_a_clause_counts(tagger: Tagger) -> None:
    from builder.model import Item

    def item(title: str, body: str) -> Item:
        return Item("1", "1.", "item-1", title, (body,), "", 1)

    listed = item("加强管理", "统筹做好中小学、幼儿园、职业学校、特殊教育学校等各类学校的管理。")
    said = item("加强管理", "加强教学管理，完善课程体系，推进课堂教学改革，全面提高教学质量。深入推进幼小科学衔接。")
    teachers = item("加强管理", "落实教师减负行动，减轻教师负担。")
    assert tagger.match("x", listed, "xueqianjiaoyu") is None
    assert tagger.match("x", said, "xueqianjiaoyu").strength == MENTIONS
    assert tagger.match("x", item("推进学前教育普及普惠", "略。"), "xueqianjiaoyu").strength == ABOUT
    assert tagger.match("x", teachers, "shuangjian") is None
    assert tagger.match("x", teachers, "jiaoshiduiwu") is not None


def test_tokenizer_is_private_and_knows_the_taxonomy(tagger: Tagger) -> None:
    assert tagger.tokenizer is not jieba.dt
    assert "学前教育" in tagger.words("推进学前教育优质普惠发展")
    assert "校外培训" in tagger.words("巩固校外培训治理成果")
    assert jieba.dt.FREQ.get("家校社协同") is None  # nothing leaked into the global dictionary


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("themes:\n  - name: 双减\n    description: x\n    keywords: [双减\n", 5, "not valid YAML"),
        (
            "themes:\n  - name: 双减\n    description: x\n    keywords: [双减]\n    colour: red\n",
            5,
            "unknown key `colour`",
        ),
        ("themes:\n  - name: 双减\n    description: x\n", 2, "has no `keywords`"),
        ("themes:\n  - name: 双减\n    description: x\n    keywords: 双减\n", 4, "`keywords` must be a list"),
        (
            "themes:\n  - name: 双减\n    description: x\n    keywords: [a]\n  - name: 双减\n    description: y\n"
            "    keywords: [b]\n",
            5,
            "two themes share the slug shuangjian",
        ),
        ("- just a word\n", 1, "a theme must be"),
        ("title: 主题\n", 1, "must hold a `themes:` list"),
    ],
)
def test_a_broken_taxonomy_says_where_and_what_to_do(text: str, line: int, message: str) -> None:
    themes, problems = parse_taxonomy(text, "source_docs/_taxonomy.yml")
    assert themes == ()
    assert any(p.line == line and message in p.message for p in problems), [str(p) for p in problems]
    assert all(str(p).startswith(f"source_docs/_taxonomy.yml:{p.line}: ") and " — " in str(p) for p in problems)


def test_slug_defaults_to_pinyin_and_a_missing_file_means_no_themes(tmp_path: Path) -> None:
    themes, problems = parse_taxonomy("themes:\n  - name: 双减\n    description: x\n    keywords: [双减]\n", "t.yml")
    assert not problems and themes[0].slug == "shuangjian" and themes[0].url == "themes/shuangjian/"
    assert load_taxonomy(tmp_path / "absent.yml", "absent.yml") == ((), [])


def test_the_build_refuses_a_broken_taxonomy(tmp_path: Path) -> None:
    sources = tmp_path / "source_docs"
    sources.mkdir()
    (sources / "2019-weihai.txt").write_bytes((SOURCES / "2019-weihai.txt").read_bytes())
    (sources / TAXONOMY_FILE).write_text("themes:\n  - name: 双减\n    keywords: [双减]\n", encoding="utf-8")
    with pytest.raises(InputError) as error:
        read_archive(Paths.under(ROOT, sources=sources, site_dir=tmp_path / "site"), Progress(enabled=False))
    assert "_taxonomy.yml:2: the theme of 双减 has no `description`" in str(error.value)


def test_theme_pages_timeline_and_matrix(seed_site: Path) -> None:
    # The theme's overview: counts and a page per year (a theme page of every year would be 3 MB
    # at 1,000 plans).
    overview = main_content(seed_site / "themes" / "shuangjian" / "index.html")
    year_links = [a["href"] for a in overview.select("table a[href]")]
    assert year_links == ["2025/", "2021/", "2020/", "2019/"]
    # A year's page: the items on the theme, by bureau, with the sentence that made the match.
    page = main_content(seed_site / "themes" / "shuangjian" / "2019" / "index.html")
    assert page.find(id="plan-2019-weihai") is not None
    links = {a["href"] for a in page.find_all("a", href=True)}
    assert "../../../plans/2019-weihai/#item-16" in links
    assert "../" in links  # back to the overview
    assert page.find("blockquote") is not None
    year_2020 = main_content(seed_site / "themes" / "shuangjian" / "2020" / "index.html")
    links_2020 = {a["href"] for a in year_2020.find_all("a", href=True)}
    assert "../../../plans/2020-wenzhou-longwan/#item-21" not in links_2020  # teachers' burden is not 双减
    # The themes index: theme × year, each cell linking to the theme's page for that year.
    index = main_content(seed_site / "themes" / "index.html")
    cells = index.select(".theme-matrix td a[href]")
    assert cells and all(re.fullmatch(r"[a-z]+/20\d\d/", a["href"]) for a in cells)
    assert any("rgba" in (td.get("style") or "") for td in index.select(".theme-matrix td"))
    assert "shuangjian/2019/" in {a["href"] for a in cells}
    assert [th.get_text() for th in index.select(".theme-matrix thead th")][1:] == ["2019", "2020", "2021", "2025"]
    # A year's page: theme × plan for that year's plans (two in 2020).
    year = main_content(seed_site / "years" / "2020" / "index.html")
    columns = [a["href"] for a in year.select(".theme-matrix thead a")]
    assert columns == ["../../plans/2020-weihai-huancui/", "../../plans/2020-wenzhou-longwan/"]
    hrefs = {a["href"] for a in year.select(".theme-matrix td a[href]")}
    assert "../../themes/shuangjian/2020/#plan-2020-weihai-huancui" in hrefs
    assert not any("2019" in h for h in hrefs)


def test_items_link_their_themes_and_data_names_them(seed_site: Path) -> None:
    plan = soup(seed_site / "plans" / "2019-weihai" / "index.html")
    item16_themes = plan.find(id="item-16").find_next("p", class_="item-themes")
    assert item16_themes is not None
    assert "../../themes/shuangjian/" in {a["href"] for a in item16_themes.find_all("a")}
    data = json.loads((seed_site / "data" / "plans.json").read_text(encoding="utf-8"))
    themes = {t["slug"]: t for t in data["themes"]}
    assert len(themes) >= 20 and themes["shuangjian"]["name"] == "双减"
    assert themes["shuangjian"]["url"] == "themes/shuangjian/" and themes["shuangjian"]["synonyms"]
    items = {i["anchor"]: i for p in data["plans"] if p["id"] == "2019-weihai" for i in p["items"]}
    assert "shuangjian" in items["item-16"]["themes"]


def test_heatmap_numbers_are_readable_on_every_shade() -> None:
    # A dark cell once kept the link colour: 3.2:1 on the 1,000-plan themes index (WCAG asks 4.5:1).
    for percent in range(101):
        share = percent / 100
        alpha = float(heatmap.heat(1, share).rsplit(",", 1)[1].rstrip(")"))
        background = [round(255 - (255 - c) * alpha) for c in heatmap.INDIGO]
        ink = (0, 0, 0) if heatmap.ink(share) == heatmap.DARK else (255, 255, 255)
        assert heatmap.contrast(background, ink) >= 4.5, share
