"""Rebuilds: nothing changed does nothing; one changed plan renders only what changed, correctly."""

from __future__ import annotations

import shutil
from pathlib import Path

from builder.build import Paths, build_site
from builder.progress import Progress
from tests.conftest import ROOT, SOURCES, main_content


def setup(tmp: Path) -> Paths:
    sources = tmp / "source_docs"
    shutil.copytree(SOURCES, sources)
    return Paths.under(ROOT, sources=sources, site_dir=tmp / "site", docs_dir=tmp / "docs")


def test_rebuilds(tmp_path: Path) -> None:
    paths = setup(tmp_path)
    quiet = Progress(enabled=False)
    assert build_site(paths, quiet).mode == "full"
    index = paths.site / "index.html"
    before = index.read_bytes()

    assert build_site(paths, quiet).mode == "up to date"
    assert index.read_bytes() == before

    plan = paths.sources / "2019-weihai.txt"
    plan.write_text(
        plan.read_text(encoding="utf-8").replace("发挥示范带动作用。", "发挥示范带动作用。新增一句测试文字。"),
        encoding="utf-8",
    )
    stage_page = paths.stage / "plans" / "2020-weihai-huancui" / "index.html"
    untouched = stage_page.stat().st_mtime_ns
    result = build_site(paths, quiet)
    assert result.mode == "incremental"
    assert "新增一句测试文字" in main_content(paths.site / "plans" / "2019-weihai" / "index.html").get_text()
    assert stage_page.stat().st_mtime_ns == untouched  # an unchanged plan's page was not rendered again

    (paths.sources / "2025-weihai.txt").unlink()
    assert build_site(paths, quiet).mode == "full"  # a removed page needs a clean build
    assert not (paths.site / "plans" / "2025-weihai").exists()
    assert "2025-weihai" not in (paths.site / "index.html").read_text(encoding="utf-8")

    assert build_site(paths, quiet, reuse=False).mode == "full"
