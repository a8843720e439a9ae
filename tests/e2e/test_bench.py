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
