"""Render the archive into a Markdown tree for mkdocs (pure: returns {relative path: text})."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2

from . import escape, heatmap, theme_pages
from .archive import Archive, plans_by_year, region_tree, walk_regions
from .incremental import Pages, Unchanged, page_key
from .model import Plan

TEMPLATES = Path(__file__).resolve().parent.parent / "site_templates"


@dataclass(frozen=True)
class PageContext:
    """What a plan page template sees."""

    plan: object  # the Plan
    region_links: tuple[str, ...]  # relative URL of each level of plan.meta.region


def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES / "pages"),
        finalize=escape.finalize,
        autoescape=False,  # finalize does Markdown-aware escaping instead
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["html"] = escape.html_text
    env.filters["attr"] = escape.html_text
    env.filters["md"] = escape.md_text
    env.filters["heading_id"] = escape.heading_id
    env.filters["code"] = escape.md_code
    env.filters["yaml"] = escape.yaml_scalar
    return env


def plan_page_key(context: PageContext, page_globals: dict[str, Any]) -> str:
    """A digest of everything a plan page shows: same digest, same Markdown (for rebuilds).

    The plan's text is stood for by the digest of its source (same code, same parse); what comes
    from the rest of the archive (themes, related items and their titles) is listed explicitly.
    """
    plan = context.plan
    assert isinstance(plan, Plan)
    refs = sorted({ref for item in plan.items for ref in item.related})
    slugs = sorted({slug for item in plan.items for slug in item.themes})
    prefix = f"{plan.meta.id}#"
    shown = [
        plan.meta.fingerprint,  # all its metadata, and its text (see PlanMeta.fingerprint)
        list(context.region_links),
        [[item.anchor, list(item.themes), list(item.related)] for item in plan.items],
        [page_globals["related_items"].get(ref) for ref in refs],
        [[page_globals["theme_names"].get(s), page_globals["theme_search_words"].get(s)] for s in slugs],
        [page_globals["theme_strengths"].get(f"{prefix}{item.anchor}#{s}") for item in plan.items for s in item.themes],
    ]
    return page_key(shown)


def plan_pages(archive: Archive, unchanged: Unchanged | None = None) -> Pages:
    """A page per plan: the only pages that show related items.

    `unchanged(path, key)` says whether the last build wrote the page with the same key (see
    plan_page_key): such a page is Kept, not rendered again. So do other_pages' keyed pages.
    """
    env = environment()
    page_globals = theme_pages.template_globals(archive)  # theme names, strengths, related items
    env.globals.update(page_globals)
    plan_template = env.get_template("plan.md.j2")
    out = Pages(unchanged)
    for plan in archive.plans:
        links = tuple(
            f"../../regions/{archive.region_slug(plan.meta.region[: i + 1])}/" for i in range(len(plan.meta.region))
        )
        context = PageContext(plan=plan, region_links=links)
        path = f"plans/{plan.meta.id}.md"
        if not out.reused(path, plan_page_key(context, page_globals)):
            out.pages[path] = plan_template.render(**vars(context))
    return out


def other_pages(archive: Archive, unchanged: Unchanged | None = None) -> Pages:
    """The home page, region, year and theme pages: none shows related items."""
    env = environment()
    out = Pages(unchanged)
    plans = archive.plans_newest_first()
    item_count = sum(len(p.items) for p in plans)
    out.pages["index.md"] = env.get_template("index.md.j2").render(plans=plans, item_count=item_count)
    tree = region_tree(archive)
    out.pages["regions/index.md"] = env.get_template("regions_index.md.j2").render(tree=tree)
    region_template = env.get_template("region.md.j2")
    for node, parents in walk_regions(tree):
        path = f"regions/{node.slug}.md"
        key = page_key(
            [
                list(node.path),
                [[p.name, p.slug] for p in parents],
                [[c.name, c.slug, c.count] for c in node.children],
                [theme_pages.shown_of_plan(p) for p in node.plans],
                [theme_pages.shown_of_plan(p) for p in node.descendant_plans],
            ]
        )
        if not out.reused(path, key):
            out.pages[path] = region_template.render(node=node, parents=parents)
    years = plans_by_year(archive)
    out.pages["years/index.md"] = env.get_template("years_index.md.j2").render(years=years)
    year_template = env.get_template("year.md.j2")
    counted = heatmap.strengths(archive)
    for year, year_plans in years:
        path = f"years/{year}.md"
        themes_map = heatmap.by_plan(archive, year_plans, counted)
        listed = [theme_pages.shown_of_plan(p) for p in year_plans]
        if not out.reused(path, page_key([year, listed, heatmap.as_data(themes_map)])):
            out.pages[path] = year_template.render(year=year, plans=year_plans, map=themes_map)
    theme_pages.theme_pages(archive, env, out, counted)
    return out


def static_files() -> dict[str, bytes]:
    """CSS and JS shipped with the site (copied into the docs folder's assets/)."""
    assets = TEMPLATES / "assets"
    return {f"assets/{p.name}": p.read_bytes() for p in sorted(assets.iterdir()) if p.is_file()}
