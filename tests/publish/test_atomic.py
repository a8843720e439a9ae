"""Atomic and reproducible builds: an interrupted build leaves site/ intact; same inputs, same bytes."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from builder.publish import interrupts
from tests.conftest import ROOT, SOURCES


def digest(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def build(site: Path, docs: Path, env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    command = [
        sys.executable,
        "-m",
        "builder",
        "build",
        "--root",
        str(ROOT),
        "--sources",
        str(SOURCES),
        "--site-dir",
        str(site),
    ]
    environment = {**os.environ, "BUILDER_DOCS_DIR": str(docs), **(env or {})}
    return subprocess.Popen(
        command, cwd=ROOT, env=environment, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


@pytest.mark.parametrize("moment", ["rendering", "indexing"])
def test_a_signal_mid_build_leaves_the_previous_site_byte_for_byte(tmp_path: Path, moment: str) -> None:
    site, docs = tmp_path / "site", tmp_path / "docs"
    assert build(site, docs).wait() == 0
    before = digest(site)
    plan_copy = {"SOURCE_DATE_EPOCH": str(1700000000 + len(moment))}  # a new input: a real rebuild
    if moment == "rendering":
        plan_copy["BUILDER_MKDOCS_SHARDS"] = "2"  # interrupt mkdocs' worker processes too
    process = build(site, docs, plan_copy)
    state = tmp_path / "docs.state.json"
    deadline = time.monotonic() + 60

    def reached() -> bool:
        if moment == "rendering":  # the state file goes when the build starts writing Markdown
            return not state.exists()
        return bool(list(tmp_path.glob(".site-building-*")))  # the new site is being indexed

    while not reached():
        assert process.poll() is None and time.monotonic() < deadline, "the build ended before it could be stopped"
        time.sleep(0.002)
    process.send_signal(signal.SIGTERM)
    _, err = process.communicate(timeout=60)
    assert process.returncode != 0
    assert "Traceback" not in err and "site/ was left unchanged" in err
    assert digest(site) == before
    assert not list(tmp_path.glob(".site-building-*"))
    # The next build starts clean and succeeds.
    assert build(site, docs, plan_copy).wait() == 0
    assert (site / "index.html").exists()


def test_same_inputs_give_identical_bytes(tmp_path: Path) -> None:
    env = {"SOURCE_DATE_EPOCH": "1700000000"}
    first, second = tmp_path / "one", tmp_path / "two"
    assert build(first, tmp_path / "d1", env).wait() == 0
    assert build(second, tmp_path / "d2", env).wait() == 0
    a, b = digest(first), digest(second)
    assert "sitemap.xml" in a and any(k.startswith("pagefind/") for k in a)
    assert a == b, sorted(k for k in a.keys() | b.keys() if a.get(k) != b.get(k))[:10]


def test_a_signal_inside_a_held_section_is_raised_when_it_ends() -> None:
    # What keeps an interrupt from landing inside Popen (an orphaned Pagefind) or inside starting the
    # copying thread (an unjoined copy): the handler notes the signal and raises it after the section.
    previous = {s: signal.getsignal(s) for s in (signal.SIGTERM, signal.SIGINT)}
    interrupts.install()
    finished = False
    try:
        with pytest.raises(KeyboardInterrupt, match="signal 15"), interrupts.held():
            os.kill(os.getpid(), signal.SIGTERM)
            time.sleep(0.05)  # the handler has run by now; it must not have raised
            finished = True
        assert finished
        with pytest.raises(KeyboardInterrupt):  # outside a held section it raises at once
            os.kill(os.getpid(), signal.SIGTERM)
            time.sleep(1)
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)


def test_ctrl_c_is_held_off_without_the_cli_handler_too() -> None:
    # build_site called from Python (tests, the benchmark) keeps Python's own Ctrl-C handler.
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler
    finished = False
    with pytest.raises(KeyboardInterrupt), interrupts.held():
        os.kill(os.getpid(), signal.SIGINT)
        time.sleep(0.05)
        finished = True
    assert finished
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler  # put back
