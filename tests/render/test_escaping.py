"""Source text is data: markup inside a plan shows as text and never becomes HTML or Markdown."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import build_tree, main_content

HOSTILE = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(2)>",
    "**bold**",
    "[x](javascript:alert(3))",
    '{: onclick="alert(4)" }',
    "{{ config.site_name }}",
    "{% if true %}",
    "| a | b |",
    "# 标题注入",
    "&lt;b&gt;",
    "!!! note",
    "<!-- comment -->",
]

PLAN = "\n".join(
    [
        "威海市文登区教育局2021年工作要点",
        "",
        "2021年工作的总体思路是：坚持正确方向。",
        "一、第一部分",
        *(f"{n}.第{n}条标题。正文前文{text}正文后文。" for n, text in enumerate(HOSTILE, start=1)),
        "二、第二部分",
        f"{len(HOSTILE) + 1}.独立成行的标记。",
        *HOSTILE,
        "|---|---|",
    ]
)


def test_hostile_text_is_shown_as_text(tmp_path: Path) -> None:
    site = build_tree(tmp_path, {"hostile.txt": PLAN})
    article = main_content(site / "plans" / "2021-weihai-wendeng" / "index.html")
    text = article.get_text("")
    for snippet in HOSTILE:
        assert snippet in text, snippet
    assert not article.find_all(["script", "img", "strong", "em", "table", "iframe"])
    assert len(article.find_all("h1")) == 1
    assert not [a for a in article.find_all("a") if a.get("href", "").startswith("javascript")]
    assert not [tag for tag in article.find_all(True) if any(k.startswith("on") for k in tag.attrs)]
    # The markup is data all the way into plans.json too.
    data = (site / "data" / "plans.json").read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" in data.replace("\\u003c", "<")


def test_item_titles_with_markup_are_escaped_in_headings(tmp_path: Path) -> None:
    plan = "威海市文登区教育局2021年工作要点\n一、部分\n1.标题<em>强调</em>与**粗体**。正文。\n"
    site = build_tree(tmp_path, {"t.txt": plan})
    heading = main_content(site / "plans" / "2021-weihai-wendeng" / "index.html").select_one("#item-1")
    assert heading is not None
    assert "标题<em>强调</em>与**粗体**" in heading.get_text()
    assert heading.find("em") is None and heading.find("strong") is None
