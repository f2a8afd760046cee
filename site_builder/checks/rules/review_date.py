"""Pages are reviewed at least every twelve months (site.yaml: review_after_months).

Policy, "Informations- och kommunikationsansvar": information is correct and
complete. A page nobody has looked at for a year may no longer be.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from ..base import Finding, PageInput, PageRule, RuleContext, Severity
from ..messages import msg


def add_months(day: date, months: int) -> date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise ValueError(day)  # pragma: no cover - every month has a 28th


def check(page: PageInput, ctx: RuleContext) -> Iterator[Finding]:
    site = page.shared.site
    if page.page is None or page.lang != site.source_language:
        return
    reviewed = page.page.meta.reviewed
    if reviewed is None:
        return
    months = site.config.review_after_months
    due = add_months(reviewed, months)
    if due < page.shared.today:
        yield ctx.finding(
            page.path,
            page.page.meta.lines.get("reviewed"),
            msg("The page was last reviewed on %(date)s, more than %(months)s months ago."),
            msg(
                "Check that everything on it is still right, then set 'reviewed:' to today's date."
            ),
            date=reviewed.isoformat(),
            months=months,
        )


RULE = PageRule(
    id="review-date",
    severity=Severity.WARNING,
    explanation=msg(
        "Pages were reviewed within the last 12 months (site.yaml: review_after_months)."
    ),
    check=check,
)
