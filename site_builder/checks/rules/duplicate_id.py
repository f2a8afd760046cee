"""Ids are unique on a page: links to #fragments and labels depend on it (WCAG 4.1.1)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from ..base import Finding, PageInput, PageRule, RuleContext, Severity
from ..messages import msg


def check(page: PageInput, ctx: RuleContext) -> Iterator[Finding]:
    counts = Counter(el.get("id") for el in page.root.iter() if el.get("id"))
    lines = {h.id: h.line for h in page.body.headings} if page.body else {}
    for element_id, count in sorted(counts.items()):
        if count > 1:
            yield ctx.on_page(
                page,
                lines.get(element_id),
                msg("The id '%(id)s' is used %(count)s times on the page."),
                msg("Give headings different texts, or change the {#id} line above one of them."),
                id=element_id,
                count=count,
            )


RULE = PageRule(
    id="duplicate-id",
    severity=Severity.ERROR,
    explanation=msg("No id is used twice on a page."),
    check=check,
)
