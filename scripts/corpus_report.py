"""How the archive reads the corpus of real plans: structure and themes, per half of the split.

    python scripts/corpus_report.py [--plans] [--themes] [--diff NAME]

Prints, for the tuning half and the held-out half: crashes, refusals, the plans whose structure
(the number, nesting and title of every part, subpart, item and sub-item) matches the labels
exactly, and theme precision and recall against the hand labels (overall, on items mainly about a
theme, and per theme). `--diff NAME` shows one plan's labelled and parsed outlines side by side.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests import corpus_support as corpus  # noqa: E402


def _flat(outline: corpus.Outline, indent: str = "") -> list[str]:
    lines: list[str] = []
    for node in outline:
        if node[0] == "items":
            for item in node[1]:
                lines.append(f"{indent}{item[0]} {item[1]}")
                lines.extend(f"{indent}    ({s[0]}) {s[1]}" for s in item[2])
            continue
        lines.append(f"{indent}[{node[0]}] {node[1]}")
        for item in node[2]:
            lines.append(f"{indent}  {item[0]} {item[1]}")
            lines.extend(f"{indent}      ({s[0]}) {s[1]}" for s in item[2])
        lines.extend(_flat(node[3], indent + "  "))
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plans", action="store_true", help="one line per plan")
    parser.add_argument("--themes", action="store_true", help="per-theme figures")
    parser.add_argument("--diff", help="a plan's labelled and parsed outlines, line by line")
    parser.add_argument("--agreement", action="store_true", help="how far the blind second readings agree")
    args = parser.parse_args(argv)
    if args.agreement:
        return agreement()
    entries = [corpus.load(p) for p in corpus.files()]
    if args.diff:
        (entry,) = [e for e in entries if e.name == args.diff]
        want, got = _flat(entry.expected), _flat(entry.got)
        for i in range(max(len(want), len(got))):
            a, b = (want[i] if i < len(want) else ""), (got[i] if i < len(got) else "")
            print(f"{'  ' if a == b else '≠ '}{a[:60]:<62} {b[:60]}")
        for p in entry.problems:
            print(" ", p)
        return 0
    tag = corpus.tagger()
    for half in ("tuning", "heldout"):
        chosen = [e for e in entries if corpus.half(e.name) == half]
        crashes = [e for e in chosen if e.crash]
        refused = [e for e in chosen if e.plan is None and not e.crash]
        exact = [e for e in chosen if e.exact]
        print(f"== {half}: {len(chosen)} plans")
        print(
            f"   crashes {len(crashes)}, refusals {len(refused)}, exact structure {len(exact)}/{len(chosen)}"
            f" ({len(exact) / max(1, len(chosen)):.0%})"
        )
        if args.plans:
            for e in chosen:
                state = (
                    "CRASH " + str(e.crash)
                    if e.crash
                    else "refused"
                    if e.plan is None
                    else "exact"
                    if e.exact
                    else "differs"
                )
                print(f"   {e.name:55} {state}")
                if e.plan is None and not e.crash:
                    print("      " + "; ".join(p.message for p in e.problems if p.severity == "error"))
        scores, missing = corpus.score_themes(chosen, tag)
        total = corpus.overall(scores)
        print(f"   themes: {_figures(total)}; labelled items not found {len(missing)}")
        if args.themes:
            for s in scores:
                if s.tp + s.fp + s.fn:
                    print(
                        f"     {s.slug:18} precision {s.precision:.2f} recall {s.recall:.2f}"
                        f"  (tp {s.tp}, fp {s.fp}, fn {s.fn})"
                    )
    return 0


def _figures(score: corpus.ThemeScore) -> str:
    about = score.about_found / score.about_total if score.about_total else 1.0
    return (
        f"precision {score.precision:.2f}, recall {score.recall:.2f}, recall on 'about' {about:.2f}"
        f" (tp {score.tp}, fp {score.fp}, fn {score.fn})"
    )


def agreement() -> int:
    """The held-out half's second readings against its labels, and against each other: how far
    reading gets, to set beside the tagger's figures."""
    labels, readings = corpus.theme_labels(), corpus.second_readings()
    slugs = [t.slug for t in corpus.tagger().themes]
    for name, reading in readings.items():
        print(f"reader {name} against the labels: {_figures(corpus.score_reading(labels, reading, slugs))}")
    names = list(readings)
    for i, first in enumerate(names):
        for other in names[i + 1 :]:
            score = corpus.score_reading(readings[first], readings[other], slugs)
            print(f"reader {other} against reader {first}: {_figures(score)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
