"""`<html lang>` names the page's language (WCAG 3.1.1), so screen readers pronounce it right."""

from __future__ import annotations

from collections.abc import Iterator

from ..base import Finding, PageInput, PageRule, RuleContext, Severity
from ..messages import msg


def check(page: PageInput, ctx: RuleContext) -> Iterator[Finding]:
    lang = (page.root.get("lang") or "").strip()
    if not lang:
        yield ctx.on_page(
            page,
            None,
            msg("The page has no lang attribute on <html>."),
            msg('The theme\'s base template should write <html lang="{{ page.lang }}">.'),
        )
    elif lang.lower() != page.lang.lower():
        yield ctx.on_page(
            page,
            None,
            msg('<html lang="%(found)s"> does not match the page\'s language (%(lang)s).'),
            msg("The language comes from the file name (NAME.%(lang)s.md); check the template."),
            found=lang,
            lang=page.lang,
        )


RULE = PageRule(
    id="html-lang",
    severity=Severity.ERROR,
    explanation=msg("The <html> element names the page's language."),
    check=check,
)
