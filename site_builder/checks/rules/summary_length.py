"""A summary is short: at most two sentences and 300 characters.

It is shown first and in larger text, and used in lists, search results and
links shared on social media; a long one hides the point.
"""

from __future__ import annotations

from collections.abc import Iterator

from ...markdown import TextBlock
from ..base import Finding, PageInput, PageRule, RuleContext, Severity
from ..messages import msg
from ..prose import split_sentences


def check(page: PageInput, ctx: RuleContext) -> Iterator[Finding]:
    if page.page is None or not page.page.meta.summary:
        return
    summary = page.page.meta.summary
    line = page.page.meta.lines.get("summary")
    sentences = [s for s in split_sentences(TextBlock("summary", summary, line or 1)) if s.words]
    max_chars, max_sentences = ctx.options["max_chars"], ctx.options["max_sentences"]
    if len(summary) > max_chars or len(sentences) > max_sentences:
        yield ctx.finding(
            page.path,
            line,
            msg("The summary is %(chars)s characters in %(sentences)s sentences."),
            msg("Keep it to at most %(max_sentences)s sentences and %(max_chars)s characters."),
            chars=len(summary),
            sentences=len(sentences),
            max_chars=max_chars,
            max_sentences=max_sentences,
        )


RULE = PageRule(
    id="summary-length",
    severity=Severity.WARNING,
    explanation=msg("Summaries are at most two sentences and 300 characters."),
    options={"max_chars": 300, "max_sentences": 2},
    check=check,
)
