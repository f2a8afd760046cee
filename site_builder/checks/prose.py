"""Sentences, words and LIX, from the text an editor wrote.

LIX (Björnsson 1968) = words / sentences + 100 × long words / words, where a
long word has more than six letters. Implementations disagree on what ends a
sentence; here it is `.`, `!` or `?` followed by a space and a capital letter
or digit (or the end of a paragraph, list item, cell or heading), except after
common abbreviations (t.ex., bl.a., kl.). The counts are reported with the
score, so an editor can see how it came about.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from ..markdown import TextBlock

LONG_WORD = 6
_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+[\"'“”(]?[A-ZÅÄÖÜÉ0-9])")
_ABBREVIATIONS = frozenset(
    {
        # Swedish
        *("t.ex", "bl.a", "kl", "ca", "nr", "s.k", "m.m", "o.s.v", "osv", "dvs", "d.v.s"),
        *("resp", "jfr", "st", "tel", "fr.o.m", "t.o.m", "p.g.a", "pga", "inkl", "exkl"),
        *("f.d", "e.kr", "f.kr", "ang", "enl", "mfl", "m.fl"),
        # English
        *("e.g", "i.e", "etc", "mr", "mrs", "ms", "dr", "no", "approx"),
        # Finnish
        *("esim", "ks", "mm", "ns", "puh", "klo", "vrt", "yms", "jne", "ym", "os"),
    }
)


@dataclass(frozen=True)
class Sentence:
    text: str
    line: int
    """File line where the sentence starts."""
    words: int
    long_words: int
    """Words of more than six letters (for LIX)."""


@dataclass(frozen=True)
class Lix:
    words: int
    """O: every word (a run of letters)."""
    sentences: int
    """M."""
    long_words: int
    """L: words of more than six letters."""

    @property
    def score(self) -> float:
        if not self.words or not self.sentences:
            return 0.0
        return self.words / self.sentences + 100 * self.long_words / self.words


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def split_sentences(block: TextBlock) -> Iterator[Sentence]:
    """The sentences of one block, each with the file line it starts on."""
    text = block.text
    start = 0
    for match in _END.finditer(text):
        before = text[start : match.start()].rsplit(None, 1)
        last_word = before[-1].lower().rstrip(".") if before else ""
        if last_word in _ABBREVIATIONS or (len(last_word) == 1 and last_word.isalpha()):
            continue
        yield _sentence(text, start, match.end(), block.line)
        start = match.end()
    if text[start:].strip():
        yield _sentence(text, start, len(text), block.line)


def _sentence(text: str, start: int, end: int, first_line: int) -> Sentence:
    chunk = text[start:end]
    lead = len(chunk) - len(chunk.lstrip())
    found = words(chunk)
    return Sentence(
        text=" ".join(chunk.split()),
        line=first_line + text.count("\n", 0, start + lead),
        words=len(found),
        long_words=sum(1 for w in found if len(w) > LONG_WORD and _letters(w) > LONG_WORD),
    )


def sentences_of(blocks: Iterable[TextBlock]) -> tuple[Sentence, ...]:
    return tuple(s for block in blocks for s in split_sentences(block) if s.words)


def lix_of(sentences: Iterable[Sentence]) -> Lix | None:
    """LIX over the sentences; None when there is no text to measure."""
    total_words = total_sentences = long_words = 0
    for sentence in sentences:
        total_words += sentence.words
        total_sentences += 1
        long_words += sentence.long_words
    if not total_words:
        return None
    return Lix(words=total_words, sentences=total_sentences, long_words=long_words)


def _letters(word: str) -> int:
    """Letters in a word: all of it, unless it holds a hyphen, apostrophe or combining mark."""
    return len(word) if word.isalpha() else sum(ch.isalpha() for ch in word)
