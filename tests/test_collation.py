"""Alphabetical order per language: Swedish and Finnish end with Å, Ä, Ö."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from site_builder.collation import alphabet, initial, sort_key, sorted_by

ISSUE_WORDS = ["Överförmyndare", "Äldreomsorg", "Zumba", "Återvinning", "Avfall"]


@pytest.mark.parametrize("lang", ["sv", "fi"])
def test_z_before_a_ring_before_a_umlaut_before_o_umlaut(lang: str) -> None:
    assert sorted_by(ISSUE_WORDS, str, lang) == [
        "Avfall",
        "Zumba",
        "Återvinning",
        "Äldreomsorg",
        "Överförmyndare",
    ]


def test_english_files_accented_letters_under_their_base_letter() -> None:
    assert sorted_by(ISSUE_WORDS, str, "en") == [
        "Äldreomsorg",
        "Återvinning",
        "Avfall",
        "Överförmyndare",
        "Zumba",
    ]
    assert initial("Återvinning", "en") == "A"
    assert initial("Överförmyndare", "en") == "O"


def test_swedish_tailorings() -> None:
    # Ø sorts as Ö, Æ as Ä, Ü as Y; v and w are different letters.
    assert sorted_by(["Ørebro", "Öppet", "Ovan"], str, "sv") == ["Ovan", "Öppet", "Ørebro"]
    assert initial("Æble", "sv") == "Ä"
    assert sorted_by(["Yxa", "Über", "Ytter"], str, "sv") == ["Über", "Ytter", "Yxa"]
    assert sorted_by(["Wien", "Vatten", "Vxx"], str, "sv") == ["Vatten", "Vxx", "Wien"]


def test_case_and_accents_only_break_ties() -> None:
    assert sorted_by(["ab", "Ab", "aa"], str, "sv") == ["aa", "ab", "Ab"]
    assert sorted_by(["é", "e", "f"], str, "en") == ["e", "é", "f"]
    # Capitals do not come before every small letter, as in byte order.
    assert sorted_by(["bil", "Anna", "Åsa"], str, "sv") == ["Anna", "bil", "Åsa"]


def test_decomposed_letters_sort_like_composed_ones() -> None:
    decomposed = "A\u030aterbruk"  # A + combining ring above
    assert initial(decomposed, "sv") == "Å"
    assert sort_key(decomposed, "sv")[0] == sort_key("Återbruk", "sv")[0]


def test_initials_for_digits_and_punctuation() -> None:
    assert initial("2026 års budget", "sv") == "0–9"
    assert initial("”Öppna data”", "sv") == "Ö"
    assert initial("…", "sv") == "#"


def test_alphabets() -> None:
    assert alphabet("sv").endswith("XYZÅÄÖ")
    assert alphabet("fi").endswith("ZÅÄÖ")
    assert alphabet("en").endswith("XYZ")


@given(st.lists(st.text(max_size=8), max_size=12), st.sampled_from(["sv", "fi", "en", "ar"]))
def test_order_is_total_and_stable(words: list[str], lang: str) -> None:
    once = sorted_by(words, str, lang)
    assert sorted_by(list(reversed(words)), str, lang) == once
    assert sorted(once) == sorted(words)
