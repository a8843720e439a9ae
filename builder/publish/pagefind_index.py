"""Write the search index: Pagefind's extended build (jieba-rs for Chinese), one record per item.

The records come from the archive (render/search_data.py), not from the built HTML, and Pagefind
receives them through its service mode, the protocol of its own Python API (`pagefind.index`):
base64 JSON messages ending in a comma, each answered in turn. That API waits 0.1 s for every
answer (100 s per 1,000 records, measured here), so this module speaks the protocol itself: it
sends every record at once and reads the answers as they come (26,200 items in 30 s).

The service runs in a process group of its own: an interrupted build must stop it before it
cleans up, or it writes on.
"""

from __future__ import annotations

import base64
import json
import os
import signal
import subprocess
import threading
import time
from pathlib import Path
from typing import Any

from builder.errors import BuildError
from builder.publish import interrupts
from builder.publish.pagefind_stable import check_version, stabilise

UNUSED = (
    "pagefind-ui.js",
    "pagefind-ui.css",
    "pagefind-modular-ui.js",
    "pagefind-modular-ui.css",
    "pagefind-component-ui.js",
    "pagefind-component-ui.css",
    "pagefind-highlight.js",
)


def _executable() -> str:
    from pagefind_bin_extended import get_executable

    return str(get_executable())


class _Service:
    """One Pagefind service process: requests go out as they are made, answers are read by a thread."""

    def __init__(self) -> None:
        with interrupts.held():  # a signal inside Popen would orphan the service
            self.process = subprocess.Popen(
                [_executable(), "--service"],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
                start_new_session=True,
            )
        self.answers: dict[int, dict[str, Any]] = {}
        self.errors: list[str] = []
        self.sent = 0
        self.ready = threading.Condition()
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()
        self.killed = threading.Event()

    def _read(self) -> None:
        assert self.process.stdout is not None
        pending = b""
        stdout = self.process.stdout
        while chunk := os.read(stdout.fileno(), 1 << 16):
            *messages, pending = (pending + chunk).split(b",")
            with self.ready:
                for message in messages:
                    if not message.strip():
                        continue
                    try:
                        answer = json.loads(base64.b64decode(message))
                    except ValueError:  # not one of its answers (a line of its own logging)
                        self.errors.append(message[:200].decode("utf-8", "replace"))
                        continue
                    payload = answer.get("payload") or {}
                    if payload.get("type") == "Error":
                        self.errors.append(str(payload.get("message")))
                    if isinstance(answer.get("message_id"), int):
                        self.answers[answer["message_id"]] = payload
                self.ready.notify_all()
        with self.ready:
            self.ready.notify_all()

    def send(self, payload: dict[str, Any]) -> int:
        assert self.process.stdin is not None
        self.sent += 1
        message = {"message_id": self.sent, "payload": payload}
        self.process.stdin.write(base64.b64encode(json.dumps(message).encode("utf-8")) + b",")
        return self.sent

    def wait(self, message_id: int) -> dict[str, Any]:
        assert self.process.stdin is not None
        self.process.stdin.flush()
        with self.ready:
            self.ready.wait_for(lambda: message_id in self.answers or not self.reader.is_alive())
        if message_id not in self.answers:
            raise BuildError(f"Pagefind stopped while indexing: {'; '.join(self.errors) or 'no message'}")
        return self.answers[message_id]

    def close(self) -> None:
        if self.process.stdin is not None:
            self.process.stdin.close()
        self.process.wait()
        self.reader.join()

    def kill(self) -> None:
        self.killed.set()
        _kill_group(self.process)


class Indexing:
    """Pagefind indexing the records into `bundle` (a folder that becomes site/pagefind) while the
    build goes on: the work is done in Pagefind's own process, fed by a thread, so it runs beside
    rendering and mkdocs (the records come from the archive, not from the HTML).

    `result()` waits and raises what went wrong; `stop()` (always, in a finally) kills the service
    if it is still running and waits for the thread, so nothing writes on after the build ends.
    """

    def __init__(self, records: list[dict[str, Any]], bundle: Path) -> None:
        check_version()
        self.service = _Service()
        self.thread = threading.Thread(target=self._run, args=(records, bundle), daemon=True)
        self.error: BaseException | None = None
        self.thread.start()

    def _run(self, records: list[dict[str, Any]], bundle: Path) -> None:
        try:
            _index(self.service, records, bundle)
        except BaseException as error:  # handed to result(): a thread's exception goes nowhere
            self.error = error

    def result(self) -> None:
        self.thread.join()
        if self.error is not None:
            raise self.error

    def stop(self) -> None:
        if self.thread.is_alive():
            self.service.kill()
        self.thread.join()


def _index(service: _Service, records: list[dict[str, Any]], bundle: Path) -> None:
    """Index the records, in their own language (their words are cut already:
    builder/render/search_words.py), write the bundle and settle it."""
    language = records[0]["language"] if records else "und"
    try:
        index = service.wait(service.send({"type": "NewIndex", "config": {"force_language": language}}))
        if "index_id" not in index:
            raise BuildError(f"Pagefind could not start an index: {index}")
        last = 0
        for record in records:
            last = service.send({"type": "AddRecord", "index_id": index["index_id"], **record})
        if records:
            service.wait(last)
        if service.errors:
            raise BuildError("Pagefind refused records: " + "; ".join(service.errors[:3]))
        written = {"type": "WriteFiles", "index_id": index["index_id"], "output_path": str(bundle)}
        service.wait(service.send(written))
        _settle(bundle, service.killed)
        service.close()
        for unused in UNUSED:  # Pagefind's own search UIs: the archive has its dialog (archive.js)
            (bundle / unused).unlink(missing_ok=True)
    except OSError as error:  # the service died: its pipe broke
        service.kill()
        raise BuildError(
            f"Pagefind stopped while indexing ({error}): {'; '.join(service.errors) or 'no message'}"
        ) from error
    except BaseException:
        service.kill()
        raise
    stabilise(bundle)


def _settle(bundle: Path, killed: threading.Event, timeout: float = 120.0) -> None:
    """Wait until Pagefind has finished writing: it can answer WriteFiles while files are still
    being written (seen here: an empty pagefind-entry.json, an empty UI script, one build in ten),
    so wait for the entry file to parse and for every file's size to hold still for 0.2 s."""
    deadline = time.monotonic() + timeout
    previous: dict[str, int] = {}
    while time.monotonic() < deadline and not killed.is_set():
        sizes = {str(p): p.stat().st_size for p in bundle.rglob("*") if p.is_file()}
        try:
            json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
            complete = bool(sizes) and sizes == previous and all(sizes.values())
        except (OSError, ValueError):
            complete = False
        if complete:
            return
        previous = sizes
        time.sleep(0.1)
    if killed.is_set():
        raise BuildError("Pagefind was stopped while it wrote the index")
    raise BuildError(f"Pagefind did not finish writing {bundle} within {timeout:.0f} s")


def _kill_group(process: subprocess.Popen[bytes]) -> None:
    """Stop a process and every process it started, and wait until they are all gone."""
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except ProcessLookupError:
        return
    process.wait()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            os.killpg(process.pid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.01)
