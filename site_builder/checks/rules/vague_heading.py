"""Headings say what the section is about: not "Övrigt", "Allmänt", "Information".

Policy, "Strategier" (klarspråk): informative headings. Readers scan headings
to find their way; a heading that fits any section helps nobody.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..base import Finding, PageInput, PageRule, RuleContext, Severity
from ..messages import msg

BY_LANGUAGE: dict[str, frozenset[str]] = {
    "sv": frozenset(
        {
            "övrigt",
            "allmänt",
            "information",
            "info",
            "diverse",
            "blandat",
            "inledning",
            "övrig information",
            "allmän information",
            "mer information",
            "mer info",
            "fakta",
            "text",
            "rubrik",
            "annat",
            "bra att veta",
        }
    ),
    "fi": frozenset(
        {
            "muuta",
            "yleistä",
            "tietoa",
            "info",
            "sekalaista",
            "johdanto",
            "lisätietoja",
            "muut tiedot",
            "yleiset tiedot",
            "hyvä tietää",
            "otsikko",
        }
    ),
    "en": frozenset(
        {
            "other",
            "general",
            "information",
            "miscellaneous",
            "misc",
            "introduction",
            "more information",
            "other information",
            "general information",
            "good to know",
            "heading",
            "various",
        }
    ),
}
#: Checked on every page whatever its language: a link text may be in another one.
VAGUE = frozenset().union(*BY_LANGUAGE.values())
_TRIM = re.compile(r"[\s.:!?…]+")


def check(page: PageInput, ctx: RuleContext) -> Iterator[Finding]:
    if page.page is None:
        return
    candidates = [(page.page.title, page.page.meta.lines.get("title"))]
    if page.body is not None:
        candidates += [(h.text, h.line) for h in page.body.headings]
    for text, line in candidates:
        if _TRIM.sub(" ", text.casefold()).strip() in VAGUE:
            yield ctx.finding(
                page.path,
                line,
                msg("The heading '%(text)s' does not say what the section is about."),
                msg("Write what the reader finds here, for example 'Så ansöker du'."),
                text=text,
            )


RULE = PageRule(
    id="vague-heading",
    severity=Severity.WARNING,
    explanation=msg("Headings are informative (not 'Övrigt', 'Allmänt', 'Information')."),
    check=check,
)
