"""The one writer of the Markdown tree, and the state a build leaves for the next one."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from builder.errors import BuildError
from builder.incremental.reuse import Content, Kept


def sync_tree(folder: Path, files: dict[str, Content]) -> tuple[int, int]:
    """Make folder hold exactly these files, touching only those whose bytes differ.

    Returns (written, removed). Unchanged files keep their modification time, which is what lets
    mkdocs skip their pages; Kept ones are not even read.
    """
    written = 0
    wanted = set()
    lower: dict[str, str] = {}
    for rel in files:  # two paths one case-insensitive filesystem (or URL) would confuse
        if lower.setdefault(rel.lower(), rel) != rel:
            raise BuildError(f"two generated files differ only in letter case: {lower[rel.lower()]} and {rel}")
    for rel, content in sorted(files.items()):
        target = folder / rel
        wanted.add(target)
        if isinstance(content, Kept):
            continue
        data = content.encode("utf-8") if isinstance(content, str) else content
        try:
            if target.read_bytes() == data:
                continue
        except OSError:
            pass
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        written += 1
    removed = 0
    if folder.is_dir():
        for path in sorted(folder.rglob("*"), reverse=True):
            if path.is_file() and path not in wanted:
                path.unlink()
                removed += 1
            elif path.is_dir() and not any(path.iterdir()):
                path.rmdir()
    return written, removed


def load_state(path: Path) -> dict[str, Any]:
    try:
        state = json.loads(path.read_text(encoding="utf-8"))
        return state if isinstance(state, dict) else {}
    except (OSError, ValueError):
        return {}


def save_state(path: Path, state: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(state, ensure_ascii=False, indent=1), encoding="utf-8")
