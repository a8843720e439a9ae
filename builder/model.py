"""The archive's model: frozen values, each stage returns new ones."""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Target:
    """A quantified commitment printed in an item, e.g. 新增学位4950个."""

    text: str
    value: float
    unit: str
    kind: str  # count / percent / money / people / area / time / other


NATIONWIDE = "全国"  # where national plans are listed (the sidecar may say `region: 全国`)
ELSEWHERE = "其他"  # where plans with no known region are listed, under their issuer

# Who issued a plan: a national body, a region's bureau by its level, a school, or another body.
LEVELS = ("national", "province", "city", "county", "school", "other")
LEVEL_NAMES = {
    "national": "全国",
    "province": "省级",
    "city": "市级",
    "county": "县级",
    "school": "学校",
    "other": "其他",
}

ABOUT = "about"  # the item is about the theme: its title names it, or half its body does
MENTIONS = "mentions"  # one sentence of the item names the theme in earnest


@dataclass(frozen=True)
class ThemeMatch:
    """Why an item carries a theme: how strongly, and the sentence that matched."""

    slug: str
    strength: str  # ABOUT or MENTIONS
    sentence: str


@dataclass(frozen=True, order=True)
class RelatedRef:
    """An item of another plan whose wording is close to this one's."""

    plan_id: str
    anchor: str

    @property
    def key(self) -> str:
        """ "<plan-id>#<anchor>": how related.py and the caches name an item."""
        return f"{self.plan_id}#{self.anchor}"

    @classmethod
    def of(cls, key: str) -> RelatedRef:
        plan_id, anchor = key.split("#", 1)
        return cls(plan_id, anchor)


@dataclass(frozen=True, order=True)
class Counterpart:
    """An item of the same issuer's plan of another year that carries the same commitment
    (builder/enrich/align.py): its wording is close (continued) or new (reworded)."""

    plan_id: str
    anchor: str
    relation: str  # continued / reworded
    score: float  # 0..1, the two items' similarity


@dataclass(frozen=True)
class Item:
    """A numbered work item; its first sentence is its title."""

    number: str  # as printed, without the enumerator's punctuation: "6"
    marker: str  # the enumerator as printed: "6." / "6、" / "（6）"
    anchor: str  # "item-6", or "part-2-item-3" when numbering restarts per part
    title: str  # the first sentence, without its closing 。
    paragraphs: tuple[str, ...]  # the rest of the item, paragraph by paragraph
    part: str  # anchor of the innermost part holding the item ("" if none)
    line: int  # source line where the item starts
    themes: tuple[ThemeMatch, ...] = ()  # in the taxonomy's order
    targets: tuple[Target, ...] = ()
    related: tuple[RelatedRef, ...] = ()  # similar items of other plans, closest first
    counterparts: tuple[Counterpart, ...] = ()  # the same commitment in the issuer's other years' plans
    status: str = ""  # against the issuer's previous plan: new / continued / first ("" before enrich)
    items: tuple[Item, ...] = ()  # sub-items （1）（2）… of a four-level plan, anchored item-6-1 …

    @functools.cached_property  # pages, heatmaps and exports ask for it 200,000 times at 1,000 plans
    def theme_slugs(self) -> tuple[str, ...]:
        return tuple(m.slug for m in self.themes)

    @property
    def body(self) -> str:
        """The rest of the item after its title: its paragraphs, then its sub-items as printed."""
        return "\n".join((*self.paragraphs, *(f"{sub.marker}{sub.text}" for sub in self.items)))

    @property
    def text(self) -> str:
        """The whole item as one string: title sentence and body (sub-items included)."""
        return "\n".join((self.title, self.body)) if self.paragraphs or self.items else self.title


@dataclass(frozen=True)
class Part:
    """A part 一、 (level 1) or subpart （一） (level 2), with what it holds."""

    number: str  # the numeral as printed: "二"
    marker: str  # "二、" / "（二）"
    anchor: str  # "part-2" / "part-2-1"
    title: str
    level: int
    intro: tuple[str, ...]  # text under the heading before any subpart or item
    parts: tuple[Part, ...]
    items: tuple[Item, ...]
    line: int

    def walk_items(self) -> tuple[Item, ...]:
        """Every item under this part, subparts included, in order."""
        found = list(self.items)
        for child in self.parts:
            found.extend(child.walk_items())
        return tuple(found)


@dataclass(frozen=True)
class Unplaced:
    """Text the parser could not assign: shown on the page and in the build report."""

    line: int
    text: str
    reason: str


@dataclass(frozen=True)
class PlanMeta:
    id: str
    title: str
    issuers: tuple[str, ...]
    region: tuple[str, ...]  # province → city → county; () for a national body or a place not found
    level: str  # national / province / city / county / school / other
    year: int
    date: str | None  # YYYY-MM-DD
    doc_number: str | None  # 文号
    recipients: str | None  # 主送
    source: str  # path relative to the repository root
    shape: str  # pdf / web / word / clean
    title_note: str | None = None  # e.g. （印发稿）
    web: tuple[tuple[str, str], ...] = ()  # fields scraped from a web page's header
    digest: str = ""  # sha256 of the source's bytes and its sidecar's: what the plan was read from
    source_url: str | None = None  # the bureau's own page for the plan (sidecar, or the saved page's address)
    original: str | None = None  # the original file published beside the text (.html …), as source_docs/…
    original_kind: str | None = None  # html / pdf / docx / doc / wps
    original_size: int = 0  # bytes of the original as published (a web page after making it safe)
    original_digest: str = ""  # sha256 of the original's bytes
    # The slug of an issuer that is not a region's bureau (a ministry, a school, or a bureau whose
    # place was not found): the plan's id is <year>-<issuer_slug>.
    issuer_slug: str | None = None
    series: str | None = None  # the sidecar's `series:` (a bureau renamed, or moved up a level)

    @property
    def has_issuer_page(self) -> bool:
        """Listed on its issuer's page, regions/<issuer_slug>/ (national plans share 全国's)."""
        return bool(self.issuer_slug) and self.level != "national"

    @property
    def listing(self) -> tuple[str, ...]:
        """Where browse pages list the plan: 全国; a region; a region or 其他, then its issuer."""
        if self.level == "national":
            return (NATIONWIDE,)
        place = self.region or (ELSEWHERE,)
        return (*place, self.issuers[0]) if self.has_issuer_page and self.issuers else place

    @functools.cached_property
    def fingerprint(self) -> str:
        """A digest of every field. With `digest` among them it stands for the plan's whole text
        too (the same code reads the same bytes the same way): pages' reuse keys use it."""
        fields = [getattr(self, f.name) for f in dataclasses.fields(self)]
        return hashlib.sha256(json.dumps(fields, ensure_ascii=False).encode()).hexdigest()


@dataclass(frozen=True)
class Plan:
    meta: PlanMeta
    notice: tuple[str, ...]  # the cover notice (印发通知), paragraph by paragraph
    preamble: tuple[str, ...]
    preamble_anchor: str | None  # the part that holds the preamble (一、总体思路), if any
    parts: tuple[Part, ...]
    closing: tuple[str, ...]  # 版记 after the last item (…印发, 抄送)
    unplaced: tuple[Unplaced, ...] = ()
    loose_items: tuple[Item, ...] = field(default=())  # items before any part
    annex: tuple[str, ...] = ()  # an attachment after the plan (附：…), its heading line first
    previous: str | None = None  # the id of the same issuer's previous plan (builder/enrich/series.py)
    dropped: tuple[str, ...] = ()  # anchors of the previous plan's items with no counterpart here

    @functools.cached_property  # read often (every page, every index); the plan is frozen
    def items(self) -> tuple[Item, ...]:
        found = list(self.loose_items)
        for part in self.parts:
            found.extend(part.walk_items())
        return tuple(found)

    def all_parts(self) -> tuple[Part, ...]:
        out: list[Part] = []

        def visit(part: Part) -> None:
            out.append(part)
            for child in part.parts:
                visit(child)

        for part in self.parts:
            visit(part)
        return tuple(out)


def map_items(plan: Plan, change: Callable[[Plan, Item], Item]) -> Plan:
    """The plan with every item (loose or in any part) replaced by change(plan, item)."""

    def part(p: Part) -> Part:
        return dataclasses.replace(
            p, items=tuple(change(plan, i) for i in p.items), parts=tuple(part(c) for c in p.parts)
        )

    return dataclasses.replace(
        plan,
        parts=tuple(part(p) for p in plan.parts),
        loose_items=tuple(change(plan, i) for i in plan.loose_items),
    )
