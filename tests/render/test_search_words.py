"""Index words (builder/render/search_words.py): pairs of neighbouring characters, read back whole."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from builder.render.search_words import text_of, words_of


def test_a_run_of_characters_becomes_its_neighbouring_pairs() -> None:
    assert words_of("课后服务") == "课|后 后|服 服|务"
    assert words_of("育") == "育"


def test_letters_and_digits_stay_whole_words() -> None:
    # as a visitor types them: "2020年" is the words 2020 and 年, 5G one word
    assert words_of("2020年起实施5G网络") == "2020 年|起 起|实 实|施 5G 网|络"


def test_punctuation_ends_a_run_and_stays_with_the_word_before_it() -> None:
    # after a "|": Pagefind indexes 务 on its own only when the comma is cut off by ASCII punctuation
    assert words_of("服务，加强。") == "服|务|， 加|强|。"
    assert words_of("（一）加强") == "（一） 加|强"
    assert words_of("“双减”") == "“|双|减|”"


def test_spaces_between_runs_are_kept_visible_to_the_index_as_a_mark() -> None:
    assert words_of("STEAM 教育") == "STEAM\u2423 教|育"
    assert text_of(words_of("STEAM 教育")) == "STEAM 教育"


def test_text_without_letters_is_kept() -> None:
    assert words_of("——") == "——"
    assert text_of("——") == "——"
    assert words_of("  ") == ""


@given(
    st.text(
        alphabet=st.sampled_from(list("课后服务加强强化育2020aZ5G，。、（）“”|_- \n　①Ⅱ")) | st.characters(),
        max_size=60,
    )
)
def test_the_text_comes_back_from_its_words(text: str) -> None:
    # every character, in order; runs of spaces come back as one space
    expected = re.sub(r"\s+", " ", text.strip())
    assert text_of(words_of(text)) == expected
