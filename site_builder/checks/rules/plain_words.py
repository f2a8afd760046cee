"""Officialese, with the plain word to use instead (`data/plain-words.yaml`).

Policy, "Strategier": understandable words, following Myndigheternas
skrivregler. The list gives, per language, words and phrases that make a text
stiff or old-fashioned, the forms they take, and a plain replacement.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from ...checkdata import PlainWord
from ..base import Finding, PageInput, PageRule, RuleContext, Severity
from ..messages import msg

_TOKEN = re.compile(r"[\w-]+")


@dataclass(frozen=True)
class _Matcher:
    pattern: re.Pattern[str]
    by_form: dict[str, PlainWord]
    keys: frozenset[str]
    """One token of every form (its longest): a block without any of them has no match.

    Python's regex engine tries the whole alternation at every position of the text,
    which made this the slowest rule; a set lookup of a block's tokens skips the
    regex for the nine blocks in ten that hold none of the words.
    """


@lru_cache(maxsize=16)
def _matcher(words: tuple[PlainWord, ...]) -> _Matcher | None:
    by_form = {form.casefold(): word for word in words for form in word.forms}
    if not by_form:
        return None
    alternation = "|".join(re.escape(f) for f in sorted(by_form, key=len, reverse=True))
    keys = frozenset(max(_TOKEN.findall(form) or [form], key=len) for form in by_form)
    return _Matcher(
        pattern=re.compile(rf"(?<![\w-])(?:{alternation})(?![\w-])", re.IGNORECASE),
        by_form=by_form,
        keys=keys,
    )


def check(page: PageInput, ctx: RuleContext) -> Iterator[Finding]:
    if page.page is None:
        return
    matcher = _matcher(page.shared.data.plain_words.get(page.lang, ()))
    if matcher is None:
        return
    for block in page.blocks:
        if matcher.keys.isdisjoint(_TOKEN.findall(block.text.casefold())):
            continue
        for match in matcher.pattern.finditer(block.text):
            word = matcher.by_form[match.group(0).casefold()]
            yield ctx.finding(
                page.path,
                block.line + block.text.count("\n", 0, match.start()),
                msg("'%(found)s' is officialese; write '%(use)s' instead."),
                msg("The list of plain words, with its sources, is in data/plain-words.yaml."),
                found=match.group(0),
                use=word.use,
            )


RULE = PageRule(
    id="plain-words",
    severity=Severity.WARNING,
    explanation=msg("No officialese from data/plain-words.yaml; use the plain word it suggests."),
    check=check,
)
