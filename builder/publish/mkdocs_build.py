"""Run `mkdocs build` on the Markdown tree: strict, dirty when safe, on both cores for a large archive."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from builder import config
from builder.errors import BuildError
from builder.publish.mkdocs_shards import build_in_shards

log = logging.getLogger(__name__)


class _QuietDirty(logging.Filter):
    """mkdocs warns on every dirty build; ours are safe (see incremental.py), so drop that one warning."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("A 'dirty' build")


SHARD_FROM_PAGES = 200  # below this, starting a second mkdocs process costs more than it saves


def shard_count(docs_dir: Path, dirty: bool) -> int:
    """How many processes should render pages: both cores for a full build of a large archive."""
    forced = config.forced_shards()
    if forced:
        return forced
    if dirty or (os.cpu_count() or 1) < 2:
        return 1
    pages = sum(1 for _ in docs_dir.rglob("*.md"))
    return 2 if pages >= SHARD_FROM_PAGES else 1


def mkdocs_build(config_file: Path, docs_dir: Path, site_dir: Path, dirty: bool = False) -> None:
    """A real `mkdocs build` (strict: a broken link or anchor fails the build).

    `dirty` renders only pages whose Markdown is newer than their HTML (mkdocs' --dirty). A full
    build of a large archive renders its pages on both cores (see mkdocs_shards.py).
    """
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    mkdocs_log = logging.getLogger("mkdocs")
    previous = mkdocs_log.level
    mkdocs_log.setLevel(logging.WARNING)
    try:
        config = load_config(str(config_file), docs_dir=str(docs_dir), site_dir=str(site_dir), strict=True)
        quiet = _QuietDirty()
        logging.getLogger("mkdocs.commands.build").addFilter(quiet)
        try:
            shards = shard_count(docs_dir, dirty)
            if shards == 1:
                build(config, dirty=dirty)
            else:
                codes = build_in_shards(site_dir, shards, lambda d: build(config, dirty=d))
                if any(codes):
                    raise BuildError("mkdocs build failed (see the messages above)")
        finally:
            logging.getLogger("mkdocs.commands.build").removeFilter(quiet)
    except MkDocsException as error:
        raise BuildError(f"mkdocs build failed: {error}") from error
    finally:
        mkdocs_log.setLevel(previous)
