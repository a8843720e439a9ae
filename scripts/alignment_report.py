"""How the year-over-year aligner (builder/enrich/align.py) does against hand labels.

Reads the seeds, aligns each labelled pair of plans (tests/fixtures/alignment/*.yml, labelled by
reading both plans) and prints precision and recall on pairs, and F1 on the new and the dropped
items. Usage: python scripts/alignment_report.py
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from builder.enrich.align import Doc, Link, align, idf_of  # noqa: E402

LABELS = ROOT / "tests" / "fixtures" / "alignment"


@dataclass(frozen=True)
class Figures:
    precision: float
    recall: float
    new_f1: float
    dropped_f1: float
    found: list[Link]


def f1(found: set[str], expected: set[str]) -> float:
    if not found and not expected:
        return 1.0
    hit = len(found & expected)
    return 2 * hit / (len(found) + len(expected)) if found or expected else 1.0


def figures(label: dict, docs: dict[str, list[Doc]], idf: dict[str, float] | None = None) -> Figures:
    """The labels against the aligner as the build runs it (IDF over the two plans), or with `idf`."""
    earlier, later = docs[label["earlier"]], docs[label["later"]]
    found = align(earlier, later, idf)
    pairs = {(link.earlier, link.later) for link in found}
    expected = {(p["earlier"], p["later"]) for p in label["pairs"]}
    hit = len(pairs & expected)
    new = {d.anchor for d in later} - {b for _, b in pairs}
    dropped = {d.anchor for d in earlier} - {a for a, _ in pairs}
    return Figures(
        hit / len(pairs) if pairs else 1.0,
        hit / len(expected) if expected else 1.0,
        f1(new, set(label["new"])),
        f1(dropped, set(label["dropped"])),
        found,
    )


def seed_docs() -> tuple[dict[str, list[Doc]], dict[str, float]]:
    """Each seed plan's items as Docs (their related-items words), and the seeds' IDF."""
    from builder.build import Paths, read_archive
    from builder.progress import Progress

    tmp = ROOT / "build" / "alignment"
    paths = Paths.under(ROOT, site_dir=tmp / "site", docs_dir=tmp / "docs")
    result = read_archive(paths, Progress(enabled=False), related=False)
    assert result.archive is not None and result.corpus is not None
    corpus = result.corpus
    docs: dict[str, list[Doc]] = {}
    for ref, plan_id, words in zip(corpus.refs, corpus.groups, corpus.documents, strict=True):
        docs.setdefault(plan_id, []).append(Doc(ref.split("#", 1)[1], words))
    return docs, idf_of(corpus.documents)


def main() -> int:
    docs, _ = seed_docs()
    for path in sorted(LABELS.glob("*.yml")):
        label = yaml.safe_load(path.read_text(encoding="utf-8"))
        f = figures(label, docs)
        print(
            f"{path.name}: pairs precision {f.precision:.2f} recall {f.recall:.2f} · "
            f"new F1 {f.new_f1:.2f} · dropped F1 {f.dropped_f1:.2f} ({len(f.found)} pairs found, "
            f"{len(label['pairs'])} labelled)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
