"""data/items.csv and feed.xml: shape, encoding, order, deterministic timestamps, links to them."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from builder.render import exports, feed
from tests.conftest import soup

ATOM = "{http://www.w3.org/2005/Atom}"


def test_items_csv_has_a_bom_and_one_row_per_item(seed_site: Path) -> None:
    raw = (seed_site / "data" / "items.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "spreadsheet programs need the BOM to read UTF-8"
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    data = json.loads((seed_site / "data" / "plans.json").read_text(encoding="utf-8"))
    assert len(rows) == sum(len(p["items"]) for p in data["plans"]) == 131
    assert tuple(rows[0]) == exports.CSV_COLUMNS
    row = next(r for r in rows if r["plan_id"] == "2019-weihai" and r["number"] == "6")
    assert row["plan_title"] == "威海市教育局（中共威海市委教育工委）2019年工作要点"
    assert row["year"] == "2019" and row["region"] == "山东省/威海市"
    assert row["url"] == "plans/2019-weihai/#item-6"
    item = next(i for p in data["plans"] if p["id"] == "2019-weihai" for i in p["items"] if i["number"] == "6")
    assert row["title"] == item["title"] and row["body"] == item["body"]  # multi-line bodies survive quoting


def test_atom_feed_lists_plans_newest_first_with_their_own_dates(seed_site: Path) -> None:
    root = ET.fromstring((seed_site / "feed.xml").read_bytes())
    entries = root.findall(f"{ATOM}entry")
    data = json.loads((seed_site / "data" / "plans.json").read_text(encoding="utf-8"))
    assert len(entries) == len(data["plans"])
    dates = [e.findtext(f"{ATOM}updated") for e in entries]
    assert dates == sorted(dates, reverse=True)
    assert entries[0].findtext(f"{ATOM}title") == "中共威海市委教育工委 威海市教育局2025年工作要点"
    assert dates[0] == "2025-03-17T00:00:00+08:00"
    assert root.findtext(f"{ATOM}updated") == dates[0]  # the newest plan's date, never the clock
    assert {p["date"] + "T00:00:00+08:00" for p in data["plans"]} == set(dates)
    ids = [e.findtext(f"{ATOM}id") for e in entries]
    assert len(set(ids)) == len(ids) and all(i.startswith("urn:uuid:") for i in ids)
    links = [e.find(f"{ATOM}link").get("href") for e in entries]
    assert links[0] == "plans/2025-weihai/"


def test_feed_links_are_absolute_when_site_url_is_set(monkeypatch: pytest.MonkeyPatch, seed_site: Path) -> None:
    from builder.build import Paths, read_archive
    from builder.progress import Progress
    from tests.conftest import ROOT, SOURCES

    archive = read_archive(Paths.under(ROOT, sources=SOURCES), Progress(enabled=False)).archive
    monkeypatch.setenv("SITE_URL", "https://example.github.io/archive/")
    files = {**feed.feed_files(archive), **exports.data_files(archive)}
    again = {**feed.feed_files(archive), **exports.data_files(archive)}
    assert files == again  # deterministic
    atom = ET.fromstring(files["feed.xml"])
    assert atom.find(f"{ATOM}entry/{ATOM}link").get("href") == "https://example.github.io/archive/plans/2025-weihai/"
    assert "https://example.github.io/archive/plans/2019-weihai/#item-6" in bytes(files["data/items.csv"]).decode()


def test_home_links_the_feed_and_the_table_and_every_head_announces_the_feed(seed_site: Path) -> None:
    home = soup(seed_site / "index.html")
    hrefs = {a["href"] for a in home.select("article a")}
    assert {"data/items.csv", "feed.xml", "data/plans.json"} <= hrefs
    for page in (seed_site / "index.html", seed_site / "plans" / "2019-weihai" / "index.html"):
        alternate = soup(page).select_one('head link[rel="alternate"][type="application/atom+xml"]')
        assert alternate is not None
        assert (page.parent / alternate["href"]).resolve() == (seed_site / "feed.xml").resolve()
