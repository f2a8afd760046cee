"""Every page carries the logo, with a text alternative, linking to the home page.

Policy, "Informations- och kommunikationsansvar": material is clearly marked
with the logo and the sender, following the graphic profile.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..base import Finding, PageInput, PageRule, RuleContext, Severity
from ..messages import msg
from ..urls import home_url, home_urls


def check(page: PageInput, ctx: RuleContext) -> Iterator[Finding]:
    home = home_url(page.shared.site, page.lang)
    homes = home_urls(page.shared.site)
    logos = [
        img
        for anchor in page.root.iter("a")
        if anchor.get("href") in homes
        for img in anchor.iter("img")
    ]
    if not logos:
        yield ctx.on_page(
            page,
            None,
            msg("The page has no logo linking to the home page (%(home)s)."),
            msg("The theme's header should show the logo as an image inside a link home."),
            home=home,
        )
    elif not any((img.get("alt") or "").strip() for img in logos):
        yield ctx.on_page(
            page,
            None,
            msg("The logo has no text alternative."),
            msg("Give the logo image an alt text with the organisation's name."),
        )


RULE = PageRule(
    id="logo",
    severity=Severity.ERROR,
    explanation=msg(
        "Every page shows the logo, with a text alternative, linking to the home page."
    ),
    check=check,
)
