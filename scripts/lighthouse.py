"""Lighthouse (mobile) on a built site, served as GitHub Pages serves it (gzipped): the home page,
the largest plan page, the largest theme overview, the largest year page and the largest
year-over-year comparison. Prints the four
scores of each against the targets (performance and SEO ≥ 0.95, accessibility and best practices
1.00) and exits 1 when one is missed.

Usage: python scripts/lighthouse.py [--dir site]   (make lighthouse; lighthouse comes from
.tools/, installed by `make lighthouse` from the npm registry at a pinned version; Chromium is
Debian's /usr/bin/chromium)
"""

from __future__ import annotations

import argparse
import functools
import http.server
import json
import os
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from serve import Handler  # noqa: E402

LIGHTHOUSE = ROOT / ".tools" / "node_modules" / ".bin" / "lighthouse"
TARGETS = {"performance": 0.95, "accessibility": 1.0, "best-practices": 1.0, "seo": 0.95}
CHROME_FLAGS = (
    "--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking "
    "--disable-component-update --disable-sync"
)


class Quiet(Handler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def largest(folder: Path, pattern: str) -> str:
    """The path (under the site) of the largest page matching pattern, e.g. plans/*/index.html."""
    pages = sorted(folder.glob(pattern), key=lambda p: (p.stat().st_size, str(p)))
    return str(pages[-1].parent.relative_to(folder)) + "/" if pages else ""


def pages(site: Path) -> dict[str, str]:
    found = {
        "home": "",
        "largest plan": largest(site, "plans/*/index.html"),
        "largest theme": largest(site, "themes/*/index.html"),
        "largest year": largest(site, "years/*/index.html"),
        "largest comparison": largest(site, "regions/*/compare/*/index.html"),
    }
    return {name: path for name, path in found.items() if path or name == "home"}


def audit(url: str) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as out:
        report = Path(out) / "report.json"
        subprocess.run(
            [
                str(LIGHTHOUSE),
                url,
                "--quiet",
                "--form-factor=mobile",
                "--only-categories=" + ",".join(TARGETS),
                "--output=json",
                f"--output-path={report}",
                f"--chrome-flags={CHROME_FLAGS} --user-data-dir={Path(out) / 'profile'}",
            ],
            check=True,
            env={**os.environ, "CHROME_PATH": "/usr/bin/chromium"},
            timeout=300,
        )
        categories = json.loads(report.read_text(encoding="utf-8"))["categories"]
    return {name: float(categories[name]["score"] or 0) for name in TARGETS}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--dir", default="site")
    args = parser.parse_args()
    site = Path(args.dir).resolve()
    if not LIGHTHOUSE.exists():
        print("lighthouse is not installed: run `make lighthouse`", file=sys.stderr)
        return 2
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    missed = []
    print(f"Lighthouse {', '.join(TARGETS)} (mobile, gzipped) on {site}")
    try:
        for name, path in pages(site).items():
            scores = audit(base + path)
            marks = []
            for category, score in scores.items():
                ok = score >= TARGETS[category]
                marks.append(f"{category} {score:.2f}{'' if ok else ' MISSED'}")
                if not ok:
                    missed.append(f"{name} {category}")
            print(f"  {name:<18} /{path:<40} " + " · ".join(marks))
    finally:
        server.shutdown()
    print("all met" if not missed else "missed: " + "; ".join(missed))
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
