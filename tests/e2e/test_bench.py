"""The benchmark keeps working: it runs at a tiny N and prints every figure (no timing is judged)."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from builder.sources.plan import parse_plan
from tests.conftest import ROOT

FIGURES = (
    "读取与解析 read + parse",
    "read: bytes + decode",
    "clean (timed apart)",
    "parse_structure (timed apart)",
    "主题与指标 enrich",
    "生成页面 render",
    "mkdocs build",
    "Pagefind 索引 search index",
    "build_site total",
    "floor mkdocs build",
    "ratio: our build (Pagefind aside) / floor",
    "Python build process",
    "largest child (Pagefind)",
    "peak",
    "site total",
    "median plan page HTML",
    "vs median plan page at N = 5",
    "Pagefind index (site/pagefind)",
    "First search in Chromium",
    "no-op rebuild",
    "rebuild after one plan changes",
    "alignment",
    "plans with a previous plan / pairs aligned",
)


def _script(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


def test_bench_runs_at_a_tiny_n_and_prints_every_figure(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "bench.py"), "--plans", "6", "--no-browser", "--keep", str(tmp_path)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    out = proc.stdout
    for figure in FIGURES:
        assert figure in out, f"the benchmark no longer prints {figure!r}:\n{out}"
    assert "plans built / warnings" in out and " 6 / " in out
    assert not (tmp_path / "floor-site").exists()  # scratch output is removed
    assert not (ROOT / "site" / "plans" / "2015-changsha").exists()


def test_synthetic_plans_are_deterministic_distinct_and_parse(tmp_path: Path) -> None:
    synth = _script("synth")
    first = synth.generate(12, tmp_path / "a")
    synth.generate(12, tmp_path / "b")
    files = sorted(p.name for p in (tmp_path / "a").iterdir())
    assert files == sorted(p.name for p in (tmp_path / "b").iterdir())
    assert all((tmp_path / "a" / f).read_bytes() == (tmp_path / "b" / f).read_bytes() for f in files)
    assert len({p.id for p in first}) == 12 and len({(p.region, p.year) for p in first}) == 12
    for plan in first:
        path = tmp_path / "a" / f"{plan.id}.txt"
        loaded = parse_plan(
            path.read_bytes(),
            f"source_docs/{path.name}",
            path.with_suffix(".yml").read_text(encoding="utf-8"),
            f"source_docs/{plan.id}.yml",
        )
        assert loaded.plan is not None, loaded.problems
        assert not [p for p in loaded.problems if p.severity == "error"]
        assert loaded.plan.meta.id == plan.id and loaded.plan.meta.region == plan.region
        assert loaded.plan.meta.year == plan.year and plan.region[-1] in loaded.plan.meta.title + "".join(plan.issuers)
        assert len(loaded.plan.items) >= 20


@pytest.mark.browser
def test_first_search_fetches_the_index_and_a_fragment(seed_site: Path) -> None:
    cost = _script("bench").first_search(seed_site)
    assert cost.results > 0 and cost.first_url
    kinds = cost.by_kind()
    assert {"wasm", "index", "fragment"} <= set(kinds), kinds
    assert cost.transfer > 0


def test_a_synthetic_series_is_last_year_edited(tmp_path: Path) -> None:
    """A region's later plan is its earlier one edited as bureaus edit: same items and numbers, most
    items word for word, a few reworded, merged, split or replaced; the aligner sees the edits."""
    from builder.enrich.align import Doc, align
    from builder.enrich.related import content_words
    from builder.enrich.taxonomy import load_taxonomy
    from builder.enrich.themes import Tagger

    synth = _script("synth")
    plans = synth.generate(40, tmp_path)
    by_region: dict[tuple[str, ...], list] = {}
    for plan in plans:
        by_region.setdefault(plan.region, []).append(plan)
    earlier, later = next(p for p in by_region.values() if len(p) >= 2)[:2]
    assert earlier.seed == later.seed

    def items(plan: object) -> list:
        path = tmp_path / f"{plan.id}.txt"  # type: ignore[attr-defined]
        loaded = parse_plan(path.read_bytes(), path.name, path.with_suffix(".yml").read_text(encoding="utf-8"), "x.yml")
        assert loaded.plan is not None
        return list(loaded.plan.items)

    before, after = items(earlier), items(later)
    assert [i.number for i in before] == [i.number for i in after]
    carried = [
        a.text.replace(str(earlier.year), "") == b.text.replace(str(later.year), "")
        for a, b in zip(before, after, strict=True)
    ]
    assert len(before) // 2 < sum(carried) < len(before)  # most items carried over, some edited
    themes, problems = load_taxonomy(ROOT / "source_docs" / "_taxonomy.yml", "_taxonomy.yml")
    assert not problems
    tagger = Tagger(themes)

    def docs(found: list) -> list[Doc]:
        return [Doc(i.anchor, content_words(tagger.words(i.text))) for i in found]

    links = {(link.earlier, link.later): link.relation for link in align(docs(before), docs(after))}
    for a, b, kept in zip(before, after, carried, strict=True):
        if kept:  # an item carried over word for word continues itself
            assert links.get((a.anchor, b.anchor)) == "continued", a.anchor
    assert any(a != b for a, b in links), "merges, splits and replacements pair items across numbers"
