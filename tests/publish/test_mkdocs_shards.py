"""mkdocs on both cores: the same bytes as one process, and its errors still stop the build."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from builder.errors import BuildError
from builder.publish.mkdocs_build import mkdocs_build
from tests.conftest import ROOT


def tree(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def docs(tmp: Path, broken: bool = False) -> Path:
    folder = tmp / "docs"
    (folder / "plans").mkdir(parents=True)
    (folder / "index.md").write_text("# 首页\n\n[甲](plans/a.md#item-1)\n", encoding="utf-8")
    (folder / "regions").mkdir()
    (folder / "regions" / "index.md").write_text("# 地区\n", encoding="utf-8")
    (folder / "years").mkdir()
    (folder / "years" / "index.md").write_text("# 年份\n", encoding="utf-8")
    (folder / "themes").mkdir()
    (folder / "themes" / "index.md").write_text("# 主题\n", encoding="utf-8")
    for name in "abcdefg":
        target = "missing.md" if broken and name == "f" else "a.md"
        text = f"# {name}\n\n### 1. 条目 {{#item-1}}\n\n正文。[链接]({target})\n"
        (folder / "plans" / f"{name}.md").write_text(text, encoding="utf-8")
    return folder


def test_two_shards_write_the_same_site_as_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    folder = docs(tmp_path)
    monkeypatch.setenv("BUILDER_MKDOCS_SHARDS", "1")
    mkdocs_build(ROOT / "mkdocs.yml", folder, tmp_path / "one")
    monkeypatch.setenv("BUILDER_MKDOCS_SHARDS", "2")
    mkdocs_build(ROOT / "mkdocs.yml", folder, tmp_path / "two")
    one, two = tree(tmp_path / "one"), tree(tmp_path / "two")
    assert "plans/g/index.html" in one and "sitemap.xml" in one
    assert one == two


def test_a_broken_link_in_any_shard_fails_the_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BUILDER_MKDOCS_SHARDS", "2")
    with pytest.raises(BuildError):
        mkdocs_build(ROOT / "mkdocs.yml", docs(tmp_path, broken=True), tmp_path / "site")
