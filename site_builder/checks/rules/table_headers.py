"""Tables have header cells, so each cell can be read with its heading (WCAG 1.3.1)."""

from __future__ import annotations

from collections.abc import Iterator

from ..base import Finding, PageInput, PageRule, RuleContext, Severity
from ..html import text_of
from ..messages import msg


def check(page: PageInput, ctx: RuleContext) -> Iterator[Finding]:
    for number, table in enumerate(page.root.iter("table"), start=1):
        headers = [th for th in table.iter("th") if text_of(th)]
        if not headers:
            yield ctx.on_page(
                page,
                None,
                msg("Table %(number)s has no header cells."),
                msg("Give the table a row of headings: | Day | Opening hours |, then |---|---|."),
                number=number,
            )


RULE = PageRule(
    id="table-headers",
    severity=Severity.ERROR,
    explanation=msg("Every table has header cells with text."),
    check=check,
)
