"""A view's reuse key changes whenever anything the view holds changes (and only then)."""

from __future__ import annotations

import dataclasses

import pytest

from builder.archive import Archive
from builder.build import Paths, read_archive
from builder.model import Counterpart, RelatedRef, ThemeMatch
from builder.progress import Progress
from builder.render import views
from tests.conftest import ROOT, SOURCES


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Archive:
    tmp = tmp_path_factory.mktemp("views")
    paths = Paths.under(ROOT, sources=SOURCES, site_dir=tmp / "site", docs_dir=tmp / "docs")
    found = read_archive(paths, Progress(enabled=False)).archive
    assert found is not None
    return found


def home_of(archive: Archive) -> views.HomeView:
    summary = views.summaries(archive)
    regions, _ = views.region_views(archive, summary)
    years, _ = views.year_views(archive, lambda plans: None, summary)
    return views.home_view(archive, summary, (views.ThemeLink("双减", "shuangjian", 3),), years, regions)


def test_same_view_same_key_and_any_field_changes_it(archive: Archive) -> None:
    keys = views.ViewKeys()
    home = home_of(archive)
    assert keys(home) == views.ViewKeys()(home_of(archive))
    assert keys(dataclasses.replace(home, item_count=home.item_count + 1)) != keys(home)
    first = home.latest[0]
    renamed = dataclasses.replace(first, title=first.title + "（修订）")
    assert keys(dataclasses.replace(home, latest=(renamed, *home.latest[1:]))) != keys(home)
    assert keys(dataclasses.replace(home, themes=())) != keys(home)


def test_a_plan_pages_key_covers_its_text_metadata_and_enrichment(archive: Archive) -> None:
    keys = views.ViewKeys()
    view = views.plan_page_views(archive)[0]
    plan = view.plan
    base = keys(view)
    item = plan.items[0]

    def with_item(**changes: object) -> views.PlanPageView:
        changed = dataclasses.replace(item, **changes)
        part = plan.parts[0]
        assert part.items[0] is item or plan.loose_items
        new_part = dataclasses.replace(part, items=(changed, *part.items[1:]))
        return dataclasses.replace(view, plan=dataclasses.replace(plan, parts=(new_part, *plan.parts[1:])))

    assert keys(with_item(themes=(*item.themes, ThemeMatch("x", "about", "句")))) != base
    assert keys(with_item(related=(RelatedRef("other", "item-1"),))) != base
    assert keys(with_item(counterparts=(Counterpart("other", "item-1", "reworded", 0.3),))) != base
    assert keys(with_item(status="new" if item.status != "new" else "continued")) != base
    assert keys(dataclasses.replace(view, plan=dataclasses.replace(plan, dropped=("item-9",)))) != base
    assert keys(with_item(targets=())) != base or not item.targets
    meta = dataclasses.replace(plan.meta, title=plan.meta.title + "（修订）")
    assert keys(dataclasses.replace(view, plan=dataclasses.replace(plan, meta=meta))) != base
    assert keys(dataclasses.replace(view, places=())) != base
    assert keys(dataclasses.replace(view, themes={})) != base or not view.themes
