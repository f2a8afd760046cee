"""Terms from `data/glossary.yaml` are explained on every page that uses them.

Policy, "Strategier" (klarspråk): explain necessary terms. The build adds the
explanation after a term's first use in running text; this rule finds pages
where that could not happen, because the term appears only in the title, the
summary, a heading or a link text.
"""

from __future__ import annotations

from collections.abc import Iterator

from ...terms import term_pattern
from ..base import Finding, PageInput, PageRule, RuleContext, Severity
from ..messages import msg


def check(page: PageInput, ctx: RuleContext) -> Iterator[Finding]:
    if page.page is None or page.body is None:
        return
    terms = page.shared.site.glossary.in_language(page.lang)
    if not terms:
        return
    explained = set(page.body.explained)
    for term in terms:
        if term.id in explained:
            continue
        pattern = term_pattern([term])
        if pattern is None:
            continue
        title_line = page.page.meta.lines.get("title")
        places = [(page.page.title, title_line or 1), *((b.text, b.line) for b in page.blocks)]
        for text, line in places:
            match = pattern.search(text)
            if match:
                yield ctx.finding(
                    page.path,
                    line + text.count("\n", 0, match.start()),
                    msg("The term '%(term)s' is used, but its explanation is not shown."),
                    msg(
                        "Use the term once in a paragraph, not only in the title, summary, a "
                        "heading or a link; the explanation from data/glossary.yaml is added there."
                    ),
                    term=match.group(0),
                )
                break


RULE = PageRule(
    id="glossary",
    severity=Severity.WARNING,
    explanation=msg("Glossary terms used on a page get their explanation there."),
    check=check,
)
