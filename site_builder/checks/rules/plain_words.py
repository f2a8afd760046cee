"""Officialese, with the plain word to use instead (`data/plain-words.yaml`).

Policy, "Strategier": understandable words, following Myndigheternas
skrivregler. The list gives, per language, words and phrases that make a text
stiff or old-fashioned, the forms they take, and a plain replacement.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from ...checkdata import PlainWord
from ..base import Finding, PageInput, PageRule, RuleContext, Severity
from ..messages import msg


@lru_cache(maxsize=16)
def _pattern(words: tuple[PlainWord, ...]) -> tuple[re.Pattern[str], dict[str, PlainWord]] | None:
    by_form = {form.casefold(): word for word in words for form in word.forms}
    if not by_form:
        return None
    alternation = "|".join(re.escape(f) for f in sorted(by_form, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternation})(?![\w-])", re.IGNORECASE), by_form


def check(page: PageInput, ctx: RuleContext) -> Iterator[Finding]:
    if page.page is None:
        return
    compiled = _pattern(page.shared.data.plain_words.get(page.lang, ()))
    if compiled is None:
        return
    pattern, by_form = compiled
    for block in page.blocks:
        for match in pattern.finditer(block.text):
            word = by_form[match.group(0).casefold()]
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
