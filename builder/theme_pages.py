"""Theme pages and the themes part of the archive's data. (Stub.)"""

from __future__ import annotations

from typing import Any

import jinja2

from .archive import Archive


def theme_pages(archive: Archive, env: jinja2.Environment) -> dict[str, str]:
    """Markdown pages under themes/ keyed by path."""
    return {}


def themes_json(archive: Archive) -> list[dict[str, Any]]:
    """The `themes` list of data/plans.json: slug, name, url (+ extra keys)."""
    return []


def theme_data_files(archive: Archive) -> dict[str, str | bytes]:
    """Extra data files, e.g. data/targets.csv."""
    return {}
