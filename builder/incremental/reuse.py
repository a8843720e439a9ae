"""Reusing generated pages: a page whose reuse key the last build wrote is Kept, not rendered."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field


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
    pages: dict[str, Content] = field(default_factory=dict)
    keys: dict[str, str] = field(default_factory=dict)

    def reused(self, path: str, key: str) -> bool:
        """Record the page's key; True, and the page Kept, when the last build wrote the same."""
        self.keys[path] = key
        if self.unchanged and self.unchanged(path, key):
            self.pages[path] = Kept()
            return True
        return False
