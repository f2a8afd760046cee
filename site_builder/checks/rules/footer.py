"""Every page has a footer: the landmark where the sender's details are.

Policy, "Strategier": contact gives a quick answer from the right place; the
footer carries the organisation's address, phone number and e-mail.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..base import Finding, PageInput, PageRule, RuleContext, Severity
from ..html import parent_map
from ..messages import msg

_SECTIONING = frozenset({"article", "aside", "main", "nav", "section"})


def check(page: PageInput, ctx: RuleContext) -> Iterator[Finding]:
    parents = parent_map(page.root)
    for footer in page.root.iter("footer"):
        node = parents.get(footer)
        while node is not None and node.tag not in _SECTIONING:
            node = parents.get(node)
        if node is None:  # a page footer (contentinfo), not an article's
            return
    yield ctx.on_page(
        page,
        None,
        msg("The page has no footer."),
        msg("The theme's base template should end the page with a <footer> outside <main>."),
    )


RULE = PageRule(
    id="footer",
    severity=Severity.ERROR,
    explanation=msg("Every page has a page footer (the contentinfo landmark)."),
    check=check,
)
