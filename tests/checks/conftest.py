"""Helpers for the checks' tests: run every check on a small site, or one rule on HTML."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from site_builder.checkdata import load_check_data
from site_builder.checks import Finding, RuleContext, Shared, page_input, rules_by_id
from site_builder.checks.runner import Report
from site_builder.config import load_config
from site_builder.content.load import load_site
from site_builder.pipeline import check

#: The build's clock in these tests: reviewed dates and schedules are relative to it.
NOW = datetime(2026, 12, 1, 12, 0)
PAGE = "content/kontakt/sida.sv.md"
"""Where the tests write the page that breaks (or passes) a rule."""
BODY_LINE = 7
"""The first body line of a page made with `tests.conftest.page()` without extra lines."""


def report(site: Path) -> Report:
    result = check(site, now=NOW)
    assert result.report is not None
    return result.report


def found(site: Path, rule: str) -> list[tuple[str, int | None]]:
    """(file, line) of every finding of one rule."""
    return [(f.path, f.line) for f in report(site).findings if f.rule == rule]


def on_html(
    site: Path, html: str, rule_id: str, *, source: str | None = None, lang: str = "sv"
) -> list[Finding]:
    """Run one per-page rule on hand-written HTML, as if the theme had rendered it."""
    config = load_config(site)
    loaded = load_site(config)
    shared = Shared(site=loaded, data=load_check_data(config), today=NOW.date())
    page = next((p for p in loaded.pages if p.source == source), None)
    output = page.output_file if page else "404.html"
    subject = page_input(output, lang, page, None, html, shared)
    rule = rules_by_id()[rule_id]
    return list(rule.check(subject, RuleContext(rule, dict(rule.options))))  # type: ignore[arg-type]


def document(body: str, *, lang: str = "sv", head: str = "<title>Sida</title>") -> str:
    """A whole page around `body`."""
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">{head}</head>'
        f"<body>{body}</body></html>"
    )
