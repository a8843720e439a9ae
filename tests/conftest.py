"""Shared fixtures: real builds of real files on disk."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from builder.build import Paths, build_site
from builder.progress import Progress

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "source_docs"
SEED_IDS = ("2020-weihai-huancui", "2021-qingdao-huangdao", "2019-weihai", "2025-weihai", "2020-wenzhou-longwan")


# Modules whose tests build whole sites (besides any test that uses the seed_site fixture).
_BUILDING = {"e2e", "publish"}
_BUILDING_MODULES = {"test_escaping.py", "test_incremental.py"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test that runs a whole build, so `make test-fast` can leave them out."""
    for item in items:
        path = item.path
        building = path.parent.name in _BUILDING or path.name in _BUILDING_MODULES
        if building or "seed_site" in getattr(item, "fixturenames", ()) or item.get_closest_marker("browser"):
            item.add_marker(pytest.mark.build)


def build_tree(tmp: Path, files: dict[str, str | bytes], strict: bool = False) -> Path:
    """Write plans into tmp/source_docs, build the site into tmp/site, return the site folder."""
    sources = tmp / "source_docs"
    sources.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        target = sources / name
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")
    paths = Paths.under(ROOT, sources=sources, site_dir=tmp / "site", docs_dir=tmp / "docs")
    build_site(paths, Progress(enabled=False), strict=strict)
    return tmp / "site"


@pytest.fixture(scope="session")
def seed_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled plans, built once per test worker."""
    tmp = tmp_path_factory.mktemp("seedsite")
    paths = Paths.under(ROOT, sources=SOURCES, site_dir=tmp / "site", docs_dir=tmp / "docs")
    build_site(paths, Progress(enabled=False))
    return tmp / "site"


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def main_content(path: Path) -> BeautifulSoup:
    article = soup(path).select_one("article.md-content__inner")
    assert article is not None, f"{path} has no main content"
    return article


def text_of(node: BeautifulSoup) -> str:
    return re.sub(r"\s+", " ", node.get_text(" "))
