"""The sidecar's `source_url`: an http(s) address, validated like every other key."""

from __future__ import annotations

import pytest

from builder.sources.sidecar import parse_sidecar


@pytest.mark.parametrize(
    "address", ["http://jyj.weihai.gov.cn/art/2019/2/15/art_1.html", "https://example.org/p?a=1&b=2#x"]
)
def test_a_web_address_is_kept(address: str) -> None:
    sidecar, problems = parse_sidecar(f"source_url: '{address}'\n", "x.yml")
    assert not problems and sidecar.values["source_url"] == address


@pytest.mark.parametrize(
    "address",
    [
        "javascript:alert(1)",
        "ftp://example.org/x",
        "//example.org/x",
        "example.org",
        "https://",
        'https://a"b',
        "https://a b",
    ],
)
def test_anything_else_is_refused_with_its_line(address: str) -> None:
    _, problems = parse_sidecar(f"year: 2020\nsource_url: '{address}'\n", "x.yml")
    (problem,) = problems
    assert problem.line == 2 and "is not a web address" in problem.message
    assert "http:// or https://" in problem.hint


def test_level_is_given_in_english_or_as_the_pages_say_it() -> None:
    assert parse_sidecar("level: 省级\n", "a.yml")[0].values == {"level": "province"}
    assert parse_sidecar("level: school\n", "a.yml")[0].values == {"level": "school"}
    _, problems = parse_sidecar("level: 省\n", "a.yml")
    assert [p.line for p in problems] == [1] and "is not one of" in problems[0].message
