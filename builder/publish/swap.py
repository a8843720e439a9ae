"""Swap a finished site into place: site/ is only ever replaced whole."""

from __future__ import annotations

import os
import shutil
from pathlib import Path


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
