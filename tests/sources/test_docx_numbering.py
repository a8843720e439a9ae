"""Word's automatic numbering, counted as Word counts it, on small .docx packages written here by
hand (each rule of numbering.xml in isolation), and the number formats Chinese plans use."""

from __future__ import annotations

import io
import zipfile

import pytest

from builder.sources.readers.docx import DocxReader
from builder.sources.readers.numbering import chinese, format_number

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
MC = 'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    '<Override PartName="/word/numbering.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>'
    '<Override PartName="/word/styles.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
    "</Types>"
)
RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'officeDocument" Target="word/document.xml"/></Relationships>'
)
DOCUMENT_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'numbering" Target="numbering.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'styles" Target="styles.xml"/></Relationships>'
)
# The three levels of a Chinese plan: 一、 / （一） / 1. (level 3 runs on unless told to restart).
LEVELS = (
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>'
    '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>'
    '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/>{restart}</w:lvl>'
)


def docx(body: str, numbering: str = "", styles: str = "") -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("_rels/.rels", RELS)
        z.writestr("word/_rels/document.xml.rels", DOCUMENT_RELS)
        z.writestr("word/document.xml", f"<w:document {W} {MC}><w:body>{body}</w:body></w:document>")
        z.writestr("word/numbering.xml", f"<w:numbering {W}>{numbering}</w:numbering>")
        z.writestr("word/styles.xml", f"<w:styles {W}>{styles}</w:styles>")
    return buffer.getvalue()


def p(text: str, num: str | None = None, ilvl: int | None = None, style: str | None = None) -> str:
    ppr = f'<w:pStyle w:val="{style}"/>' if style else ""
    if num is not None:
        level = f'<w:ilvl w:val="{ilvl}"/>' if ilvl is not None else ""
        ppr += f'<w:numPr>{level}<w:numId w:val="{num}"/></w:numPr>'
    return f"<w:p><w:pPr>{ppr}</w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"


def abstract(key: str = "1", restart: str = "") -> str:
    return f'<w:abstractNum w:abstractNumId="{key}">{LEVELS.format(restart=restart)}</w:abstractNum>'


def num(num_id: str, abstract_id: str = "1", overrides: str = "") -> str:
    return f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>{overrides}</w:num>'


def lines(data: bytes) -> list[str]:
    read = DocxReader().read(data, "t.docx")
    assert read.text is not None, read.problems
    return [line for line in read.text.split("\n") if line]


def test_three_levels_restart_under_their_parent() -> None:
    outline = (
        ("总体要求", 0),
        ("党建", 1),
        ("学习", 2),
        ("廉政", 2),
        ("队伍", 1),
        ("师德", 2),
        ("主要任务", 0),
        ("质量", 1),
    )
    body = "".join(p(text, "1", level) for text, level in outline)
    assert lines(docx(body, abstract() + num("1"))) == [
        "一、总体要求",
        "（一）党建",
        "1.学习",
        "2.廉政",
        "（二）队伍",
        "1.师德",
        "二、主要任务",
        "（一）质量",
    ]


def test_items_run_on_across_parts_when_the_level_never_restarts() -> None:
    body = p("一部分", "1", 0) + p("甲", "1", 2) + p("乙", "1", 2) + p("二部分", "1", 0) + p("丙", "1", 2)
    numbering = abstract(restart='<w:lvlRestart w:val="0"/>') + num("1")
    assert lines(docx(body, numbering)) == ["一、一部分", "1.甲", "2.乙", "二、二部分", "3.丙"]


def test_a_start_override_restarts_where_its_num_is_first_used_and_the_list_goes_on() -> None:
    """LibreOffice saves "restart at 6" as a second w:num with a startOverride; the paragraphs after
    it go on from 6 through the first numId (both share one abstract numbering)."""
    override = '<w:lvlOverride w:ilvl="2"><w:startOverride w:val="6"/></w:lvlOverride>'
    body = p("一部分", "1", 0) + p("甲", "2", 2) + p("乙", "1", 2) + p("丙", "1", 2)
    assert lines(docx(body, abstract() + num("1") + num("2", overrides=override))) == [
        "一、一部分",
        "6.甲",
        "7.乙",
        "8.丙",
    ]


def test_a_whole_level_override_and_a_start_value() -> None:
    lvl = '<w:lvl w:ilvl="0"><w:start w:val="3"/><w:numFmt w:val="decimal"/><w:lvlText w:val="第%1条"/></w:lvl>'
    body = p("甲", "2", 0) + p("乙", "2", 0)
    numbering = abstract() + num("1") + num("2", overrides=f'<w:lvlOverride w:ilvl="0">{lvl}</w:lvlOverride>')
    assert lines(docx(body, numbering)) == ["第3条甲", "第4条乙"]


STYLES = (
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="H1"><w:basedOn w:val="Normal"/>'
    '<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="H2"><w:basedOn w:val="Normal"/>'
    '<w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr></w:pPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="MyH2"><w:basedOn w:val="H2"/></w:style>'
)


def test_numbering_attached_to_styles_and_styles_based_on_them() -> None:
    body = p("部分", style="H1") + p("小节", style="MyH2") + p("小节二", style="H2") + p("正文", style="Normal")
    assert lines(docx(body, abstract() + num("1"), STYLES)) == ["一、部分", "（一）小节", "（二）小节二", "正文"]


def test_num_id_zero_switches_a_styles_numbering_off() -> None:
    body = p("部分", style="H1") + p("不编号的标题", "0", style="H1") + p("第二部分", style="H1")
    assert lines(docx(body, abstract() + num("1"), STYLES)) == ["一、部分", "不编号的标题", "二、第二部分"]


def test_a_style_linked_to_a_level_by_the_levels_pstyle() -> None:
    levels = LEVELS.format(restart="").replace('<w:lvl w:ilvl="1">', '<w:lvl w:ilvl="1"><w:pStyle w:val="Sub"/>')
    styles = (
        '<w:style w:type="paragraph" w:styleId="Sub"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>'
    )
    body = p("部分", "1", 0) + p("小节", style="Sub")
    numbering = f'<w:abstractNum w:abstractNumId="1">{levels}</w:abstractNum>' + num("1")
    assert lines(docx(body, numbering, styles)) == ["一、部分", "（一）小节"]


def test_legal_numbering_and_two_placeholders() -> None:
    levels = (
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:isLgl/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/>'
        "</w:lvl>"
    )
    body = p("部分", "1", 0) + p("甲", "1", 1) + p("乙", "1", 1)
    numbering = f'<w:abstractNum w:abstractNumId="1">{levels}</w:abstractNum>' + num("1")
    assert lines(docx(body, numbering)) == ["一、部分", "1.1甲", "1.2乙"]


def test_bullets_deleted_text_hidden_text_fields_and_text_boxes() -> None:
    bullet = (
        '<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/>'
        '<w:lvlText w:val="\uf06c"/></w:lvl></w:abstractNum>'
    )
    body = (
        p("要点", "1", 0) + "<w:p><w:r><w:t>保留</w:t></w:r><w:del><w:r><w:delText>删去</w:delText></w:r></w:del>"
        "<w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r>"
        "<w:r><w:instrText> PAGE </w:instrText></w:r><w:ins><w:r><w:t>插入</w:t></w:r></w:ins></w:p>"
        "<w:p><w:r><mc:AlternateContent><mc:Choice><w:drawing><w:txbxContent>"
        "<w:p><w:r><w:t>某某市教育局文件</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice>"
        "<mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>某某市教育局文件</w:t></w:r></w:p>"
        "</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t>正文</w:t></w:r></w:p>"
    )
    assert lines(docx(body, bullet + num("1"))) == ["●要点", "保留插入", "某某市教育局文件", "正文"]


def test_a_tables_rows_are_lines_marked_as_table() -> None:
    row = "<w:tr>{}</w:tr>"
    cell = "<w:tc><w:p><w:r><w:t>{}</w:t></w:r></w:p></w:tc>"
    table = (
        "<w:tbl>"
        + "".join(row.format(cell.format(a) + cell.format(b)) for a, b in (("序号", "任务"), ("1", "督导")))
        + "</w:tbl>"
    )
    read = DocxReader().read(docx(p("前言") + table + p("后记")), "t.docx")
    assert read.text == "前言\n序号 任务\n1 督导\n后记" and read.tables == (1, 2)


@pytest.mark.parametrize(
    ("value", "fmt", "printed"),
    [
        (1, "chineseCounting", "一"),
        (10, "chineseCounting", "十"),
        (11, "chineseCountingThousand", "十一"),
        (20, "taiwaneseCountingThousand", "二十"),
        (35, "chineseCounting", "三十五"),
        (105, "chineseCounting", "一百零五"),
        (115, "chineseCounting", "一百一十五"),
        (3, "chineseLegalSimplified", "叁"),
        (12, "ideographDigital", "一二"),
        (2, "ideographTraditional", "乙"),
        (3, "decimalEnclosedCircle", "③"),
        (7, "decimalFullWidth", "７"),
        (4, "lowerRoman", "iv"),
        (28, "upperLetter", "BB"),
        (5, "decimalZero", "05"),
    ],
)
def test_number_formats(value: int, fmt: str, printed: str) -> None:
    assert format_number(value, fmt) == printed


def test_chinese_counting_agrees_with_how_plans_print_numbers() -> None:
    written = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五"]
    written += ["十六", "十七", "十八", "十九", "二十", "二十一"]
    assert [chinese(n) for n in range(1, 22)] == written
