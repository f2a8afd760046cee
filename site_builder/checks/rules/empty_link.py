"""Every link has a name a screen reader can announce (WCAG 2.4.4, 4.1.2)."""

from __future__ import annotations

from collections.abc import Iterator

from ..base import Finding, PageInput, PageRule, RuleContext, Severity
from ..html import accessible_name
from ..messages import msg


def check(page: PageInput, ctx: RuleContext) -> Iterator[Finding]:
    lines: dict[str, int] = {}
    if page.body is not None:
        for link in page.body.links:
            if not link.is_image and not link.text.strip():
                lines.setdefault(link.href, link.line)
    for anchor in page.root.iter("a"):
        href = anchor.get("href")
        if href is None or accessible_name(anchor):
            continue
        yield ctx.on_page(
            page,
            lines.get(href),
            msg("A link to %(href)s has no text."),
            msg("Write the link text between the brackets: [Where it goes](%(href)s)."),
            href=href,
        )


RULE = PageRule(
    id="empty-link",
    severity=Severity.ERROR,
    explanation=msg("Every link has text (or an image with a text alternative)."),
    check=check,
)
