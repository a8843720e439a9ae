"""Render the archive into a Markdown tree for mkdocs (pure: returns {relative path: text})."""

from __future__ import annotations

import jinja2

from builder.archive import Archive
from builder.config import TEMPLATES
from builder.incremental.reuse import Pages, Unchanged
from builder.render import compare_views, diff, escape, heatmaps, theme_views, views


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
    env.filters["merged"] = diff.marked  # HTML already, escaped in diff.py
    return env


def plan_pages(archive: Archive, unchanged: Unchanged | None = None) -> Pages:
    """A page per plan, rendered from its view (views.PlanPageView) and nothing else, and the
    year-over-year comparison pages (compare_views.py): the pages that show related items and
    counterparts, so rendered once those are worked out.

    `unchanged(path, key)` says whether the last build wrote the page with the same key (the
    digest of its view): such a page is Kept, not rendered again. So do other_pages' keyed pages.
    """
    plan_template = environment().get_template("plan.md.j2")
    out = Pages(unchanged)
    keys = views.ViewKeys()
    for view in views.plan_page_views(archive, compare_views.compare_links(archive)):
        path = f"plans/{view.plan.meta.id}.md"
        if not out.reused(path, keys(view)):
            out.pages[path] = plan_template.render(view.context())
    compare_template = environment().get_template("compare.md.j2")  # counterparts, like plan pages
    for path, comparison in compare_views.compare_views(archive).items():
        if not out.reused(path, keys(comparison)):
            out.pages[path] = compare_template.render(comparison.context())
    return out


def other_pages(archive: Archive, unchanged: Unchanged | None = None) -> Pages:
    """The home page, region, year and theme pages (none shows related items), each from its view."""
    env = environment()
    out = Pages(unchanged)
    keys = views.ViewKeys()
    summary = views.summaries(archive)

    def render(path: str, template: str, view: views.View) -> None:
        if not out.reused(path, keys(view)):
            out.pages[path] = env.get_template(template).render(view.context())

    regions_index, regions = views.region_views(archive, summary, compare_views.compare_links(archive))
    render("regions/index.md", "regions_index.md.j2", regions_index)
    for slug, region in regions.items():
        render(f"regions/{slug}.md", "region.md.j2", region)
    counted = heatmaps.strengths(archive)
    years_index, years = views.year_views(archive, lambda plans: heatmaps.by_plan(archive, plans, counted), summary)
    render("years/index.md", "years_index.md.j2", years_index)
    for year, page in years.items():
        render(f"years/{year}.md", "year.md.j2", page)
    themes = theme_views.theme_views(archive, heatmaps.by_year(archive, counted), summary)
    links = tuple(views.ThemeLink(theme.name, theme.slug, count) for theme, count in themes.index.rows)
    render("index.md", "index.md.j2", views.home_view(archive, summary, links, years_index, regions_index))
    render("themes/index.md", "themes_index.md.j2", themes.index)  # the nav links to it
    for slug, overview in themes.overviews.items():
        render(f"themes/{slug}.md", "theme.md.j2", overview)
    for (slug, year), theme_year in themes.years.items():
        render(f"themes/{slug}/{year}.md", "theme_year.md.j2", theme_year)
    return out


def static_files() -> dict[str, bytes]:
    """CSS and JS shipped with the site (copied into the docs folder's assets/)."""
    assets = TEMPLATES / "assets"
    return {f"assets/{p.name}": p.read_bytes() for p in sorted(assets.iterdir()) if p.is_file()}
