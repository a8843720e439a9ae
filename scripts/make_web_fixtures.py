"""Make government-style saved web pages from the five seed plans, one per page template the HTML
reader supports, for the tests (tests/fixtures/web/). Run it again after changing a template:

    .venv/bin/python scripts/make_web_fixtures.py

Deliberately independent of builder/ (it must not use the code it helps to test): it splits each
seed into page chrome (当前位置, 索引号 … lines at the top, which go into the page's header table)
and body lines by simple rules of its own, and lays the body out as each kind of site does:

- trs:   a TRS content system page: header table, `div#zoom > div.TRS_Editor`, a <p> per line,
         navigation, breadcrumbs, 【打印本页】【关闭窗口】, a visit counter script, a footer
- ucap:  a UCAP page: `div#UCAP-CONTENT`, <p style="text-indent"> per line
- table: an old layout table whose cell holds the text as printed, a <br> after every line
- word:  HTML exported from Word: `div.WordSection1`, `p.MsoNormal`, each number 一、 1. in a <span>
         of its own apart from the heading text, `<o:p>` debris
- gbk:   a page that declares gb2312 but is encoded in GB18030 and holds 體 (outside GB2312)
"""

from __future__ import annotations

import html
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "source_docs"
OUT = ROOT / "tests" / "fixtures" / "web"
PAGES = {  # template → seed
    "trs": "2019-weihai",
    "ucap": "2025-weihai",
    "table": "2020-weihai-huancui",
    "word": "2020-wenzhou-longwan",
    "gbk": "2021-qingdao-huangdao",
}
CHROME = ("当前位置", "> ", "索引号", "内容分类", "公开方式", "有效性", "时间:", "点击次数")
FIELD = re.compile(r"(索引号|发布单位|内容分类|成文日期|公开方式|公开范围|有效性/截止日期|文号)\s*:\s*(\S*)")
NUMBER = re.compile(r"^(（[一二三四五六七八九十]+）|[一二三四五六七八九十]+、|\d+[.、．])")
ADDRESS = "https://jyj.example.org/art/plan.html"


def split_seed(text: str) -> tuple[list[tuple[str, str]], list[str]]:
    """(header fields, body lines) of a seed: chrome lines at the top are the header."""
    text = re.sub(r"\[bookmark: [^\]]*\]", "", text.replace("\r\n", "\n"))
    fields: list[tuple[str, str]] = []
    body: list[str] = []
    for line in text.split("\n"):
        stripped = line.strip()
        if not body and stripped.startswith(CHROME):
            fields += [(m.group(1), m.group(2)) for m in FIELD.finditer(stripped) if m.group(2)]
            continue
        if stripped.startswith(("时间:", "点击次数")):
            continue
        if stripped:
            body.append(stripped)
    return fields, body


def header_table(fields: list[tuple[str, str]]) -> str:
    cells = "".join(f"<td class=t>{html.escape(k)}：</td><td>{html.escape(v)}</td>" for k, v in fields)
    return f'<table class="xxgk_table"><tr>{cells}</tr></table>' if fields else ""


def chrome_page(title: str, head: str, body: str, charset: str = "utf-8", extra_nav: str = "") -> str:
    nav = "".join(
        f'<li><a href="/col/{i}/">{name}</a></li>'
        for i, name in enumerate(("首页", "机构概况", "政务公开", "教育动态", "办事服务"))
    )
    return f"""<!DOCTYPE html>
<!-- saved from url=(0040){ADDRESS} -->
<html lang="zh-CN"><head>
<meta http-equiv="Content-Type" content="text/html; charset={charset}">
<title>{html.escape(title)} - 某市教育局</title>
<link rel="stylesheet" href="https://cdn.example.org/site.css">
<script src="https://cdn.example.org/jquery.min.js"></script>
</head>
<body onload="init()">
<div class="top"><a href="/"><img src="https://cdn.example.org/logo.png" alt="某市教育局"></a>
<form action="/search"><input name="q"><button>搜索</button></form></div>
<ul class="nav">{nav}{extra_nav}</ul>
<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/col/2/">政务公开</a> &gt; 年度计划</div>
{head}
<div class="article">
<h1 class="title">{html.escape(title)}</h1>
<div class="info">发布时间：2020-01-01 浏览次数：<span id="hits"><script>document.write(1234)</script></span></div>
{body}
<div class="tools">【<a href="javascript:window.print()">打印本页</a>】
【<a href="javascript:window.close()">关闭窗口</a>】</div>
</div>
<div class="sidebar"><h3>相关链接</h3><ul><li><a href="/a">教育部</a></li><li><a href="/b">省教育厅</a></li></ul></div>
<div class="footer">主办单位：某市教育局 网站标识码：3710000001 鲁ICP备12345678号 公安机关备案号 37100002000001</div>
<script>var _hmt = _hmt || []; (function(){{ var hm = document.createElement("script"); }})();</script>
</body></html>
"""


def title_of(body: list[str]) -> str:
    """The plan's own title line: the first line ending with 工作要点."""
    titled = [line for line in body if line.endswith("工作要点") and len(line) < 60]
    return titled[0] if titled else body[0]


def paragraphs(body: list[str], style: str = "") -> str:
    attr = f' style="{style}"' if style else ""
    return "\n".join(f"<p{attr}>{html.escape(line)}</p>" for line in body)


def make(template: str, seed: str) -> bytes:
    fields, body = split_seed((SEEDS / f"{seed}.txt").read_text(encoding="utf-8"))
    fields = [(k, v) for k, v in fields if v]
    title = title_of(body)
    head = header_table(fields)
    if template == "trs":
        text = f'<div id="zoom"><div class="TRS_Editor">\n{paragraphs(body)}\n</div></div>'
        return chrome_page(title, head, text).encode("utf-8")
    if template == "ucap":
        text = f'<div id="UCAP-CONTENT">\n{paragraphs(body, "text-indent: 2em")}\n</div>'
        return chrome_page(title, head, text).encode("utf-8")
    if template == "table":
        lines = "<br>\n".join("&nbsp;&nbsp;&nbsp;&nbsp;" + html.escape(line) for line in body)
        cell = '<td class="main" valign="top">'
        text = f'<table width="760"><tr><td width="20"></td>{cell}\n{lines}<br>\n</td></tr></table>'
        return chrome_page(title, head, text).encode("utf-8")
    if template == "word":
        return word_page(title, body).encode("utf-8")
    if template == "gbk":
        text = f'<div class="pages_content" id="UCAP-CONTENT">\n{paragraphs(body)}\n</div>'
        page = chrome_page(title, head, text, charset="gb2312", extra_nav='<li><a href="/big5/">繁體版</a></li>')
        return page.encode("gb18030")
    raise ValueError(template)


def word_page(title: str, body: list[str]) -> str:
    rows = []
    for line in body:
        number = NUMBER.match(line)
        if number:
            rest = line[number.end() :]
            rows.append(
                "<p class=MsoNormal style='text-indent:32.0pt;mso-char-indent-count:2.0'>"
                f"<span lang=EN-US style='font-family:黑体'>{html.escape(number.group(1))}</span>"
                f"<span style='font-family:仿宋_GB2312'>{html.escape(rest)}<o:p></o:p></span></p>"
            )
        else:
            rows.append(
                "<p class=MsoNormal style='text-indent:32.0pt'><span style='font-family:仿宋_GB2312'>"
                f"{html.escape(line)}<o:p></o:p></span></p>"
            )
    text = "\n".join(rows)
    return f"""<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office"
xmlns:w="urn:schemas-microsoft-com:office:word" xmlns="http://www.w3.org/TR/REC-html40">
<head>
<meta http-equiv=Content-Type content="text/html; charset=utf-8">
<meta name=ProgId content=Word.Document>
<meta name=Generator content="Microsoft Word 15">
<title>{html.escape(title)}</title>
<!--[if gte mso 9]><xml><o:DocumentProperties><o:Author>admin</o:Author></o:DocumentProperties></xml><![endif]-->
<style>
<!-- p.MsoNormal {{mso-style-parent:""; margin:0cm; font-size:10.5pt; font-family:"Times New Roman";}} -->
</style>
</head>
<body lang=ZH-CN style='tab-interval:21.0pt;text-justify-trim:punctuation'>
<div class=WordSection1 style='layout-grid:15.6pt'>
{text}
</div>
</body>
</html>
"""


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for template, seed in PAGES.items():
        path = OUT / f"{template}-{seed}.html"
        path.write_bytes(make(template, seed))
        print(f"wrote {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
