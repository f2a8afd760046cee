"""Sentences of more than 35 words are hard to follow; split them.

Myndigheternas skrivregler: vary sentence length, keep most sentences short.
Applies in every language.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..base import Finding, PageInput, PageRule, RuleContext, Severity
from ..messages import msg


def check(page: PageInput, ctx: RuleContext) -> Iterator[Finding]:
    if page.page is None:
        return
    limit = ctx.options["max_words"]
    for sentence in page.sentences:
        if sentence.words > limit:
            start = " ".join(sentence.text.split()[:8])
            yield ctx.finding(
                page.path,
                sentence.line,
                msg("A sentence of %(words)s words (more than %(max)s): “%(start)s …”"),
                msg("Split it into two or three sentences; say one thing in each."),
                words=sentence.words,
                max=limit,
                start=start,
            )


RULE = PageRule(
    id="long-sentence",
    severity=Severity.WARNING,
    explanation=msg("No sentence is longer than 35 words (site.yaml: max_words)."),
    options={"max_words": 35},
    check=check,
)
