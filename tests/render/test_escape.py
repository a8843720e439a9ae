"""Escaping for each output, checked against the real consumers: Python-Markdown, PyYAML, csv."""

from __future__ import annotations

import csv
import io

import markdown
import pytest
import yaml
from bs4 import BeautifulSoup
from hypothesis import given
from hypothesis import strategies as st

from builder.render import escape

# One line of text of any kind (a paragraph is one line in our templates), markup characters likely.
LINE = st.text(
    alphabet=st.sampled_from(list("<>&\"'`*_{}[]()#+-.!|\\:=@ 　abc12教育（）《》"))
    | st.characters(blacklist_categories=("Cs", "Cc")),
    min_size=1,
).filter(lambda s: s.strip() == s and s)


def _shown(markdown_text: str) -> str:
    """What a reader sees of Markdown rendered with the site's extensions."""
    html = markdown.markdown(markdown_text, extensions=["attr_list", "tables", "admonition"])
    return BeautifulSoup(html, "html.parser").get_text()


@given(LINE)
def test_markdown_text_is_shown_exactly_as_written(text: str) -> None:
    assert _shown(str(escape.md_text(text))) == text


@given(LINE)
def test_inline_code_shows_any_file_name_as_written(text: str) -> None:
    html = markdown.markdown("见 " + str(escape.md_code(text)), extensions=["tables"])  # as the site
    code = BeautifulSoup(html, "html.parser").find("code")
    assert code is not None and code.get_text() == text


@given(st.text())
def test_a_yaml_scalar_round_trips_any_text_on_one_line(text: str) -> None:
    scalar = str(escape.yaml_scalar(text))
    assert "\n" not in scalar
    assert yaml.safe_load(f"description: {scalar}\n") == {"description": text}


@pytest.mark.parametrize("cell", ["=1+1", "+1", "-1+1", "@SUM(A1)", "\tx", "\rx", '=HYPERLINK("x")'])
def test_a_formula_cell_gets_a_leading_quote(cell: str) -> None:
    assert escape.csv_cell(cell) == "'" + cell


@pytest.mark.parametrize("value", [-5, 0, 2.25, 1234567])
def test_numbers_stay_numbers(value: float) -> None:
    out = io.StringIO()
    csv.writer(out).writerow(escape.csv_row([value, "文字"]))
    assert out.getvalue().split(",")[0] == str(value)


def test_plain_text_cells_are_unchanged() -> None:
    assert escape.csv_row(["教育", "2025", "a=b", None]) == ["教育", "2025", "a=b", ""]


@pytest.mark.parametrize("anchor", ["item-6", "part-2-item-3"])
def test_heading_ids_are_attr_list_suffixes(anchor: str) -> None:
    assert str(escape.heading_id(anchor, "item")) == "{#" + anchor + " .item}"


@pytest.mark.parametrize("anchor", ["item 6", "x}{: onclick=1", "第6条", ""])
def test_an_unsafe_anchor_is_refused(anchor: str) -> None:
    if anchor:
        with pytest.raises(ValueError):
            escape.heading_id(anchor)
