"""Internal links and #anchors lead somewhere.

Policy, "Informations- och kommunikationsansvar": information is correct and
complete; a link that leads nowhere is neither. Checked on the Markdown (links
to files that do not exist) and on the built HTML (every link within the site,
the theme's included, and every #fragment against the ids of its target).
"""

from __future__ import annotations

from collections.abc import Iterator

from ..base import Finding, RuleContext, Severity, SiteInput, SiteRule
from ..messages import msg
from ..urls import output_file


def check(site_input: SiteInput, ctx: RuleContext) -> Iterator[Finding]:
    site = site_input.shared.site
    for source, body in sorted(site_input.bodies.items()):
        for link in body.links:
            if link.kind == "missing" and link.target not in site_input.unreadable:
                yield ctx.finding(
                    source,
                    link.line,
                    msg("The link '%(link)s' points to %(target)s, which does not exist."),
                    msg(
                        "Check the spelling and the ../ steps; link to the Swedish file, "
                        "like ../kontakt/_index.sv.md."
                    ),
                    link=link.written,
                    target=link.target,
                )
            elif link.kind == "outside":
                yield ctx.finding(
                    source,
                    link.line,
                    msg("The link '%(link)s' points outside the content/ folder."),
                    msg("Link to pages and files inside content/, relative to this page."),
                    link=link.written,
                )
    ids = {facts.output: facts.ids for facts in site_input.pages}
    resolved: dict[str, tuple[str, str] | None] = {}  # the menu and footer repeat on every page
    for facts in site_input.pages:
        reported: set[str] = set()
        for html_link in facts.links:
            href, line = html_link.href, html_link.line
            if href in reported:
                continue
            if href.startswith("#"):
                target, fragment = facts.output, href[1:]
            elif href.startswith("/"):
                if href not in resolved:
                    resolved[href] = output_file(site, href)
                found = resolved[href]
                if found is None:
                    continue
                target, fragment = found
                if target not in site_input.outputs:
                    reported.add(href)
                    yield ctx.finding(
                        facts.path,
                        line,
                        msg("The link %(href)s leads to a page that is not built."),
                        msg("Link to the page's Markdown file instead of its address."),
                        output=facts.output,
                        href=href,
                    )
                    continue
            else:
                continue
            if fragment and target in ids and fragment not in ids[target]:
                reported.add(href)
                yield ctx.finding(
                    facts.path,
                    line,
                    msg("The link %(href)s points to #%(fragment)s, which is not on %(page)s."),
                    msg("Headings get ids from their text: check the heading's current wording."),
                    output=facts.output,
                    href=href,
                    fragment=fragment,
                    page=target,
                )


RULE = SiteRule(
    id="broken-link",
    severity=Severity.ERROR,
    explanation=msg("Internal links and #anchors point to something that exists."),
    check=check,
)
