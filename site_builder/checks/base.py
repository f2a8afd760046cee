"""The shapes every check shares: severities, findings, rules and what they read.

A rule is a small module with one `RULE`. It never raises and never reads a
file: it looks at what the build already has in hand (the site model, each
page's rendered Markdown and its HTML) and returns `Finding`s. Per-page rules
are pure functions of one page, so their results can be cached and computed
in parallel; site rules run once, at the end, over small per-page facts.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any

from ..checkdata import CheckData
from ..i18n import LoadedCatalog
from ..markdown import RenderedMarkdown, TextBlock
from ..model import Page, Site
from ..records import record
from .prose import Lix, Sentence


class Severity(StrEnum):
    ERROR = "error"
    """Stops the build: nothing is published."""
    WARNING = "warning"
    """Printed; stops the build only with `--strict`."""


@record
class Finding:
    """One problem, where it is, and what to do about it.

    `message` and `hint` are English message ids with `%(name)s` fields filled
    from `args`; they are translated when the report is shown.
    """

    rule: str
    severity: Severity
    path: str
    """The file to change, relative to the site root (a page, a data file, a catalog)."""
    line: int | None
    message: str
    hint: str = ""
    args: tuple[tuple[str, str], ...] = ()
    output: str | None = None
    """The output page where the problem shows, when only the HTML shows it."""

    @property
    def sort_key(self) -> tuple[str, int, str, str]:
        return (self.path, self.line or 0, self.rule, self.message)


@dataclass(frozen=True)
class Shared:
    """What every check may read about the whole site; built once per build."""

    site: Site
    data: CheckData
    catalogs: Mapping[str, tuple[LoadedCatalog, ...]] = field(default_factory=dict)
    """The theme's PO catalogs per language, as read (fuzzy and empty entries included)."""
    template: LoadedCatalog | None = None
    """The theme's `messages.pot`, when it has one."""
    today: date = field(default_factory=date.today)


@dataclass(frozen=True)
class PageInput:
    """One output page, as rendered, with what it was made from."""

    output: str
    """The output file, relative to the output folder: `kommun/index.html`."""
    lang: str
    page: Page | None
    """The page it renders; None for pages made by the theme alone (404)."""
    body: RenderedMarkdown | None
    root: Any
    """The parsed `<html>` element (html5lib, `xml.etree` tree, no namespaces)."""
    parse_errors: tuple[tuple[int, int, str], ...]
    """html5lib's parse errors: line, column, error code."""
    blocks: tuple[TextBlock, ...]
    """The page's prose as written: the summary, then the body's paragraphs,
    list items, cells and headings, each with its file line."""
    sentences: tuple[Sentence, ...]
    """The same prose split into sentences, with file lines."""
    lix: Lix | None
    """LIX of the prose, for Swedish pages (LIX is calibrated for Swedish)."""
    shared: Shared

    @property
    def path(self) -> str:
        """The file an editor changes for this page: its source, else the output file."""
        return self.page.source if self.page is not None else self.output


@record
class HtmlLink:
    """An internal link found in a page's HTML."""

    href: str
    line: int | None
    """The source line, when the link comes from the page's Markdown."""


@record
class PageFacts:
    """What the site-wide checks and the report need from one page; small on purpose."""

    output: str
    path: str
    lang: str
    title: str
    """The text of `<title>`."""
    ids: frozenset[str]
    links: tuple[HtmlLink, ...]
    lix: Lix | None
    findings: tuple[Finding, ...]
    """Raw findings of the per-page rules (severity settings and silences not applied)."""


@dataclass(frozen=True)
class SiteInput:
    """What site-wide rules read: the shared data and every page's facts."""

    shared: Shared
    bodies: Mapping[str, RenderedMarkdown]
    pages: tuple[PageFacts, ...]
    outputs: frozenset[str]
    """Every file the build writes, relative to the output folder."""
    unreadable: frozenset[str] = frozenset()
    """Files that exist but could not be read (their errors are reported already)."""


@dataclass(frozen=True)
class RuleContext:
    """Handed to a rule's `check`: its settings, and a way to make findings."""

    rule: Rule
    options: Mapping[str, Any]

    def finding(
        self,
        path: str,
        line: int | None,
        message: str,
        hint: str = "",
        *,
        output: str | None = None,
        **args: object,
    ) -> Finding:
        return Finding(
            rule=self.rule.id,
            severity=self.rule.severity,
            path=path,
            line=line,
            message=message,
            hint=hint,
            args=tuple((key, str(value)) for key, value in sorted(args.items())),
            output=output,
        )

    def on_page(
        self, page: PageInput, line: int | None, message: str, hint: str = "", **args: object
    ) -> Finding:
        """A finding on a page: its source file and line, and the output page it shows in."""
        return self.finding(page.path, line, message, hint, output=page.output, **args)


@dataclass(frozen=True, kw_only=True)
class Rule:
    id: str
    """Short, stable, lower-case with hyphens: used in site.yaml, silences and reports."""
    severity: Severity
    """The default; `site.yaml` may change it."""
    explanation: str
    """One line, an English message id (translated in reports)."""
    options: Mapping[str, int | float] = field(default_factory=dict)
    """Settings `site.yaml` may change, with their defaults (`max: 50`)."""


@dataclass(frozen=True, kw_only=True)
class PageRule(Rule):
    """A rule over one output page at a time: a pure function of the page."""

    check: Callable[[PageInput, RuleContext], Iterable[Finding]]


@dataclass(frozen=True, kw_only=True)
class SiteRule(Rule):
    """A rule over the whole site (translations, titles, links), run once."""

    check: Callable[[SiteInput, RuleContext], Iterable[Finding]]
