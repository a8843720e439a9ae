"""Every clause of every source reaches its plan's page: Han characters and digits, in order."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from builder.sources.textutil import han_and_digits
from tests.conftest import SEED_IDS, SOURCES, main_content

# Web-page chrome that is metadata, not policy text (the only lines allowed to be missing).
CHROME = re.compile(r"^\s*(当前位置|>|索引号|内容分类|公开方式|有效性/截止日期|时间\s*[:：]\s*\d|点击次数)")
BOOKMARK = re.compile(r"\[bookmark: [^\]]*\]")


def clauses(source: str) -> list[str]:
    """Split a source at 。；！？ and line ends, chrome lines aside; keep Han and digits."""
    found = []
    for line in source.splitlines():
        if CHROME.match(line):
            continue
        for piece in re.split(r"[。；！？]", BOOKMARK.sub("", line)):
            key = han_and_digits(piece)
            if key:
                found.append(key)
    return found


@pytest.mark.parametrize("plan_id", SEED_IDS)
def test_every_clause_is_on_the_page(seed_site: Path, plan_id: str) -> None:
    source = (SOURCES / f"{plan_id}.txt").read_text(encoding="utf-8")
    page = han_and_digits(main_content(seed_site / "plans" / plan_id / "index.html").get_text(""))
    missing = [c for c in clauses(source) if c not in page]
    assert not missing, f"{len(missing)} clauses missing, e.g. {missing[:3]}"


@pytest.mark.parametrize("plan_id", SEED_IDS)
def test_body_clauses_appear_in_source_order(seed_site: Path, plan_id: str) -> None:
    source = (SOURCES / f"{plan_id}.txt").read_text(encoding="utf-8")
    page = han_and_digits(main_content(seed_site / "plans" / plan_id / "index.html").get_text(""))
    body = clauses(source)
    start = next(i for i, c in enumerate(body) if "总体" in c)  # from the preamble on
    position = 0
    for clause in body[start:]:
        found = page.find(clause, position)
        assert found >= 0, f"out of order: {clause}"
        position = found


def test_the_clause_splitter_sees_the_whole_source() -> None:
    text = (SOURCES / "2020-weihai-huancui.txt").read_text(encoding="utf-8")
    assert sum(len(c) for c in clauses(text)) > 0.9 * len(han_and_digits(text))
