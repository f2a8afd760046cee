"""Exactly one main heading (h1) per page: the page's title (WCAG 1.3.1, 2.4.6)."""

from __future__ import annotations

from collections.abc import Iterator

from ..base import Finding, PageInput, PageRule, RuleContext, Severity
from ..messages import msg


def check(page: PageInput, ctx: RuleContext) -> Iterator[Finding]:
    count = sum(1 for _ in page.root.iter("h1"))
    if count == 1:
        return
    if count == 0:
        yield ctx.on_page(
            page,
            None,
            msg("The page has no main heading (h1)."),
            msg("The theme should show the page's title as <h1>."),
        )
        return
    extra = [h for h in (page.body.headings if page.body else ()) if h.level == 1]
    if extra:
        for heading in extra:
            yield ctx.on_page(
                page,
                heading.line,
                msg("A second main heading: '%(text)s'."),
                msg("The title is the page's only h1; start headings in the text at ## (h2)."),
                text=heading.text,
            )
        return
    yield ctx.on_page(
        page,
        None,
        msg("The page has %(count)s main headings (h1); it should have one."),
        msg("The theme should show only the page's title as <h1>."),
        count=count,
    )


RULE = PageRule(
    id="one-h1",
    severity=Severity.ERROR,
    explanation=msg("Every page has exactly one main heading (h1)."),
    check=check,
)
