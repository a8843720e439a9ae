"""Progress bars only where a person watches: quiet under CI and when output is not a terminal."""

from __future__ import annotations

import pytest

from builder.progress import Progress


def test_quiet_under_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "true")
    assert Progress().enabled is False


def test_quiet_when_not_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setattr("sys.stderr.isatty", lambda: False)
    assert Progress().enabled is False


def test_records_stage_times_even_when_quiet() -> None:
    progress = Progress(enabled=False)
    assert list(progress.track([1, 2, 3], "stage a")) == [1, 2, 3]
    with progress.step("stage b"):
        pass
    assert set(progress.timings) == {"stage a", "stage b"}
