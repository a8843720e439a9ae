"""What lets a rebuild skip work: fingerprints, a cache of parsed plans, and a docs tree synced in place.

A full build's output depends on three things: the code (builder/, site_templates/, mkdocs.yml and
the environment variables the site reads), the inputs (source_docs/), and nothing else. When both
fingerprints match the last successful build, the build is a no-op. When only inputs changed, mkdocs
rebuilds just the pages whose Markdown changed (its `dirty` mode), because unchanged Markdown files
keep their modification times.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
import os
import pickle
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import BuildError

PACKAGE = Path(__file__).resolve().parent
_ENV_KEYS = ("SITE_URL", "SOURCE_DATE_EPOCH")


def _hash_files(paths: list[Path], base: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(paths):
        name = path.relative_to(base).as_posix() if path.is_relative_to(base) else str(path)
        digest.update(name.encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


# The packages whose behaviour shapes what a build produces (parsing, tagging, the site itself).
_PACKAGES = (
    "mkdocs",
    "mkdocs-material",
    "pymdown-extensions",
    "Markdown",
    "Jinja2",
    "pagefind",
    "jieba",
    "cpca",
    "pypinyin",
    "PyYAML",
    "numpy",
)


def _versions() -> str:
    found = []
    for name in _PACKAGES:
        try:
            found.append(f"{name}=={importlib.metadata.version(name)}")
        except importlib.metadata.PackageNotFoundError:
            found.append(f"{name}==?")
    return ";".join(found)


def code_fingerprint(root: Path, config: Path, search: bool) -> str:
    """Everything but the plans that shapes the site: code, packages, templates, config, environment."""
    code = [p for p in PACKAGE.rglob("*") if p.is_file() and p.suffix in (".py", ".j2", ".yml")]
    templates = [p for p in (root / "site_templates").rglob("*") if p.is_file()]
    digest = hashlib.sha256()
    digest.update(_hash_files(code, PACKAGE.parent).encode())
    digest.update(_hash_files(templates, root).encode())
    digest.update(hashlib.sha256(config.read_bytes()).digest())
    digest.update(json.dumps([os.environ.get(k, "") for k in _ENV_KEYS] + [search, _versions()]).encode())
    return digest.hexdigest()


def parser_fingerprint() -> str:
    """The code (and packages) that turn a file into a Plan: a change invalidates the caches."""
    return _hash_files([p for p in PACKAGE.glob("*.py")], PACKAGE) + _versions()


def file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else ""


def page_key(shown: Any) -> str:
    """A generated page's reuse key: the digest of everything it shows, as JSON."""
    return hashlib.sha256(json.dumps(shown, ensure_ascii=False, sort_keys=True).encode()).hexdigest()


def inputs_fingerprint(sources: Path, extra: list[Path]) -> str:
    files = [p for p in sources.iterdir() if p.is_file()] if sources.is_dir() else []
    files += [p for p in extra if p.is_file() and p not in files]
    return _hash_files(files, sources.parent) if files else ""


class PickleCache:
    """Values pickled under a hash of their inputs and a salt (the code that made them)."""

    def __init__(self, folder: Path, salt: str) -> None:
        self.folder = folder
        self.salt = salt
        self.used: set[Path] = set()

    def key(self, *parts: bytes | str) -> Path:
        digest = hashlib.sha256(self.salt.encode())
        for part in parts:
            digest.update(part.encode() if isinstance(part, str) else part)
            digest.update(b"\0")
        return self.folder / f"{digest.hexdigest()}.pickle"

    def get(self, path: Path) -> Any | None:
        self.used.add(path)
        try:
            with path.open("rb") as handle:
                return pickle.load(handle)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            return None

    def put(self, path: Path, value: Any) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        scratch = path.with_suffix(f".tmp{os.getpid()}")
        with scratch.open("wb") as handle:
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        scratch.replace(path)

    def prune(self) -> None:
        """Forget entries this build did not ask for (plans gone or changed)."""
        if self.folder.is_dir():
            for path in self.folder.glob("*.pickle"):
                if path not in self.used:
                    path.unlink(missing_ok=True)


class Kept:
    """Stands for a generated file whose reuse key matched: its bytes on disk are already right."""

    __slots__ = ()


Content = str | bytes | Kept
# (path, key) → whether the page at path, as the last build wrote it, has this key
Unchanged = Callable[[str, str], bool]


@dataclass
class Pages:
    """Generated pages and their reuse keys. A page whose key the last build wrote is Kept:

    if not pages.reused(path, key):
        pages.pages[path] = template.render(...)
    """

    unchanged: Unchanged | None = None
    pages: dict[str, str | Kept] = field(default_factory=dict)
    keys: dict[str, str] = field(default_factory=dict)

    def reused(self, path: str, key: str) -> bool:
        """Record the page's key; True, and the page Kept, when the last build wrote the same."""
        self.keys[path] = key
        if self.unchanged and self.unchanged(path, key):
            self.pages[path] = Kept()
            return True
        return False


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
