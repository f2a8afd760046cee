"""Link texts say where the link goes, also read out of context (WCAG 2.4.4).

Screen reader users often list a page's links; "klicka här" and "läs mer"
then say nothing. Policy, "Strategier": write for the reader.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..base import Finding, PageInput, PageRule, RuleContext, Severity
from ..html import accessible_name
from ..messages import msg

BY_LANGUAGE: dict[str, frozenset[str]] = {
    "sv": frozenset(
        {
            "klicka här",
            "klicka",
            "här",
            "läs mer",
            "läs mer här",
            "mer",
            "mer info",
            "mer information",
            "länk",
            "den här länken",
            "denna länk",
            "se här",
            "läs här",
            "gå hit",
            "hit",
            "ladda ner",
            "ladda ned",
            "klicka på länken",
            "fortsätt läsa",
        }
    ),
    "fi": frozenset(
        {
            "klikkaa tästä",
            "klikkaa",
            "tästä",
            "täältä",
            "tässä",
            "lue lisää",
            "lisää",
            "lisätietoja",
            "linkki",
            "katso tästä",
            "lue tästä",
            "tästä linkistä",
            "lataa",
        }
    ),
    "en": frozenset(
        {
            "click here",
            "click",
            "here",
            "read more",
            "more",
            "more info",
            "more information",
            "learn more",
            "link",
            "this link",
            "this page",
            "go here",
            "download",
            "continue reading",
        }
    ),
}
#: Checked on every page whatever its language: a link text may be in another one.
VAGUE = frozenset().union(*BY_LANGUAGE.values())
_PUNCTUATION = re.compile(r"[\s.,:;!?…»«\"'()\[\]→>-]+")


def normalised(text: str) -> str:
    return _PUNCTUATION.sub(" ", text.casefold()).strip()


def check(page: PageInput, ctx: RuleContext) -> Iterator[Finding]:
    lines: dict[str, int] = {}
    if page.body is not None:
        for link in page.body.links:
            if not link.is_image:
                lines.setdefault(normalised(link.text), link.line)
    for anchor in page.root.iter("a"):
        if anchor.get("href") is None:
            continue
        name = accessible_name(anchor)
        key = normalised(name)
        if key in VAGUE:
            yield ctx.on_page(
                page,
                lines.get(key),
                msg("The link text '%(text)s' says nothing about where the link goes."),
                msg(
                    "Write what the reader gets, for example "
                    "[Ansök om plats i förskolan](…) instead of 'klicka här'."
                ),
                text=name,
            )


RULE = PageRule(
    id="link-text",
    severity=Severity.ERROR,
    explanation=msg("Link texts make sense out of context (no 'klicka här', 'läs mer')."),
    check=check,
)
