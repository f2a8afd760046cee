"""Every page shows its unit's direct phone number and e-mail address.

Policy, "Strategier": a quick answer from the right place, a direct number
wherever possible, employees easy to reach.
"""

from __future__ import annotations

from collections.abc import Iterator

from ...model import Unit
from ..base import Finding, PageInput, PageRule, RuleContext, Severity
from ..html import text_of
from ..messages import msg


def unit_of(page: PageInput) -> Unit | None:
    site = page.shared.site
    if page.page is None:  # a theme page (404): the site's own contact unit
        units = site.organisation.units
        chosen = site.config.contact_unit
        return units.get(chosen) if chosen else next(iter(units.values()), None)
    source = site.page(page.page.key, site.source_language)
    sender = page.page.meta.sender or (source.meta.sender if source else None)
    return site.organisation.get(sender)


def check(page: PageInput, ctx: RuleContext) -> Iterator[Finding]:
    unit = unit_of(page)
    if unit is None:  # no sender or an unknown one: the `sender` rule says so
        return
    phone = email = False
    for anchor in page.root.iter("a"):
        href = anchor.get("href") or ""
        text = text_of(anchor)
        if href.startswith("tel:") and text == unit.phone:
            phone = True
        elif href.split("?")[0] == f"mailto:{unit.email}" and text == unit.email:
            email = True
    if not phone:
        yield ctx.on_page(
            page,
            None,
            msg("The page does not show the phone number of %(unit)s (%(phone)s)."),
            msg("The theme's contact block should show the unit's phone number as a tel: link."),
            unit=unit.id,
            phone=unit.phone,
        )
    if not email:
        yield ctx.on_page(
            page,
            None,
            msg("The page does not show the e-mail address of %(unit)s (%(email)s)."),
            msg("The theme's contact block should show the unit's e-mail as a mailto: link."),
            unit=unit.id,
            email=unit.email,
        )


RULE = PageRule(
    id="contact",
    severity=Severity.ERROR,
    explanation=msg("Every page shows its unit's direct phone number and e-mail address."),
    check=check,
)
