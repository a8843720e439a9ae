"""Make Word and PDF originals from the five seed plans, the way bureaus produce them, for the tests
(tests/fixtures/office/). Needs LibreOffice (Debian: libreoffice-writer-nogui); the tests do not, they
read the committed files. Run it again after changing a layout:

    .venv/bin/python scripts/make_office_fixtures.py

Like make_web_fixtures.py it is independent of builder/ (it must not use the code it helps to test):
it splits each seed into its notice, title and body by simple rules of its own, joins the hard line
breaks of a seed copied out of a PDF, and writes one Flat ODT per layout, which LibreOffice turns into:

- <seed>.typed.docx  numbers typed into the text (一、 （一） 1.), fonts 仿宋_GB2312 / 黑体 / 楷体_GB2312
- <seed>.auto.docx   Word's automatic numbering: LibreOffice's outline numbering attached to the
                     heading styles (一、 / （一） / 1. / （1）, lower levels restarting under higher ones);
                     where a seed's items run on across parts, each part's first item restarts the list
                     at its printed number (LibreOffice writes that as a w:num with a startOverride)
- <seed>.pdf         the automatic layout typeset on A4 in a CJK serif font, justified so lines wrap
                     mid-sentence, the cover notice on a page of its own, a running header (the plan's
                     title), `— N —` page numbers, and a table after the items
- 2019-weihai.doc    the typed layout as Word 97. Not the automatic one: LibreOffice's .doc export
                     loses "restart at N" (reopened, its items 7-14 print 1-8), so that .doc would
                     not say what the seed says
- locked.pdf         a password-protected PDF (the password is 1234)

Every layout ends with the same small table (附件：…分工表) whose numbered cells are not items.
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_web_fixtures import SEEDS, split_seed, title_of

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "fixtures" / "office"
SEED_NAMES = ("2019-weihai", "2020-weihai-huancui", "2020-wenzhou-longwan", "2021-qingdao-huangdao", "2025-weihai")
CN = "一二三四五六七八九十"
LEVELS = (  # level → the number as typed at the start of a line
    (1, re.compile(rf"^([{CN}]+)、")),
    (2, re.compile(rf"^（([{CN}]+)）")),
    (3, re.compile(r"^(\d+)[.．、]")),
    (4, re.compile(r"^（(\d+)）")),
)
SENTENCE_END = ("。", "！", "？", "：", ":", "；")
TABLE = (
    ("序号", "工作任务", "完成时限"),
    ("1", "制定年度工作推进方案", "3月底前"),
    ("2", "开展重点工作督导检查", "9月底前"),
    ("3", "总结评估年度工作完成情况", "12月底前"),
)


def cn_value(numeral: str) -> int:
    if numeral == "十":
        return 10
    if numeral.startswith("十"):
        return 10 + CN.index(numeral[1]) + 1
    if numeral.endswith("十"):
        return (CN.index(numeral[0]) + 1) * 10
    if "十" in numeral:
        tens, ones = numeral.split("十")
        return (CN.index(tens) + 1) * 10 + CN.index(ones) + 1
    return CN.index(numeral) + 1


def heading(line: str) -> tuple[int, int, str] | None:
    """(level, number, text after the number) of a numbered line."""
    for level, pattern in LEVELS:
        m = pattern.match(line)
        if m:
            number = int(m.group(1)) if m.group(1).isdigit() else cn_value(m.group(1))
            return level, number, line[m.end() :].lstrip()
    return None


def measure_of(lines: list[str]) -> int | None:
    """The printed line length of a seed copied out of a PDF (most of its lines are that long)."""
    lengths = sorted(len(line) for line in lines)
    measure = lengths[len(lengths) * 3 // 4]
    return measure if sum(1 for n in lengths if n >= measure - 2) >= len(lines) // 2 else None


def join_wrapped(lines: list[str], measure: int | None) -> list[str]:
    """Join the lines of a wrapped seed that fill the measure with the line after them."""
    if measure is None:
        return lines
    out: list[str] = []
    for line in lines:
        if out and len(out[-1]) >= measure - 2 and not out[-1].endswith(SENTENCE_END) and not heading(line):
            out[-1] += line
        else:
            out.append(line)
    return out


def seed_layout(name: str) -> tuple[list[str], str, list[str]]:
    """(notice paragraphs, title, plan paragraphs) of a seed."""
    _, body = split_seed((SEEDS / f"{name}.txt").read_text(encoding="utf-8"))
    # "2020 年" is debris of copying out of a PDF; spaces between two names (工委  教育局) are typed.
    body = [re.sub(r"(?<=[\u4e00-\u9fff]) +(?=\d)|(?<=\d) +(?=[\u4e00-\u9fff])", "", b) for b in body]
    title = title_of(body)
    at = body.index(title)
    measure = measure_of(body[at + 1 :])
    return join_wrapped(body[:at], measure), title, join_wrapped(body[at + 1 :], measure)


# ---------------------------------------------------------------- Flat ODT

NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
    'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"'
)
FONTS = ("仿宋_GB2312", "黑体", "楷体_GB2312", "方正小标宋简体", "Noto Serif CJK SC")


def text_props(font: str, size: str = "16pt", bold: bool = False) -> str:
    weight = ' fo:font-weight="bold" style:font-weight-asian="bold"' if bold else ""
    return (
        f'<style:text-properties style:font-name="{font}" style:font-name-asian="{font}" '
        f'fo:font-size="{size}" style:font-size-asian="{size}"{weight}/>'
    )


def outline_style() -> str:
    levels = (  # level, prefix, format, suffix
        (1, "", "一, 二, 三, ...", "、"),
        (2, "（", "一, 二, 三, ...", "）"),
        (3, "", "1", "."),
        (4, "（", "1", "）"),
    )
    out = ['<text:outline-style style:name="Outline">']
    for level, prefix, fmt, suffix in levels:
        pre = f' style:num-prefix="{prefix}"' if prefix else ""
        out.append(
            f'<text:outline-level-style text:level="{level}"{pre} style:num-format="{fmt}" '
            f'style:num-suffix="{suffix}"><style:list-level-properties '
            'text:list-level-position-and-space-mode="label-alignment">'
            '<style:list-level-label-alignment text:label-followed-by="nothing" fo:text-indent="0cm" '
            'fo:margin-left="0cm"/></style:list-level-properties></text:outline-level-style>'
        )
    for level in range(5, 11):
        out.append(f'<text:outline-level-style text:level="{level}" style:num-format=""/>')
    out.append("</text:outline-style>")
    return "".join(out)


def styles(serif: bool) -> str:
    """Paragraph styles as a bureau's template has them (fonts by name; the PDF uses a real serif)."""
    body_font = "Noto Serif CJK SC" if serif else "仿宋_GB2312"
    heading_fonts = ("Noto Serif CJK SC",) * 3 if serif else ("黑体", "楷体_GB2312", "仿宋_GB2312")
    title_font = "Noto Serif CJK SC" if serif else "方正小标宋简体"
    indent = 'fo:text-indent="32pt"'
    # punctuation-wrap simple: LibreOffice's default lets a line-end ， hang past the margin, where
    # it is sometimes not drawn at all (seen in the first run: 幼儿园， printed as 幼儿园).
    para = (
        f'<style:paragraph-properties fo:text-align="justify" {indent} fo:line-height="28pt" '
        'style:punctuation-wrap="simple"/>'
    )
    out = [
        '<style:style style:name="Standard" style:family="paragraph" style:class="text">'
        f"{para}{text_props(body_font)}</style:style>",
        '<style:style style:name="Title" style:family="paragraph" style:parent-style-name="Standard">'
        '<style:paragraph-properties fo:text-align="center" fo:text-indent="0pt" fo:margin-bottom="16pt"/>'
        f"{text_props(title_font, '22pt')}</style:style>",
        '<style:style style:name="Signature" style:family="paragraph" style:parent-style-name="Standard">'
        '<style:paragraph-properties fo:text-align="end" fo:text-indent="0pt"/></style:style>',
        '<style:style style:name="Cell" style:family="paragraph" style:parent-style-name="Standard">'
        '<style:paragraph-properties fo:text-align="center" fo:text-indent="0pt" fo:line-height="20pt"/>'
        f"{text_props(body_font, '12pt')}</style:style>",
        '<style:style style:name="Header" style:family="paragraph" style:parent-style-name="Standard">'
        '<style:paragraph-properties fo:text-align="center" fo:text-indent="0pt" fo:line-height="14pt"/>'
        f"{text_props(body_font, '10.5pt')}</style:style>",
        '<style:style style:name="Footer" style:family="paragraph" style:parent-style-name="Standard">'
        '<style:paragraph-properties fo:text-align="center" fo:text-indent="0pt" fo:line-height="14pt"/>'
        f"{text_props(body_font, '14pt')}</style:style>",
    ]
    for level, font in zip((1, 2, 3, 4), (*heading_fonts, body_font), strict=True):
        out.append(
            f'<style:style style:name="Heading_20_{level}" style:display-name="Heading {level}" '
            'style:family="paragraph" style:parent-style-name="Standard" '
            f'style:default-outline-level="{level}" style:class="text">{para}{text_props(font)}</style:style>'
        )
        out.append(  # the same look with the number typed: no outline level, so no automatic number
            f'<style:style style:name="Typed_20_{level}" style:display-name="Typed {level}" '
            f'style:family="paragraph" style:parent-style-name="Standard">{para}{text_props(font)}</style:style>'
        )
    return "".join(out)


def p(style: str, text: str, extra: str = "") -> str:
    return f'<text:p text:style-name="{style}"{extra}>{html.escape(text)}</text:p>'


def table_xml() -> str:
    rows = "".join(
        "<table:table-row>"
        + "".join(f"<table:table-cell>{p('Cell', cell)}</table:table-cell>" for cell in row)
        + "</table:table-row>"
        for row in TABLE
    )
    return (
        f'<table:table table:name="tasks"><table:table-column table:number-columns-repeated="3"/>{rows}</table:table>'
    )


def fodt(name: str, numbering: str, serif: bool) -> str:
    """One seed as a Flat ODT: numbering is "typed" or "auto"."""
    notice, title, plan = seed_layout(name)
    body: list[str] = []
    for i, line in enumerate(notice):
        is_date = re.fullmatch(r"\d{4}年\d{1,2}月\d{1,2}日", line) is not None
        signs = is_date or (i + 1 < len(notice) and re.fullmatch(r"\d{4}年\d{1,2}月\d{1,2}日", notice[i + 1]))
        style = "Title" if ("通知" in line and len(line) < 60 and i < 6) else "Signature" if signs else "Standard"
        body.append(p(style, line))
    body.append(p("TitlePage", title))  # the plan starts on a page of its own
    expected = {1: 0, 2: 0, 3: 0, 4: 0}
    for line in plan:
        found = heading(line)
        if found is None:
            body.append(p("Standard", line))
            continue
        level, number, rest = found
        if numbering == "typed":
            body.append(p(f"Typed_20_{level}", line))
            continue
        natural = expected[level] + 1
        restart = f' text:restart-numbering="true" text:start-value="{number}"' if number != natural else ""
        body.append(
            f'<text:h text:style-name="Heading_20_{level}" text:outline-level="{level}"{restart}>'
            f"{html.escape(rest)}</text:h>"
        )
        expected[level] = number
        for deeper in range(level + 1, 5):
            expected[deeper] = 0
    body.append(p("Standard", "附件：年度重点工作任务分工表"))
    body.append(table_xml())
    page_break = (
        '<style:style style:name="TitlePage" style:family="paragraph" style:parent-style-name="Title">'
        '<style:paragraph-properties fo:break-before="page"/></style:style>'
    )
    text = "".join(body)
    fonts = "".join(f'<style:font-face style:name="{f}" svg:font-family="{f}"/>' for f in FONTS)
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document {NS} office:version="1.3" '
        'office:mimetype="application/vnd.oasis.opendocument.text">'
        f"<office:font-face-decls>{fonts}</office:font-face-decls>"
        f"<office:styles>{styles(serif)}{outline_style()}</office:styles>"
        "<office:automatic-styles>"
        '<style:page-layout style:name="A4"><style:page-layout-properties fo:page-width="21cm" '
        'fo:page-height="29.7cm" fo:margin-top="2.5cm" fo:margin-bottom="2.5cm" fo:margin-left="2.8cm" '
        'fo:margin-right="2.6cm"/><style:header-style><style:header-footer-properties fo:min-height="0cm" '
        'fo:margin-bottom="0.5cm"/></style:header-style><style:footer-style>'
        '<style:header-footer-properties fo:min-height="0cm" fo:margin-top="0.5cm"/></style:footer-style>'
        f"</style:page-layout>{page_break}</office:automatic-styles>"
        '<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="A4">'
        f"<style:header>{p('Header', title)}</style:header>"
        '<style:footer><text:p text:style-name="Footer">— <text:page-number text:select-page="current"/> —'
        "</text:p></style:footer></style:master-page></office:master-styles>"
        f"<office:body><office:text>{text}</office:text></office:body></office:document>"
    )


def convert(sources: list[Path], target: str, outdir: Path, profile: Path) -> None:
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--norestore",
            "--convert-to",
            target,
            "--outdir",
            str(outdir),
            *map(str, sources),
        ],
        check=True,
        capture_output=True,
    )


def main() -> None:
    if shutil.which("soffice") is None:
        sys.exit("LibreOffice is needed to make these files: apt-get install libreoffice-writer-nogui")
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        work, profile = Path(tmp) / "work", Path(tmp) / "profile"
        for sub in ("typed", "auto", "pdf"):
            (work / sub).mkdir(parents=True)
        for name in SEED_NAMES:
            (work / "typed" / f"{name}.fodt").write_text(fodt(name, "typed", serif=False), encoding="utf-8")
            (work / "auto" / f"{name}.fodt").write_text(fodt(name, "auto", serif=False), encoding="utf-8")
            (work / "pdf" / f"{name}.fodt").write_text(fodt(name, "auto", serif=True), encoding="utf-8")
        for sub, target in (("typed", "docx:MS Word 2007 XML"), ("auto", "docx:MS Word 2007 XML"), ("pdf", "pdf")):
            convert(sorted((work / sub).glob("*.fodt")), target, work / sub, profile)
        for name in SEED_NAMES:
            shutil.copy(work / "typed" / f"{name}.docx", OUT / f"{name}.typed.docx")
            shutil.copy(work / "auto" / f"{name}.docx", OUT / f"{name}.auto.docx")
            shutil.copy(work / "pdf" / f"{name}.pdf", OUT / f"{name}.pdf")
        convert([work / "typed" / "2019-weihai.fodt"], "doc:MS Word 97", work / "typed", profile)
        shutil.copy(work / "typed" / "2019-weihai.doc", OUT / "2019-weihai.doc")
        locked = (
            'pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},'
            '"DocumentOpenPassword":{"type":"string","value":"1234"}}'
        )
        (work / "locked").mkdir()
        shutil.copy(work / "pdf" / "2025-weihai.fodt", work / "locked" / "locked.fodt")
        convert([work / "locked" / "locked.fodt"], locked, work / "locked", profile)
        shutil.copy(work / "locked" / "locked.pdf", OUT / "locked.pdf")
    for path in sorted(OUT.iterdir()):
        print(f"{path.relative_to(ROOT)}  {path.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
