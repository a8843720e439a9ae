"""Command line: `python -m builder build|check`; one clean message per problem, no traceback."""

from __future__ import annotations

import argparse
import logging
import signal
import sys
from pathlib import Path

from .build import Paths, build_site, read_archive
from .errors import ArchiveError, InputError
from .progress import Progress


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m builder", description="Build the work-plan archive.")
    parser.add_argument("command", choices=["build", "check"], help="build the site, or only check the sources")
    parser.add_argument("--root", type=Path, default=Path("."), help="the project folder (default: .)")
    parser.add_argument("--sources", type=Path, help="the folder of plans (default: ROOT/source_docs)")
    parser.add_argument("--site-dir", type=Path, help="where to put the site (default: ROOT/site)")
    parser.add_argument("--strict", action="store_true", help="treat warnings as errors")
    parser.add_argument("--debug", action="store_true", help="show tracebacks")
    parser.add_argument("--no-search", action="store_true", help="skip the Pagefind index")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.debug else logging.WARNING, format="%(message)s")
    # A signal must unwind like an error, so scratch folders are removed and site/ stays intact.
    signal.signal(signal.SIGTERM, _interrupt)
    paths = Paths.under(args.root, args.sources, args.site_dir)
    progress = Progress()
    try:
        if args.command == "check":
            result = read_archive(paths, progress, args.strict)
        else:
            result = build_site(paths, progress, args.strict, search=not args.no_search)
    except InputError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        files = len({p.path for p in error.problems})
        print(f"\n{len(error.problems)} problem(s) in {files} file(s); "
              f"{'nothing was checked further' if args.command == 'check' else 'site/ was left unchanged'}.",
              file=sys.stderr)
        if args.debug:
            raise
        return 1
    except (ArchiveError, KeyboardInterrupt) as error:
        if args.debug:
            raise
        print(f"build stopped: {error or 'interrupted'} — site/ was left unchanged", file=sys.stderr)
        return 1
    for warning in result.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    plans = result.archive.plans
    items = sum(len(p.items) for p in plans)
    verb = "checked" if args.command == "check" else f"built {paths.site}"
    print(f"{verb}: {len(plans)} plans, {items} items, {len(result.warnings)} warning(s)")
    return 0


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt(f"signal {signum}")
