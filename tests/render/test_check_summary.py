"""`make check`: what the parser understood of each plan, in a form to hold against the document."""

from __future__ import annotations

from pathlib import Path

from builder.build import Paths, read_archive
from builder.config import ROOT
from builder.progress import Progress
from builder.render.report import check_summary


def test_each_plan_shows_its_metadata_and_its_outline(tmp_path: Path) -> None:
    paths = Paths.under(ROOT, sources=ROOT / "source_docs", site_dir=tmp_path / "site", docs_dir=tmp_path / "docs")
    result = read_archive(paths, Progress(enabled=False), enrich_plans=False)
    assert result.archive is not None
    text = check_summary(result.archive, result.warnings)
    block = text.split("source_docs/2019-weihai.txt → 2019-weihai\n", 1)[1].split("\n\n", 1)[0]
    # Read off the document: its title, issuers, date, four parts and 28 items.
    for line in (
        "  标题      威海市教育局（中共威海市委教育工委）2019年工作要点",
        "  发文单位  威海市教育局、中共威海市委教育工委",
        "  级别      市级 (city)",
        "  地区      山东省 › 威海市",
        "  年份      2019    成文日期 2019-02-14    文号 —",
        "  结构      4 个部分，28 条",
        "      1.深入开展主题学习教育",
        "      28.强化信息技术应用",
    ):
        assert line in block.splitlines(), line
    assert text.endswith("5 plans, 131 items, 0 warning(s)")
    assert "themes" not in text  # nothing a check does not work out
