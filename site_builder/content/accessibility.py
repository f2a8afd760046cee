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
from ..errors import ConfigError, Location, SiteBuilderError, msg
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
    "page": msg(
        "the page that shows the statement, as a page path like om-webbplatsen/tillganglighet"
    ),
    "public_body": msg("Digg item 1, the name of the public body"),
    "service": msg("Digg item 2, the name of the digital service (the website)"),
    "compliance": msg(
        "Digg item 3, compliance in Digg's words: helt förenlig, delvis förenlig, inte förenlig"
    ),
    "not_accessible": msg(
        "Digg item 4, the complete list of content that is not accessible "
        "and why ([] when there is none)"
    ),
    "assessed": msg("Digg item 5, the date compliance was assessed (YYYY-MM-DD)"),
    "updated": msg("Digg item 6, the date the statement was last updated (YYYY-MM-DD)"),
    "method": msg("Digg item 7, the evaluation method (for example self-assessment)"),
    "feedback": msg(
        "Digg item 8, the feedback function: the unit in data/organisation.yaml "
        "that answers, whose contact details and 24-hour promise are shown"
    ),
    "report_to_digg": msg(
        "Digg item 9, the link to Digg's reporting function, https://www.digg.se/tdosanmalan"
    ),
    "unreasonable_burden": msg(
        "Digg item 10, content exempted as an unreasonable burden "
        "(12 §) with the reason ([] when there is none)"
    ),
    "outside_scope": msg("Digg item 11, content outside the law's scope (9 §) ([] when none)"),
}
assert ", ".join(COMPLIANCE_LEVELS) in ITEMS["compliance"]
assert DIGG_REPORT_URL in ITEMS["report_to_digg"]
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
        return None, [ConfigError(msg("the file must be 'key: value' lines"), where.at_line(1))]
    reader = _Reader(raw, key_lines(text, 1), where, config.languages, errors)
    for key in sorted(set(raw) - set(ITEMS) - OPTIONAL_KEYS, key=str):
        reader.fail(
            key,
            msg("unknown key '%(key)s'"),
            msg("known keys: %(known)s"),
            known=", ".join([*ITEMS, *OPTIONAL_KEYS]),
        )

    page = reader.page(site)
    public_body = reader.text("public_body")
    service = reader.text("service")
    compliance = reader.choice("compliance", COMPLIANCE_LEVELS)
    not_accessible = reader.items("not_accessible", criteria=True)
    if compliance == "helt förenlig" and not_accessible:
        reader.fail(
            "compliance",
            msg("the site is 'helt förenlig' but not_accessible lists problems"),
            msg("use 'delvis förenlig' while anything is not accessible"),
        )
    listed_nothing = reader.present("not_accessible") and not not_accessible
    if compliance in ("delvis förenlig", "inte förenlig") and listed_nothing:
        reader.fail(
            "not_accessible",
            msg("the site is '%(compliance)s' but not_accessible lists nothing"),
            msg("list what is not accessible and why (Digg item 4)"),
            compliance=compliance,
        )
    assessed = reader.day("assessed", today)
    updated = reader.day("updated", today)
    if assessed and updated and updated < assessed:
        reader.fail(
            "updated", msg("'updated' is before 'assessed'"), msg("update the statement's date")
        )
    if assessed and _year_after(assessed) < today:
        reader.fail(
            "assessed",
            msg("the accessibility assessment of %(day)s is more than a year old"),
            msg("assess the website again, then set 'assessed' and 'updated' to that date"),
            day=assessed.isoformat(),
        )
    method = reader.text("method")
    feedback = reader.unit("feedback", site)
    report = reader.value("report_to_digg")
    if report is not None and report != DIGG_REPORT_URL:
        reader.fail(
            "report_to_digg",
            msg("the link must be %(url)s"),
            msg("Digg item 9"),
            url=DIGG_REPORT_URL,
        )
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
                msg("the audit results cannot be read: %(problem)s"),
                where,
                msg("the browser tests write this file: run make a11y to write it again"),
                problem=exc,
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

    def fail(self, key: str, message: str, hint: str, **fields: object) -> None:
        """`message` and `hint` are msg() ids; `%(key)s` in them is the key."""
        fields.setdefault("key", key)
        at = self.where.at_line(self.lines.get(key))
        self.errors.append(ConfigError(message, at, hint, **fields))

    def present(self, key: str) -> bool:
        return key in self.raw

    def value(self, key: str) -> Any:
        if key not in self.raw or self.raw[key] is None:
            self.errors.append(
                ConfigError(
                    msg("the accessibility statement lacks '%(key)s': %(item_msg)s"),
                    self.where,
                    msg("add '%(key)s:' to %(file)s"),
                    key=key,
                    item_msg=ITEMS[key],
                    file=STATEMENT_FILE,
                )
            )
            return None
        return self.raw[key]

    def _languages(self, key: str, value: Any, label: str, **fields: object) -> dict[str, str]:
        """`label` is a msg() id naming the value, filled from `fields` and the key."""
        if not isinstance(value, dict):
            self.fail(
                key,
                msg("%(label_msg)s must give a text per language"),
                msg("write {sv: …, fi: …, en: …}"),
                label_msg=label,
                **fields,
            )
            return {}
        texts = {str(k): str(v).strip() for k, v in value.items() if isinstance(v, str | int)}
        missing = [lang for lang in self.languages if not texts.get(lang)]
        if missing:
            self.fail(
                key,
                msg("%(label_msg)s has no text in %(missing)s"),
                msg("add the translation"),
                label_msg=label,
                missing=", ".join(missing),
                **fields,
            )
        return texts

    def text(self, key: str) -> dict[str, str]:
        value = self.value(key)
        return {} if value is None else self._languages(key, value, msg("'%(key)s'"))

    def texts(self, key: str) -> tuple[Mapping[str, str], ...]:
        value = self.raw.get(key) or []
        if not isinstance(value, list):
            self.fail(
                key,
                msg("'%(key)s' must be a list"),
                msg("write one '- {sv: …, fi: …, en: …}' a line"),
            )
            return ()
        return tuple(self._languages(key, v, msg("an entry of '%(key)s'")) for v in value)

    def items(self, key: str, *, criteria: bool) -> tuple[StatementItem, ...]:
        value = self.value(key)
        if value is None:
            return ()
        if not isinstance(value, list):
            self.fail(key, msg("'%(key)s' must be a list ([] when there is nothing)"), ITEMS[key])
            return ()
        items = []
        entry_label = msg("entry %(number)s of '%(key)s'")
        for number, entry in enumerate(value, start=1):
            if not isinstance(entry, dict):
                self.fail(
                    key,
                    msg("%(label_msg)s must have 'what' and 'why'"),
                    ITEMS[key],
                    label_msg=entry_label,
                    number=number,
                )
                continue
            for part in ("what", "why"):
                if part not in entry:
                    self.fail(
                        key,
                        msg("%(label_msg)s lacks '%(part)s'"),
                        msg("say %(part)s in every language"),
                        label_msg=entry_label,
                        number=number,
                        part=part,
                    )
            found = tuple(str(c) for c in entry.get("criteria") or ()) if criteria else ()
            bad = [c for c in found if not _CRITERION.match(c)]
            if bad:
                self.fail(
                    key,
                    msg("%(label_msg)s: not WCAG criteria: %(bad)s"),
                    msg("write them like '1.4.3'"),
                    label_msg=entry_label,
                    number=number,
                    bad=bad,
                )
            part_label = msg("'%(part)s' in entry %(number)s of '%(key)s'")
            items.append(
                StatementItem(
                    what=self._languages(
                        key, entry.get("what"), part_label, number=number, part="what"
                    ),
                    why=self._languages(
                        key, entry.get("why"), part_label, number=number, part="why"
                    ),
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
                msg("'%(key)s' must be in Digg's exact words: %(allowed)s; not %(value)s"),
                ITEMS[key],
                allowed=", ".join(allowed),
                value=repr(value),
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
            self.fail(
                key,
                msg("'%(key)s' is not a date: %(value)s"),
                msg("write it as YYYY-MM-DD"),
                value=repr(value),
            )
            return None
        if value > today:
            self.fail(
                key,
                msg("'%(key)s' (%(day)s) is in the future"),
                msg("use today's date"),
                day=value.isoformat(),
            )
        return value

    def unit(self, key: str, site: Site) -> str | None:
        value = self.value(key)
        if value is None:
            return None
        if site.organisation.get(str(value)) is None:
            known = ", ".join(sorted(site.organisation.units))
            self.fail(
                key,
                msg("unknown unit '%(unit)s'"),
                msg("use a unit from data/organisation.yaml: %(known)s"),
                unit=value,
                known=known,
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
            self.fail(
                "page",
                msg("there is no page '%(page)s'"),
                msg("create it in content/, or fix the path"),
                page=key,
            )
            return None
        if not source.meta.footer:
            self.errors.append(
                ConfigError(
                    msg("the accessibility statement's page is not linked from every page"),
                    source.line_of("footer") if "footer" in source.meta.lines else source.location,
                    msg("add 'footer: true' to its front matter (Digg: reachable from every page)"),
                )
            )
        return key
