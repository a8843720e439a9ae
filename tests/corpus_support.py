"""The corpus of real plans under tests/corpus/plans/: each read as an editor would give it to the
archive (a sidecar with only `title`, `issuers` and `year`), compared with labels made by reading.

Used by tests/sources/test_corpus.py (which holds the held-out half to its thresholds) and by
scripts/corpus_report.py (which prints every figure, for both halves).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from builder.enrich.taxonomy import load_taxonomy
from builder.enrich.themes import Tagger
from builder.errors import Problem
from builder.model import Item, Part, Plan
from builder.sources.plan import parse_plan
from builder.sources.readers import reader_for

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus" / "plans"
FOLDERS = (CORPUS, ROOT / "tests" / "corpus" / "web")  # plain texts as found; saved web pages
SPLIT = yaml.safe_load((CORPUS / "split.yml").read_text(encoding="utf-8")) if (CORPUS / "split.yml").exists() else {}
THEME_LABELS = CORPUS / "themes.labels.yml"
SECOND_READINGS = CORPUS / "themes.second-readings.yml"  # the held-out half read again, blind
SIDECAR_KEYS = ("title", "issuers", "year")

Outline = list[tuple[Any, ...]]


@dataclass
class Entry:
    """One corpus plan: its file, its labels, and what the archive made of it."""

    name: str
    path: Path
    labels: dict[str, Any]
    plan: Plan | None = None
    problems: tuple[Problem, ...] = ()
    crash: str | None = None
    expected: Outline = field(default_factory=list)
    got: Outline = field(default_factory=list)

    @property
    def exact(self) -> bool:
        return self.plan is not None and self.expected == self.got


def sidecar_of(labels: dict[str, Any]) -> str:
    """What an editor would write: the labels' title, issuers and year, nothing else."""
    values = {k: labels[k] for k in SIDECAR_KEYS if labels.get(k)}
    if "year" not in values and labels.get("sidecar_year"):  # the text prints no year; an editor knows it
        values["year"] = labels["sidecar_year"]
    return yaml.safe_dump(values, allow_unicode=True) if values else ""


def files() -> list[Path]:
    return sorted(
        p
        for folder in FOLDERS
        for p in folder.iterdir()
        if p.suffix in (".txt", ".html", ".htm") and not p.name.endswith(".source.txt")
    )


def load(path: Path) -> Entry:
    labels = yaml.safe_load(path.with_name(path.stem + ".labels.yml").read_text(encoding="utf-8")) or {}
    entry = Entry(path.stem, path, labels, expected=labelled_outline(labels))
    sidecar = sidecar_of(labels)
    try:
        loaded = parse_plan(
            path.read_bytes(),
            f"source_docs/{path.name}",
            sidecar or None,
            f"source_docs/{path.stem}.yml",
            reader_for(path.suffix),
        )
    except Exception as error:  # a crash is a figure of the report, not the end of it
        entry.crash = f"{type(error).__name__}: {error}"
        return entry
    entry.plan, entry.problems = loaded.plan, loaded.problems
    if loaded.plan is not None:
        entry.got = parsed_outline(loaded.plan)
    return entry


def half(name: str) -> str:
    return "heldout" if name in (SPLIT.get("heldout") or ()) else "tuning"


# ---------------------------------------------------------------- outlines

_WIDE = str.maketrans("，：；（）！？", ",:;()!?")


def bare(text: Any) -> str:
    """A title as compared: no spaces, one width of punctuation, no closing stop."""
    text = unicodedata.normalize("NFKC", str(text or "")).translate(_WIDE)
    text = re.sub(r"\s+", "", text)
    return re.sub(r"[。.;,:]+$", "", text)


def number(text: Any) -> str:
    """'一、' → '一', '（2）' → '2', '3．' → '3'."""
    return re.sub(r"[^0-9一二三四五六七八九十百零]", "", unicodedata.normalize("NFKC", str(text)))


def _label_item(item: dict[str, Any]) -> tuple[Any, ...]:
    subitems = [(number(s["number"]), bare(s["title"])) for s in item.get("subitems") or []]
    return (number(item["number"]), bare(item["title"]), subitems)


def _label_part(part: dict[str, Any]) -> tuple[Any, ...]:
    items = [_label_item(i) for i in part.get("items") or []]
    subparts = [_label_part(p) for p in part.get("subparts") or []]
    return (number(part["number"]), bare(part["title"]), items, subparts)


def labelled_outline(labels: dict[str, Any]) -> Outline:
    loose = [("items", [_label_item(i) for i in labels.get("loose_items") or []])]
    return loose + [_label_part(p) for p in labels.get("parts") or []]


def _parsed_item(item: Item) -> tuple[Any, ...]:
    subitems = [(number(s.number), bare(s.title)) for s in getattr(item, "items", ())]
    return (number(item.number), bare(item.title), subitems)


def _parsed_part(part: Part) -> tuple[Any, ...]:
    return (
        number(part.number),
        bare(part.title),
        [_parsed_item(i) for i in part.items],
        [_parsed_part(p) for p in part.parts],
    )


def parsed_outline(plan: Plan) -> Outline:
    return [("items", [_parsed_item(i) for i in plan.loose_items])] + [_parsed_part(p) for p in plan.parts]


# ---------------------------------------------------------------- themes


@dataclass(frozen=True)
class ThemeScore:
    slug: str
    tp: int
    fp: int
    fn: int
    about_found: int  # labelled "about" and found (with any strength)
    about_total: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


def theme_labels() -> dict[str, list[dict[str, Any]]]:
    """plan name → its labelled items: number, title, about and mentions (theme slugs)."""
    if not THEME_LABELS.exists():
        return {}
    return (yaml.safe_load(THEME_LABELS.read_text(encoding="utf-8")) or {}).get("plans") or {}


def tagger() -> Tagger:
    themes, problems = load_taxonomy(ROOT / "source_docs" / "_taxonomy.yml", "_taxonomy.yml")
    assert not problems
    return Tagger(themes)


def score_themes(entries: list[Entry], tag: Tagger) -> tuple[list[ThemeScore], list[str]]:
    """Per theme, over every labelled item of these plans; and the labelled items not found."""
    labels = theme_labels()
    counts: dict[str, list[int]] = {t.slug: [0, 0, 0, 0, 0] for t in tag.themes}
    missing: list[str] = []
    for entry in entries:
        if entry.plan is None or entry.name not in labels:
            continue
        items = {(number(i.number), bare(i.title)[:12]): i for i in entry.plan.items}
        for label in labels[entry.name]:
            item = items.get((number(label["number"]), bare(label["title"])[:12]))
            if item is None:
                missing.append(f"{entry.name} {label['number']} {label['title']}")
                continue
            _tally(counts, label, {m.slug for m in tag.tag(entry.plan.meta.id, item)})
    return [ThemeScore(slug, *c) for slug, c in counts.items()], missing


def _tally(counts: dict[str, list[int]], label: dict[str, Any], got: set[str]) -> None:
    """Add one item to the per-theme counts: a theme is found when it is there at any strength."""
    about = set(label.get("about") or ())
    want = about | set(label.get("mentions") or ())
    for slug, c in counts.items():
        c[0] += slug in want and slug in got
        c[1] += slug in got and slug not in want
        c[2] += slug in want and slug not in got
        c[3] += slug in about and slug in got
        c[4] += slug in about


def second_readings() -> dict[str, dict[str, list[dict[str, Any]]]]:
    """Reader → plan name → its items' labels: the held-out half read again, blind."""
    return yaml.safe_load(SECOND_READINGS.read_text(encoding="utf-8"))["readers"]


def score_reading(
    reference: dict[str, list[dict[str, Any]]], reading: dict[str, list[dict[str, Any]]], slugs: list[str]
) -> ThemeScore:
    """One reading scored against another as score_themes scores the tagger (items in the same order)."""
    counts = {slug: [0, 0, 0, 0, 0] for slug in slugs}
    for plan, items in reading.items():
        for label, read in zip(reference[plan], items, strict=True):
            assert (label["number"], label["title"]) == (read["number"], read["title"]), (plan, read)
            _tally(counts, label, set(read.get("about") or ()) | set(read.get("mentions") or ()))
    return overall([ThemeScore(slug, *c) for slug, c in counts.items()])


def overall(scores: list[ThemeScore]) -> ThemeScore:
    tp, fp, fn, af, at = (sum(getattr(s, k) for s in scores) for k in ("tp", "fp", "fn", "about_found", "about_total"))
    return ThemeScore("all", tp, fp, fn, af, at)
