"""Command line: `python -m builder build|check`; one clean message per problem, no traceback."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from builder import config
from builder.build import Paths, build_site, read_archive
from builder.errors import ArchiveError, InputError
from builder.progress import Progress
from builder.publish import interrupts
from builder.render import report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m builder", description="Build the work-plan archive.")
    parser.add_argument("command", choices=["build", "check"], help="build the site, or only check the sources")
    parser.add_argument("--root", type=Path, default=Path("."), help="the project folder (default: .)")
    parser.add_argument("--sources", type=Path, help="the folder of plans (default: ROOT/source_docs)")
    parser.add_argument("--site-dir", type=Path, help="where to put the site (default: ROOT/site)")
    parser.add_argument("--strict", action="store_true", help="treat warnings as errors")
    parser.add_argument("--debug", action="store_true", help="show tracebacks")
    parser.add_argument("--no-search", action="store_true", help="skip the Pagefind index")
    parser.add_argument("--clean", action="store_true", help="ignore what earlier builds left (full rebuild)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.debug else logging.WARNING, format="%(message)s")
    # A signal must unwind like an error, so scratch folders are removed and site/ stays intact.
    interrupts.install()
    docs_dir = config.docs_dir()  # tests keep parallel builds' Markdown apart
    paths = Paths.under(args.root, args.sources, args.site_dir, Path(docs_dir) if docs_dir else None)
    progress = Progress()
    try:
        if args.command == "check":
            result = read_archive(paths, progress, args.strict, enrich_plans=False)
        else:
            result = build_site(paths, progress, args.strict, search=not args.no_search, reuse=not args.clean)
    except InputError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        files = len({p.path for p in error.problems})
        print(
            f"\n{len(error.problems)} problem(s) in {files} file(s); "
            f"{'nothing was checked further' if args.command == 'check' else 'site/ was left unchanged'}.",
            file=sys.stderr,
        )
        if args.debug:
            raise
        return 1
    except (ArchiveError, KeyboardInterrupt) as error:
        if args.debug:
            raise
        print(f"build stopped: {error or 'interrupted'} — site/ was left unchanged", file=sys.stderr)
        return 1
    except Exception as error:  # a bug, not bad input: still one clear message
        if args.debug:
            raise
        print(
            f"internal error: {type(error).__name__}: {error} — site/ was left unchanged; "
            "run again with --debug and report the traceback",
            file=sys.stderr,
        )
        return 2
    if args.command == "check":
        assert result.archive is not None
        print(report.check_summary(result.archive, result.warnings))
        return 0
    print(result.summary)
    if args.command == "build":
        how = {"up to date": "already up to date", "incremental": "rebuilt (changed pages only)"}
        print(f"{paths.site}: {how.get(result.mode, 'built')} — the report for editors is at report/index.html")
    return 0
