"""Headings do not skip levels (h2 → h4), so their outline makes sense (WCAG 1.3.1)."""

from __future__ import annotations

from collections.abc import Iterator

from ..base import Finding, PageInput, PageRule, RuleContext, Severity
from ..html import text_of
from ..messages import msg

_LEVELS = {f"h{n}": n for n in range(1, 7)}


def check(page: PageInput, ctx: RuleContext) -> Iterator[Finding]:
    lines = {h.id: h.line for h in page.body.headings} if page.body else {}
    previous = 0
    for element in page.root.iter():
        level = _LEVELS.get(element.tag) if isinstance(element.tag, str) else None
        if level is None:
            continue
        if previous and level > previous + 1:
            yield ctx.on_page(
                page,
                lines.get(element.get("id") or ""),
                msg("The heading '%(text)s' (h%(level)s) skips a level after an h%(previous)s."),
                msg("Make it an h%(expected)s: in Markdown, %(hashes)s at the start of the line."),
                text=text_of(element),
                level=level,
                previous=previous,
                expected=previous + 1,
                hashes="#" * (previous + 1),
            )
        previous = level


RULE = PageRule(
    id="heading-order",
    severity=Severity.ERROR,
    explanation=msg("Headings do not skip levels."),
    check=check,
)
