"""The project's small exception tree: every problem says where, what, and what to do."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one input file, with the line when known."""

    path: str
    line: int | None
    message: str
    hint: str
    severity: str = "error"  # "error" or "warning"

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message} — {self.hint}"


class ArchiveError(Exception):
    """Base of every error the builder raises on purpose."""


class InputError(ArchiveError):
    """One or more input files cannot be used; carries every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


class BuildError(ArchiveError):
    """The site could not be built (mkdocs or Pagefind failed)."""
