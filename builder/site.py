"""Turn the Markdown tree into site/: mkdocs build, then Pagefind, then an atomic swap."""

from __future__ import annotations

import logging
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from . import interrupts
from .errors import BuildError
from .mkdocs_shards import build_in_shards
from .pagefind_stable import stabilise

log = logging.getLogger(__name__)


class _QuietDirty(logging.Filter):
    """mkdocs warns on every dirty build; ours are safe (see incremental.py), so drop that one warning."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("A 'dirty' build")


SHARD_FROM_PAGES = 200  # below this, starting a second mkdocs process costs more than it saves


def shard_count(docs_dir: Path, dirty: bool) -> int:
    """How many processes should render pages: both cores for a full build of a large archive."""
    forced = os.environ.get("BUILDER_MKDOCS_SHARDS")
    if forced:
        return max(1, int(forced))
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


PAGEFIND_GLOB = "plans/**/*.html"


def pagefind_index(site_dir: Path, bundle: Path | None = None) -> None:
    """Index the built site with Pagefind's extended build (Chinese segmentation).

    The bundle goes to site_dir/pagefind, or to `bundle` (so the HTML can be read from one folder
    while it is being copied to another).
    """
    bundle = bundle or site_dir / "pagefind"
    # Only plan pages carry data-pagefind-body (the others are not indexed at all), so Pagefind
    # need not read the rest: a third less time at 1,000 plans, the same index.
    command = [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--quiet", "--glob", PAGEFIND_GLOB]
    command += ["--output-path", str(bundle)]
    # Its own process group: `python -m pagefind` execs the real binary, and an interrupted build
    # must stop it before it cleans up, or the binary writes on. Signals wait until `process` is
    # assigned (see interrupts.held): one raised inside Popen would orphan the indexer.
    process: subprocess.Popen[str] | None = None
    try:
        with interrupts.held():
            process = subprocess.Popen(
                command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True
            )
        stdout, stderr = process.communicate()
    except BaseException:
        if process is not None:
            _kill_group(process)
        raise
    if process.returncode != 0:
        raise BuildError(f"Pagefind failed:\n{stdout}\n{stderr}")
    stabilise(bundle)


def _kill_group(process: subprocess.Popen[str]) -> None:
    """Stop a process and every process it started, and wait until they are all gone."""
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except ProcessLookupError:
        return
    process.wait()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:  # the binary is a grandchild: wait for it to go too
        try:
            os.killpg(process.pid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.01)


def swap_into_place(new: Path, target: Path) -> None:
    """Replace target with new; the old tree is removed only once the new one is in place.

    Two renames on the same filesystem: target is missing only between them, and if the second
    fails the old tree is put back. Trees left by a build killed in between are cleared here.
    """
    for stale in target.parent.glob(f".{target.name}.old-*"):
        if not target.exists():
            stale.rename(target)  # a build died between the renames: put the old site back first
        else:
            shutil.rmtree(stale, ignore_errors=True)
    old = target.with_name(f".{target.name}.old-{os.getpid()}")
    if target.exists():
        target.rename(old)
    try:
        new.rename(target)
    except OSError:
        if old.exists():
            old.rename(target)
        raise
    if old.exists():
        shutil.rmtree(old)
