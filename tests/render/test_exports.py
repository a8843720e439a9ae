"""The archive as data, straight from the model: plans.json's contract, items.csv, targets.csv."""

from __future__ import annotations

import csv
import dataclasses
import io
import json

from builder.archive import Archive
from builder.model import RelatedRef, Target, ThemeMatch
from builder.render import exports
from builder.sources.plan import parse_plan

TEXT = "威海市文登区教育局2021年工作要点\n一、第一部分\n1.=第一条。新增学位500个。\n（一）子部分\n2.第二条。正文。\n"
PLAN_KEYS = {"id", "url", "source", "title", "issuers", "region", "year", "date", "doc_number", "preamble"}
PLAN_KEYS |= {"parts", "items", "unplaced"}
ITEM_KEYS = {"number", "anchor", "url", "title", "body", "part", "themes", "targets"}


def _archive() -> Archive:
    plan = parse_plan(TEXT.encode(), "source_docs/x.txt").plan
    assert plan is not None
    first = plan.items[0]
    tagged = dataclasses.replace(
        first,
        themes=(ThemeMatch("xueqianjiaoyu", "about", "新增学位500个。"),),
        targets=(Target("新增学位500个", 500.0, "个", "count"),),
        related=(RelatedRef("2020-other", "item-1"),),
    )
    part = dataclasses.replace(plan.parts[0], items=(tagged,))
    return Archive.of([dataclasses.replace(plan, parts=(part, *plan.parts[1:]))])


def test_plans_json_keeps_the_contracts_keys() -> None:
    data = json.loads(exports.plans_json(_archive()))
    (plan,) = data["plans"]
    assert set(plan) >= PLAN_KEYS
    assert plan["url"] == f"plans/{plan['id']}/" and plan["source"] == "source_docs/x.txt"
    first = plan["items"][0]
    assert set(first) >= ITEM_KEYS
    assert first["themes"] == ["xueqianjiaoyu"]  # slugs, as the contract says
    assert first["url"] == f"plans/{plan['id']}/#item-1"
    assert first["targets"] == [{"text": "新增学位500个", "value": 500.0, "unit": "个", "kind": "count"}]
    assert {"number", "title", "anchor", "parts"} <= set(plan["parts"][0])


def test_items_csv_quotes_a_formula_and_keeps_every_item() -> None:
    text = exports.items_csv(_archive(), "https://example.org/a/").decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [r["number"] for r in rows] == ["1", "2"]
    assert rows[0]["title"] == "'=第一条"  # shown as written, never run
    assert rows[0]["url"].startswith("https://example.org/a/plans/")
    assert rows[0]["themes"] == "xueqianjiaoyu"


def test_targets_csv_values_are_numbers() -> None:
    text = exports.targets_csv(_archive()).decode("utf-8-sig")
    (row,) = csv.DictReader(io.StringIO(text))
    assert row["value"] == "500" and row["unit"] == "个" and row["item_title"] == "'=第一条"
