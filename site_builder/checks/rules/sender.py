"""Every Swedish page names its sender: a unit from `data/organisation.yaml`.

Policy, "Ledningsansvar": each board and department answers for the
information about its own work; material carries relevant sender information.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..base import Finding, PageInput, PageRule, RuleContext, Severity
from ..messages import msg


def check(page: PageInput, ctx: RuleContext) -> Iterator[Finding]:
    if page.page is None:
        return
    site = page.shared.site
    meta = page.page.meta
    known = ", ".join(sorted(site.organisation.units)) or "-"
    if meta.sender is None:
        if page.lang == site.source_language:
            yield ctx.finding(
                page.path,
                meta.lines.get("sender", 1),
                msg("The page names no sender."),
                msg("Add a line 'sender: …' to the front matter with a unit id: %(units)s."),
                units=known,
            )
        return
    if site.organisation.get(meta.sender) is None:
        yield ctx.finding(
            page.path,
            meta.lines.get("sender"),
            msg("Unknown sender '%(sender)s'."),
            msg("Use a unit id from data/organisation.yaml: %(units)s."),
            sender=meta.sender,
            units=known,
        )


RULE = PageRule(
    id="sender",
    severity=Severity.ERROR,
    explanation=msg("Every Swedish page names a known sender (a unit in data/organisation.yaml)."),
    check=check,
)
