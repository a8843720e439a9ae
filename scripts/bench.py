"""The benchmark: build a synthetic archive of N plans and print what it costs.

    python scripts/bench.py --plans 1000 [--no-browser] [--keep DIR]

It generates N plans (scripts/synth.py, deterministic) into a scratch folder, builds them with
`builder.build.build_site` in a fresh process, and prints the wall time of every stage, the peak
memory, the site's sizes, the bytes Chromium fetches for a first Pagefind search, the floor (a bare
`mkdocs build` of the same Markdown with the same mkdocs.yml) and the time of a no-op rebuild and of a
rebuild after one plan changes. It prints numbers and judges them against the archive-scale targets below; it
never fails because a number is high. Every build goes into the scratch folder, never into site/.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import unicodedata
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from http.server import ThreadingHTTPServer
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

import synth  # noqa: E402
from serve import Handler as PagesHandler  # noqa: E402

from tests.browser_support import CHROMIUM, CHROMIUM_ARGS  # noqa: E402  (one definition of the flags)

PAGEFIND_STAGE = "Pagefind 索引 search index"
READ_STAGE = "读取与解析 read + parse"
BASELINE_N = 5  # the median plan page is compared with its size at N = 5
MB = 1024 * 1024
# What a run writes in its folder (docs.* are the build's caches beside the docs folder).
KEPT = (
    "source_docs",
    "site",
    "docs",
    "docs.site-stage",
    "docs.state.json",
    "docs.parse-cache",
    "floor-site",
    f"baseline-{BASELINE_N}",
)

# The archive-scale targets, at N = 1,000.
FLOOR_RATIO_MAX = 1.3
PAGE_GROWTH_MAX = 1.25
CHANGED_REBUILD_MAX = 0.25
ALIGN_MAX = 0.10  # year-over-year alignment: under 10% of a full build
PEAK_MEMORY_MAX = 1.5 * 1024 * MB
FIRST_SEARCH_MAX = 400 * 1024


# ---------------------------------------------------------------- child processes


class DescendantPeak:
    """Polls /proc for this process's descendants; keeps the largest VmHWM (peak RSS) seen.

    ru_maxrss of RUSAGE_CHILDREN is no use for Pagefind: a forked child inherits its parent's
    high-water mark across exec, so it reports the Python process's peak, not Pagefind's own.
    """

    def __init__(self, interval: float = 0.05) -> None:
        self.interval = interval
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)

    def __enter__(self) -> DescendantPeak:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _watch(self) -> None:
        while not self._stop.wait(self.interval):
            for pid in self._descendants():
                self.peak = max(self.peak, self._hwm(pid))

    @staticmethod
    def _descendants() -> list[int]:
        parents: dict[int, list[int]] = {}
        for entry in os.scandir("/proc"):
            if entry.name.isdigit():
                try:
                    stat = Path(entry.path, "stat").read_text()
                except OSError:
                    continue
                ppid = int(stat.rsplit(")", 1)[1].split()[1])
                parents.setdefault(ppid, []).append(int(entry.name))
        found, todo = [], [os.getpid()]
        while todo:
            kids = parents.get(todo.pop(), [])
            found += kids
            todo += kids
        return found

    @staticmethod
    def _hwm(pid: int) -> int:
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
        except OSError:
            pass
        return 0


def child_build(sources: Path, site_dir: Path, docs_dir: Path, search: bool = True) -> dict[str, Any]:
    """Run in a fresh process: one build_site, its stage timings and the process's peak memory."""
    started = time.perf_counter()
    from builder.build import Paths, build_site
    from builder.progress import Progress

    imported = time.perf_counter()
    progress = Progress(enabled=False)
    # root = the work folder, so a plan's `source` reads source_docs/<id>.txt as in the real archive
    # (and builder/load.py's sidecar path, relative to root, resolves); mkdocs.yml stays the project's.
    paths = dataclasses.replace(
        Paths.under(ROOT, sources=sources, site_dir=site_dir, docs_dir=docs_dir), root=sources.parent.resolve()
    )
    with DescendantPeak() as children:
        result = build_site(paths, progress, search=search)
    done = time.perf_counter()
    return {
        "imports": imported - started,
        "build": done - imported,
        "timings": progress.timings,
        "plans": len(result.archive.plans) if result.archive is not None else None,  # None: up to date
        "mode": getattr(result, "mode", "full"),
        "warnings": len(result.warnings),
        "maxrss_self": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,
        "maxrss_children": children.peak,
    }


def child_floor(docs_dir: Path, site_dir: Path) -> dict[str, Any]:
    """Run in a fresh process: a bare mkdocs build (imports included) of docs_dir with mkdocs.yml."""
    started = time.perf_counter()
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    build(load_config(str(ROOT / "mkdocs.yml"), docs_dir=str(docs_dir), site_dir=str(site_dir)))
    return {
        "floor": time.perf_counter() - started,
        "maxrss_self": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,
    }


def child_align(sources: Path, docs_dir: Path) -> dict[str, Any]:
    """Run in a fresh process after the full build: year over year timed apart. The plans and their
    words come from the build's caches; every pair of every series is aligned, nothing cached."""
    from builder.build import Paths, read_archive
    from builder.enrich.year_over_year import add_counterparts
    from builder.progress import Progress

    paths = dataclasses.replace(
        Paths.under(ROOT, sources=sources, docs_dir=docs_dir, site_dir=docs_dir.parent / "site"),
        root=sources.parent.resolve(),
    )
    result = read_archive(paths, Progress(enabled=False), related=False)
    assert result.archive is not None and result.corpus is not None
    started = time.perf_counter()
    archive = add_counterparts(result.archive, result.corpus.refs, result.corpus.documents)
    seconds = time.perf_counter() - started
    items = [item for plan in archive.plans for item in plan.items]
    relations = Counter(c.relation for item in items for c in item.counterparts)
    return {
        "seconds": seconds,
        "compared": sum(plan.previous is not None for plan in archive.plans),
        "aligned": len(archive.alignments),
        "status": dict(Counter(item.status for item in items)),
        "relations": dict(relations),
        "dropped": sum(len(plan.dropped) for plan in archive.plans),
    }


def in_child(*args: str) -> tuple[dict[str, Any], float]:
    """Run this script with a hidden --child-* command; return its JSON and the process's wall time."""
    started = time.perf_counter()
    proc = subprocess.run([sys.executable, __file__, *args], capture_output=True, text=True, cwd=ROOT, check=False)
    wall = time.perf_counter() - started
    if proc.returncode != 0:
        raise SystemExit(f"bench: {' '.join(args[:1])} failed:\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1]), wall


# ---------------------------------------------------------------- measurements in this process


def pure_stages(sources: Path) -> dict[str, float]:
    """The read + parse stage split up: the pure functions timed one by one over the same files."""
    from builder.sources import meta, regions
    from builder.sources.clean import clean
    from builder.sources.decode import decode
    from builder.sources.sidecar import parse_sidecar
    from builder.sources.structure import parse_structure

    regions.clear_caches()  # the first plan pays for loading the division data, as in a build
    spent = dict.fromkeys(("read", "clean", "parse", "metadata"), 0.0)
    for path in sorted(sources.glob("*.txt")):
        t0 = time.perf_counter()
        data = path.read_bytes()
        side = path.with_suffix(".yml")
        side_text = side.read_text(encoding="utf-8") if side.exists() else None
        text, _ = decode(data, path.name)
        t1 = time.perf_counter()
        assert text is not None
        cleaned = clean(text)
        t2 = time.perf_counter()
        structure, _ = parse_structure(cleaned.lines, path.name)
        t3 = time.perf_counter()
        if side_text is not None:
            parse_sidecar(side_text, side.name)
        meta.infer(structure.notice, structure.title.text if structure.title else None, dict(cleaned.web))
        t4 = time.perf_counter()
        for key, seconds in zip(spent, (t1 - t0, t2 - t1, t3 - t2, t4 - t3), strict=True):
            spent[key] += seconds
    return spent


READER_TARGETS = {"pdf": 0.2, "docx": 0.1}  # seconds for a 15-page PDF, for a .docx
OFFICE = ROOT / "tests" / "fixtures" / "office"


def fifteen_page_pdf() -> bytes:
    """A 15-page PDF typeset by LibreOffice: two seed PDFs' pages, cut at 15 (pypdfium2 joins them)."""
    import io

    import pypdfium2 as pdfium

    joined = pdfium.PdfDocument.new()
    for name in ("2021-qingdao-huangdao.pdf", "2019-weihai.pdf"):
        source = pdfium.PdfDocument(OFFICE / name)
        joined.import_pages(source, list(range(min(len(source), 15 - len(joined)))))
    buffer = io.BytesIO()
    joined.save(buffer)
    return buffer.getvalue()


def reader_speeds(repeat: int = 7) -> dict[str, tuple[float, str]]:
    """Median seconds to read one file with each reader (imports paid before timing), and what was read."""
    from builder.sources.readers import reader_for
    from builder.sources.readers.legacy import convert_all, soffice

    files = {
        "txt": (ROOT / "source_docs" / "2021-qingdao-huangdao.txt").read_bytes(),
        "html": (ROOT / "tests" / "fixtures" / "web" / "trs-2019-weihai.html").read_bytes(),
        "docx": (OFFICE / "2021-qingdao-huangdao.auto.docx").read_bytes(),
        "pdf": fifteen_page_pdf(),
    }
    out: dict[str, tuple[float, str]] = {}
    for kind, data in files.items():
        reader = reader_for("." + kind)
        assert reader is not None
        reader.read(data, "warm-up." + kind)
        times = []
        for _ in range(repeat):
            started = time.perf_counter()
            read = reader.read(data, "x." + kind)
            times.append(time.perf_counter() - started)
        assert read.text is not None, read.problems
        what = f"{len(data) // 1024} KB" + (", 15 pages" if kind == "pdf" else "")
        out[kind] = (statistics.median(times), what)
    if soffice() is not None:  # LibreOffice: one batch of five .doc files, start-up included
        doc = (OFFICE / "2019-weihai.doc").read_bytes()
        started = time.perf_counter()
        converted = convert_all({Path(f"{i}.doc"): doc for i in range(5)})
        assert all(converted.values())
        out["doc (×5, one LibreOffice run)"] = (time.perf_counter() - started, "then read as .docx")
    return out


def tree_bytes(folder: Path) -> tuple[int, int]:
    """(bytes, files) under folder."""
    sizes = [p.stat().st_size for p in folder.rglob("*") if p.is_file()]
    return sum(sizes), len(sizes)


def median_plan_page(site_dir: Path) -> tuple[int, int]:
    """(median bytes, count) of the plan pages' index.html."""
    sizes = [p.stat().st_size for p in (site_dir / "plans").glob("*/index.html")]
    return int(statistics.median(sizes)), len(sizes)


class _QuietHandler(PagesHandler):
    """As GitHub Pages serves the site (text gzipped), without a log line per request."""

    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextmanager
def serve(folder: Path) -> Iterator[str]:
    """Serve folder on a free local port; yield its base URL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_QuietHandler, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


SEARCH_QUERY = "课后服务"  # a visitor's query: present in many plans of the synthetic archive
LATENCY_QUERY = "食品安全"
LATENCY_QUERY_PASTED = "劳动教育"  # another query: its index words are not loaded yet either
# Chromium's "Slow 4G" (as Lighthouse throttles a mobile run): 150 ms round trips, 1.6 Mbit/s down.
SLOW_4G = {"offline": False, "latency": 150, "downloadThroughput": 1_600_000 / 8, "uploadThroughput": 750_000 / 8}
LATENCY_MAX = 0.3  # seconds from the last keystroke to results, CPU slowed 4×
SLOW_FIRST_MAX = 2.0  # seconds for a first search on slow 4G
TYPING = 1.5  # seconds a person takes to type 课后服务 through a pinyin input method (kehoufuwu, pick)
# Watches the dialog for the query's results: window.__searched resolves with the milliseconds from
# window.__typedAt (the last keystroke) to the status line that says what was found.
_WATCH_JS = """(query) => {
  const status = document.querySelector('.archive-search__status');
  window.__searched = new Promise((resolve) => {
    const seen = new MutationObserver(() => {
      if (status.textContent.includes(query) && !status.textContent.includes('正在')) {
        seen.disconnect();
        resolve({ms: performance.now() - window.__typedAt, status: status.textContent,
                 hits: document.querySelectorAll('.archive-hit').length});
      }
    });
    seen.observe(status, {childList: true, characterData: true, subtree: true});
  });
}"""
_PASTE_JS = """(query) => {
  const input = document.getElementById('archive-search-input');
  window.__typedAt = performance.now();
  input.value = query;
  input.dispatchEvent(new Event('input', {bubbles: true}));
}"""


def _type(tab: Any, query: str, ime: bool = False) -> dict[str, Any]:
    """Enter a query into the open dialog and wait for its results. ime: as a pinyin input method
    types it (composed, then committed: the commit is the last keystroke); else pasted at once."""
    tab.fill("#archive-search-input", "")
    tab.evaluate(_WATCH_JS, query)
    if ime:
        cdp = tab.context.new_cdp_session(tab)
        tab.focus("#archive-search-input")
        cdp.send("Input.imeSetComposition", {"text": "pin", "selectionStart": 3, "selectionEnd": 3})
        tab.evaluate("window.__typedAt = performance.now()")
        cdp.send("Input.insertText", {"text": query})
        cdp.detach()
    else:
        tab.evaluate(_PASTE_JS, query)
    return dict(tab.evaluate("window.__searched"))


@dataclass
class SearchCost:
    """What the browser fetched from pagefind/ for one first query (the worker's fetches included)."""

    results: int  # hits shown
    first_url: str | None  # the dialog's status line
    requests: list[dict[str, Any]] = field(default_factory=list)  # url, transfer, body
    latency: float = 0.0  # seconds from a query's last keystroke (an input method's commit) to its results, CPU 4×
    latency_pasted: float = 0.0  # the same, the query pasted (searched 80 ms after the last change)
    slow_first: float = 0.0  # seconds for a first search on slow 4G, the query entered as the dialog opens
    slow_typed: float = 0.0  # the same, from the last keystroke of a person typing (TYPING s after opening)

    @property
    def transfer(self) -> int:
        return sum(r["transfer"] for r in self.requests)

    @property
    def body(self) -> int:
        return sum(r["body"] for r in self.requests)

    def by_kind(self) -> dict[str, tuple[int, int]]:
        """kind → (requests, bytes transferred); kinds: js, wasm, entry, meta, index, fragment."""
        kinds: dict[str, tuple[int, int]] = {}
        for r in self.requests:
            name = r["url"].split("?")[0].rsplit("/", 1)[-1]
            kind = (
                "search/*.json"
                if "/search/" in r["url"]
                else "fragment"
                if "/fragment/" in r["url"]
                else "index"
                if "/index/" in r["url"]
                else "wasm"
                if name.startswith("wasm")
                else "meta"
                if name.endswith("pf_meta")
                else "entry"
                if name.endswith(".json")
                else "js"
                if name.endswith(".js")
                else name
            )
            count, total = kinds.get(kind, (0, 0))
            kinds[kind] = (count + 1, total + r["transfer"])
        return kinds


def first_search(site_dir: Path, page: str = "", query: str = SEARCH_QUERY) -> SearchCost:
    """Open a page of the built site in Chromium, type a query into the search dialog, wait for its
    results; count what the browser fetched for it (pagefind/ and search/, the worker's fetches too:
    performance.getEntriesByType in the page misses those), then time a second query with the CPU
    slowed 4×, and a first search on a slow 4G connection in a fresh context."""
    from playwright.sync_api import Response, sync_playwright

    responses: list[Response] = []
    with serve(site_dir) as base, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            context = browser.new_context()  # a cold cache
            context.on("response", lambda response: responses.append(response))
            tab = context.new_page()
            tab.goto(base + page, wait_until="load")
            tab.click("[data-archive-search-open]")
            outcome = _type(tab, query)
            tab.wait_for_load_state("networkidle")
            requests: dict[str, dict[str, Any]] = {}
            for response in responses:
                sizes = response.request.sizes()
                body = sizes["responseBodySize"]
                searching = "/pagefind/" in response.url or "/search/" in response.url
                if searching and body >= requests.get(response.url, {}).get("body", -1):
                    # a URL fetched twice (the worker's script: once fetched, once from the cache) counts once
                    requests[response.url] = {
                        "url": response.url,
                        "body": body,
                        "transfer": body + sizes["responseHeadersSize"],
                    }
            cdp = context.new_cdp_session(tab)
            cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})
            slowed = _type(tab, LATENCY_QUERY, ime=True)
            pasted = _type(tab, LATENCY_QUERY_PASTED)
            cdp.send("Emulation.setCPUThrottlingRate", {"rate": 1})
            slow_first, slow_typed = (_slow_first_search(browser, base + page, query, wait) for wait in (0, TYPING))
        finally:
            browser.close()
    return SearchCost(
        outcome["hits"],
        outcome["status"],
        list(requests.values()),
        latency=slowed["ms"] / 1000,
        latency_pasted=pasted["ms"] / 1000,
        slow_first=slow_first,
        slow_typed=slow_typed,
    )


def _slow_first_search(browser: Any, url: str, query: str, typing: float) -> float:
    """Seconds from the query's last keystroke to its results, on slow 4G, cold cache: the dialog
    opened `typing` seconds before (search loads its index meanwhile, as a person types)."""
    context = browser.new_context()
    try:
        tab = context.new_page()
        tab.goto(url, wait_until="load")
        network = context.new_cdp_session(tab)
        network.send("Network.enable")
        network.send("Network.emulateNetworkConditions", SLOW_4G)
        tab.click("[data-archive-search-open]")
        if typing:
            tab.wait_for_timeout(typing * 1000)
        return float(_type(tab, query, ime=True)["ms"]) / 1000
    finally:
        context.close()


def change_one_plan(sources: Path) -> Path:
    """Edit the text of the middle plan (a few characters in its last sentence); return its path."""
    files = sorted(sources.glob("*.txt"))
    target = files[len(files) // 2]
    text = target.read_text(encoding="utf-8")
    at = text.rfind("。")
    target.write_text(text[:at] + "（已修订）" + text[at:] if at >= 0 else text + "\n（已修订）\n", encoding="utf-8")
    return target


# ---------------------------------------------------------------- the run


@dataclass
class Run:
    """Every figure of one benchmark run."""

    n: int
    work: Path
    figures: dict[str, Any] = field(default_factory=dict)


def build_in(
    work: Path, n: int, random_seed: int, originals: bool = False
) -> tuple[list[synth.SynthPlan], dict[str, Any], float]:
    sources = work / "source_docs"
    if sources.exists():
        shutil.rmtree(sources)
    plans = synth.generate(n, sources, random_seed, originals=originals)
    stats, wall = in_child("--child-build", str(sources), str(work / "site"), str(work / "docs"))
    return plans, stats, wall


def run(n: int, work: Path, browser: bool, random_seed: int, baseline: bool, originals: bool = True) -> Run:
    """Generate, build, measure; returns the figures (also printed as they come)."""
    out = Run(n, work)
    f = out.figures
    f["load_start"] = os.getloadavg()
    started = time.perf_counter()
    plans, full, full_wall = build_in(work, n, random_seed, originals)
    f["generate"] = time.perf_counter() - started - full_wall  # build_in generates, then builds
    f["plans"], f["full"], f["full_wall"] = plans, full, full_wall
    f["pure"] = pure_stages(work / "source_docs")
    f["align"], _ = in_child("--child-align", str(work / "source_docs"), str(work / "docs"))
    f["readers"] = reader_speeds()
    f["site_bytes"] = tree_bytes(work / "site")
    published = [p for p in (work / "site" / "plans").glob("*/*") if p.is_file() and p.name != "index.html"]
    kinds = Counter(p.suffix.lstrip(".") for p in published)
    f["originals_bytes"] = (sum(p.stat().st_size for p in published), ", ".join(f"{n:,} {k}" for k, n in kinds.items()))
    f["docs_bytes"] = tree_bytes(work / "docs")
    f["pagefind_bytes"] = tree_bytes(work / "site" / "pagefind")
    f["median_page"] = median_plan_page(work / "site")
    floor_site = work / "floor-site"
    f["floor"], _ = in_child("--child-floor", str(work / "docs"), str(floor_site))
    shutil.rmtree(floor_site, ignore_errors=True)
    # Pagefind indexes beside rendering and mkdocs, so "Pagefind aside" is a build of its own.
    plain = work / "no-search"
    f["plain"], _ = in_child("--child-build-plain", str(work / "source_docs"), str(plain / "site"), str(plain / "docs"))
    shutil.rmtree(plain, ignore_errors=True)
    if baseline and n != BASELINE_N:
        build_in(work / f"baseline-{BASELINE_N}", BASELINE_N, random_seed)
        f["baseline_page"] = median_plan_page(work / f"baseline-{BASELINE_N}" / "site")
    if browser:
        f["search"] = first_search(work / "site")
    f["noop"], f["noop_wall"] = in_child(
        "--child-build", str(work / "source_docs"), str(work / "site"), str(work / "docs")
    )
    f["changed_file"] = change_one_plan(work / "source_docs").name
    f["changed"], f["changed_wall"] = in_child(
        "--child-build", str(work / "source_docs"), str(work / "site"), str(work / "docs")
    )
    f["load_end"] = os.getloadavg()
    return out


# ---------------------------------------------------------------- printing


def _width(text: str) -> int:
    """Columns on a terminal: CJK characters take two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _row(label: str, value: str, note: str = "") -> str:
    pad = " " * max(0, 46 - _width(label))
    return f"  {label}{pad} {value:>14}  {note}".rstrip()


def _mb(n: float) -> str:
    return f"{n / MB:,.1f} MB"


def _kb(n: float) -> str:
    return f"{n / 1024:,.1f} KB"


def _loads(loads: tuple[float, float, float]) -> str:
    return "/".join(f"{x:.1f}" for x in loads)


def _verdict(ok: bool) -> str:
    return "met" if ok else "MISSED"


def report(r: Run) -> str:
    """The readable table."""
    f = r.figures
    plans: list[synth.SynthPlan] = f["plans"]
    full = f["full"]
    t = full["timings"]
    pure = f["pure"]
    regions = {p.region for p in plans}
    lines = [
        f"Benchmark: {r.n} synthetic plans ({len(regions)} regions in {len({p.region[0] for p in plans})} provinces, "
        f"years {min(p.year for p in plans)}–{max(p.year for p in plans)}); {os.cpu_count()} CPUs; "
        f"Python {sys.version.split()[0]}",
        f"work folder: {r.work}   (generating the plans took {f['generate']:.1f} s)",
        f"load average (1, 5, 15 min) at start {_loads(f['load_start'])}, at end {_loads(f['load_end'])}: "
        "other work on the machine inflates every time below",
        "",
        "Full build (python scripts/bench.py --child-build: build_site in a fresh process)        seconds",
    ]
    staged = 0.0
    for label, seconds in t.items():
        staged += seconds
        lines.append(_row(label, f"{seconds:.2f}"))
        if label == READ_STAGE:
            lines += [
                _row("  read: bytes + decode (timed apart)", f"{pure['read']:.2f}"),
                _row("  clean (timed apart)", f"{pure['clean']:.2f}"),
                _row("  parse_structure (timed apart)", f"{pure['parse']:.2f}"),
                _row("  sidecar + infer metadata (timed apart)", f"{pure['metadata']:.2f}", "(cold division cache)"),
            ]
    lines += ["  readers, one file each (median of 7, in this process):"]
    for kind, (seconds, what) in f["readers"].items():
        target = READER_TARGETS.get(kind)
        verdict = f" — target < {target} s — {_verdict(seconds < target)}" if target else ""
        lines.append(_row(f"    {kind}", f"{seconds:.3f}", f"({what}){verdict}"))
    lines += [
        _row("other (write Markdown, swap folders)", f"{full['build'] - staged:.2f}"),
        _row("build_site total", f"{full['build']:.2f}"),
        _row(
            "build_site without Pagefind",
            f"{f['plain']['build']:.2f}",
            "(a build with search off: Pagefind runs beside rendering and mkdocs,"
            f" and the full build waited {t.get(PAGEFIND_STAGE, 0.0):.2f} s for it after mkdocs)",
        ),
        _row("process wall (start-up and imports too)", f"{f['full_wall']:.2f}", f"(imports {full['imports']:.2f} s)"),
        _row("plans built / warnings", f"{full['plans']} / {full['warnings']}", f"({full.get('mode', 'full')} build)"),
        "",
    ]
    align = f["align"]
    align_share = align["seconds"] / full["build"]
    lines += [
        "Year over year (every two plans of a series aligned: the pages and the picker; timed apart, no cache)",
        _row(
            "alignment",
            f"{align['seconds']:.2f} s",
            f"{align_share:.1%} of the full build — target < 10% — {_verdict(align_share < ALIGN_MAX)}",
        ),
        _row("plans with a previous plan / pairs aligned", f"{align['compared']:,} / {align['aligned']:,}"),
        _row(
            "items: " + " / ".join(align["status"]),
            " / ".join(f"{n:,}" for n in align["status"].values()),
            "; counterparts: " + ", ".join(f"{n:,} {k}" for k, n in align["relations"].items()),
        ),
        _row("previous plans' items dropped", f"{align['dropped']:,}"),
        "",
    ]
    floor = f["floor"]["floor"]
    ours = f["plain"]["build"]
    ratio = ours / floor if floor else float("nan")
    lines += [
        "Floor: bare mkdocs build of the same Markdown, same mkdocs.yml, search off (imports included)",
        _row("floor mkdocs build", f"{floor:.2f} s"),
        _row(
            "ratio: our build (Pagefind aside) / floor",
            f"{ratio:.2f}×",
            f"target ≤ {FLOOR_RATIO_MAX}× — {_verdict(ratio <= FLOOR_RATIO_MAX)}",
        ),
        "",
    ]
    peak = max(full["maxrss_self"], full["maxrss_children"])
    together = full["maxrss_self"] + full["maxrss_children"]  # at most: Pagefind runs beside the build
    lines += [
        "Peak memory (ru_maxrss of the build process)",
        _row("Python build process", _mb(full["maxrss_self"])),
        _row("largest child (Pagefind)", _mb(full["maxrss_children"])),
        _row("peak", _mb(peak), f"target < 1.5 GB — {_verdict(peak < PEAK_MEMORY_MAX)}"),
        _row("both at once, at most", _mb(together), "(the two peaks added: they run side by side)"),
        _row("floor mkdocs process (for comparison)", _mb(f["floor"]["maxrss_self"])),
        "",
    ]
    site_bytes, site_files = f["site_bytes"]
    docs_bytes, docs_files = f["docs_bytes"]
    pf_bytes, pf_files = f["pagefind_bytes"]
    median, pages = f["median_page"]
    lines += [
        "Sizes",
        _row("site total", f"{site_bytes:,} B", f"{site_files:,} files ({_mb(site_bytes)}; GitHub Pages allows 1 GB)"),
        _row(
            "published originals (in the total)",
            f"{f['originals_bytes'][0]:,} B",
            f"{f['originals_bytes'][1]} ({_mb(f['originals_bytes'][0])})",
        ),
        _row("generated Markdown (docs folder)", f"{docs_bytes:,} B", f"{docs_files:,} files"),
        _row("median plan page HTML", f"{median:,} B", f"of {pages:,} plan pages"),
    ]
    if "baseline_page" in f:
        base = f["baseline_page"][0]
        growth = median / base
        lines.append(
            _row(
                f"  vs median plan page at N = {BASELINE_N}",
                f"{growth:.3f}×",
                f"({base:,} B) target ≤ {PAGE_GROWTH_MAX}× — {_verdict(growth <= PAGE_GROWTH_MAX)}",
            )
        )
    lines += [_row("Pagefind index (site/pagefind)", f"{pf_bytes:,} B", f"{pf_files:,} files ({_mb(pf_bytes)})"), ""]
    if "search" in f:
        s: SearchCost = f["search"]
        lines += [
            f"First search in Chromium (home page: open the dialog, type {SEARCH_QUERY}, results shown)",
            _row("pagefind/*, search/* requests", f"{len(s.requests)}", f"{s.results:,} hits shown; “{s.first_url}”"),
        ]
        for kind, (count, size) in sorted(s.by_kind().items(), key=lambda kv: -kv[1][1]):
            lines.append(_row(f"  {kind} ({count} request{'s' if count > 1 else ''})", f"{size:,} B"))
        lines += [
            _row(
                "bytes transferred (headers included)",
                f"{s.transfer:,} B",
                f"{_kb(s.transfer)}; target < 400 KB — {_verdict(s.transfer < FIRST_SEARCH_MAX)}",
            ),
            _row("  of which response bodies", f"{s.body:,} B", "(text gzipped, as GitHub Pages serves it)"),
            _row(
                f"  next query ({LATENCY_QUERY}) to results, CPU 4× slower",
                f"{s.latency:.3f} s",
                f"typed with an input method; target < {LATENCY_MAX} s — {_verdict(s.latency < LATENCY_MAX)}",
            ),
            _row(
                f"    another ({LATENCY_QUERY_PASTED}), pasted",
                f"{s.latency_pasted:.3f} s",
                f"searched 80 ms after the last change; target < {LATENCY_MAX} s — "
                + _verdict(s.latency_pasted < LATENCY_MAX),
            ),
            _row(
                "  first search on slow 4G (150 ms, 1.6 Mbit/s)",
                f"{s.slow_first:.2f} s",
                f"query entered as the dialog opens; target < {SLOW_FIRST_MAX} s — "
                + _verdict(s.slow_first < SLOW_FIRST_MAX),
            ),
            _row(
                f"    from the last keystroke, typed over {TYPING} s",
                f"{s.slow_typed:.2f} s",
                f"target < {SLOW_FIRST_MAX} s — {_verdict(s.slow_typed < SLOW_FIRST_MAX)}",
            ),
            "",
        ]
    else:
        lines += ["First search in Chromium: skipped (--no-browser)", ""]
    noop, changed = f["noop"], f["changed"]
    noop_share = noop["build"] / full["build"]
    changed_share = changed["build"] / full["build"]
    lines += [
        "Rebuilds (build_site again in a fresh process, same folders)",
        _row(
            "no-op rebuild",
            f"{noop['build']:.2f} s",
            f"{noop_share:.0%} of the full build; wall {f['noop_wall']:.2f} s — target: faster than the "
            f"one-change rebuild, so ≤ 25% too — "
            f"{_verdict(noop['build'] < changed['build'] and noop_share <= CHANGED_REBUILD_MAX)}",
        ),
        _row(
            "rebuild after one plan changes",
            f"{changed['build']:.2f} s",
            f"{changed_share:.0%} of the full build; wall {f['changed_wall']:.2f} s — "
            f"target ≤ 25% — {_verdict(changed_share <= CHANGED_REBUILD_MAX)}",
        ),
        _row("  changed plan", f["changed_file"]),
        f"  modes: no-op rebuild {noop.get('mode', '?')}, one-change rebuild {changed.get('mode', '?')}",
        "  stages of the one-change rebuild: "
        + ", ".join(
            f"{k.split()[-1] if k != PAGEFIND_STAGE else 'pagefind'} {v:.2f}" for k, v in changed["timings"].items()
        ),
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--plans", type=int, default=1000, help="how many synthetic plans (default 1000)")
    parser.add_argument("--no-browser", action="store_true", help="skip the Chromium first-search measurement")
    parser.add_argument("--no-baseline", action="store_true", help=f"skip the N = {BASELINE_N} page-size baseline")
    parser.add_argument("--no-originals", action="store_true", help="plans as .txt only, no saved web page beside each")
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it (default: a temporary one)")
    parser.add_argument("--seed", type=int, default=2024, help="the generator's random seed")
    parser.add_argument("--child-build", nargs=3, type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--child-build-plain", nargs=3, type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--child-floor", nargs=2, type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--child-align", nargs=2, type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child_align:
        print(json.dumps(child_align(*args.child_align)))
        return 0
    if args.child_build:
        print(json.dumps(child_build(*args.child_build)))
        return 0
    if args.child_build_plain:
        print(json.dumps(child_build(*args.child_build_plain, search=False)))
        return 0
    if args.child_floor:
        print(json.dumps(child_floor(*args.child_floor)))
        return 0
    if args.plans < 1:
        parser.error("--plans must be at least 1")
    work = args.keep.resolve() if args.keep else Path(tempfile.mkdtemp(prefix="workplan-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    for old in KEPT:  # a kept folder from an earlier run must not make the full build a rebuild
        shutil.rmtree(work / old, ignore_errors=True)
    try:
        result = run(
            args.plans,
            work,
            browser=not args.no_browser,
            random_seed=args.seed,
            baseline=not args.no_baseline,
            originals=not args.no_originals,
        )
        print(report(result), flush=True)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
