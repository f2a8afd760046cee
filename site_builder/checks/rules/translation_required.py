"""Pages that must exist in every main language do (site.yaml: required_translations).

Policy, "Strategier": Finnish and English are the first languages to
complement Swedish. Hällefors is in the Finnish administrative area: the
pages on Finnish speakers' rights, contact and main services must exist in
Finnish, and the build fails when one does not.
"""

from __future__ import annotations

from collections.abc import Iterator

from ...translation_status import State, state_of
from ..base import Finding, RuleContext, Severity, SiteInput, SiteRule
from ..messages import msg
from ._translations import translation_file


def check(site_input: SiteInput, ctx: RuleContext) -> Iterator[Finding]:
    site = site_input.shared.site
    keys = set(site.page_keys())
    for key in site.config.required_translations:
        if key not in keys:
            yield ctx.finding(
                "site.yaml",
                None,
                msg("required_translations lists '%(key)s', but there is no such page."),
                msg("Use the page's path in content/ without language and .md ('' is home)."),
                key=key,
            )
            continue
        for lang in site.languages[1:]:
            state = state_of(site, key, lang)
            if state.state is State.MISSING:
                yield ctx.finding(
                    state.source.source,
                    None,
                    msg("The page must exist in %(language)s, but has no translation."),
                    msg("Create %(file)s (site.yaml lists the page in required_translations)."),
                    language=lang,
                    file=translation_file(state.source, lang),
                )


RULE = SiteRule(
    id="translation-required",
    severity=Severity.ERROR,
    explanation=msg("Pages in required_translations exist in every main language."),
    check=check,
)
