"""The theme taxonomy (source_docs/_taxonomy.yml): data editors change without touching code."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pypinyin import lazy_pinyin

from builder.errors import Problem

log = logging.getLogger(__name__)

_SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")

# key → what it holds; the hint of every problem quotes it.
KEYS: dict[str, str] = {
    "name": "the theme's name as readers see it, e.g. 双减",
    "slug": "optional URL slug, lowercase letters, digits and hyphens (default: the name in pinyin, e.g. shuangjian)",
    "description": "one line saying what the theme covers",
    "synonyms": "a list of other names of the theme (each counts like a keyword and reaches search)",
    "keywords": "a list of words that show an item is on the theme, e.g. [课后服务, 校外培训]",
    "weak_keywords": "a list of broad words that count only twice in one sentence or in an item's title",
    "exclusions": "a list of phrases whose words never count for this theme, e.g. [教师减负]",
}
_REQUIRED = ("name", "description", "keywords")
_LISTS = ("synonyms", "keywords", "weak_keywords", "exclusions")
_EXAMPLE = "e.g.\n  - name: 双减\n    description: …\n    keywords: [双减, 课后服务]"


@dataclass(frozen=True)
class Theme:
    """One theme of the taxonomy, with the words that find it."""

    slug: str
    name: str
    description: str
    keywords: tuple[str, ...]
    synonyms: tuple[str, ...] = ()
    weak_keywords: tuple[str, ...] = ()
    exclusions: tuple[str, ...] = ()
    line: int = 0  # where the theme starts in the taxonomy file

    @property
    def url(self) -> str:
        return f"themes/{self.slug}/"

    @property
    def strong_terms(self) -> tuple[str, ...]:
        """Words of which one substantive occurrence is enough: the name, synonyms and keywords."""
        return tuple(dict.fromkeys((self.name, *self.synonyms, *self.keywords)))


def default_slug(name: str) -> str:
    """双减 → shuangjian; letters and digits in the name are kept, lowercased."""
    return re.sub(r"[^a-z0-9]+", "", "".join(lazy_pinyin(name)).lower())


def load_taxonomy(path: Path, rel: str) -> tuple[tuple[Theme, ...], list[Problem]]:
    """Read and validate the taxonomy; every problem at once, each with file:line."""
    if not path.is_file():
        log.info("no taxonomy at %s: no themes", rel)
        return (), []
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        return (), [Problem(rel, None, "the taxonomy is not UTF-8 text", "save it as UTF-8")]
    return parse_taxonomy(text, rel)


def parse_taxonomy(text: str, rel: str) -> tuple[tuple[Theme, ...], list[Problem]]:
    """Pure: the taxonomy's YAML text → themes, or the problems that stop them."""
    try:
        root = yaml.compose(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        why = getattr(error, "problem", error)
        return (), [
            Problem(
                rel,
                mark.line + 1 if mark else None,
                f"not valid YAML ({why})",
                "check the indentation and that every list item starts with `- `",
            )
        ]
    if root is None:
        return (), [Problem(rel, None, "the taxonomy is empty", f"add a `themes:` list, {_EXAMPLE}")]
    themes_node = _themes_node(root)
    if themes_node is None:
        return (), [
            Problem(
                rel,
                root.start_mark.line + 1,
                "the taxonomy must hold a `themes:` list",
                f"start the file with `themes:` and list one theme per `- name:`, {_EXAMPLE}",
            )
        ]
    problems: list[Problem] = []
    themes: list[Theme] = []
    for node in themes_node.value:
        theme = _theme(node, rel, problems)
        if theme:
            themes.append(theme)
    problems.extend(_duplicates(themes, rel))
    return (tuple(themes) if not problems else ()), problems


def _themes_node(root: yaml.Node) -> yaml.SequenceNode | None:
    if isinstance(root, yaml.SequenceNode):
        return root
    if isinstance(root, yaml.MappingNode):
        for key, value in root.value:
            if key.value == "themes" and isinstance(value, yaml.SequenceNode):
                return value
    return None


def _theme(node: yaml.Node, rel: str, problems: list[Problem]) -> Theme | None:
    line = node.start_mark.line + 1
    if not isinstance(node, yaml.MappingNode):
        problems.append(
            Problem(
                rel,
                line,
                "a theme must be a set of `key: value` lines",
                f"write each theme as `- name: …` followed by its keys, {_EXAMPLE}",
            )
        )
        return None
    values: dict[str, Any] = {}
    before = len(problems)
    for key_node, value_node in node.value:
        key, key_line = str(key_node.value), key_node.start_mark.line + 1
        if key not in KEYS:
            problems.append(Problem(rel, key_line, f"unknown key `{key}`", f"use one of: {', '.join(KEYS)}"))
            continue
        value_line = value_node.start_mark.line + 1
        if key in _LISTS:
            words = _word_list(value_node)
            if words is None:
                problems.append(Problem(rel, value_line, f"`{key}` must be a list of words", f"`{key}` is {KEYS[key]}"))
            else:
                values[key] = words
        elif not isinstance(value_node, yaml.ScalarNode) or not str(value_node.value).strip():
            problems.append(Problem(rel, value_line, f"`{key}` must be a line of text", f"`{key}` is {KEYS[key]}"))
        else:
            values[key] = str(value_node.value).strip()
    for key in _REQUIRED:
        if key not in values and not any(p.message.startswith(f"`{key}`") for p in problems[before:]):
            name = f" of {values['name']}" if "name" in values else ""
            problems.append(Problem(rel, line, f"the theme{name} has no `{key}`", f"add `{key}:`, {KEYS[key]}"))
    if "keywords" in values and not values["keywords"]:
        problems.append(Problem(rel, line, "`keywords` is empty", "list at least one word, e.g. the theme's name"))
    slug = values.get("slug") or (default_slug(values["name"]) if "name" in values else "")
    if "name" in values and not _SLUG.match(slug):
        problems.append(
            Problem(
                rel,
                line,
                f"the slug {slug!r} is not usable in a URL",
                "set `slug:` to lowercase letters, digits and hyphens, e.g. shuangjian",
            )
        )
    if len(problems) > before:
        return None
    return Theme(
        slug=slug,
        name=values["name"],
        description=values["description"],
        keywords=values["keywords"],
        synonyms=values.get("synonyms", ()),
        weak_keywords=values.get("weak_keywords", ()),
        exclusions=values.get("exclusions", ()),
        line=line,
    )


def _word_list(node: yaml.Node) -> tuple[str, ...] | None:
    if not isinstance(node, yaml.SequenceNode):
        return None
    words = []
    for child in node.value:
        if not isinstance(child, yaml.ScalarNode) or not str(child.value).strip():
            return None
        words.append(str(child.value).strip())
    return tuple(dict.fromkeys(words))


def _duplicates(themes: list[Theme], rel: str) -> list[Problem]:
    problems: list[Problem] = []
    seen: dict[str, Theme] = {}
    for theme in themes:
        for key in (f"slug:{theme.slug}", f"name:{theme.name}"):
            first = seen.setdefault(key, theme)
            if first is not theme:
                what, value = key.split(":", 1)
                hint = f"give each theme its own {what}" + (", e.g. `slug: …-2`" if what == "slug" else "")
                problems.append(
                    Problem(
                        rel, theme.line, f"two themes share the {what} {value} (the first at line {first.line})", hint
                    )
                )
    return problems
