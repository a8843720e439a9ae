"""The orchestrator: read every plan, then render every page, then build and swap in the site."""

from __future__ import annotations

import logging
import shutil
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from . import data, feeds, render, report, site, theme_pages
from .archive import Archive
from .enrich import enrich
from .errors import InputError, Problem
from .load import PLAN_SUFFIXES, load_plan
from .model import Plan
from .progress import Progress
from .taxonomy import TAXONOMY_FILE, load_taxonomy

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Paths:
    root: Path
    sources: Path
    config: Path
    docs: Path  # the generated Markdown tree (a build output)
    site: Path

    @classmethod
    def under(
        cls, root: Path, sources: Path | None = None, site_dir: Path | None = None, docs_dir: Path | None = None
    ) -> Paths:
        root = root.resolve()
        return cls(
            root,
            (sources or root / "source_docs").resolve(),
            root / "mkdocs.yml",
            (docs_dir or root / "build" / "docs").resolve(),
            (site_dir or root / "site").resolve(),
        )


@dataclass
class BuildResult:
    archive: Archive
    warnings: list[Problem] = field(default_factory=list)


def source_files(sources: Path) -> list[Path]:
    if not sources.is_dir():
        raise InputError(
            [
                Problem(
                    str(sources),
                    None,
                    "the folder of plans does not exist",
                    "create source_docs/ and put one plan per .txt file in it",
                )
            ]
        )
    files = sorted(
        p
        for p in sources.iterdir()
        if p.is_file() and not p.name.startswith((".", "_")) and p.suffix.lower() not in (".yml", ".yaml")
    )
    orphans = sorted(
        p
        for p in sources.glob("*.yml")
        if not p.name.startswith("_") and not any(p.with_suffix(s).exists() for s in PLAN_SUFFIXES)
    )
    if orphans:
        raise InputError(
            [
                Problem(
                    p.relative_to(sources.parent).as_posix(),
                    None,
                    "a sidecar without a plan",
                    f"name it after its plan (e.g. {p.stem}.txt beside {p.name}) or delete it",
                )
                for p in orphans
            ]
        )
    return files


def read_archive(paths: Paths, progress: Progress, strict: bool = False, enrich_plans: bool = True) -> BuildResult:
    """Read and check every plan; raise InputError with every problem at once."""
    files = source_files(paths.sources)
    problems: list[Problem] = []
    plans: list[Plan] = []
    for path in progress.track(files, "读取与解析 read + parse"):
        loaded = load_plan(path, paths.root)
        problems.extend(loaded.problems)
        if loaded.plan:
            plans.append(loaded.plan)
    if not files:
        problems.append(
            Problem(
                paths.sources.name,
                None,
                "there are no plans to build",
                "put at least one plan (.txt) into source_docs/",
            )
        )
    by_id: dict[str, list[Plan]] = defaultdict(list)
    for plan in plans:
        by_id[plan.meta.id].append(plan)
    for plan_id, same in sorted(by_id.items()):
        if len(same) > 1:
            names = " and ".join(p.meta.source for p in same)
            problems.append(
                Problem(
                    same[1].meta.source,
                    None,
                    f"{names} both get the id {plan_id}",
                    f"set a distinct `id:` in a sidecar, e.g. {Path(same[1].meta.source).with_suffix('.yml').name}"
                    f" containing `id: {plan_id}-2`",
                )
            )
    taxonomy_path = paths.sources / TAXONOMY_FILE
    if not taxonomy_path.exists():  # a folder of plans elsewhere still uses the project's taxonomy
        taxonomy_path = paths.root / "source_docs" / TAXONOMY_FILE
    taxonomy, taxonomy_problems = load_taxonomy(taxonomy_path, _rel(taxonomy_path, paths.root))
    problems.extend(taxonomy_problems)
    errors = [p for p in problems if p.severity == "error" or strict]
    if errors:
        raise InputError(errors)
    archive = Archive.of(plans)
    if enrich_plans:
        with progress.step("主题与指标 enrich"):
            archive = enrich(archive, taxonomy)
    return BuildResult(archive, [p for p in problems if p.severity == "warning"])


def _rel(path: Path, root: Path) -> str:
    return path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)


def generate_docs(result: BuildResult) -> dict[str, str | bytes]:
    files: dict[str, str | bytes] = dict(render.render_markdown(result.archive))
    files.update(render.static_files())
    files["data/plans.json"] = data.plans_json(result.archive, theme_pages.themes_json(result.archive))
    files["report/index.md"] = report.report_markdown(result.archive, result.warnings)
    files.update(theme_pages.theme_data_files(result.archive))
    files.update(feeds.feed_files(result.archive))
    return files


def build_site(paths: Paths, progress: Progress, strict: bool = False, search: bool = True) -> BuildResult:
    """Read everything, render, build into a scratch folder, index, then swap into site/."""
    result = read_archive(paths, progress, strict)
    with progress.step("生成页面 render"):
        files = generate_docs(result)
    docs_tmp = site.scratch_dir(paths.docs, "docs")
    site_tmp = site.scratch_dir(paths.site, "site")
    try:
        site.write_tree(docs_tmp, files)
        with progress.step("mkdocs build"):
            site.mkdocs_build(paths.config, docs_tmp, site_tmp)
        if search:
            with progress.step("Pagefind 索引 search index"):
                site.pagefind_index(site_tmp)
        site.swap_into_place(docs_tmp, paths.docs)
        site.swap_into_place(site_tmp, paths.site)
    finally:
        for scratch in (docs_tmp, site_tmp):
            if scratch.exists():
                shutil.rmtree(scratch, ignore_errors=True)
    return result
