"""Translations made from an older version of their Swedish page.

Each translation records in `source_version` the git blob id of the Swedish
file it was made from; when the Swedish file changes, the translation is
outdated. Policy: information is correct and complete, in every language.
"""

from __future__ import annotations

from collections.abc import Iterator

from ...translation_status import State, all_states
from ..base import Finding, RuleContext, Severity, SiteInput, SiteRule
from ..messages import msg


def check(site_input: SiteInput, ctx: RuleContext) -> Iterator[Finding]:
    site = site_input.shared.site
    languages = (*site.languages[1:], *site.other_languages())
    for state in all_states(site, languages):
        if state.state is State.OUTDATED and state.page is not None:
            yield ctx.finding(
                state.page.source,
                state.page.meta.lines.get("source_version"),
                msg("The translation was made from an older version of %(source)s."),
                msg(
                    "Bring the translation up to date with the Swedish page, then set "
                    "source_version: %(digest)s"
                ),
                source=state.source.source,
                digest=state.source.digest,
            )


RULE = SiteRule(
    id="translation-outdated",
    severity=Severity.WARNING,
    explanation=msg("Translations are made from the current version of their Swedish page."),
    check=check,
)
