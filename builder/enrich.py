"""Enrich the whole archive: themes, quantified targets and related items. (Stub.)"""

from __future__ import annotations

from typing import Any

from .archive import Archive


def enrich(archive: Archive, taxonomy: tuple[Any, ...]) -> Archive:
    return archive
