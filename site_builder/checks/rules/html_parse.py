"""The built page parses without errors, as browsers and assistive technology read it."""

from __future__ import annotations

from collections.abc import Iterator

from ..base import Finding, PageInput, PageRule, RuleContext, Severity
from ..messages import msg

MAX_PER_PAGE = 5


def check(page: PageInput, ctx: RuleContext) -> Iterator[Finding]:
    for line, column, code in page.parse_errors[:MAX_PER_PAGE]:
        yield ctx.on_page(
            page,
            None,
            msg(
                "HTML parse error '%(code)s' at line %(row)s, column %(column)s of the built page."
            ),
            msg("This comes from the theme's templates; fix the markup there."),
            code=code,
            row=line,
            column=column,
        )


RULE = PageRule(
    id="html-parse",
    severity=Severity.ERROR,
    explanation=msg("The built HTML parses without errors."),
    check=check,
)
