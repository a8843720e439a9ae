"""Run one `mkdocs build` on both cores: each process renders its share of the pages.

mkdocs renders pages one after another in one process, and at archive scale that is most of the
build. Each worker here runs the ordinary `mkdocs.commands.build.build` (so navigation, templates
and link checks are mkdocs' own) but renders only the Markdown pages of its shard; worker 0 also
writes the static files, the sitemap and 404.html. The workers start from an emptied site folder
in mkdocs' "dirty" mode, so neither cleans the folder under the other.

Trade-off: a link into a page of the other shard is not checked for its #anchor by mkdocs (it
cannot see that page's headings); the test suite checks every link and anchor of the built site.
"""

from __future__ import annotations

import importlib.metadata
import inspect
import logging
import multiprocessing
import shutil
import signal
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from builder import config
from builder.errors import BuildError

log = logging.getLogger(__name__)

WRITTEN_FOR = "1.6."  # the mkdocs releases whose build internals _patch_for_shard replaces
# The private functions patched below and the first parameters each must take.
_PATCHED = {
    "_populate_page": ("page", "config", "files", "dirty"),
    "_build_page": ("page", "config", "doc_files"),
    "_build_theme_template": ("template_name", "env", "files", "config", "nav"),
    "_build_extra_template": ("template_name", "files", "config", "nav"),
}


def check_mkdocs() -> None:
    """Fail loudly, before forking, on a mkdocs whose internals this module was not written for."""
    from mkdocs.commands import build as mkdocs_build
    from mkdocs.structure.files import Files

    version = importlib.metadata.version("mkdocs")
    problems = [] if version.startswith(WRITTEN_FOR) else [f"version {version}"]
    for name, parameters in _PATCHED.items():
        function = getattr(mkdocs_build, name, None)
        found = tuple(inspect.signature(function).parameters)[: len(parameters)] if function else ()
        if found != parameters:
            problems.append(f"mkdocs.commands.build.{name}{found or ' is gone'}")
    if not callable(getattr(Files, "copy_static_files", None)):
        problems.append("Files.copy_static_files is gone")
    if problems:
        raise BuildError(
            f"mkdocs {version} is not the mkdocs builder/publish/mkdocs_shards.py was written for "
            f"({WRITTEN_FOR}x; found {', '.join(problems)}). Pin the mkdocs of requirements.lock, "
            f"or set {config.MKDOCS_SHARDS}=1 to build in one process until the module is updated"
        )


def _patch_for_shard(index: int, count: int) -> None:
    """Make this process's mkdocs render only shard `index` of `count` (by sorted source path)."""
    from mkdocs.commands import build as mkdocs_build
    from mkdocs.structure.files import Files

    populate: Callable[..., Any] = mkdocs_build._populate_page
    build_page: Callable[..., Any] = mkdocs_build._build_page
    theme_template: Callable[..., Any] = mkdocs_build._build_theme_template
    extra_template: Callable[..., Any] = mkdocs_build._build_extra_template
    copy_static: Callable[..., Any] = Files.copy_static_files
    mine: set[str] = set()

    def in_shard(page: Any, files: Files) -> bool:
        if not mine:
            uris = sorted(f.src_uri for f in files.documentation_pages())
            mine.update(uri for i, uri in enumerate(uris) if i % count == index)
        return page.file.src_uri in mine

    def populate_mine(page: Any, config: Any, files: Files, dirty: bool = False) -> None:
        if in_shard(page, files):
            populate(page, config, files, dirty)

    def build_mine(page: Any, config: Any, doc_files: Any, *args: Any, **kwargs: Any) -> None:
        if page.file.src_uri in mine:
            build_page(page, config, doc_files, *args, **kwargs)

    def only_first(original: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            return original(*args, **kwargs) if index == 0 else None

        return wrapper

    mkdocs_build._populate_page = populate_mine
    mkdocs_build._build_page = build_mine
    mkdocs_build._build_theme_template = only_first(theme_template)
    mkdocs_build._build_extra_template = only_first(extra_template)
    Files.copy_static_files = only_first(copy_static)  # type: ignore[method-assign]


def _worker(index: int, count: int, build: Callable[[bool], None]) -> None:
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # the parent's handler unwinds the parent only
    _patch_for_shard(index, count)
    try:
        build(True)  # dirty: do not clean the folder the other worker writes into
    except Exception as error:  # mkdocs has logged what went wrong; no traceback from a worker
        print(f"mkdocs (shard {index + 1} of {count}): {error}", file=sys.stderr)
        sys.exit(1)


def build_in_shards(site_dir: Path, count: int, build: Callable[[bool], None]) -> list[int]:
    """Run build(dirty) in `count` forked processes, one shard each; return their exit codes."""
    check_mkdocs()
    if site_dir.exists():
        shutil.rmtree(site_dir)
    site_dir.mkdir(parents=True)
    context = multiprocessing.get_context("fork")
    workers = [context.Process(target=_worker, args=(i, count, build), daemon=True) for i in range(count)]
    try:
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join()
    finally:
        for worker in workers:  # an interrupted parent takes its workers down with it
            if worker.is_alive():
                worker.terminate()
                worker.join()
    return [worker.exitcode or 0 for worker in workers]
