"""How the year-over-year aligner (builder/enrich/align.py) does against hand labels.

Aligns each labelled pair of plans (tests/fixtures/alignment/*.yml, labelled by reading both plans)
and prints precision and recall on pairs and F1 on the new and the dropped items, per pair and over
each set. The 绍兴一中 pairs (plans of tests/corpus/) and the synthetic series are the tuning set;
威海 2019 ↔ 2025 (the seeds) is the test set, only measured. Usage: python scripts/alignment_report.py
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from builder.enrich.align import Doc, Link, align  # noqa: E402

LABELS = ROOT / "tests" / "fixtures" / "alignment"
TEST = ("weihai-2019-2025.yml",)  # the test set: never tuned on


@dataclass(frozen=True)
class Figures:
    pairs_found: int
    pairs_labelled: int
    hits: int
    new: tuple[int, int, int]  # found, labelled, both
    dropped: tuple[int, int, int]
    found: list[Link]

    @property
    def precision(self) -> float:
        return self.hits / self.pairs_found if self.pairs_found else 1.0

    @property
    def recall(self) -> float:
        return self.hits / self.pairs_labelled if self.pairs_labelled else 1.0

    @property
    def new_f1(self) -> float:
        return _f1(*self.new)

    @property
    def dropped_f1(self) -> float:
        return _f1(*self.dropped)

    def __add__(self, other: Figures) -> Figures:
        return Figures(
            self.pairs_found + other.pairs_found,
            self.pairs_labelled + other.pairs_labelled,
            self.hits + other.hits,
            tuple(a + b for a, b in zip(self.new, other.new, strict=True)),  # type: ignore[arg-type]
            tuple(a + b for a, b in zip(self.dropped, other.dropped, strict=True)),  # type: ignore[arg-type]
            self.found + other.found,
        )


def _f1(found: int, labelled: int, both: int) -> float:
    return 2 * both / (found + labelled) if found + labelled else 1.0


def _overlap(found: set[str], labelled: set[str]) -> tuple[int, int, int]:
    return len(found), len(labelled), len(found & labelled)


Aligner = Callable[[list[Doc], list[Doc]], list[Link]]


def figures(label: dict, docs: dict[str, list[Doc]], aligner: Aligner = align) -> Figures:
    """The labels against the aligner as the build runs it."""
    earlier, later = docs[label["earlier"]], docs[label["later"]]
    found = aligner(earlier, later)
    pairs = {(link.earlier, link.later) for link in found}
    expected = {(p["earlier"], p["later"]) for p in label["pairs"]}
    new = {d.anchor for d in later} - {b for _, b in pairs}
    dropped = {d.anchor for d in earlier} - {a for a, _ in pairs}
    return Figures(
        len(pairs),
        len(expected),
        len(pairs & expected),
        _overlap(new, set(label["new"])),
        _overlap(dropped, set(label["dropped"])),
        found,
    )


def seed_docs() -> dict[str, list[Doc]]:
    """Each seed plan's items as Docs (their related-items words)."""
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
    return docs


def corpus_docs(names: set[str]) -> dict[str, list[Doc]]:
    """Corpus plans (tests/corpus/, by file stem) as Docs, read the way the build reads them."""
    from builder.enrich.related import content_words
    from tests import corpus_support as corpus

    tagger = corpus.tagger()
    docs: dict[str, list[Doc]] = {}
    for path in corpus.files():
        if path.stem in names:
            plan = corpus.load(path).plan
            assert plan is not None, path
            docs[path.stem] = [Doc(i.anchor, content_words(tagger.words(i.text))) for i in plan.items]
    return docs


def labels() -> dict[str, dict]:
    return {p.name: yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted(LABELS.glob("*.yml"))}


def all_docs(labelled: dict[str, dict]) -> dict[str, list[Doc]]:
    docs = seed_docs()
    wanted = {name for label in labelled.values() for name in (label["earlier"], label["later"])} - set(docs)
    return docs | corpus_docs(wanted)


def _line(name: str, f: Figures) -> str:
    return (
        f"{name}: pairs precision {f.precision:.2f} recall {f.recall:.2f} · new F1 {f.new_f1:.2f} · "
        f"dropped F1 {f.dropped_f1:.2f} ({f.pairs_found} pairs found, {f.pairs_labelled} labelled)"
    )


def main() -> int:
    labelled = labels()
    docs = all_docs(labelled)
    for title, names in (
        ("tuning", [n for n in labelled if n not in TEST]),
        ("test", [n for n in labelled if n in TEST]),
    ):
        print(f"## {title}")
        results = [(name, figures(labelled[name], docs)) for name in names]
        for name, f in results:
            print(_line(name, f))
        if len(results) > 1:
            total = results[0][1]
            for _, f in results[1:]:
                total = total + f
            print(_line("all", total))
    return 0


if __name__ == "__main__":
    sys.exit(main())
