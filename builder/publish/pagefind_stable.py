"""Make Pagefind's index byte-for-byte reproducible.

Pagefind 1.5 writes its filter indexes (and so the metadata index naming them) in hash-map order,
which changes from run to run (Pagefind issue #638: "other files will still change"). We sort
those entries, recompress without a timestamp and rename the files after their new content.
"""

from __future__ import annotations

import gzip
import hashlib
import importlib.metadata
import json
from pathlib import Path
from typing import Any

import cbor2

from builder.errors import BuildError

_SIGNATURE = b"pagefind_dcd"
WRITTEN_FOR = "1.5."  # the Pagefind releases whose index layout this module knows (meta[3]: filters)


def _unknown_layout(what: str) -> BuildError:
    version = importlib.metadata.version("pagefind")
    return BuildError(
        f"Pagefind {version} wrote an index this build cannot make reproducible ({what}); "
        f"builder/publish/pagefind_stable.py was written for Pagefind {WRITTEN_FOR}x. "
        "Pin the Pagefind of requirements.lock, or update that module for the new layout"
    )


def check_version() -> None:
    """Fail loudly, before any work, on a Pagefind this module was not written for."""
    version = importlib.metadata.version("pagefind")
    if not version.startswith(WRITTEN_FOR):
        raise _unknown_layout(f"version {version}")


def _read(path: Path) -> Any:
    raw = gzip.decompress(path.read_bytes())
    if not raw.startswith(_SIGNATURE):
        raise _unknown_layout(f"{path.name} lacks the {_SIGNATURE.decode()} signature")
    return cbor2.loads(raw[len(_SIGNATURE) :])


def _write(folder: Path, prefix: str, digits: int, suffix: str, value: Any) -> str:
    """Write value under a content-derived name; return the name's hash part (e.g. zh_1a2b3c4)."""
    raw = _SIGNATURE + cbor2.dumps(value)
    name = f"{prefix}_{hashlib.sha256(raw).hexdigest()[:digits]}"
    (folder / f"{name}{suffix}").write_bytes(gzip.compress(raw, compresslevel=9, mtime=0))
    return name


def stabilise(bundle: Path) -> None:
    """Rewrite the filter and metadata indexes of a Pagefind bundle in a canonical order."""
    check_version()
    entry_path = bundle / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    for language, info in sorted(entry["languages"].items()):
        meta_path = bundle / f"pagefind.{info['hash']}.pf_meta"
        meta = _read(meta_path)
        if not (isinstance(meta, list) and len(meta) > 3 and all(_is_filter_ref(f) for f in meta[3])):
            raise _unknown_layout(f"{meta_path.name} holds no list of filters at position 3")
        prefix = info["hash"].rsplit("_", 1)[0]
        filters = []
        for name, old_hash in sorted(meta[3]):
            old_path = bundle / "filter" / f"{old_hash}.pf_filter"
            filter_name, values = _read(old_path)
            old_path.unlink()
            canonical = [filter_name, sorted(values, key=lambda pair: pair[0])]
            filters.append([name, _write(bundle / "filter", prefix, 7, ".pf_filter", canonical)])
        meta[3] = filters
        meta_path.unlink()
        info["hash"] = _write(bundle, f"pagefind.{prefix}", 10, ".pf_meta", meta).removeprefix("pagefind.")
        entry["languages"][language] = info
    entry_path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def _is_filter_ref(value: Any) -> bool:
    return isinstance(value, list) and len(value) == 2 and all(isinstance(v, str) for v in value)
