"""Translations that do not record which version of the Swedish page they follow.

Without `source_version` nobody can tell when the translation falls behind.
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
        if state.state is State.UNTRACKED and state.page is not None:
            yield ctx.finding(
                state.page.source,
                1,
                msg("The translation does not say which version of %(source)s it was made from."),
                msg(
                    "When it matches the Swedish page as it is now, add "
                    "source_version: %(digest)s to its front matter."
                ),
                source=state.source.source,
                digest=state.source.digest,
            )


RULE = SiteRule(
    id="translation-untracked",
    severity=Severity.WARNING,
    explanation=msg("Translations record the version of the Swedish page they were made from."),
    check=check,
)
