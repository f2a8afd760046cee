"""Alphabetical order as each language has it, for the A–Ö index.

Swedish and Finnish end the alphabet with Å, Ä, Ö, after Z; English files
Å under A and Ö under O. Byte order gets both wrong (it puts Ä before Å,
and every capital before every small letter), and Python's `locale` module
depends on what the machine happens to have installed. PyICU would do this
properly but has no wheels on PyPI, so this module implements the part of
the Unicode Collation Algorithm an index of page titles needs, with the
tailorings of CLDR's `sv` and `fi` standard collations:

- sv: å < ä < ö after z; æ and ę sort as ä, ø, œ, ő and ô as ö; ü and ű as y;
  đ and ð as d; þ as th. v and w are different letters (the 2006 reform).
- fi: å < ä < ö after z; æ sorts as ä, ø, õ, ő and œ as ö; ü and ű as y;
  đ as d, ŋ as n, ŧ as t.
- other languages (the CLDR root order): every accented letter sorts as its
  base letter, æ as ae, ø as o, þ as th.

Comparison is in three levels: the letters; then the accents (plain before
accented); then case (lower before upper), so "Ål" and "al" never tie.
Spaces and punctuation sort before digits, digits before letters, Latin
before other scripts.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable
from typing import TypeVar

T = TypeVar("T")

_LATIN = "abcdefghijklmnopqrstuvwxyz"

#: The letters after z, and letters that sort as another letter (secondary difference).
_TAILORINGS: dict[str, tuple[str, dict[str, str]]] = {
    "sv": (
        _LATIN + "åäö",
        {
            "å": "å", "ä": "ä", "æ": "ä", "ę": "ä",
            "ö": "ö", "ø": "ö", "œ": "ö", "ő": "ö", "ô": "ö",
            "ü": "y", "ű": "y", "đ": "d", "ð": "d", "þ": "th",
        },
    ),
    "fi": (
        _LATIN + "åäö",
        {
            "å": "å", "ä": "ä", "æ": "ä",
            "ö": "ö", "ø": "ö", "õ": "ö", "ő": "ö", "œ": "ö",
            "ü": "y", "ű": "y", "đ": "d", "ŋ": "n", "ŧ": "t",
        },
    ),
}  # fmt: skip
_ROOT: tuple[str, dict[str, str]] = (
    _LATIN,
    {"æ": "ae", "ø": "o", "œ": "oe", "đ": "d", "ð": "d", "þ": "th", "ß": "ss", "ł": "l"},
)

_PUNCTUATION, _DIGIT, _LETTER, _OTHER = range(4)

Weight = tuple[int, int]
SortKey = tuple[tuple[Weight, ...], tuple[int, ...], tuple[int, ...], str]


def _tailoring(lang: str) -> tuple[str, dict[str, str]]:
    return _TAILORINGS.get(lang.split("-")[0].lower(), _ROOT)


def sort_key(text: str, lang: str) -> SortKey:
    """A key that orders strings the way the language's alphabetical lists do."""
    alphabet, special = _tailoring(lang)
    position = {letter: index for index, letter in enumerate(alphabet)}
    primary: list[Weight] = []
    secondary: list[int] = []
    tertiary: list[int] = []
    for char in unicodedata.normalize("NFC", text):
        lower = char.lower()
        upper = 1 if char != lower else 0
        if lower in special:
            letters, accent = special[lower], 1 + list(special).index(lower)
        else:
            decomposed = unicodedata.normalize("NFD", lower)
            letters = decomposed[0]
            accent = sum(ord(mark) for mark in decomposed[1:])  # 0: no accent
            if decomposed[0] in special:  # e.g. a decomposed "å" in Swedish
                letters = special[decomposed[0]]
        for letter in letters:
            primary.append(_weight(letter, position))
            secondary.append(accent)
            tertiary.append(upper)
    return tuple(primary), tuple(secondary), tuple(tertiary), text


def _weight(letter: str, position: dict[str, int]) -> Weight:
    if letter in position:
        return (_LETTER, position[letter])
    if letter.isdigit():
        return (_DIGIT, unicodedata.digit(letter, 0))
    if letter.isalpha():
        return (_OTHER, ord(letter))
    return (_PUNCTUATION, ord(letter))


def sorted_by(items: Iterable[T], text_of: Callable[[T], str], lang: str) -> list[T]:
    """Items in the language's alphabetical order of `text_of(item)`."""
    return sorted(items, key=lambda item: sort_key(text_of(item), lang))


def initial(text: str, lang: str) -> str:
    """The letter a title is filed under: "Återvinning" → "Å" in Swedish, "A" in English.

    Leading spaces and punctuation are skipped; titles starting with a digit go
    under "0–9"; a title with no letter or digit under "#".
    """
    alphabet, _ = _tailoring(lang)
    for weight in sort_key(text, lang)[0]:
        group, value = weight
        if group == _LETTER:
            return alphabet[value].upper()
        if group == _DIGIT:
            return "0–9"
        if group == _OTHER:
            return chr(value).upper()
    return "#"


def alphabet(lang: str) -> str:
    """The letters of the language's alphabet in order, as capitals."""
    return _tailoring(lang)[0].upper()
