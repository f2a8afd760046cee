"""The report as one HTML page editors can open: pages worst first, LIX across the site.

A standalone file (its own small stylesheet, no script), valid HTML that
works with a keyboard and a screen reader: the LIX chart is an SVG image with
a text alternative, followed by the same figures as a table.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable
from html import escape

from .base import Finding, Severity
from .messages import Messages, msg, msg_plural
from .report_text import summary_line
from .runner import PageSummary, Report

_SEVERITY = {Severity.ERROR: msg("error"), Severity.WARNING: msg("warning")}
_PAGES_ABOVE = msg_plural(
    "%(count)d page is above the limit of %(max)s.",
    "%(count)d pages are above the limit of %(max)s.",
)
#: Headings and labels used inside f-strings (marked here, where extraction sees them).
_LABELS = (
    msg("LIX across the site"),
    msg("Pages, worst first"),
    msg("Other files"),
    msg("Silenced findings"),
    msg("The rules"),
    msg("No Swedish page has text to measure."),
    msg("LIX per Swedish page"),
    msg("Page"),
    msg("Words"),
    msg("Sentences"),
    msg("Long words"),
    msg("Pages without findings"),
    msg("A page may silence a rule for itself, with a written reason."),
    msg("File"),
    msg("Rule"),
    msg("Finding"),
    msg("Reason"),
    msg("Severity"),
    msg("What it checks"),
)
_MEASURED = msg_plural(
    "LIX of %(count)d Swedish page: %(high)s.",
    "LIX of %(count)d Swedish pages, highest first: from %(high)s down to %(low)s, "
    "median %(median)s.",
)
_STYLE = """
body { font: 1.0625rem/1.5 system-ui, sans-serif; color: #1d1d1b; background: #fff;
  margin: 0 auto; padding: 1rem 1.5rem 3rem; max-width: 60rem; }
h1, h2, h3 { line-height: 1.25; }
h3 { font-size: 1.05rem; margin: 1.5rem 0 .25rem; overflow-wrap: anywhere; }
code { font-size: .95em; }
.counts { font-size: 1.15rem; }
.page { border-top: 1px solid #b6c2c0; padding-top: .25rem; }
.lix { margin: .25rem 0; color: #4a4a48; }
ul.findings { padding-left: 1.25rem; }
ul.findings li { margin: .4rem 0; }
.severity { font-weight: 700; text-transform: uppercase; font-size: .85em; padding: 0 .3em;
  border-radius: .2em; }
.severity-error { background: #b0001e; color: #fff; }
.severity-warning { background: #fff3c4; color: #1d1d1b; border: 1px solid #5d6b69; }
.hint { display: block; color: #4a4a48; }
table { border-collapse: collapse; margin: .5rem 0 1rem; }
th, td { text-align: left; padding: .2rem .6rem; border-bottom: 1px solid #b6c2c0;
  vertical-align: top; }
td.number, th.number { text-align: right; }
svg { max-width: 100%; height: auto; }
a { color: #005a87; }
a:focus-visible { outline: 3px solid #0b0c0c; background: #ffd530; }
"""


def format_html(report: Report, messages: Messages, site_title: str = "") -> str:
    _ = messages
    title = _(msg("Check report"))
    if site_title:
        title = f"{title}: {site_title}"
    by_path: dict[str, list[Finding]] = {}
    for finding in report.findings:
        by_path.setdefault(finding.path, []).append(finding)
    pages = {page.path: page for page in report.pages if page.path.endswith(".md")}
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{messages.lang}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(title)}</title>",
        f"<style>{_STYLE}</style>",
        "</head>",
        "<body>",
        "<main>",
        f"<h1>{escape(title)}</h1>",
        f'<p class="counts">{escape(summary_line(report, messages))}</p>',
        '<nav aria-labelledby="contents"><h2 id="contents">',
        escape(_(msg("Contents"))),
        "</h2><ul>",
        f'<li><a href="#lix">{escape(_("LIX across the site"))}</a></li>',
        f'<li><a href="#pages">{escape(_("Pages, worst first"))}</a></li>',
    ]
    others = sorted(path for path in by_path if path not in pages)
    if others:
        parts.append(f'<li><a href="#other-files">{escape(_("Other files"))}</a></li>')
    if report.silenced:
        parts.append(f'<li><a href="#silenced">{escape(_("Silenced findings"))}</a></li>')
    parts.append(f'<li><a href="#rules">{escape(_("The rules"))}</a></li></ul></nav>')
    parts += _lix_section(report, messages)
    parts += _pages_section(report, pages, by_path, messages)
    if others:
        parts.append('<section aria-labelledby="other-files"><h2 id="other-files">')
        parts.append(escape(_(msg("Other files"))) + "</h2>")
        for path in others:
            parts.append(f"<h3><code>{escape(path or 'site.yaml')}</code></h3>")
            parts += _findings(by_path[path], messages)
        parts.append("</section>")
    if report.silenced:
        parts += _silenced_section(report, messages)
    parts += _rules_section(report, messages)
    parts += ["</main>", "</body>", "</html>", ""]
    return "\n".join(parts)


def _lix_section(report: Report, messages: Messages) -> list[str]:
    _ = messages
    min_words = report.options.get("lix", {}).get("min_words", 0)
    measured = sorted(
        (page for page in report.pages if page.lix is not None and page.lix.words >= min_words),
        key=lambda p: (-(p.lix.score if p.lix else 0.0), p.path),
    )
    limit = _lix_limit(report)
    out = [
        '<section aria-labelledby="lix">',
        f'<h2 id="lix">{escape(_("LIX across the site"))}</h2>',
    ]
    if not measured:
        out += [f"<p>{escape(_('No Swedish page has text to measure.'))}</p>", "</section>"]
        return out
    scores = [page.lix.score for page in measured if page.lix]
    above = sum(1 for score in scores if score > limit)
    description = messages.plural(
        _MEASURED,
        len(scores),
        high=f"{max(scores):.1f}",
        low=f"{min(scores):.1f}",
        median=f"{statistics.median(scores):.1f}",
    )
    description += " " + messages.plural(_PAGES_ABOVE, above, max=f"{limit:g}")
    out.append(
        "<p>"
        + escape(
            _(
                msg(
                    "LIX is words per sentence plus the percentage of words longer than six "
                    "letters. Below 40 is easy to read, 40–50 is ordinary newspaper text, above "
                    "50 is hard."
                )
            )
        )
        + "</p>"
    )
    out.append(_chart(measured, limit, description, messages))
    out.append(
        "<p>"
        + escape(_(msg("Pages with fewer than %(count)s words are not measured."), count=min_words))
        + "</p>"
    )
    out.append("<table>")
    out.append(f"<caption>{escape(_('LIX per Swedish page'))}</caption>")
    out.append(
        "<thead><tr>"
        f'<th scope="col">{escape(_("Page"))}</th>'
        f'<th scope="col" class="number">LIX</th>'
        f'<th scope="col" class="number">{escape(_("Words"))}</th>'
        f'<th scope="col" class="number">{escape(_("Sentences"))}</th>'
        f'<th scope="col" class="number">{escape(_("Long words"))}</th>'
        "</tr></thead><tbody>"
    )
    for page in measured:
        assert page.lix is not None
        out.append(
            f'<tr><th scope="row"><code>{escape(page.path)}</code></th>'
            f'<td class="number">{messages.number(page.lix.score)}</td>'
            f'<td class="number">{page.lix.words}</td>'
            f'<td class="number">{page.lix.sentences}</td>'
            f'<td class="number">{page.lix.long_words}</td></tr>'
        )
    out += ["</tbody></table>", "</section>"]
    return out


def _chart(pages: list[PageSummary], limit: float, description: str, messages: Messages) -> str:
    """Horizontal bars, one per page, with the limit as a line; an image with a text alternative."""
    bar, gap, label_width, plot_width, top = 14, 4, 300, 320, 24
    scale = plot_width / max(70.0, *(p.lix.score for p in pages if p.lix))
    height = top + len(pages) * (bar + gap) + 8
    width = label_width + plot_width + 40
    rows = []
    for index, page in enumerate(pages):
        assert page.lix is not None
        y = top + index * (bar + gap)
        length = page.lix.score * scale
        colour = "#b0001e" if page.lix.score > limit else "#00505c"
        end = label_width + length + 4
        name = page.path.removeprefix("content/").removesuffix(".sv.md")
        rows.append(
            f'<text x="{label_width - 6}" y="{y + bar - 3}" text-anchor="end">{escape(name)}</text>'
            f'<rect x="{label_width}" y="{y}" width="{length:.1f}" height="{bar}" fill="{colour}"/>'
            f'<text x="{end:.1f}" y="{y + bar - 3}">{messages.number(page.lix.score)}</text>'
        )
    limit_x = label_width + limit * scale
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="lix-chart-title" '
        f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        'font-family="system-ui, sans-serif" font-size="11" fill="#1d1d1b">'
        f'<title id="lix-chart-title">{escape(description)}</title>'
        + "".join(rows)
        + f'<line x1="{limit_x:.1f}" y1="{top - 6}" x2="{limit_x:.1f}" y2="{height - 4}" '
        'stroke="#1d1d1b" stroke-width="1.5" stroke-dasharray="4 3"/>'
        f'<text x="{limit_x:.1f}" y="{top - 10}" text-anchor="middle">{limit:g}</text>'
        "</svg>"
    )


def _pages_section(
    report: Report,
    pages: dict[str, PageSummary],
    by_path: dict[str, list[Finding]],
    messages: Messages,
) -> list[str]:
    _ = messages

    def badness(page: PageSummary) -> tuple[int, int, float, str]:
        found = by_path.get(page.path, [])
        errors = sum(1 for f in found if f.severity is Severity.ERROR)
        warnings = len(found) - errors
        return (-errors, -warnings, -(page.lix.score if page.lix else 0.0), page.path)

    ordered = sorted(pages.values(), key=badness)
    out = [
        '<section aria-labelledby="pages">',
        f'<h2 id="pages">{escape(_("Pages, worst first"))}</h2>',
    ]
    clean: list[PageSummary] = []
    for page in ordered:
        found = by_path.get(page.path, [])
        if not found:
            clean.append(page)
            continue
        out.append('<article class="page">')
        out.append(f"<h3><code>{escape(page.path)}</code></h3>")
        out.append(f"<p>{escape(page.title)} · <code>{escape(page.output)}</code></p>")
        if page.lix is not None:
            out.append(f'<p class="lix">{escape(_lix_text(page, messages))}</p>')
        out += _findings(found, messages)
        out.append("</article>")
    if clean:
        out.append(f"<h3>{escape(_('Pages without findings'))}</h3><ul>")
        for page in sorted(clean, key=lambda p: p.path):
            lix = f" · {_lix_text(page, messages)}" if page.lix is not None else ""
            out.append(f"<li><code>{escape(page.path)}</code>{escape(lix)}</li>")
        out.append("</ul>")
    out.append("</section>")
    return out


def _lix_text(page: PageSummary, messages: Messages) -> str:
    assert page.lix is not None
    return messages(
        msg("LIX %(score)s (%(words)s words, %(sentences)s sentences, %(long)s long words)"),
        score=f"{page.lix.score:.1f}",
        words=page.lix.words,
        sentences=page.lix.sentences,
        long=page.lix.long_words,
    )


def _findings(findings: Iterable[Finding], messages: Messages) -> list[str]:
    out = ['<ul class="findings">']
    for finding in findings:
        severity = finding.severity.value
        where = messages(msg("line %(line)s"), line=finding.line) + ": " if finding.line else ""
        hint = messages.hint(finding)
        out.append(
            f'<li><span class="severity severity-{severity}">'
            f"{escape(messages(_SEVERITY[finding.severity]))}</span> "
            f"{escape(where)}<code>{escape(finding.rule)}</code> "
            f"{escape(messages.message(finding))}"
            + (f'<span class="hint">→ {escape(hint)}</span>' if hint else "")
            + "</li>"
        )
    out.append("</ul>")
    return out


def _silenced_section(report: Report, messages: Messages) -> list[str]:
    _ = messages
    out = [
        '<section aria-labelledby="silenced">',
        f'<h2 id="silenced">{escape(_("Silenced findings"))}</h2>',
        f"<p>{escape(_('A page may silence a rule for itself, with a written reason.'))}</p>",
        "<table><thead><tr>",
        f'<th scope="col">{escape(_("File"))}</th>',
        f'<th scope="col">{escape(_("Rule"))}</th>',
        f'<th scope="col">{escape(_("Finding"))}</th>',
        f'<th scope="col">{escape(_("Reason"))}</th>',
        "</tr></thead><tbody>",
    ]
    for silenced in report.silenced:
        finding = silenced.finding
        where = f"{finding.path}:{finding.line}" if finding.line else finding.path
        out.append(
            f"<tr><td><code>{escape(where)}</code></td><td><code>{escape(finding.rule)}</code></td>"
            f"<td>{escape(messages.message(finding))}</td><td>{escape(silenced.reason)}</td></tr>"
        )
    out += ["</tbody></table>", "</section>"]
    return out


def _rules_section(report: Report, messages: Messages) -> list[str]:
    _ = messages
    out = [
        '<section aria-labelledby="rules">',
        f'<h2 id="rules">{escape(_("The rules"))}</h2>',
        "<table><thead><tr>",
        f'<th scope="col">{escape(_("Rule"))}</th>',
        f'<th scope="col">{escape(_("Severity"))}</th>',
        f'<th scope="col">{escape(_("What it checks"))}</th>',
        "</tr></thead><tbody>",
    ]
    for rule, severity in report.rules:
        level = messages(_SEVERITY[severity]) if severity else messages(msg("off"))
        out.append(
            f'<tr><th scope="row"><code>{escape(rule.id)}</code></th><td>{escape(level)}</td>'
            f"<td>{escape(messages(rule.explanation))}</td></tr>"
        )
    out += ["</tbody></table>", "</section>"]
    return out


def _lix_limit(report: Report) -> float:
    limit = report.options.get("lix", {}).get("max", 50)
    return float(limit) if isinstance(limit, int | float) else 50.0
