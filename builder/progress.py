"""Progress for long builds: a rich bar per stage on a terminal, silence under CI or in a pipe."""

from __future__ import annotations

import contextlib
import sys
import time
from collections.abc import Iterable, Iterator
from typing import TypeVar

from builder.config import in_ci

T = TypeVar("T")


class Progress:
    """Shows each stage; records each stage's wall time for the report and the benchmark."""

    def __init__(self, enabled: bool | None = None) -> None:
        if enabled is None:
            enabled = sys.stderr.isatty() and not in_ci()
        self.enabled = enabled
        self.timings: dict[str, float] = {}

    def track(self, items: list[T], label: str) -> Iterable[T]:
        start = time.perf_counter()
        if self.enabled and len(items) > 1:
            from rich.progress import track

            yield from track(items, description=label, transient=True)
        else:
            yield from items
        self._done(label, start)

    @contextlib.contextmanager
    def step(self, label: str) -> Iterator[None]:
        # A plain line, not a live spinner: these stages fork worker processes, and forking while
        # a spinner's thread holds the terminal's lock could hang a worker.
        start = time.perf_counter()
        if self.enabled:
            print(f"  … {label}", file=sys.stderr, flush=True)
        yield
        self._done(label, start)

    def _done(self, label: str, start: float) -> None:
        elapsed = time.perf_counter() - start
        self.timings[label] = self.timings.get(label, 0.0) + elapsed
        if self.enabled:
            print(f"  ✓ {label} ({elapsed:.1f}s)", file=sys.stderr)
