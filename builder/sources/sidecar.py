"""The optional `<plan>.yml` beside a plan: metadata the text lacks or gets wrong."""

from __future__ import annotations

import datetime as dt
import re
import urllib.parse
from dataclasses import dataclass
from typing import Any

import yaml

from builder.errors import Problem
from builder.model import LEVEL_NAMES, LEVELS

# key → (expected type, description); the README's editor's guide lists the same keys.
KEYS: dict[str, str] = {
    "id": "the plan's URL id, lowercase letters, digits and hyphens, e.g. 2020-weihai-huancui",
    "title": "the plan's title as printed",
    "issuers": "a list of the issuing bodies",
    "region": "a list: province, city, county (as many as apply), or 全国 for a national body",
    "level": "national, province, city, county, school or other, or 全国, 省级, 市级, 县级, 学校, 其他",
    "year": "the plan's year, e.g. 2020",
    "date": "the date the plan was issued, YYYY-MM-DD",
    "doc_number": "the document number (文号), e.g. 青黄教工委〔2021〕1号",
    "source_url": "the bureau's own web page for the plan, an http:// or https:// address",
    "series": "a name the sidecars of one issuer's plans of other years share, e.g. weihai-jiaoyuju",
}
_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def is_web_address(value: str) -> bool:
    """An absolute http(s) address with a host, and nothing a link could not hold as written."""
    if not value or any(ch.isspace() or ord(ch) < 32 or ch in "<>\"'`\\" for ch in value):
        return False
    try:
        parts = urllib.parse.urlsplit(value)
        return parts.scheme in ("http", "https") and bool(parts.hostname)
    except ValueError:  # e.g. a malformed IPv6 host or port
        return False


@dataclass(frozen=True)
class Sidecar:
    values: dict[str, Any]


def parse_sidecar(text: str, path: str) -> tuple[Sidecar, list[Problem]]:
    """Validate a sidecar; report every problem at once, each with its line."""
    try:
        node = yaml.compose(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark else None
        return Sidecar({}), [
            Problem(
                path,
                line,
                f"not valid YAML ({getattr(error, 'problem', error)})",
                "write one `key: value` per line, e.g. `year: 2020`",
            )
        ]
    if node is None:
        return Sidecar({}), []
    if not isinstance(node, yaml.MappingNode):
        return Sidecar({}), [
            Problem(
                path, node.start_mark.line + 1, "the sidecar must be a list of `key: value` lines", "e.g. `year: 2020`"
            )
        ]
    problems: list[Problem] = []
    values: dict[str, Any] = {}
    for key_node, value_node in node.value:
        key, line = str(key_node.value), key_node.start_mark.line + 1
        if key not in KEYS:
            problems.append(
                Problem(
                    path, line, f"unknown key `{key}`", f"use one of: {', '.join(KEYS)} (see README, 'The sidecar')"
                )
            )
            continue
        try:
            value = yaml.safe_load(yaml.serialize(value_node))
        except ValueError:  # e.g. 2020-02-30 is not a date PyYAML can build
            value = str(value_node.value)
        checked, problem = _check(key, value)
        if problem:
            problems.append(
                Problem(path, value_node.start_mark.line + 1, f"`{key}`: {problem}", f"`{key}` is {KEYS[key]}")
            )
        else:
            values[key] = checked
    return Sidecar(values), problems


def _check(key: str, value: Any) -> tuple[Any, str | None]:
    if key in ("title", "doc_number", "series"):
        return (value, None) if isinstance(value, str) and value.strip() else (None, "expected text")
    if key == "source_url":
        return (
            (value, None)
            if isinstance(value, str) and is_web_address(value)
            else (None, f"{value!r} is not a web address")
        )
    if key == "id":
        valid_id = isinstance(value, str) and bool(_ID.match(value))
        return (value, None) if valid_id else (None, f"{value!r} is not a valid id")
    if key == "level":  # in English or as the pages say it (省级, 学校 …)
        value = {name: level for level, name in LEVEL_NAMES.items()}.get(value, value)
        return (value, None) if value in LEVELS else (None, f"{value!r} is not one of {', '.join(LEVELS)}")
    if key in ("issuers", "region"):
        if isinstance(value, str):
            value = [value]
        ok = isinstance(value, list) and value and all(isinstance(v, str) and v.strip() for v in value)
        if key == "region" and ok and len(value) > 3:
            return None, "at most three levels (province, city, county)"
        return (tuple(v.strip() for v in value), None) if ok else (None, "expected a list of names")
    if key == "year":
        ok = isinstance(value, int) and not isinstance(value, bool) and 1949 <= value <= 2100
        return (value, None) if ok else (None, f"{value!r} is not a year")
    if key == "date":
        if isinstance(value, dt.date):
            return value.isoformat(), None
        if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            try:
                return dt.date.fromisoformat(value).isoformat(), None
            except ValueError:
                return None, f"{value} is not a real date"
        return None, f"{value!r} is not a date like 2020-01-06"
    return value, None
