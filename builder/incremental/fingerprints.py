"""Fingerprints: digests of what a build's output depends on.

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
from pathlib import Path
from typing import Any

from builder.config import SITE_ENVIRONMENT

PACKAGE = Path(__file__).resolve().parent.parent  # builder/


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
    "opencc",
    "cn2an",
    "pyahocorasick",
    "python-docx",
    "pypdfium2",
    "lxml",
    "selectolax",
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
    code = [p for p in PACKAGE.rglob("*") if p.is_file() and p.suffix in (".py", ".j2", ".yml", ".json")]
    templates = [p for p in (root / "site_templates").rglob("*") if p.is_file()]
    digest = hashlib.sha256()
    digest.update(_hash_files(code, PACKAGE.parent).encode())
    digest.update(_hash_files(templates, root).encode())
    digest.update(hashlib.sha256(config.read_bytes()).digest())
    digest.update(json.dumps([os.environ.get(k, "") for k in SITE_ENVIRONMENT] + [search, _versions()]).encode())
    return digest.hexdigest()


def parser_fingerprint() -> str:
    """The code (and packages) that turn a file into a Plan: a change invalidates the caches.

    Every module of the package, in every subpackage (a parse that moved into a new module must
    still clear the caches when it changes), and the data it reads (builder/data/).
    """
    data = [p for p in (PACKAGE / "data").rglob("*") if p.is_file()]  # the division names
    return _hash_files(sorted([*PACKAGE.rglob("*.py"), *data]), PACKAGE) + _versions()


def file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else ""


def page_key(shown: Any) -> str:
    """A generated page's reuse key: the digest of everything it shows, as JSON."""
    return hashlib.sha256(json.dumps(shown, ensure_ascii=False, sort_keys=True).encode()).hexdigest()


def inputs_fingerprint(sources: Path, extra: list[Path]) -> str:
    files = [p for p in sources.iterdir() if p.is_file()] if sources.is_dir() else []
    files += [p for p in extra if p.is_file() and p not in files]
    return _hash_files(files, sources.parent) if files else ""
