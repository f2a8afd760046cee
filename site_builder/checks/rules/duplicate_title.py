"""No two pages in one language share a title (WCAG 2.4.2: pages are titled).

Tabs, bookmarks, search results and screen readers' window lists show the
title; two pages with the same one cannot be told apart.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..base import Finding, PageFacts, RuleContext, Severity, SiteInput, SiteRule
from ..messages import msg


def check(site_input: SiteInput, ctx: RuleContext) -> Iterator[Finding]:
    groups: dict[tuple[str, str], list[PageFacts]] = {}
    for facts in site_input.pages:
        if facts.title:
            groups.setdefault((facts.lang, facts.title.casefold()), []).append(facts)
    for pages in groups.values():
        if len(pages) < 2:
            continue
        for facts in pages:
            others = ", ".join(p.path for p in pages if p is not facts)
            yield ctx.finding(
                facts.path,
                None,
                msg("The title '%(title)s' is also the title of %(others)s."),
                msg("Give each page a title of its own that says what it is about."),
                output=facts.output,
                title=facts.title,
                others=others,
            )


RULE = SiteRule(
    id="duplicate-title",
    severity=Severity.ERROR,
    explanation=msg("No two pages in the same language have the same title."),
    check=check,
)
