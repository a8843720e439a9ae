"""Rebuilds: nothing changed does nothing; one changed plan renders only what changed, correctly."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

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


def digest(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_a_rebuild_gives_the_same_bytes_as_a_clean_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    paths = setup(tmp_path)
    quiet = Progress(enabled=False)
    build_site(paths, quiet)
    # A renamed file, a new sidecar, an edited item and an edited taxonomy, all at once.
    (paths.sources / "2019-weihai.txt").rename(paths.sources / "weihai-2019-renamed.txt")
    (paths.sources / "2020-wenzhou-longwan.yml").write_text("doc_number: 温龙教〔2020〕1号\n", encoding="utf-8")
    plan = paths.sources / "2025-weihai.txt"
    plan.write_text(plan.read_text(encoding="utf-8").replace("启动“十五五”", "启动“十五五”（修订）"), encoding="utf-8")
    taxonomy = paths.sources / "_taxonomy.yml"
    taxonomy.write_text(
        taxonomy.read_text(encoding="utf-8").replace("学前教育", "学前教育", 1) + "\n", encoding="utf-8"
    )
    rebuilt = build_site(paths, quiet)
    assert rebuilt.mode in ("incremental", "full")
    clean = Paths.under(ROOT, sources=paths.sources, site_dir=tmp_path / "clean", docs_dir=tmp_path / "clean-docs")
    build_site(clean, quiet, reuse=False)
    one, two = digest(paths.site), digest(clean.site)
    assert one == two, sorted(k for k in one.keys() | two.keys() if one.get(k) != two.get(k))[:10]
    data = (paths.site / "data" / "plans.json").read_text(encoding="utf-8")
    assert "weihai-2019-renamed.txt" in data  # the plan's `source` follows the file
