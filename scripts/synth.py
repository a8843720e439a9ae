"""A deterministic synthetic archive: N plans derived from the five seeds in source_docs/.

Each synthetic plan is a seed's text with its places and years replaced (real divisions from the builder's
division data, real years 2015–2025), written as `<id>.txt`, plus a sidecar `<id>.yml` that sets
`id`, `region`, `year` and `issuers`, so ids never collide while the builder still pays for reading,
cleaning, parsing and inferring every plan. Plan i is derived from seed i mod 5, so N = 5 uses each
seed once. The same N and random seed always give byte-identical files.

A region has plans in one to four years, all from one seed: a series, as a bureau's plans are. Each
later year is the year before edited the way bureaus edit (`edit`): items reworded, two merged, one
split, one replaced by a new one (the old one dropped), so year-over-year alignment does real work.

    python scripts/synth.py --plans 100 OUT_DIR
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from builder.sources import regions  # noqa: E402
from builder.sources.meta import slug, strip_suffix  # noqa: E402

SEEDS_DIR = ROOT / "source_docs"
OFFICE = ROOT / "tests" / "fixtures" / "office"
TAXONOMY = "_taxonomy.yml"  # builder.taxonomy.TAXONOMY_FILE
YEARS = range(2015, 2026)
_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")  # as builder/sidecar.py checks it


@dataclass(frozen=True)
class Seed:
    """One bundled plan and the names in it that a synthetic copy replaces."""

    file: str
    year: int
    province: str
    city: str
    county: str | None  # None: a city-level plan
    issuers: tuple[str, ...]  # as the builder infers them from the seed
    extra: tuple[tuple[str, str], ...] = ()  # other names → "city", "county" or "city+county"


SEEDS: tuple[Seed, ...] = (
    Seed("2019-weihai.txt", 2019, "山东省", "威海市", None, ("威海市教育局", "中共威海市委教育工委")),
    Seed("2020-weihai-huancui.txt", 2020, "山东省", "威海市", "环翠区", ("威海市环翠区教育和体育局",)),
    Seed("2020-wenzhou-longwan.txt", 2020, "浙江省", "温州市", "龙湾区", ("温州市龙湾区教育局",)),
    Seed(
        "2021-qingdao-huangdao.txt",
        2021,
        "山东省",
        "青岛市",
        "黄岛区",
        ("中共青岛市黄岛区委教育工作委员会", "青岛西海岸新区教育和体育局"),
        (("青岛西海岸新区", "city+county"), ("西海岸新区", "county"), ("西海岸", "county")),
    ),
    Seed("2025-weihai.txt", 2025, "山东省", "威海市", None, ("中共威海市委教育工委", "威海市教育局")),
)


@dataclass(frozen=True)
class Region:
    province: str
    city: str
    county: str | None

    @property
    def names(self) -> tuple[str, ...]:
        return (self.province, self.city, *((self.county,) if self.county else ()))


@dataclass(frozen=True)
class SynthPlan:
    id: str
    region: tuple[str, ...]
    year: int
    issuers: tuple[str, ...]
    seed: str


def divisions() -> tuple[list[Region], list[Region]]:
    """(cities, counties) of the builder's own division data, in its order (municipalities left out:
    they have no city level)."""
    cities: list[Region] = []
    counties: list[Region] = []
    for division in regions.all_divisions():
        if division.level == "city":
            cities.append(Region(division.path[0], division.path[1], None))
        elif division.level == "county" and len(division.path) == 3:
            counties.append(Region(*division.path))
    return cities, counties


def _slots(pool: list[Region], rng: random.Random) -> Iterator[tuple[Region, int, int]]:
    """(region, year, plans before it in the region) triples: regions in a shuffled order, each with
    1–4 distinct years."""
    order = list(pool)
    rng.shuffle(order)
    for region in order:
        for earlier, year in enumerate(sorted(rng.sample(YEARS, rng.randint(1, 4)))):
            yield region, year, earlier


# ---------------------------------------------------------------- series: a later year edits the last
_BOOKMARKS = r"(?:\[bookmark: [^\]]*\])*"  # Word's bookmarks, left at a line's start by the copy
_ITEM_START = re.compile(rf"^(\s*{_BOOKMARKS}\d{{1,2}}[.、．])(.*)$")
# An item runs to the next item or heading (blank lines inside it: a hard-wrapped copy has them).
_ITEM_END = re.compile(rf"^\s*{_BOOKMARKS}(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d{{1,2}}[.、．])")
# The words bureaus swap from one year to the next: a rewording keeps the commitment.
SYNONYMS = (
    ("加强", "强化"),
    ("推进", "推动"),
    ("提升", "提高"),
    ("完善", "健全"),
    ("深化", "持续深化"),
    ("开展", "组织开展"),
)


def item_blocks(lines: list[str]) -> list[tuple[int, int]]:
    """[start, end) line ranges of the numbered items of a plan's text (hard-wrapped ones included)."""
    blocks: list[tuple[int, int]] = []
    at = 0
    while at < len(lines):
        if _ITEM_START.match(lines[at]):
            end = at + 1
            while end < len(lines) and not _ITEM_END.match(lines[end]):
                end += 1
            blocks.append((at, end))
            at = end
        else:
            at += 1
    return blocks


def _sentences(body: str) -> list[str]:
    return [part + "。" for part in body.split("。") if part.strip()]


def _reworded(body: str) -> str:
    """Words swapped and the sentences after the title in another order: same commitment, new wording."""
    for old, new in SYNONYMS:
        body = body.replace(old, new)
    title, *rest = _sentences(body) or [body]
    return title + "".join(rest[1:] + rest[:1])


def edit(text: str, rng: random.Random, foreign: list[str]) -> str:
    """One year's edits to a plan's text: two items reworded, one replaced by an item of another plan
    (dropped and new), two merged into one whose place a new item takes, and one split in two whose
    second half takes the next item's place (that item dropped). Item numbers and count stay."""
    lines = text.split("\n")
    blocks = item_blocks(lines)
    if len(blocks) < 12 or not foreign:
        return text
    heads, bodies = [], []
    for start, end in blocks:
        marker, first = _ITEM_START.match(lines[start]).groups()  # type: ignore[union-attr]
        heads.append(marker)
        bodies.append(first.strip() + "".join(line.strip() for line in lines[start + 1 : end]))
    picked = rng.sample(range(len(blocks) - 2), 5)  # never the last item: what follows it stays as it is
    reword, replace, merge, split = picked[:2], picked[2], picked[3], picked[4]
    for k in reword:
        bodies[k] = _reworded(bodies[k])
    bodies[replace] = rng.choice(foreign)
    if merge + 1 not in (replace, split, *reword):
        bodies[merge] += "".join(_sentences(bodies[merge + 1])[1:])
        bodies[merge + 1] = rng.choice(foreign)
    sentences = _sentences(bodies[split])
    if split + 1 not in (replace, merge, *reword) and len(sentences) >= 4:
        half = len(sentences) // 2
        bodies[split], bodies[split + 1] = "".join(sentences[:half]), "".join(sentences[half:])
    for (start, end), head, body in reversed(list(zip(blocks, heads, bodies, strict=True))):
        lines[start:end] = [head + body]
    return "\n".join(lines)


def item_bodies(text: str) -> list[str]:
    """The items of a plan's text, without their numbers: what another plan's new items are made of."""
    lines = text.split("\n")
    joined = ("".join(line.strip() for line in lines[start:end]) for start, end in item_blocks(lines))
    return [_ITEM_START.sub(r"\2", item) for item in joined]


def _replacer(seed: Seed, region: Region, year: int) -> tuple[re.Pattern[str], dict[str, str]]:
    county = region.county or ""
    table = {
        seed.province: region.province,
        strip_suffix(seed.province): strip_suffix(region.province),
        seed.city: region.city,
        strip_suffix(seed.city): strip_suffix(region.city),
    }
    if seed.county:
        table[seed.county] = county
        table[strip_suffix(seed.county)] = strip_suffix(county)
    whole = {"city": region.city, "county": county, "city+county": region.city + county}
    table.update({old: whole[kind] for old, kind in seed.extra})
    for old_year in range(seed.year - 3, seed.year + 2):  # this year, the years it looks back on, next year
        table[str(old_year)] = str(old_year + year - seed.year)
    keys = sorted(table, key=len, reverse=True)
    pattern = re.compile("|".join(rf"(?<!\d){re.escape(k)}(?!\d)" if k.isdigit() else re.escape(k) for k in keys))
    return pattern, table


def derive(seed: Seed, text: str, region: Region, year: int) -> tuple[str, tuple[str, ...]]:
    """The seed's text and issuers with its places and years replaced."""
    pattern, table = _replacer(seed, region, year)
    swap = lambda s: pattern.sub(lambda m: table[m.group(0)], s)  # noqa: E731
    return swap(text), tuple(swap(i) for i in seed.issuers)


def _foreign(seed: Seed, texts: dict[str, str]) -> list[str]:
    """Items of the other seeds of the seed's level, with their places made the seed's: new items."""
    home = Region(seed.province, seed.city, seed.county)
    return [
        body
        for other in SEEDS
        if other is not seed and (other.county is None) == (seed.county is None)
        for body in item_bodies(derive(other, texts[other.file], home, seed.year)[0])
    ]


def web_page(text: str) -> bytes:
    """The plan as a government site would show it (header table, #zoom, chrome), UTF-8."""
    import make_web_fixtures as pages  # beside this script

    fields, body = pages.split_seed(text)
    article = f'<div id="zoom"><div class="TRS_Editor">\n{pages.paragraphs(body)}\n</div></div>'
    return pages.chrome_page(pages.title_of(body), pages.header_table(fields), article).encode("utf-8")


def sidecar(plan: SynthPlan) -> str:
    """YAML for the sidecar; names are plain CJK, so no quoting is needed."""
    return (
        f"id: {plan.id}\nyear: {plan.year}\nregion: [{', '.join(plan.region)}]\nissuers: [{', '.join(plan.issuers)}]\n"
    )


def generate(
    n: int, out: Path, random_seed: int = 2024, seeds_dir: Path = SEEDS_DIR, originals: bool = False
) -> list[SynthPlan]:
    """Write n synthetic plans (.txt + .yml) into out (created if need be); return what was written.

    With `originals`, each plan also gets the original it came from, published beside it: three in
    five a saved web page (`<id>.html`, the TRS template of scripts/make_web_fixtures.py), one in
    five the seed's PDF and one in five its Word file (tests/fixtures/office/, copied, not
    typeset again: the archive publishes originals byte for byte and reads the .txt beside them).
    """
    rng = random.Random(random_seed)
    cities, counties = divisions()
    # Each seed gets its own share of the regions of its level, so a region's plans are one seed's.
    slots = {}
    for level, pool in ((False, cities), (True, counties)):
        alike = [seed for seed in SEEDS if (seed.county is not None) == level]
        for index, seed in enumerate(alike):
            slots[seed.file] = _slots(pool[index :: len(alike)], rng)
    texts = {s.file: (seeds_dir / s.file).read_bytes().decode("utf-8") for s in SEEDS}
    series: dict[Region, str] = {}  # a region's last plan's text, before places and years are set
    out.mkdir(parents=True, exist_ok=True)
    taxonomy = seeds_dir / TAXONOMY
    if taxonomy.exists():  # the archive's theme list, so enrichment costs what it does for real
        shutil.copyfile(taxonomy, out / TAXONOMY)
    used_ids: set[str] = set()
    full_slugs: dict[str, tuple[str, ...]] = {}
    plans: list[SynthPlan] = []
    while len(plans) < n:
        seed = SEEDS[len(plans) % len(SEEDS)]
        region, year, earlier = next(slots[seed.file])
        names = region.names
        plan_id = f"{year}-{slug(names)}"
        full = "-".join(slug((name,)) for name in names)  # distinct places must never share a URL
        if not _ID.match(plan_id) or plan_id in used_ids or full_slugs.setdefault(full, names) != names:
            continue
        source = texts[seed.file]
        if earlier and region in series:  # a later year of the region: last year's plan, edited
            source = edit(series[region], rng, _foreign(seed, texts))
        series[region] = source
        text, issuers = derive(seed, source, region, year)
        plan = SynthPlan(plan_id, names, year, issuers, seed.file)
        (out / f"{plan_id}.txt").write_bytes(text.encode("utf-8"))
        (out / f"{plan_id}.yml").write_text(sidecar(plan), encoding="utf-8")
        if originals:
            # Seeds take turns plan by plan, kinds take turns every five plans: every seed gets each kind.
            kind = ("html", "pdf", "html", "docx", "html")[(len(plans) // len(SEEDS)) % 5]
            if kind == "html":
                (out / f"{plan_id}.html").write_bytes(web_page(text))
            else:
                office = OFFICE / f"{Path(seed.file).stem}.{'pdf' if kind == 'pdf' else 'auto.docx'}"
                shutil.copyfile(office, out / f"{plan_id}.{kind}")
        used_ids.add(plan_id)
        plans.append(plan)
    return plans


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="folder to write the plans into")
    parser.add_argument("--plans", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=2024, help="random seed (same seed, same files)")
    args = parser.parse_args(argv)
    plans = generate(args.plans, args.out, args.seed)
    print(f"wrote {len(plans)} plans to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
