"""Sentence splitting and LIX counts, on the text an editor wrote."""

from __future__ import annotations

from site_builder.checks.prose import lix_of, sentences_of, split_sentences
from site_builder.markdown import TextBlock


def texts(text: str) -> list[str]:
    return [s.text for s in split_sentences(TextBlock("p", text, 1))]


def test_a_full_stop_before_a_capital_ends_a_sentence() -> None:
    assert texts("Biblioteket är öppet. Välkommen in!") == [
        "Biblioteket är öppet.",
        "Välkommen in!",
    ]


def test_abbreviations_and_initials_do_not_end_a_sentence() -> None:
    assert texts("Ta med t.ex. ID-kort. Kom kl. 9 till A. Berg.") == [
        "Ta med t.ex. ID-kort.",
        "Kom kl. 9 till A. Berg.",
    ]
    assert texts("Lisätietoja ks. Liite 2. Tervetuloa.") == [
        "Lisätietoja ks. Liite 2.",
        "Tervetuloa.",
    ]


def test_a_long_word_ending_like_an_abbreviation_still_ends_the_sentence() -> None:
    # A word that merely ends in an abbreviation's letters ("...kl") is a word.
    word = "Förvaltningsövergripandeprojektmål"
    assert texts(f"Det gäller {word}. Nästa mening.") == [f"Det gäller {word}.", "Nästa mening."]
    assert texts(f"{word}kl. Nästa mening.") == [f"{word}kl.", "Nästa mening."]
    assert texts("Ring kl. Nio är bra.") == ["Ring kl. Nio är bra."]


def test_sentences_carry_their_file_line() -> None:
    found = list(split_sentences(TextBlock("p", "Första meningen.\nAndra meningen.", 7)))
    assert [s.line for s in found] == [7, 8]


def test_long_words_have_more_than_six_letters_hyphens_not_counted() -> None:
    (sentence,) = split_sentences(TextBlock("p", "Kommunen ordnar e-tjänst och skolskjuts.", 1))
    # Kommunen (8), e-tjänst (7 letters), skolskjuts (10); ordnar (6) and och are short.
    assert (sentence.words, sentence.long_words) == (5, 3)
    (short,) = split_sentences(TextBlock("p", "Ett e-kort.", 1))
    assert short.long_words == 0  # "e-kort": five letters, six characters


def test_lix_from_counts() -> None:
    sentences = sentences_of([TextBlock("p", "Kommunen ordnar skolskjuts. Vi hjälper dig.", 1)])
    lix = lix_of(sentences)
    assert lix is not None
    assert (lix.words, lix.sentences, lix.long_words) == (6, 2, 3)  # Kommunen, skolskjuts, hjälper
    assert round(lix.score, 1) == round(6 / 2 + 100 * 3 / 6, 1)
    assert lix_of([]) is None
