"""The work-plan archive: turn Chinese education bureaus' annual work plans into a static site."""

from __future__ import annotations

__version__ = "0.1.0"
