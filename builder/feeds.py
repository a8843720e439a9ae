"""The archive as feeds and tables: data/items.csv and an Atom feed of plans. (Stub.)"""

from __future__ import annotations

from .archive import Archive


def feed_files(archive: Archive) -> dict[str, str | bytes]:
    return {}
