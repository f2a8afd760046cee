"""The accessibility statement page, prepared for the theme from `data/accessibility.yaml`.

Every sentence the statement needs that is the same on every site is a theme
string (translated in the catalogs); everything about this site comes from
the data file in the reader's language, or in Swedish marked `lang="sv"`
where a translation is missing. The compliance level is always also shown
in Digg's Swedish words, which are the legal terms.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from urllib.parse import quote

from .content.accessibility import AuditResult, Statement, StatementItem
from .i18n import format_day
from .views import Contact, PageView

Gettext = Callable[[str], str]
STATEMENT_KIND = "accessibility_statement"


def N_(message: str) -> str:
    return message


#: Digg's words (the data file's value) → the label in the reader's language.
COMPLIANCE_LABELS = {
    "helt förenlig": N_("fully compliant"),
    "delvis förenlig": N_("partially compliant"),
    "inte förenlig": N_("not compliant"),
}
COMPLIANCE_SENTENCES = {
    "helt förenlig": N_(
        "The website is fully compliant with the law on accessibility of digital public "
        "services (2018:1937)."
    ),
    "delvis förenlig": N_(
        "The website is partially compliant with the law on accessibility of digital public "
        "services (2018:1937), because of the problems described below."
    ),
    "inte förenlig": N_(
        "The website is not compliant with the law on accessibility of digital public "
        "services (2018:1937). The problems are described below."
    ),
}


@dataclass(frozen=True)
class LocalText:
    text: str
    lang: str | None = None
    """Set when the text is in another language than the page (a fallback)."""


@dataclass(frozen=True)
class ItemView:
    what: LocalText
    why: LocalText
    criteria: tuple[str, ...] = ()


@dataclass(frozen=True)
class AuditView:
    tool: str
    day: str
    day_iso: str
    pages: int
    problems: int
    languages: str
    """Pages per language, like "sv 27, fi 24, en 25"."""


@dataclass(frozen=True)
class StatementView:
    public_body: LocalText
    service: LocalText
    compliance: str
    compliance_legal: str
    """Digg's Swedish words; shown beside the label on pages in other languages."""
    compliance_sentence: str
    not_accessible: tuple[ItemView, ...]
    unreasonable_burden: tuple[ItemView, ...]
    outside_scope: tuple[ItemView, ...]
    other_limitations: tuple[LocalText, ...]
    assessed: str
    assessed_iso: str
    updated: str
    updated_iso: str
    method: LocalText
    contact: Contact
    feedback_href: str
    report_url: str
    report_note: str
    """"in Swedish" when the page is not Swedish (Digg's form is in Swedish)."""
    axe: AuditView | None
    validator: AuditView | None


def statement_page_view(
    view: PageView,
    statement: Statement,
    contact: Contact,
    gettext: Gettext,
    language_note: Callable[[str, str], str],
    source_language: str,
) -> PageView:
    """The page view of the statement's page, with the statement in `extra`."""
    lang = view.lang

    def local(texts: Mapping[str, str]) -> LocalText:
        if texts.get(lang):
            return LocalText(texts[lang])
        return LocalText(texts.get(source_language, ""), source_language)

    def items(entries: tuple[StatementItem, ...]) -> tuple[ItemView, ...]:
        return tuple(ItemView(local(e.what), local(e.why), e.criteria) for e in entries)

    def audit(result: AuditResult | None) -> AuditView | None:
        if result is None:
            return None
        order = {code: i for i, code in enumerate((source_language, "fi", "en"))}
        languages = sorted(result.languages.items(), key=lambda kv: (order.get(kv[0], 9), kv[0]))
        return AuditView(
            tool=result.tool,
            day=format_day(result.day, lang),
            day_iso=result.day.isoformat(),
            pages=result.pages,
            problems=result.problems,
            languages=", ".join(f"{code} {count}" for code, count in languages),
        )

    subject = gettext("Accessibility of the website") + f": {view.site_title}"
    body = gettext("Page: %(url)s") % {"url": view.canonical} + "\n\n"
    statement_view = StatementView(
        public_body=local(statement.public_body),
        service=local(statement.service),
        compliance=gettext(COMPLIANCE_LABELS[statement.compliance]),
        compliance_legal=statement.compliance,
        compliance_sentence=gettext(COMPLIANCE_SENTENCES[statement.compliance]),
        not_accessible=items(statement.not_accessible),
        unreasonable_burden=items(statement.unreasonable_burden),
        outside_scope=items(statement.outside_scope),
        other_limitations=tuple(local(t) for t in statement.other_limitations),
        assessed=format_day(statement.assessed, lang),
        assessed_iso=statement.assessed.isoformat(),
        updated=format_day(statement.updated, lang),
        updated_iso=statement.updated.isoformat(),
        method=local(statement.method),
        contact=contact,
        feedback_href=f"mailto:{contact.email}?subject={quote(subject)}&body={quote(body)}",
        report_url=statement.report_to_digg,
        report_note="" if lang == "sv" else language_note(lang, "sv"),
        axe=audit(statement.axe),
        validator=audit(statement.validator),
    )
    return replace(view, kind=STATEMENT_KIND, extra={**view.extra, "statement": statement_view})
