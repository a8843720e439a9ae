"""Helpers for the browser tests: serve a folder on a free port, launch Debian's chromium."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, ClassVar

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SCREENSHOTS = Path(__file__).resolve().parent.parent / "build" / "screenshots"


def _handler(folder: Path, prefix: str) -> type[http.server.SimpleHTTPRequestHandler]:
    """A static handler like GitHub Pages: folder under /<prefix>/ only, 404.html for what is missing."""
    head = f"/{prefix}/" if prefix else "/"

    class Handler(http.server.SimpleHTTPRequestHandler):
        extensions_map: ClassVar[dict[str, str]] = {
            **http.server.SimpleHTTPRequestHandler.extensions_map,
            ".js": "text/javascript",
            ".wasm": "application/wasm",
            ".xml": "application/xml",
            ".csv": "text/csv; charset=utf-8",
        }

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, directory=str(folder), **kwargs)

        def translate_path(self, path: str) -> str:
            clean = path.split("?", 1)[0].split("#", 1)[0]
            if not (clean + "/").startswith(head) and clean != head.rstrip("/"):
                return str(folder / "__outside_the_site__")  # a root-relative link fails here
            return super().translate_path("/" + clean[len(head) :])

        def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
            page = folder / "404.html"
            if code != 404 or not page.exists():
                super().send_error(code, message, explain)
                return
            body = page.read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)

        def log_message(self, format: str, *args: Any) -> None:  # keep test output clean
            pass

    return Handler


@contextmanager
def serve(folder: Path, prefix: str = "") -> Iterator[str]:
    """Serve folder at http://127.0.0.1:<free port>/<prefix>/ in a thread; yield that URL.

    The folder may be filled after the server starts (a sub-path build needs the port first).
    """
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _handler(folder, prefix))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/" + (f"{prefix}/" if prefix else "")
    finally:
        server.shutdown()
        server.server_close()


def launch(playwright: Any) -> Any:
    """Debian's chromium, headless, with no background traffic."""
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


def screenshot(page: Any, name: str, **options: Any) -> Path:
    """Keep a screenshot under build/screenshots/ (a test artifact, looked at by people)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), **options)
    return path


def search(page: Any, query: str) -> list[dict[str, str]]:
    """Open the header search, type the query key by key, return the results shown."""
    if not page.locator("#archive-search").evaluate("d => d.open"):
        page.click("[data-archive-search-open]")
    box = page.locator("#archive-search-input")
    box.fill("")
    box.press_sequentially(query, delay=60)
    page.wait_for_function(
        "q => { const s = document.querySelector('.archive-search__status').textContent;"
        " return (s.includes('条包含') || s.startsWith('没有') || s.startsWith('共 '))"
        " && !document.querySelector('.archive-search__results[aria-busy]'); }",
        arg=query,
        timeout=15_000,
    )
    page.wait_for_timeout(300)  # a last debounced search may still be rendering
    more = page.locator(".archive-search__more:visible")
    while more.count():  # every page of results (ten at a time)
        more.first.click()
        page.wait_for_timeout(150)
    return page.eval_on_selector_all(
        ".archive-hit a",
        """links => links.map(a => ({
        href: a.getAttribute('href'),
        title: a.querySelector('.archive-hit__title').textContent,
        plan: a.querySelector('.archive-hit__plan').textContent}))""",
    )
