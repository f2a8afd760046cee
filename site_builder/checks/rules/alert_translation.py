"""Important messages in every main language (the crisis communication plan).

Hällefors is in the Finnish administrative area, and the policy makes
Finnish and English the first languages after Swedish; in a crisis, a
message that Finnish readers get only in Swedish is a message some of them
miss. A message without a main language still shows (in Swedish, marked
`lang="sv"`), so this is a warning, for every message shown now or later.
"""

from __future__ import annotations

from collections.abc import Iterator

from ...content.alerts import ALERTS_FILE, missing_languages
from ..base import Finding, RuleContext, Severity, SiteInput, SiteRule
from ..messages import msg


def check(site_input: SiteInput, ctx: RuleContext) -> Iterator[Finding]:
    site = site_input.shared.site
    coming = site.schedule.coming_alerts if site.schedule is not None else ()
    for alert in (*site.alerts, *coming):
        missing = missing_languages(alert, site.languages)
        if missing:
            yield ctx.finding(
                ALERTS_FILE,
                alert.line,
                msg(
                    "The important message '%(id)s' has no text in %(languages)s: readers "
                    "of those languages get the %(source)s text."
                ),
                msg("Add the translations under text:; in a crisis, every main language matters."),
                id=alert.id,
                languages=", ".join(missing),
                source=site.source_language,
            )


RULE = SiteRule(
    id="alert-translation",
    severity=Severity.WARNING,
    explanation=msg("Important messages shown now or later have a text in every main language."),
    check=check,
)
