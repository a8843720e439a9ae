"""The orchestrator: read every plan, then render every page, then build and swap in the site."""

from __future__ import annotations

import concurrent.futures
import logging
import os
import shutil
from collections import defaultdict
from dataclasses import dataclass, field, replace
from pathlib import Path

from builder.archive import Archive
from builder.config import ROOT, Paths
from builder.enrich.analysis import AnalysisCache, Corpus, add_related, analyse_archive
from builder.enrich.taxonomy import load_taxonomy
from builder.enrich.year_over_year import AlignmentCache
from builder.errors import InputError, Problem
from builder.incremental.cache import PickleCache
from builder.incremental.fingerprints import code_fingerprint, file_digest, inputs_fingerprint, parser_fingerprint
from builder.incremental.reuse import Content, Pages, Unchanged
from builder.incremental.sync import load_state, save_state, sync_tree
from builder.model import Plan
from builder.progress import Progress
from builder.publish import interrupts
from builder.publish.mkdocs_build import mkdocs_build
from builder.publish.pagefind_index import Indexing
from builder.publish.swap import swap_into_place
from builder.render import exports, feed, pages, report
from builder.render.search_data import search_files, search_records
from builder.sources import originals
from builder.sources.discover import Loaded, convert_legacy, find_sources, load_cached, relative
from builder.sources.placing import distinct_issuer_slugs

__all__ = ["Paths", "build_site", "generate_docs", "read_archive"]  # Paths: tests and scripts import it here

log = logging.getLogger(__name__)

PAGEFIND_STEP = "Pagefind 索引 search index"  # the wait for Pagefind once mkdocs is done (the benchmark reads it)


@dataclass
class BuildResult:
    archive: Archive | None  # None when the site was already up to date
    warnings: list[Problem] = field(default_factory=list)
    summary: str = ""
    mode: str = "full"  # full / incremental / up to date
    corpus: Corpus | None = None  # set when related items are still to be added (read_archive's `related`)


def read_archive(
    paths: Paths, progress: Progress, strict: bool = False, enrich_plans: bool = True, related: bool = True
) -> BuildResult:
    """Read and check every plan, then enrich the archive; raise InputError with every problem at once.

    Without `related`, items carry themes and targets only, and the result holds the corpus that
    add_related needs: a build works out related items while it renders the pages that show none.
    """
    files, problems = find_sources(paths.sources)
    plans: list[Plan] = []
    cache = PickleCache(paths.parse_cache, parser_fingerprint())
    converted = convert_legacy(files, paths.root, cache)  # .doc and .wps: one LibreOffice run for all
    for source in progress.track(files, "读取与解析 read + parse"):
        try:
            loaded = load_cached(source, paths.root, cache, converted)
        except OSError as error:  # unreadable, or gone since the folder was listed
            reason = error.strerror or str(error)
            loaded = Loaded(
                None,
                (
                    Problem(
                        relative(Path(error.filename or source.text), paths.root),
                        None,
                        f"cannot read the file ({reason})",
                        "check that the file exists and that you may read it",
                    ),
                ),
            )
        problems.extend(loaded.problems)
        if loaded.plan:
            plans.append(loaded.plan)
    cache.prune()
    plans = distinct_issuer_slugs(plans)
    if not files:
        problems.append(
            Problem(
                paths.sources.name,
                None,
                "there are no plans to build",
                "put at least one plan (.txt, .html, .docx, .pdf …) into source_docs/",
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
    taxonomy, taxonomy_problems = load_taxonomy(paths.taxonomy, relative(paths.taxonomy, paths.root))
    problems.extend(taxonomy_problems)
    errors = [p for p in problems if p.severity == "error" or strict]
    if errors:
        raise InputError(errors)
    archive = Archive.of(plans)
    corpus: Corpus | None = None
    if enrich_plans:
        with progress.step("主题与指标 enrich"):
            salt = parser_fingerprint() + file_digest(paths.taxonomy)
            archive, corpus = analyse_archive(archive, taxonomy, cache=AnalysisCache(paths.analysis_cache, salt))
            corpus = replace(corpus, alignments=AlignmentCache(paths.alignment_cache, parser_fingerprint()))
            if related:
                archive, corpus = add_related(archive, corpus), None
    warnings = [p for p in problems if p.severity == "warning"]
    return BuildResult(archive, warnings, report.terminal_summary(archive, warnings), corpus=corpus)


def generate_docs(
    archive: Archive,
    warnings: list[Problem],
    unchanged: Unchanged | None = None,
    root: Path = ROOT,
    corpus: Corpus | None = None,
) -> tuple[dict[str, Content], dict[str, str]]:
    """Every file of the docs folder (Markdown pages, assets, data, originals) and each reusable
    page's key. Originals are read from `root`, the folder plans' source paths are relative to.

    With `corpus`, related items are still to be added: a thread works them out (numpy, which
    leaves the interpreter free most of the time) while this one renders every page but the plan
    pages, the only ones that show them. (Rendering those other pages in a forked process as
    well was measured at 1,000 plans: it saved 5 % of a full build, median of three interleaved
    pairs, against the 10 % that would pay for a second process; so one process renders.)
    """
    if corpus is None:
        others, keys = _other_files(archive, warnings, unchanged, root, None)
    else:
        with concurrent.futures.ThreadPoolExecutor(1) as pool:
            with interrupts.held():  # a signal inside submit() would leave the thread unjoined
                related = pool.submit(add_related, archive, corpus)
            others, keys = _other_files(archive, warnings, unchanged, root, corpus.documents)
            archive = related.result()
    plans = pages.plan_pages(archive, unchanged)
    data = exports.data_files(archive)  # plans.json holds year-over-year counterparts: after add_related
    return {**others, **data, **plans.pages}, {**keys, **plans.keys}


def _other_files(
    archive: Archive,
    warnings: list[Problem],
    unchanged: Unchanged | None,
    root: Path,
    documents: list[list[str]] | None,
) -> tuple[dict[str, Content], dict[str, str]]:
    """Everything but the plan pages and the data files (none of it shows related items or
    counterparts), and its pages' keys."""
    rendered = pages.other_pages(archive, unchanged)
    files: dict[str, Content] = dict(rendered.pages)
    files.update(pages.static_files())
    files["report/index.md"] = report.report_markdown(archive, warnings)
    files.update(search_files(archive, documents))
    files.update(feed.feed_files(archive))
    published = _originals(archive, unchanged, root)
    files.update(published.pages)
    return files, {**rendered.keys, **published.keys}


def _originals(archive: Archive, unchanged: Unchanged | None, root: Path) -> Pages:
    """Each plan's original as the site publishes it, beside its page; read and made safe only
    when it changed (its key is the digest of the original's bytes)."""
    out = Pages(unchanged)
    for plan in archive.plans:
        meta = plan.meta
        url = exports.original_url(meta)
        if url and meta.original and not out.reused(url, meta.original_digest):
            path = Path(meta.original)
            source = path if path.is_absolute() else root / path
            out.pages[url] = originals.published(source.read_bytes(), path.suffix, meta.original).data
    return out


def _previous_page(paths: Paths, state: dict[str, object], code: str) -> Unchanged:
    """Whether the last build (same code) wrote a page that shows the same, still on disk."""
    keys = state.get("page_keys") if state.get("code") == code else None

    def unchanged(path: str, key: str) -> bool:
        return isinstance(keys, dict) and keys.get(path) == key and (paths.docs / path).is_file()

    return unchanged


def build_site(
    paths: Paths, progress: Progress, strict: bool = False, search: bool = True, reuse: bool = True
) -> BuildResult:
    """Read everything, render, build, index into a scratch folder, then swap it into site/.

    With `reuse`, a build whose inputs and code are unchanged does nothing, and one whose plans
    changed renders only the pages whose Markdown changed. site/ is only ever replaced whole.
    """
    code = code_fingerprint(paths.root, paths.config, search)
    inputs = inputs_fingerprint(paths.sources, [paths.taxonomy])
    state = load_state(paths.state) if reuse else {}
    same_site = state.get("site") == str(paths.site) and paths.site.is_dir()
    unchanged = state.get("code") == code and state.get("inputs") == inputs and same_site
    if unchanged and not (strict and state.get("warnings")):
        return BuildResult(None, [], state.get("summary", ""), "up to date")
    result = read_archive(paths, progress, strict, related=False)
    assert result.archive is not None
    # Named before anything is written, so a signal at any moment leaves nothing the cleanup cannot find.
    site_tmp = paths.site.with_name(f".{paths.site.name}-building-{os.getpid()}")
    bundle_tmp = site_tmp.with_name(site_tmp.name + "-pagefind")
    indexing: Indexing | None = None
    pool = concurrent.futures.ThreadPoolExecutor(1)
    copy: concurrent.futures.Future[object] | None = None
    try:
        if search:
            # Pagefind indexes in its own process while the pages render and mkdocs builds: its
            # records come from the archive, not from the HTML.
            with progress.step("搜索记录 search records"):
                records = search_records(result.archive)
            with interrupts.held():  # never a Pagefind service started but not known here
                indexing = Indexing(records, bundle_tmp)
        with progress.step("生成页面 render"):  # related items too: see generate_docs
            files, page_keys = generate_docs(
                result.archive, result.warnings, _previous_page(paths, state, code), paths.root, result.corpus
            )
        paths.state.unlink(missing_ok=True)  # until this build succeeds, the stage is not to be trusted
        _, removed = sync_tree(paths.docs, files)
        dirty = state.get("code") == code and not removed and paths.stage.is_dir()
        result.mode = "incremental" if dirty else "full"
        with progress.step("mkdocs build"):
            mkdocs_build(paths.config, paths.docs, paths.stage, dirty=dirty)
        # A thread copies the stage while Pagefind finishes: the copy costs no time of its own.
        with interrupts.held():  # a signal inside submit() would leave the thread copying, unjoined
            copy = pool.submit(shutil.copytree, paths.stage, site_tmp)
        if indexing is not None:
            with progress.step(PAGEFIND_STEP):  # what is left of the indexing once mkdocs is done
                indexing.result()
        copy.result()  # raises if the copy failed
        if search:
            bundle_tmp.rename(site_tmp / "pagefind")
        swap_into_place(site_tmp, paths.site)
    finally:
        if indexing is not None:
            indexing.stop()  # never clean up while Pagefind is still writing
        if copy is not None:
            concurrent.futures.wait([copy])  # nor while the copy is
        pool.shutdown(wait=True)
        for scratch in (site_tmp, bundle_tmp):
            if scratch.exists():
                shutil.rmtree(scratch, ignore_errors=True)
    save_state(
        paths.state,
        {
            "code": code,
            "inputs": inputs,
            "site": str(paths.site),
            "summary": result.summary,
            "warnings": len(result.warnings),
            "page_keys": page_keys,
        },
    )
    return result
