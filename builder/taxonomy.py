"""The theme taxonomy (source_docs/_taxonomy.yml): data editors change without touching code."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .errors import Problem

TAXONOMY_FILE = "_taxonomy.yml"


def load_taxonomy(path: Path, rel: str) -> tuple[tuple[Any, ...], list[Problem]]:
    """Read and validate the taxonomy; every problem at once, each with file:line. (Stub.)"""
    return (), []
