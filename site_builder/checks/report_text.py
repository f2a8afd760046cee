"""The report as text for a terminal: grouped by file, counts at the end."""

from __future__ import annotations

from itertools import groupby

from .base import Finding, Severity
from .messages import Messages, msg, msg_plural
from .runner import Report

_ERRORS = msg_plural("%(count)d error", "%(count)d errors")
_WARNINGS = msg_plural("%(count)d warning", "%(count)d warnings")
_FILES = msg_plural("in %(count)d file", "in %(count)d files")
_SILENCED = msg_plural("%(count)d silenced", "%(count)d silenced")
_QUOTED = msg("“%(reason)s”")
_SEVERITY = {Severity.ERROR: msg("error"), Severity.WARNING: msg("warning")}


def format_text(
    report: Report, messages: Messages, *, only: Severity | None = None, counts: bool = True
) -> str:
    """Every finding (or only errors or warnings), then silences and counts."""
    lines: list[str] = []
    shown = [f for f in report.findings if only is None or f.severity is only]
    for path, group in groupby(shown, key=lambda f: f.path):
        lines.append(path or "site.yaml")
        for finding in group:
            lines.extend(_finding_lines(finding, messages))
        lines.append("")
    if report.silenced and only is None:
        lines.append(messages(msg("Silenced in front matter, with the reason given:")))
        for silenced in report.silenced:
            finding = silenced.finding
            where = f"{finding.path}:{finding.line}" if finding.line else finding.path
            reason = messages(_QUOTED, reason=silenced.reason)
            lines.append(f"  {where} [{finding.rule}] {reason}")
        lines.append("")
    off = [rule.id for rule, severity in report.rules if severity is None]
    if off and only is None:
        lines.append(messages(msg("Turned off in site.yaml: %(rules)s"), rules=", ".join(off)))
        lines.append("")
    if counts:
        lines.append(summary_line(report, messages))
    return "\n".join(lines).rstrip("\n") + "\n"


def summary_line(report: Report, messages: Messages) -> str:
    files = len({f.path for f in report.findings})
    parts = [
        messages.plural(_ERRORS, report.errors),
        messages.plural(_WARNINGS, report.warnings),
    ]
    text = ", ".join(parts)
    if files:
        text += " " + messages.plural(_FILES, files)
    if report.silenced:
        text += "; " + messages.plural(_SILENCED, len(report.silenced))
    pages = len(report.pages)
    return (
        text
        + " "
        + messages(msg("(%(pages)d pages, %(rules)d rules)."), pages=pages, rules=len(report.rules))
    )


def _finding_lines(finding: Finding, messages: Messages) -> list[str]:
    where = f"{finding.line}: " if finding.line else ""
    severity = messages(_SEVERITY[finding.severity])
    lines = [f"  {where}{severity} [{finding.rule}] {messages.message(finding)}"]
    hint = messages.hint(finding)
    indent = "     " if finding.line else "    "
    if hint:
        lines.append(f"{indent}→ {hint}")
    if finding.output and not finding.line and finding.output != finding.path:
        shown_in = messages(msg("(in the built page %(page)s)"), page=finding.output)
        lines.append(f"{indent}{shown_in}")
    return lines
