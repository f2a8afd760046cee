"""Other pages without a translation in a main language, listed for the translators."""

from __future__ import annotations

from collections.abc import Iterator

from ...translation_status import State, all_states
from ..base import Finding, RuleContext, Severity, SiteInput, SiteRule
from ..messages import msg
from ._translations import translation_file


def check(site_input: SiteInput, ctx: RuleContext) -> Iterator[Finding]:
    site = site_input.shared.site
    required = set(site.config.required_translations)
    for state in all_states(site):
        if state.state is State.MISSING and state.key not in required:
            yield ctx.finding(
                state.source.source,
                None,
                msg("There is no %(language)s translation."),
                msg("Translators: create %(file)s."),
                language=state.lang,
                file=translation_file(state.source, state.lang),
            )


RULE = SiteRule(
    id="translation-missing",
    severity=Severity.WARNING,
    explanation=msg("Pages without a translation in a main language are listed."),
    check=check,
)
