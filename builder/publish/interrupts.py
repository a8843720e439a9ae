"""SIGTERM and SIGINT unwind the build like an error, except inside sections held against them.

An exception raised by a signal handler can land anywhere, even inside `subprocess.Popen` after the
child has started but before its pid is stored, which would orphan the child. Masking the signal in
the main thread does not help: the kernel then hands it to another thread and Python still runs
the handler in the main thread. So the handler itself defers: inside `held()` it only notes the
signal, and the exception is raised when the section ends, where the caller can clean up.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_held = 0
_pending: list[int] = []


def install() -> None:
    """Make SIGTERM and SIGINT raise KeyboardInterrupt (outside held sections)."""
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, _interrupt)


def _interrupt(signum: int, frame: object) -> None:
    if _held:
        _pending.append(signum)
        return
    raise KeyboardInterrupt(f"signal {signum}")


@contextmanager
def held() -> Iterator[None]:
    """Run the block whole; a signal that arrives meanwhile is raised as it ends.

    Where install() was not called (build_site called from Python), Python's own Ctrl-C handler
    is swapped for ours during the block, so the block is held against Ctrl-C there too.
    """
    global _held
    swapped = False
    if threading.current_thread() is threading.main_thread():
        swapped = signal.getsignal(signal.SIGINT) is signal.default_int_handler
        if swapped:
            signal.signal(signal.SIGINT, _interrupt)
    _held += 1
    try:
        yield
    finally:
        _held -= 1
        if swapped:
            signal.signal(signal.SIGINT, signal.default_int_handler)
        if not _held and _pending:
            signum = _pending[0]
            _pending.clear()
            raise KeyboardInterrupt(f"signal {signum}")
