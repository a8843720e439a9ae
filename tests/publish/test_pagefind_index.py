"""Pagefind indexing beside the build (builder/publish/pagefind_index.py): it finishes into its
bundle, and stopping it mid-way leaves no process and nothing writing."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from builder.errors import BuildError
from builder.publish.pagefind_index import Indexing


def records(n: int) -> list[dict[str, object]]:
    return [
        {
            "url": f"/plans/p{i}/#item-{i}",
            "content": f"课|后 后|服 服|务 第{i}条 加|强 强|师 师|资",
            "language": "und",
            "meta": {"title": f"第{i}条"},
            "filters": {"year": [str(2000 + i % 20)]},
        }
        for i in range(n)
    ]


def files(folder: Path) -> dict[str, int]:
    return {str(p): p.stat().st_size for p in folder.rglob("*") if p.is_file()}


def test_indexing_finishes_into_its_bundle(tmp_path: Path) -> None:
    bundle = tmp_path / "pagefind"
    indexing = Indexing(records(20), bundle)
    try:
        indexing.result()
    finally:
        indexing.stop()
    assert (bundle / "pagefind-entry.json").is_file()
    assert indexing.service.process.poll() is not None


def test_stopping_mid_way_kills_pagefind_and_nothing_writes_on(tmp_path: Path) -> None:
    bundle = tmp_path / "pagefind"
    indexing = Indexing(records(20_000), bundle)
    time.sleep(0.2)  # records are being sent
    assert indexing.thread.is_alive()
    indexing.stop()
    assert not indexing.thread.is_alive()
    with pytest.raises(ProcessLookupError):
        os.killpg(indexing.service.process.pid, 0)  # the whole process group is gone
    with pytest.raises(BuildError):
        indexing.result()
    before = files(bundle) if bundle.exists() else {}
    time.sleep(0.5)
    assert (files(bundle) if bundle.exists() else {}) == before
