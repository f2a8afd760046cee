"""Every image has a text alternative; a decorative image is marked so on purpose.

WCAG 1.1.1. In Markdown the text alternative is the text in the brackets:
`![Karta över Hällefors centrum](karta.png)`. An image that is pure
decoration is written `![](linje.svg){.decorative}`: empty brackets alone
could just as well be forgotten text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..base import Finding, PageInput, PageRule, RuleContext, Severity
from ..messages import msg

_FILE_NAME = re.compile(r"(\.(png|jpe?g|gif|svg|webp|avif|tiff?)$)|^(img|dsc|image)[_-]?\d+", re.I)
_MEANINGLESS = frozenset(
    {
        "bild",
        "bilden",
        "foto",
        "fotot",
        "image",
        "picture",
        "photo",
        "kuva",
        "valokuva",
        "logo",
        "ikon",
        "icon",
    }
)


def check(page: PageInput, ctx: RuleContext) -> Iterator[Finding]:
    written: dict[str, list[tuple[int, str]]] = {}
    if page.body is not None:
        for link in page.body.links:
            if link.is_image:
                written.setdefault(link.href, []).append((link.line, link.written))
    for img in page.root.iter("img"):
        alt = img.get("alt")
        src = img.get("src") or ""
        queue = written.get(src)
        line, src = queue.pop(0) if queue else (None, src)  # as the editor wrote it
        decorative = "decorative" in (img.get("class") or "").split()
        if alt is None:
            yield ctx.on_page(
                page,
                line,
                msg("The image %(src)s has no text alternative."),
                msg("Describe what the image shows: ![What it shows](%(src)s)."),
                src=src,
            )
        elif not alt.strip() and not decorative:
            yield ctx.on_page(
                page,
                line,
                msg("The image %(src)s has no text alternative."),
                msg(
                    "Describe what the image shows between the brackets: ![What it shows](file). "
                    "Only for pure decoration write ![](file){.decorative}."
                ),
                src=src,
            )
        elif alt.strip() and (
            _FILE_NAME.search(alt.strip()) or alt.strip().lower() in _MEANINGLESS
        ):
            yield ctx.on_page(
                page,
                line,
                msg("The text alternative '%(alt)s' does not say what the image shows."),
                msg("Describe the image for someone who cannot see it."),
                alt=alt.strip(),
            )


RULE = PageRule(
    id="alt-text",
    severity=Severity.ERROR,
    explanation=msg(
        "Every image has a text alternative; decorative images are marked {.decorative}."
    ),
    check=check,
)
