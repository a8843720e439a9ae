"""Pure: who issued a plan, where, at which level, and the id and page it gets.

A region's bureau is listed on its region's page and its plan id is `<year>-<region slug>`
(2019-weihai). A national body, a school, another institution, or a bureau whose place cannot be
found is listed on its issuer's page and its id is `<year>-<issuer slug>` (2018-jiaoyubu); with no
issuer either, the id comes from the file name.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any

from pypinyin import lazy_pinyin

from builder.errors import Problem
from builder.model import NATIONWIDE, Plan
from builder.sources import issuers as issuers_mod
from builder.sources import meta, regions


@dataclass(frozen=True)
class Placed:
    region: tuple[str, ...]
    level: str
    issuer_slug: str | None
    id: str
    problems: tuple[Problem, ...]


def place_plan(
    overrides: dict[str, Any],
    issuers: tuple[str, ...],
    found: regions.Division | None,
    year: int,
    rel: str,
    sidecar_rel: str,
    line: int,
    title: str = "",
) -> Placed:
    """The sidecar wins; then the issuer's own name (教育部, …中学); then the division found."""
    named = tuple(overrides.get("region") or ())
    kind = issuers_mod.issuer_kind(issuers)
    if named == (NATIONWIDE,) or (kind == "national" and not named):
        region: tuple[str, ...] = ()
        kind = "national"
    else:
        region = named or (found.path if found else ())
    level = str(overrides.get("level") or kind or "")
    if not level:
        level = regions.level_of(region) if region else issuers_mod.level_from_name(issuers[0]) if issuers else "other"
    on_issuer_page = level in ("national", "school", "other") or not region
    issuer_slug = issuers_mod.issuer_slug(issuers[0]) if on_issuer_page and issuers else None
    problems: list[Problem] = []
    sidecar = sidecar_rel or str(PurePosixPath(rel).with_suffix(".yml"))
    if issuer_slug:
        plan_id = f"{year}-{issuer_slug}{_semester(title)}"
    elif region:
        plan_id = f"{year}-{meta.slug(region)}"
    else:
        plan_id = _id_from_file_name(rel, year)
    if not region and level != "national":
        if issuers:
            problems.append(
                Problem(
                    rel,
                    line,
                    f"cannot tell which region {issuers[0]} is in: the plan is listed under its issuer"
                    f" (regions/{issuer_slug}/)",
                    f"add `region: [省, 市, 区]` (as many levels as apply) to the sidecar {sidecar}",
                    severity="warning",
                )
            )
        else:
            problems.append(
                Problem(
                    rel,
                    line,
                    f"cannot tell who issued this plan, nor where: its id {plan_id} comes from the file name",
                    f"add `issuers: [发文单位]` and `region: [省, 市, 区]` to the sidecar {sidecar}",
                    severity="warning",
                )
            )
    return Placed(region, level, issuer_slug, str(overrides.get("id") or plan_id), tuple(problems))


def _semester(title: str) -> str:
    """A school publishes a plan per semester: 第一学期 and 第二学期 keep ids of their own."""
    if re.search(r"第一学期|上学期", title):
        return "-1"
    if re.search(r"第二学期|下学期", title):
        return "-2"
    return ""


def _id_from_file_name(rel: str, year: int) -> str:
    stem = meta.url_safe("".join(lazy_pinyin(PurePosixPath(rel).stem)))
    return stem if stem.startswith(str(year)) else f"{year}-{stem}"


def distinct_issuer_slugs(plans: list[Plan]) -> list[Plan]:
    """Two issuers whose names read alike (or alike for 40 letters), or one name in two places,
    get -2, -3 … in the order of their places and names, so each keeps a page and ids of its own."""
    by_slug: dict[str, set[tuple[tuple[str, ...], str]]] = {}
    for plan in plans:
        if plan.meta.issuer_slug:
            by_slug.setdefault(plan.meta.issuer_slug, set()).add(_issuer(plan))
    renamed = {
        (slug, issuer): f"{slug}-{n}" if n > 1 else slug
        for slug, issuers in by_slug.items()
        for n, issuer in enumerate(sorted(issuers), start=1)
    }
    out = []
    for plan in plans:
        m = plan.meta
        new = renamed.get((m.issuer_slug or "", _issuer(plan)))
        if new and new != m.issuer_slug:
            made = f"{m.year}-{m.issuer_slug}"  # an id made from the slug (and a semester): renamed with it
            plan_id = f"{m.year}-{new}{m.id[len(made) :]}" if m.id.startswith(made) else m.id
            plan = dataclasses.replace(plan, meta=dataclasses.replace(m, issuer_slug=new, id=plan_id))
        out.append(plan)
    return out


def _issuer(plan: Plan) -> tuple[tuple[str, ...], str]:
    return plan.meta.listing, plan.meta.issuers[0] if plan.meta.issuers else ""
