"""Running the rules: settings from site.yaml, per-page and site-wide passes, silences.

`check_page` is a pure function of one rendered page and the settings; the
pipeline calls it as each page is rendered, and keeps only the small
`PageFacts` it returns. `finish` runs the site-wide rules once, applies the
severities from `site.yaml` and the silences from front matter, and returns
the `Report`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from ..config import SiteConfig
from ..errors import BuildFailed, ConfigError, Location, SiteBuilderError
from ..files import top_key_lines
from ..markdown import RenderedMarkdown, TextBlock
from ..model import Page
from . import html as html_tools
from .base import (
    Finding,
    HtmlLink,
    PageFacts,
    PageInput,
    PageRule,
    Rule,
    RuleContext,
    Severity,
    Shared,
    SiteInput,
    SiteRule,
)
from .messages import Messages, msg
from .prose import Lix, lix_of, sentences_of
from .registry import all_rules, page_rules, site_rules

CONTENT_RULE = "content"
"""Problems found while reading content (front matter, YAML, file names): always errors."""
SILENCE_RULE = "silence"
"""A `silence:` entry that names no rule: always an error."""
SEVERITY_NAMES = {"error": Severity.ERROR, "warning": Severity.WARNING, "off": None}


@dataclass(frozen=True)
class RuleSettings:
    severity: Severity | None
    """None: the rule is turned off in site.yaml."""
    options: Mapping[str, Any]


@dataclass(frozen=True)
class Settings:
    rules: Mapping[str, RuleSettings]

    def of(self, rule: Rule) -> RuleSettings:
        return self.rules.get(rule.id) or RuleSettings(rule.severity, dict(rule.options))

    def enabled(self, rule: Rule) -> bool:
        return self.of(rule).severity is not None

    @classmethod
    def none(cls) -> Settings:
        """Every rule off (`build --no-checks`); content errors are still reported."""
        return cls({rule.id: RuleSettings(None, dict(rule.options)) for rule in all_rules()})


def load_settings(config: SiteConfig, rules: Sequence[Rule] | None = None) -> Settings:
    """Settings per rule from `checks:` in site.yaml; every problem is reported at once."""
    known = {rule.id: rule for rule in (rules if rules is not None else all_rules())}
    where = Location("site.yaml", top_key_lines(config.root / "site.yaml").get("checks"))
    errors: list[SiteBuilderError] = []
    result: dict[str, RuleSettings] = {}
    for rule_id, raw in config.checks.items():
        rule = known.get(rule_id)
        if rule is None:
            errors.append(
                ConfigError(
                    msg("checks: there is no rule '%(rule)s'"),
                    where,
                    msg("rules: %(rules)s"),
                    rule=rule_id,
                    rules=", ".join(sorted(known)),
                )
            )
            continue
        severity = rule.severity
        options = dict(rule.options)
        for key, value in raw.items():
            if key == "severity":
                if value is False:  # YAML reads a bare `off` as false
                    value = "off"
                if value not in SEVERITY_NAMES:
                    errors.append(
                        ConfigError(
                            msg("checks: %(rule)s: severity must be error, warning or off"),
                            where,
                            msg("for example: checks: {%(rule)s: {severity: warning}}"),
                            rule=rule_id,
                        )
                    )
                    continue
                severity = SEVERITY_NAMES[value]  # type: ignore[assignment]
            elif key not in rule.options:
                allowed = ", ".join(["severity", *sorted(rule.options)])
                errors.append(
                    ConfigError(
                        msg("checks: %(rule)s: unknown setting '%(key)s'"),
                        where,
                        msg("the settings of this rule: %(allowed)s"),
                        rule=rule_id,
                        key=key,
                        allowed=allowed,
                    )
                )
            elif isinstance(value, bool) or not isinstance(value, int | float):
                errors.append(
                    ConfigError(
                        msg("checks: %(rule)s: '%(key)s' must be a number"),
                        where,
                        msg("write a number without quotes, like %(key)s: 45"),
                        rule=rule_id,
                        key=key,
                    )
                )
            else:
                options[key] = value
        result[rule_id] = RuleSettings(severity, options)
    if errors:
        raise BuildFailed(errors)
    return Settings(result)


def page_input(
    output: str,
    lang: str,
    page: Page | None,
    body: RenderedMarkdown | None,
    html: str,
    shared: Shared,
) -> PageInput:
    """Parse a rendered page once, for every per-page rule."""
    root, parse_errors = html_tools.parse(html)
    blocks = list(body.text) if body is not None else []
    if page is not None and page.meta.summary:
        summary_line = page.meta.lines.get("summary", 1)
        blocks.insert(0, TextBlock("summary", page.meta.summary, summary_line))
    sentences = sentences_of(blocks)
    return PageInput(
        output=output,
        lang=lang,
        page=page,
        body=body,
        root=root,
        parse_errors=parse_errors,
        blocks=tuple(blocks),
        sentences=sentences,
        lix=lix_of(sentences) if is_swedish(lang) else None,
        shared=shared,
    )


def is_swedish(lang: str) -> bool:
    return lang == "sv" or lang.startswith("sv-")


def check_page(page: PageInput, settings: Settings) -> PageFacts:
    """Run every enabled per-page rule on one page; keep only what the end needs."""
    findings: list[Finding] = []
    for rule in page_rules():
        if settings.enabled(rule):
            findings.extend(_run(rule, page, settings))
    return PageFacts(
        output=page.output,
        path=page.path,
        lang=page.lang,
        title=html_tools.title_of(page.root),
        ids=html_tools.ids_of(page.root),
        links=tuple(_internal_links(page)),
        lix=page.lix,
        findings=tuple(findings),
    )


def _run(rule: PageRule | SiteRule, subject: Any, settings: Settings) -> list[Finding]:
    context = RuleContext(rule, settings.of(rule).options)
    try:
        return list(rule.check(subject, context))
    except Exception as exc:  # a bug in one rule must not hide every other finding
        where = subject.path if isinstance(subject, PageInput) else "site.yaml"
        return [
            context.finding(
                where,
                None,
                msg("internal error in this check: %(error)s"),
                msg("this is a bug in site_builder; please report it"),
                error=f"{type(exc).__name__}: {exc}",
            )
        ]


def _internal_links(page: PageInput) -> Iterable[HtmlLink]:
    lines: dict[str, list[int]] = {}
    if page.body is not None:
        for link in page.body.links:
            if not link.is_image:
                lines.setdefault(link.href, []).append(link.line)
    for href in html_tools.internal_hrefs(page.root):
        queue = lines.get(href)
        yield HtmlLink(href, queue.pop(0) if queue else None)


@dataclass(frozen=True)
class Silenced:
    finding: Finding
    reason: str


@dataclass(frozen=True)
class PageSummary:
    """A page as the report shows it."""

    output: str
    path: str
    lang: str
    title: str
    lix: Lix | None


@dataclass(frozen=True)
class Report:
    findings: tuple[Finding, ...]
    """Sorted by file, line and rule, with the severities of site.yaml; silenced ones left out."""
    silenced: tuple[Silenced, ...]
    pages: tuple[PageSummary, ...]
    rules: tuple[tuple[Rule, Severity | None], ...]
    """Every rule with the severity it ran with (None: turned off in site.yaml)."""
    options: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    """Every rule's options as it ran with them (`lix` → `max: 50`)."""

    @property
    def errors(self) -> int:
        return sum(1 for f in self.findings if f.severity is Severity.ERROR)

    @property
    def warnings(self) -> int:
        return sum(1 for f in self.findings if f.severity is Severity.WARNING)

    def failed(self, *, strict: bool = False) -> bool:
        return bool(self.errors or (strict and self.warnings))


def finish(
    site_input: SiteInput, settings: Settings, content_errors: Iterable[SiteBuilderError] = ()
) -> Report:
    """Run the site-wide rules, then apply severities and silences to every finding."""
    collected: list[Finding] = [_from_error(error) for error in content_errors]
    site_input = replace(
        site_input, unreadable=frozenset(f.path for f in collected) | site_input.unreadable
    )
    for facts in site_input.pages:
        collected.extend(facts.findings)
    for rule in site_rules():
        if settings.enabled(rule):
            collected.extend(_run(rule, site_input, settings))
    collected.extend(_unknown_silences(site_input))

    severity = {rule.id: settings.of(rule).severity for rule in all_rules()}
    silences = {
        page.source: page.meta.silence for page in site_input.shared.site.pages if page.meta.silence
    }
    findings: list[Finding] = []
    silenced: list[Silenced] = []
    seen: set[Finding] = set()
    for finding in collected:
        level = severity.get(finding.rule, finding.severity)
        if level is None:
            continue
        finding = replace(finding, severity=level)
        if finding in seen:
            continue
        seen.add(finding)
        reason = silences.get(finding.path, {}).get(finding.rule)
        if reason is not None and finding.rule not in (CONTENT_RULE, SILENCE_RULE):
            silenced.append(Silenced(finding, reason))
        else:
            findings.append(finding)
    findings.sort(key=lambda f: f.sort_key)
    silenced.sort(key=lambda s: s.finding.sort_key)
    return Report(
        findings=tuple(findings),
        silenced=tuple(silenced),
        pages=tuple(
            PageSummary(p.output, p.path, p.lang, p.title, p.lix) for p in site_input.pages
        ),
        rules=tuple((rule, settings.of(rule).severity) for rule in all_rules()),
        options={rule.id: settings.of(rule).options for rule in all_rules()},
    )


def _from_error(error: SiteBuilderError) -> Finding:
    location = error.location
    return Finding(
        rule=CONTENT_RULE,
        severity=Severity.ERROR,
        path=location.path if location else "",
        line=location.line if location else None,
        message=error.message_id,
        hint=error.hint_id or "",
        args=error.fields,
    )


def _unknown_silences(site_input: SiteInput) -> Iterable[Finding]:
    known = {rule.id for rule in all_rules()}
    for page in site_input.shared.site.pages:
        for rule_id in sorted(set(page.meta.silence) - known):
            yield Finding(
                rule=SILENCE_RULE,
                severity=Severity.ERROR,
                path=page.source,
                line=page.meta.lines.get("silence"),
                message=msg("'silence' names the rule '%(rule)s', which does not exist"),
                hint=msg("use a rule id from the list in the README (section Checks)"),
                args=(("rule", rule_id),),
            )


class FindingError(SiteBuilderError):
    """A finding that stops the build, as an error: its message in English, with the
    ids and fields kept, so that the preview's error page can show it in the editor's
    language (`Messages.error_message`)."""

    def __init__(self, finding: Finding, english: Messages) -> None:
        super().__init__(
            finding.message,
            Location(finding.path, finding.line) if finding.path else None,
            finding.hint or None,
        )
        self.rule = finding.rule
        self.fields = finding.args
        self.message = f"[{finding.rule}] {english.message(finding)}"
        self.hint = english.hint(finding) or None
        self.args = (self.message,)


class ChecksFailed(BuildFailed):
    """The checks found errors (or warnings, with --strict): nothing was published.

    A `BuildFailed`, so that whatever shows build errors (the CLI, the preview
    server) shows these too, each at its file and line; `report` holds everything.
    """

    def __init__(self, report: Report, *, strict: bool = False) -> None:
        self.report = report
        self.strict = strict
        english = Messages("en")
        failing = [f for f in report.findings if strict or f.severity is Severity.ERROR]
        super().__init__([FindingError(f, english) for f in failing])
