"""`data/accessibility.yaml`: the accessibility statement (*tillgänglighetsredogörelse*).

Swedish law (lag 2018:1937) requires a public body to publish a statement
about the accessibility of its website, and Digg, the supervisory authority,
lists eleven things it must contain. The facts live in one data file, in
every main language; the theme renders them as a page. This module checks
that every one of the eleven is there, that the compliance is worded in
Digg's exact words, and that the assessment is less than a year old, and
names the missing item when one is not. The date and result of the last
automated audit are not typed by hand: the browser tests write them to
`data/accessibility-audit.json`, which is read here.

These are load-time errors rather than a rule in `checks/` because the
statement cannot be rendered at all without them: a missing date or
compliance level is a missing value, like a page without a title.

```yaml
page: om-webbplatsen/tillganglighet     # the page that shows the statement
public_body: {sv: …, fi: …, en: …}      # 1  the public body's name
service: {sv: …, fi: …, en: …}          # 2  the digital service's name
compliance: delvis förenlig             # 3  helt / delvis / inte förenlig
not_accessible:                         # 4  what is not accessible, and why
  - what: {sv: …, fi: …, en: …}
    why: {sv: …, fi: …, en: …}
    criteria: ["1.2.2"]                 #    optional: WCAG success criteria
assessed: 2026-11-26                    # 5  date compliance was assessed
updated: 2026-11-26                     # 6  date of the latest update
method: {sv: …, fi: …, en: …}           # 7  evaluation method
feedback: medborgarplats                # 8  unit that answers (data/organisation.yaml)
report_to_digg: https://www.digg.se/tdosanmalan   # 9
unreasonable_burden: []                 # 10 12 §: what, why ([] when none)
outside_scope: []                       # 11 9 §: what, why ([] when none)
other_limitations: []                   # optional: what else is missing
```
"""

from __future__ import annotations

import contextlib
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ..config import SiteConfig
from ..errors import ConfigError, Location, SiteBuilderError
from ..files import parse_yaml, read_text
from ..model import Site
from .frontmatter import key_lines

STATEMENT_FILE = "data/accessibility.yaml"
AUDIT_FILE = "data/accessibility-audit.json"
DIGG_REPORT_URL = "https://www.digg.se/tdosanmalan"
#: Digg's exact words for the three levels of compliance.
COMPLIANCE_LEVELS = ("helt förenlig", "delvis förenlig", "inte förenlig")
_CRITERION = re.compile(r"^[1-4]\.\d{1,2}\.\d{1,2}$")

#: The eleven items Digg requires, by key, and the page showing them.
ITEMS: dict[str, str] = {
    "page": "the page that shows the statement, as a page path like om-webbplatsen/tillganglighet",
    "public_body": "Digg item 1, the name of the public body",
    "service": "Digg item 2, the name of the digital service (the website)",
    "compliance": "Digg item 3, compliance in Digg's words: " + ", ".join(COMPLIANCE_LEVELS),
    "not_accessible": "Digg item 4, the complete list of content that is not accessible "
    "and why ([] when there is none)",
    "assessed": "Digg item 5, the date compliance was assessed (YYYY-MM-DD)",
    "updated": "Digg item 6, the date the statement was last updated (YYYY-MM-DD)",
    "method": "Digg item 7, the evaluation method (for example self-assessment)",
    "feedback": "Digg item 8, the feedback function: the unit in data/organisation.yaml "
    "that answers, whose contact details and 24-hour promise are shown",
    "report_to_digg": f"Digg item 9, the link to Digg's reporting function, {DIGG_REPORT_URL}",
    "unreasonable_burden": "Digg item 10, content exempted as an unreasonable burden "
    "(12 §) with the reason ([] when there is none)",
    "outside_scope": "Digg item 11, content outside the law's scope (9 §) ([] when none)",
}
OPTIONAL_KEYS = frozenset({"other_limitations"})


@dataclass(frozen=True)
class StatementItem:
    """Something not accessible, exempted or outside the law, and why."""

    what: Mapping[str, str]
    why: Mapping[str, str]
    criteria: tuple[str, ...] = ()


@dataclass(frozen=True)
class AuditResult:
    """One tool's last run over the whole site, as the tests recorded it."""

    tool: str
    day: date
    pages: int
    problems: int
    languages: Mapping[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class Statement:
    page: str
    public_body: Mapping[str, str]
    service: Mapping[str, str]
    compliance: str
    not_accessible: tuple[StatementItem, ...]
    assessed: date
    updated: date
    method: Mapping[str, str]
    feedback_unit: str
    report_to_digg: str
    unreasonable_burden: tuple[StatementItem, ...]
    outside_scope: tuple[StatementItem, ...]
    other_limitations: tuple[Mapping[str, str], ...] = ()
    axe: AuditResult | None = None
    validator: AuditResult | None = None


def load_statement(
    config: SiteConfig, site: Site, today: date
) -> tuple[Statement | None, list[SiteBuilderError]]:
    """Read and check the statement; no file means the site publishes none."""
    path = config.root / STATEMENT_FILE
    if not path.is_file():
        return None, []
    errors: list[SiteBuilderError] = []
    text = read_text(path, config.root, ConfigError)
    where = Location(STATEMENT_FILE)
    raw = parse_yaml(text, where, ConfigError)
    if not isinstance(raw, dict):
        return None, [ConfigError("the file must be 'key: value' lines", where.at_line(1))]
    reader = _Reader(raw, key_lines(text, 1), where, config.languages, errors)
    for key in sorted(set(raw) - set(ITEMS) - OPTIONAL_KEYS, key=str):
        reader.fail(
            key, f"unknown key '{key}'", "known keys: " + ", ".join([*ITEMS, *OPTIONAL_KEYS])
        )

    page = reader.page(site)
    public_body = reader.text("public_body")
    service = reader.text("service")
    compliance = reader.choice("compliance", COMPLIANCE_LEVELS)
    not_accessible = reader.items("not_accessible", criteria=True)
    if compliance == "helt förenlig" and not_accessible:
        reader.fail(
            "compliance",
            "the site is 'helt förenlig' but not_accessible lists problems",
            "use 'delvis förenlig' while anything is not accessible",
        )
    listed_nothing = reader.present("not_accessible") and not not_accessible
    if compliance in ("delvis förenlig", "inte förenlig") and listed_nothing:
        reader.fail(
            "not_accessible",
            f"the site is '{compliance}' but not_accessible lists nothing",
            "list what is not accessible and why (Digg item 4)",
        )
    assessed = reader.day("assessed", today)
    updated = reader.day("updated", today)
    if assessed and updated and updated < assessed:
        reader.fail("updated", "'updated' is before 'assessed'", "update the statement's date")
    if assessed and _year_after(assessed) < today:
        reader.fail(
            "assessed",
            f"the accessibility assessment of {assessed.isoformat()} is more than a year old",
            "assess the website again, then set 'assessed' and 'updated' to that date",
        )
    method = reader.text("method")
    feedback = reader.unit("feedback", site)
    report = reader.value("report_to_digg")
    if report is not None and report != DIGG_REPORT_URL:
        reader.fail("report_to_digg", f"the link must be {DIGG_REPORT_URL}", "Digg item 9")
    burden = reader.items("unreasonable_burden", criteria=False)
    outside = reader.items("outside_scope", criteria=False)
    others = reader.texts("other_limitations")
    axe, validator = load_audit(config, errors)

    if errors or not (page and compliance and assessed and updated and feedback and report):
        return None, errors
    return (
        Statement(
            page=page,
            public_body=public_body,
            service=service,
            compliance=compliance,
            not_accessible=not_accessible,
            assessed=assessed,
            updated=updated,
            method=method,
            feedback_unit=feedback,
            report_to_digg=report,
            unreasonable_burden=burden,
            outside_scope=outside,
            other_limitations=others,
            axe=axe,
            validator=validator,
        ),
        [],
    )


def load_audit(
    config: SiteConfig, errors: list[SiteBuilderError]
) -> tuple[AuditResult | None, AuditResult | None]:
    """The axe-core and Nu HTML Checker results the browser tests last wrote."""
    path = config.root / AUDIT_FILE
    if not path.is_file():
        return None, None
    where = Location(AUDIT_FILE)
    try:
        raw = json.loads(read_text(path, config.root, ConfigError))
        return _audit(raw.get("axe"), "violations"), _audit(raw.get("vnu"), "errors")
    except (ValueError, TypeError, KeyError, AttributeError) as exc:
        errors.append(
            ConfigError(
                f"the audit results cannot be read: {exc}",
                where,
                "the browser tests write this file: run make a11y to write it again",
            )
        )
        return None, None


def _audit(raw: Any, problems_key: str) -> AuditResult | None:
    if raw is None:
        return None
    languages = raw.get("languages") or {}
    return AuditResult(
        tool=str(raw["tool"]),
        day=date.fromisoformat(str(raw["date"])),
        pages=int(raw["pages"]),
        problems=int(raw[problems_key]),
        languages={str(k): int(v) for k, v in languages.items()},
    )


def _year_after(day: date) -> date:
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year + 1, day=28)


class _Reader:
    """Typed access to the file's keys; every problem names the missing item."""

    def __init__(
        self,
        raw: Mapping[Any, Any],
        lines: Mapping[str, int],
        where: Location,
        languages: tuple[str, ...],
        errors: list[SiteBuilderError],
    ) -> None:
        self.raw = raw
        self.lines = lines
        self.where = where
        self.languages = languages
        self.errors = errors

    def fail(self, key: str, message: str, hint: str) -> None:
        self.errors.append(ConfigError(message, self.where.at_line(self.lines.get(key)), hint))

    def present(self, key: str) -> bool:
        return key in self.raw

    def value(self, key: str) -> Any:
        if key not in self.raw or self.raw[key] is None:
            self.errors.append(
                ConfigError(
                    f"the accessibility statement lacks '{key}': {ITEMS[key]}",
                    self.where,
                    f"add '{key}:' to {STATEMENT_FILE}",
                )
            )
            return None
        return self.raw[key]

    def _languages(self, key: str, value: Any, label: str) -> dict[str, str]:
        if not isinstance(value, dict):
            self.fail(key, f"{label} must give a text per language", "write {sv: …, fi: …, en: …}")
            return {}
        texts = {str(k): str(v).strip() for k, v in value.items() if isinstance(v, str | int)}
        missing = [lang for lang in self.languages if not texts.get(lang)]
        if missing:
            self.fail(key, f"{label} has no text in {', '.join(missing)}", "add the translation")
        return texts

    def text(self, key: str) -> dict[str, str]:
        value = self.value(key)
        return {} if value is None else self._languages(key, value, f"'{key}'")

    def texts(self, key: str) -> tuple[Mapping[str, str], ...]:
        value = self.raw.get(key) or []
        if not isinstance(value, list):
            self.fail(key, f"'{key}' must be a list", "write one '- {sv: …, fi: …, en: …}' a line")
            return ()
        return tuple(self._languages(key, v, f"an entry of '{key}'") for v in value)

    def items(self, key: str, *, criteria: bool) -> tuple[StatementItem, ...]:
        value = self.value(key)
        if value is None:
            return ()
        if not isinstance(value, list):
            self.fail(key, f"'{key}' must be a list ([] when there is nothing)", ITEMS[key])
            return ()
        items = []
        for number, entry in enumerate(value, start=1):
            label = f"entry {number} of '{key}'"
            if not isinstance(entry, dict):
                self.fail(key, f"{label} must have 'what' and 'why'", ITEMS[key])
                continue
            for part in ("what", "why"):
                if part not in entry:
                    self.fail(key, f"{label} lacks '{part}'", f"say {part} in every language")
            found = tuple(str(c) for c in entry.get("criteria") or ()) if criteria else ()
            bad = [c for c in found if not _CRITERION.match(c)]
            if bad:
                self.fail(key, f"{label}: not WCAG criteria: {bad}", "write them like '1.4.3'")
            items.append(
                StatementItem(
                    what=self._languages(key, entry.get("what"), f"'what' in {label}"),
                    why=self._languages(key, entry.get("why"), f"'why' in {label}"),
                    criteria=found,
                )
            )
        return tuple(items)

    def choice(self, key: str, allowed: tuple[str, ...]) -> str | None:
        value = self.value(key)
        if value is None:
            return None
        if value not in allowed:
            self.fail(
                key,
                f"'{key}' must be in Digg's exact words: {', '.join(allowed)}; not {value!r}",
                ITEMS[key],
            )
            return None
        return str(value)

    def day(self, key: str, today: date) -> date | None:
        value = self.value(key)
        if value is None:
            return None
        if isinstance(value, str):
            with contextlib.suppress(ValueError):
                value = date.fromisoformat(value)
        if not isinstance(value, date):
            self.fail(key, f"'{key}' is not a date: {value!r}", "write it as YYYY-MM-DD")
            return None
        if value > today:
            self.fail(key, f"'{key}' ({value.isoformat()}) is in the future", "use today's date")
        return value

    def unit(self, key: str, site: Site) -> str | None:
        value = self.value(key)
        if value is None:
            return None
        if site.organisation.get(str(value)) is None:
            known = ", ".join(sorted(site.organisation.units))
            self.fail(
                key, f"unknown unit '{value}'", f"use a unit from data/organisation.yaml: {known}"
            )
            return None
        return str(value)

    def page(self, site: Site) -> str | None:
        value = self.value("page")
        if value is None:
            return None
        key = str(value).strip("/")
        versions = site.translations(key)
        source = versions.get(site.source_language)
        if source is None:
            self.fail("page", f"there is no page '{key}'", "create it in content/, or fix the path")
            return None
        if not source.meta.footer:
            self.errors.append(
                ConfigError(
                    "the accessibility statement's page is not linked from every page",
                    source.line_of("footer") if "footer" in source.meta.lines else source.location,
                    "add 'footer: true' to its front matter (Digg: reachable from every page)",
                )
            )
        return key
