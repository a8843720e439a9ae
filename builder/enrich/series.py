"""One issuer's plans over the years: which plans form a series, and each plan's previous plan.

Plans belong to one series when they share their region and the issuer's level (威海市's city
bureau, whatever it calls itself that year: 教育局 → 教育和体育局); a plan with no region belongs to
its issuer's series (a ministry, a school). A sidecar's `series:` names the series outright (a
bureau that moved up a level, or whose region the parser reads otherwise). A plan's previous plan
is the series' latest plan of an earlier year (a 征求意见稿 of the same year is never "previous").
"""

from __future__ import annotations

from collections.abc import Iterable

from builder.model import Plan, PlanMeta


def series_key(meta: PlanMeta) -> str:
    if meta.series:  # the sidecar says so: it wins
        return "series:" + meta.series
    if meta.region and meta.level not in ("school", "other"):
        return "/".join(meta.region) + "|" + meta.level
    return meta.issuer_slug or (meta.issuers[0] if meta.issuers else meta.id)


def series_of(plans: Iterable[Plan]) -> dict[str, list[Plan]]:
    """Series key → its plans, oldest first (by year, then date, then id)."""
    found: dict[str, list[Plan]] = {}
    for plan in plans:
        found.setdefault(series_key(plan.meta), []).append(plan)
    for members in found.values():
        members.sort(key=lambda p: (p.meta.year, p.meta.date or "", p.meta.id))
    return found


def previous_of(plans: Iterable[Plan]) -> dict[str, str | None]:
    """Plan id → the id of its series' latest plan of an earlier year (None for the first)."""
    previous: dict[str, str | None] = {}
    for members in series_of(plans).values():
        for at, plan in enumerate(members):
            earlier = [p for p in members[:at] if p.meta.year < plan.meta.year]
            previous[plan.meta.id] = earlier[-1].meta.id if earlier else None
    return previous
