"""Reused pages are never stale: each page's reuse key is the digest of its view.

Three edits in turn (a plan's text, a taxonomy synonym, a sidecar value). After each, the archive is
rendered twice: reusing the previous render's pages by key, and from scratch. Every page the reuse
kept must be byte-identical to the clean render, and every page that shows the edit is rendered
again. Markdown only (no mkdocs): the keys decide what mkdocs is given.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

from builder.build import Paths, generate_docs, read_archive
from builder.incremental.reuse import Content, Kept
from builder.progress import Progress
from tests.conftest import ROOT, SOURCES

Files = dict[str, Content]


def _render(paths: Paths, previous: dict[str, str] | None) -> tuple[Files, dict[str, str], Files]:
    """(files reusing `previous` keys, their keys, files rendered from scratch) of the same archive."""
    result = read_archive(paths, Progress(enabled=False))
    assert result.archive is not None
    unchanged = (lambda path, key: previous.get(path) == key) if previous is not None else None
    reused, keys = generate_docs(result.archive, result.warnings, unchanged)
    clean, _ = generate_docs(result.archive, result.warnings, None)
    return reused, keys, clean


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_every_page_showing_an_edit_is_rendered_again_and_kept_pages_are_current(tmp_path: Path) -> None:
    sources = tmp_path / "source_docs"
    shutil.copytree(SOURCES, sources)
    paths = Paths.under(ROOT, sources=sources, site_dir=tmp_path / "site", docs_dir=tmp_path / "docs")
    _, keys, before = _render(paths, None)

    edits: list[tuple[str, Callable[[], None], str, set[str]]] = [
        (
            "plan text",
            lambda: _edit(sources / "2019-weihai.txt", "发挥示范带动作用。", "发挥示范带动作用。新增一句测试文字。"),
            "新增一句测试文字",
            {"plans/2019-weihai.md"},
        ),
        (
            "taxonomy synonym",
            lambda: _edit(
                sources / "_taxonomy.yml", "synonyms: [减轻学生课业负担", "synonyms: [测试别称, 减轻学生课业负担"
            ),
            "测试别称",
            {"themes/shuangjian.md"},  # the overview's 别称 (search reads it from search/themes.json)
        ),
        (
            "sidecar value",
            lambda: (sources / "2020-weihai-huancui.yml").write_text(
                "title: 威海市环翠区教育和体育局2020年工作要点（测试标题）\n", encoding="utf-8"
            ),
            "测试标题",
            {"index.md", "plans/2020-weihai-huancui.md", "regions/weihai-huancui.md", "years/2020.md"},
        ),
    ]
    for name, change, marker, expected in edits:
        change()
        reused, keys, clean = _render(paths, keys)
        assert set(reused) == set(clean), name
        kept = {path for path, content in reused.items() if isinstance(content, Kept)}
        assert kept, f"{name}: nothing was reused"
        for path in kept:
            assert clean[path] == before[path], f"{name}: {path} was kept but shows something new"
        for path in set(reused) - kept:
            assert reused[path] == clean[path], f"{name}: {path} differs from a clean render"
        showing = {path for path, text in clean.items() if isinstance(text, str) and marker in text}
        assert expected <= showing, f"{name}: {expected - showing} do not show {marker}"
        assert not showing & kept, f"{name}: {showing & kept} show the edit but were kept"
        before = clean
