"""What a build did: counts, warnings and text that could not be placed, for the terminal and report/."""

from __future__ import annotations

from builder.archive import Archive
from builder.errors import Problem
from builder.render.pages import environment


def _rows(archive: Archive) -> list[dict[str, object]]:
    return [
        {
            "plan": plan,
            "parts": len(plan.all_parts()),
            "item_count": len(plan.items),
            "themes": len({t for item in plan.items for t in item.theme_slugs}),
            "targets": sum(len(item.targets) for item in plan.items),
        }
        for plan in archive.plans
    ]


def terminal_summary(archive: Archive, warnings: list[Problem]) -> str:
    """A plain-text report: one line per plan, then every warning and unplaced text with file:line."""
    rows = _rows(archive)
    lines = [f"{'plan':<28} {'parts':>5} {'items':>5} {'themes':>6} {'targets':>7}"]
    for row in rows:
        plan_id = row["plan"].meta.id  # type: ignore[attr-defined]
        lines.append(f"{plan_id:<28} {row['parts']:>5} {row['item_count']:>5} {row['themes']:>6} {row['targets']:>7}")
    total_items = sum(int(str(r["item_count"])) for r in rows)
    lines.append(f"{len(rows)} plans, {total_items} items, {len(warnings)} warning(s)")
    for warning in warnings:
        lines.append(f"warning: {warning}")
    for plan in archive.plans:
        for u in plan.unplaced:
            lines.append(f"unplaced: {plan.meta.source}:{u.line}: {u.reason} — shown under 未能归类的文字 on its page")
    return "\n".join(lines)


def report_markdown(archive: Archive, warnings: list[Problem]) -> str:
    """The report/ page for editors."""
    unplaced = [(plan, u) for plan in archive.plans for u in plan.unplaced]
    return environment().get_template("report.md.j2").render(rows=_rows(archive), warnings=warnings, unplaced=unplaced)
