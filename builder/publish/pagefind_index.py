"""Index the built site with Pagefind (extended build: Chinese segmentation), in its own process group."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from builder.errors import BuildError
from builder.publish import interrupts
from builder.publish.pagefind_stable import stabilise

PAGEFIND_GLOB = "plans/*/index.html"  # plan pages only: not the originals published beside them


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
