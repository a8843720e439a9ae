"""What a build did: counts, warnings and text that could not be placed, for the terminal and report/."""

from __future__ import annotations

from builder.archive import Archive
from builder.errors import Problem
from builder.model import LEVEL_NAMES, Item, Part, Plan
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


def check_summary(archive: Archive, warnings: list[Problem]) -> str:
    """What the parser understood of each plan, to hold against the document: its metadata, then
    its outline (parts, and items by number and first words)."""
    by_file: dict[str, list[Problem]] = {}
    for warning in warnings:
        by_file.setdefault(warning.path, []).append(warning)
    out: list[str] = []
    for plan in sorted(archive.plans, key=lambda p: p.meta.source):
        m = plan.meta
        out.append(f"{m.source} → {m.id}")
        out.append(f"  标题      {m.title}")
        out.append(f"  发文单位  {'、'.join(m.issuers) or '（未找到）'}")
        out.append(f"  级别      {LEVEL_NAMES.get(m.level, m.level)} ({m.level})")
        region = " › ".join(m.region) if m.region else ("全国" if m.level == "national" else "（未找到）")
        out.append(f"  地区      {region}")
        if m.listing != m.region:
            out.append(f"  列于      {' › '.join(m.listing)}")
        out.append(f"  年份      {m.year}    成文日期 {m.date or '—'}    文号 {m.doc_number or '—'}")
        out.append(f"  结构      {len(plan.all_parts())} 个部分，{len(plan.items)} 条")
        out.extend(_outline(plan))
        out.extend(f"  warning: {w}" for w in by_file.pop(m.source, []))
        out.append("")
    out.extend(f"warning: {w}" for ws in by_file.values() for w in ws)
    out.append(
        f"{len(archive.plans)} plans, {sum(len(p.items) for p in archive.plans)} items, {len(warnings)} warning(s)"
    )
    return "\n".join(out)


def _outline(plan: Plan, words: int = 18) -> list[str]:
    lines: list[str] = []

    def items(found: tuple[Item, ...], indent: str) -> None:
        for item in found:
            lines.append(f"{indent}{item.marker}{_first_words(item.title, words)}")

    def part(p: Part, indent: str) -> None:
        lines.append(f"{indent}{p.marker}{_first_words(p.title, words)}")
        items(p.items, indent + "  ")
        for child in p.parts:
            part(child, indent + "  ")

    items(plan.loose_items, "    ")
    for p in plan.parts:
        part(p, "    ")
    return lines


def _first_words(text: str, n: int) -> str:
    return text if len(text) <= n else text[:n] + "…"
