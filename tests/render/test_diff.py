"""Two wordings merged (builder/render/diff.py): earlier-only text in <del>, later-only in <ins>."""

from __future__ import annotations

import re

from builder.render.diff import marked


def test_the_later_text_comes_back_and_the_earlier_one_too() -> None:
    before, after = "推进学前教育普惠发展，覆盖率达到89%。", "推进学前教育优质普惠发展，覆盖率达到92%。"
    html = marked(before, after)
    assert re.sub(r"<del>.*?</del>|<[^>]+>", "", html) == after
    assert re.sub(r"<ins>.*?</ins>|<[^>]+>", "", html) == before
    assert "<ins>优质</ins>" in html


def test_short_kept_runs_inside_a_change_join_it() -> None:
    html = marked("甲乙丙丁戊己", "子乙丑寅卯辰")  # one kept character among changes: one change
    assert html.count("<del>") == 1 and html.count("<ins>") == 1


def test_text_is_escaped() -> None:
    assert "&lt;b&gt;" in marked("<b>", "<b>x")


def test_a_rewritten_clause_is_one_deletion_and_one_insertion() -> None:
    before = "加强队伍建设，开展全员培训。落实课后服务。"
    after = "加强队伍建设，推进名师工作室建设，组织骨干研修。落实课后服务。"
    html = marked(before, after)
    assert html.startswith("加强队伍建设，")  # the kept clause is plain
    assert html.endswith("落实课后服务。")
    assert re.sub(r"<del>.*?</del>|<[^>]+>", "", html) == after
    assert re.sub(r"<ins>.*?</ins>|<[^>]+>", "", html) == before
