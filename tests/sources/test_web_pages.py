"""Saved web pages: decoding, the article body, header fields, chrome, and the plan they hold.

The five government-style pages under tests/fixtures/web/ are made from the five seeds by
scripts/make_web_fixtures.py, one per page template; each must give the plan its seed's .txt gives.
The pages under tests/corpus/web/ are real saved pages, labelled by reading them.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from selectolax.lexbor import LexborHTMLParser

from builder.model import Part, Plan
from builder.sources.discover import Source, find_sources, load_plan
from builder.sources.plan import parse_plan
from builder.sources.readers import reader_for
from builder.sources.readers.html import HtmlReader, body_lines, decode_html
from tests.conftest import ROOT, SOURCES

FIXTURES = ROOT / "tests" / "fixtures" / "web"
CORPUS = ROOT / "tests" / "corpus" / "web"
TEMPLATES = sorted(FIXTURES.glob("*.html"))


def _parts(plan: Plan) -> list[tuple[str, str, int]]:
    return [(p.number, p.title, p.level) for p in plan.all_parts()]


@pytest.mark.parametrize("page", TEMPLATES, ids=lambda p: p.stem)
def test_each_template_gives_the_plan_of_its_seed(page: Path) -> None:
    seed = page.stem.split("-", 1)[1]
    expected = load_plan(SOURCES / f"{seed}.txt", ROOT).plan
    loaded = load_plan(page, ROOT)
    assert expected is not None and loaded.plan is not None, loaded.problems
    got = loaded.plan
    for field in ("id", "title", "issuers", "region", "year", "date", "doc_number"):
        assert getattr(got.meta, field) == getattr(expected.meta, field), field
    assert _parts(got) == _parts(expected)
    assert [(i.number, i.title) for i in got.items] == [(i.number, i.title) for i in expected.items]
    assert [i.paragraphs for i in got.items] == [i.paragraphs for i in expected.items]
    assert got.preamble == expected.preamble
    assert not got.unplaced
    assert got.meta.original == loaded.plan.meta.source and got.meta.original_kind == "html"


def test_a_page_declaring_gb2312_that_holds_ti_is_read_as_gb18030() -> None:
    data = (FIXTURES / "gbk-2021-qingdao-huangdao.html").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        data.decode("gb2312")  # 體 is outside GB2312
    text, problem = decode_html(data, "x.html")
    assert problem is None and text is not None and "繁體版" in text


def test_a_bom_and_a_meta_charset_are_honoured() -> None:
    body = "<p>教育工作要点</p>"
    assert decode_html(b"\xef\xbb\xbf" + body.encode(), "x")[0] == body
    gbk = f'<meta charset="GBK">{body}'.encode("gb18030")
    assert decode_html(gbk, "x")[0] == f'<meta charset="GBK">{body}'
    big5 = f'<meta http-equiv="Content-Type" content="text/html; charset=big5">{"教育體系"}'.encode("big5")
    assert "教育體系" in str(decode_html(big5, "x")[0])


def test_bytes_no_charset_can_read_name_the_line() -> None:
    data = '<meta charset="utf-8">\n<p>第一行</p>\n'.encode() + b"<p>\xff\xfe\xfd\x80\x80</p>\n"
    text, problem = decode_html(data, "bad.html")
    assert text is None and problem is not None and problem.line == 3
    assert "save the page again" in problem.hint


def _lines(html: str) -> list[str]:
    body = LexborHTMLParser(html).body
    assert body is not None
    return body_lines(body)


def test_inline_elements_join_and_blocks_and_br_break() -> None:
    word = (
        "<p class=MsoNormal><span lang=EN-US>一、</span><span style='font-family:黑体'>总体要求</span><o:p></o:p></p>"
    )
    assert _lines(word) == ["一、总体要求"]
    assert _lines("<div>1.第一条。<br>正文&nbsp;继续<b>加粗</b>。</div><p>2.第二条。</p>") == [
        "1.第一条。",
        "正文\xa0继续加粗。",
        "2.第二条。",
    ]
    assert _lines("<table><tr><td>指标</td><td>90%</td></tr></table>") == ["指标 90%"]


def test_header_fields_become_metadata_and_chrome_is_dropped() -> None:
    read = HtmlReader().read((FIXTURES / "trs-2019-weihai.html").read_bytes(), "trs.html")
    fields = dict(read.fields)
    assert fields["索引号"] == "113710000043592137/2019-01140"
    assert fields["发布单位"] == "教育局" and fields["成文日期"] == "2019-02-15"
    assert fields["网址"] == "https://jyj.example.org/art/plan.html"
    assert read.text is not None
    for chrome in ("当前位置", "网站标识码", "备案号", "相关链接", "搜索", "机构概况", "document.write"):
        assert chrome not in read.text, chrome
    assert read.lines is not None and read.lines[0] > 1  # lines of the saved page, not of the text


def test_a_page_without_a_plan_says_so_with_its_title() -> None:
    login = "<html><head><title>用户登录 - 某市教育局</title></head><body><form>用户名<input></form></body></html>"
    loaded = parse_plan(login.encode(), "login.html", reader=HtmlReader())
    assert loaded.plan is None
    (problem,) = loaded.problems
    assert problem.message == "this web page holds no plan text (its title: 用户登录)"
    assert problem.hint == "save the page that shows the plan itself"
    links = "<html><head><title>通知公告</title></head><body>" + "<a href='/a'>关于开展某项工作的通知</a><br>" * 40
    listing = parse_plan((links + "</body></html>").encode(), "list.html", reader=HtmlReader())
    assert listing.plan is None and "holds no plan text (its title: 通知公告)" in listing.problems[0].message
    assert reader_for(".HTM") is not None and reader_for(".xlsx") is None


def test_a_text_beside_an_original_is_its_text_and_the_original_is_published(tmp_path: Path) -> None:
    for name in (
        "a.txt",
        "a.html",
        "b.html",
        "c.txt",
        "d.pdf",
        "d.docx",
        "e.xlsx",
        "f.pdf",
        "g.yml",
        "h.txt",
        "h.yaml",
    ):
        (tmp_path / name).write_bytes(b"%PDF-1.4" if name.endswith(".pdf") else b"x")
    sources, problems = find_sources(tmp_path)
    assert Source(tmp_path / "a.txt", tmp_path / "a.html") in sources
    assert Source(tmp_path / "b.html", tmp_path / "b.html") in sources
    assert Source(tmp_path / "c.txt", None) in sources
    messages = {Path(p.path).name: p.message for p in problems}
    assert messages["d.pdf"].endswith("are two originals of one plan")
    assert messages["e.xlsx"] == "this is an Excel workbook, not a plan"
    assert Source(tmp_path / "f.pdf", tmp_path / "f.pdf") in sources  # read by the PDF reader
    assert messages["g.yml"] == "a sidecar without a plan"
    assert messages["h.yaml"] == "a sidecar must end in .yml"  # never silently ignored
    assert len(sources) == 5


# ---------------------------------------------------------------- real saved pages, labelled by reading

# What the page does not print and a sidecar has to say (the labels record it as printed).
SIDECARS: dict[str, str] = {}  # every page here builds with no sidecar at all
REAL = sorted(CORPUS.glob("*.html"))


def _bare(text: str) -> str:
    """A title without its closing stop and without spaces (spacing is not structure)."""
    return re.sub(r"[。；;：:]$", "", re.sub(r"\s+", "", str(text)))


def _labelled(parts: list[dict]) -> list[tuple]:
    out = []
    for part in parts:
        items = [(str(i["number"]).rstrip(".．、"), _bare(i["title"])) for i in part.get("items") or []]
        out.append(
            (str(part["number"]).strip("、（）"), _bare(part["title"]), items, _labelled(part.get("subparts") or []))
        )
    return out


def _parsed(parts: tuple[Part, ...]) -> list[tuple]:
    return [(p.number, _bare(p.title), [(i.number, _bare(i.title)) for i in p.items], _parsed(p.parts)) for p in parts]


@pytest.mark.parametrize("page", REAL, ids=lambda p: p.stem)
def test_real_saved_pages_give_the_structure_read_off_them(page: Path) -> None:
    labels = yaml.safe_load(page.with_suffix(".labels.yml").read_text(encoding="utf-8"))
    loaded = parse_plan(page.read_bytes(), page.name, SIDECARS.get(page.stem), "", HtmlReader())
    assert loaded.plan is not None, loaded.problems
    plan = loaded.plan
    assert plan.meta.year == labels["year"]
    assert _parsed(plan.parts) == _labelled(labels["parts"])
    assert plan.meta.title == labels["title"]


def test_a_layout_table_holding_the_whole_article_is_not_a_data_table() -> None:
    page = (
        "<html><head><meta charset='utf-8'><title>某区教育局2021年工作要点</title></head><body>"
        "<div id='zoom'><table><tr><td><p>某区教育局2021年工作要点</p><p>一、总体要求</p>"
        f"<p>1.加强党建。{'各校落实党建工作责任，' * 20}</p><p>2.提高质量。{'深化课堂教学改革，' * 20}</p>"
        "<table><tr><td>序号</td><td>任务</td></tr><tr><td>1.</td><td>建设学校</td></tr></table>"
        "</td></tr></table></div></body></html>"
    )
    loaded = parse_plan(page.encode(), "page.html", "year: 2021\n", "", HtmlReader())
    assert loaded.plan is not None
    assert [i.number for i in loaded.plan.items] == ["1", "2"]  # the inner data table's 1. is no item
