"""LIX readability of Swedish pages, with the limit set in site.yaml (default 50).

Policy, "Strategier": klarspråk, write for the reader. LIX = words per
sentence + the percentage of long words (more than six letters); 40–50 is
ordinary newspaper text, above 50 is hard, above 60 very hard. It is a blunt
measure, so it warns, and reports its counts so an editor can see why.
LIX is calibrated for Swedish; Finnish words are longer by nature, so
Finnish and English pages are not measured.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..base import Finding, PageInput, PageRule, RuleContext, Severity
from ..messages import msg


def check(page: PageInput, ctx: RuleContext) -> Iterator[Finding]:
    lix = page.lix
    if page.page is None or lix is None or lix.words < ctx.options["min_words"]:
        return
    limit = ctx.options["max"]
    if lix.score > limit:
        yield ctx.finding(
            page.path,
            None,
            msg(
                "LIX is %(score)s, above %(max)s (%(words)s words, %(sentences)s sentences, "
                "%(long)s long words)."
            ),
            msg(
                "Shorter sentences and everyday words lower it: aim for 15–20 words a sentence, "
                "and split long compound words where you can."
            ),
            score=f"{lix.score:.1f}",
            max=limit,
            words=lix.words,
            sentences=lix.sentences,
            long=lix.long_words,
        )


RULE = PageRule(
    id="lix",
    severity=Severity.WARNING,
    explanation=msg("Swedish pages are easy to read: LIX at most 50 (site.yaml: max)."),
    options={"max": 50, "min_words": 30},
    check=check,
)
