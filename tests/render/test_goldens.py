"""Golden output: the Markdown the seeds render to, compared byte for byte (no mkdocs, no browser).

A change to a template, the parser or the enrichment that alters a page fails here first, with a
diff. When the change is intended, regenerate the goldens and review their diff in git:

    make goldens
"""

from __future__ import annotations

import difflib
import os
from pathlib import Path

import pytest

from builder.build import Paths, generate_docs, read_archive
from builder.progress import Progress
from tests.conftest import ROOT, SOURCES

GOLDEN = Path(__file__).resolve().parent / "golden"
PAGES = (
    "plans/2019-weihai.md",
    "plans/2020-weihai-huancui.md",
    "plans/2020-wenzhou-longwan.md",
    "plans/2021-qingdao-huangdao.md",
    "plans/2025-weihai.md",
    "regions/weihai.md",
    "years/2020.md",
    "themes/shuangjian.md",
    "themes/shuangjian/2025.md",
    "index.md",
)
UPDATE = os.environ.get("UPDATE_GOLDENS") == "1"


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    tmp = tmp_path_factory.mktemp("goldens")
    paths = Paths.under(ROOT, sources=SOURCES, site_dir=tmp / "site", docs_dir=tmp / "docs")
    result = read_archive(paths, Progress(enabled=False))
    assert result.archive is not None
    files, _ = generate_docs(result.archive, result.warnings, None)
    return {path: str(files[path]) for path in PAGES}


@pytest.mark.parametrize("path", PAGES)
def test_page_matches_its_golden(rendered: dict[str, str], path: str) -> None:
    golden = GOLDEN / path
    if UPDATE:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(rendered[path], encoding="utf-8")
    expected = golden.read_text(encoding="utf-8")
    if rendered[path] != expected:
        diff = "".join(
            difflib.unified_diff(
                expected.splitlines(keepends=True), rendered[path].splitlines(keepends=True), "golden", "now", n=1
            )
        )
        pytest.fail(f"{path} differs from tests/render/golden/{path} (run `make goldens` if intended):\n{diff[:4000]}")
