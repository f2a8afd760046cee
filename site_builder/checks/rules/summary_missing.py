"""Every page starts with a summary (ingress): the most important point first.

Policy, "Strategier" (klarspråk): summary first.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..base import Finding, PageInput, PageRule, RuleContext, Severity
from ..messages import msg


def check(page: PageInput, ctx: RuleContext) -> Iterator[Finding]:
    if page.page is not None and not page.page.meta.summary:
        yield ctx.finding(
            page.path,
            page.page.meta.lines.get("summary", 1),
            msg("The page has no summary."),
            msg(
                "Add 'summary: …' to the front matter: one or two sentences with what matters most."
            ),
        )


RULE = PageRule(
    id="summary-missing",
    severity=Severity.ERROR,
    explanation=msg("Every page has a summary (ingress)."),
    check=check,
)
