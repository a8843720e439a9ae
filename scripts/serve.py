"""Serve site/ as GitHub Pages does: gzip for text, a short cache lifetime, 404.html for misses.

Used by `make serve` and to measure pages (Lighthouse) under realistic conditions.
Usage: python scripts/serve.py [--port 8000] [--dir site] [--prefix /repo/]
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
from pathlib import Path

_TEXT = (".html", ".css", ".js", ".json", ".xml", ".csv", ".svg", ".txt")


class Handler(http.server.SimpleHTTPRequestHandler):
    prefix = "/"

    def translate_path(self, path: str) -> str:
        if self.prefix != "/" and path.startswith(self.prefix):
            path = "/" + path[len(self.prefix) :]
        return super().translate_path(path)

    def send_head(self):  # type: ignore[no-untyped-def]
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()  # the redirect to the folder's URL
            path = path / "index.html"
        status = 200
        if not path.is_file():
            path, status = Path(self.directory) / "404.html", 404
        data = path.read_bytes()
        gzipped = path.suffix in _TEXT and "gzip" in self.headers.get("Accept-Encoding", "")
        if gzipped:
            data = gzip.compress(data, mtime=0)
        self.send_response(status)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "max-age=600")  # what GitHub Pages sends
        if gzipped:
            self.send_header("Content-Encoding", "gzip")
        self.end_headers()
        import io

        return io.BytesIO(data)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--dir", default="site")
    parser.add_argument("--prefix", default="/", help="serve under a sub-path, e.g. /workplan-archive/")
    args = parser.parse_args()
    Handler.prefix = args.prefix
    handler = functools.partial(Handler, directory=args.dir)
    with http.server.ThreadingHTTPServer(("127.0.0.1", args.port), handler) as server:
        print(f"serving {args.dir} at http://127.0.0.1:{args.port}{args.prefix}")
        server.serve_forever()


if __name__ == "__main__":
    main()
