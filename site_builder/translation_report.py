"""The translators' report: pages and theme strings per language, as data, JSON or text.

`site-builder i18n status` prints it. It puts together what
`translation_status` knows about pages and what `i18n.catalog_status` knows
about the theme's catalogs, so that a translator sees in one place what to
do in their language, and a tool (CI, a dashboard) gets the same facts as
JSON.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from .i18n import CatalogStatus, catalog_status, describe_language
from .model import Site
from .translation_status import (
    TOP_LEVEL,
    LanguageStatus,
    State,
    Tally,
    TranslationState,
    copies_source,
    language_status,
    translation_path,
)

SOURCE = "source"
MAIN = "main"
CASE_BY_CASE = "case-by-case"


@dataclass(frozen=True)
class LanguageReport:
    lang: str
    name: str
    role: str
    """`source` (every page exists in it), `main` (site.yaml languages) or `case-by-case`."""
    pages: LanguageStatus
    strings: CatalogStatus


@dataclass(frozen=True)
class Report:
    source_language: str
    required: frozenset[str]
    """Keys of pages that must exist in every main language (site.yaml)."""
    languages: tuple[LanguageReport, ...]


def build_report(site: Site, languages: Sequence[str] | None = None) -> Report:
    """The report for the given languages; by default every main language, then every
    other language some page is written in."""
    main = site.languages
    codes = list(languages) if languages else [*main, *site.other_languages()]
    reports = []
    for code in codes:
        role = SOURCE if code == site.source_language else MAIN if code in main else CASE_BY_CASE
        reports.append(
            LanguageReport(
                lang=code,
                name=describe_language(site.config, code).native_name,
                role=role,
                pages=language_status(site, code),
                strings=catalog_status(site.config, code),
            )
        )
    return Report(
        source_language=site.source_language,
        required=frozenset(site.config.required_translations),
        languages=tuple(reports),
    )


# -- JSON -------------------------------------------------------------------------------


def to_json(report: Report) -> dict[str, Any]:
    """Plain data for `--format json`: every path, so a tool needs nothing else.

    Per language, `pages` lists each page by state (the counts are the lengths
    of the lists), and in `same_text_as_source` the translations whose text is
    still the source's; `sections` gives the counts per top-level section.
    """
    return {
        "source_language": report.source_language,
        "languages": {each.lang: _language_json(each, report) for each in report.languages},
    }


def _language_json(each: LanguageReport, report: Report) -> dict[str, Any]:
    pages = each.pages

    def entry(state: TranslationState) -> dict[str, Any]:
        item: dict[str, Any] = {
            "key": state.key,
            "path": state.page.source if state.page else translation_path(state.source, each.lang),
            "source": state.source.source,
        }
        if state.state is State.OUTDATED and state.page is not None:
            item["made_from"] = state.page.meta.source_version
            item["source_now"] = state.source.digest
        if state.state is State.MISSING:
            item["required"] = state.key in report.required and each.role != CASE_BY_CASE
        return item

    strings = each.strings
    return {
        "name": each.name,
        "role": each.role,
        "pages": {
            "total": pages.tally.total,
            "percent_current": pages.tally.percent_current,
            "percent_translated": pages.tally.percent_existing,
            "current": [entry(s) for s in pages.of(State.CURRENT)],
            "outdated": [entry(s) for s in pages.of(State.OUTDATED)],
            "untracked": [entry(s) for s in pages.of(State.UNTRACKED)],
            "missing": [entry(s) for s in pages.of(State.MISSING)],
            "same_text_as_source": [entry(s) for s in pages.states if copies_source(s)],
        },
        "sections": {name: _tally_json(t) for name, t in pages.sections().items()},
        "theme_strings": {
            "catalogs": list(strings.catalogs),
            "total": strings.total,
            "translated": len(strings.translated),
            "percent": strings.percent,
            "missing": list(strings.missing),
            "fuzzy": list(strings.fuzzy),
        },
    }


def _tally_json(tally: Tally) -> dict[str, Any]:
    return {
        "total": tally.total,
        "current": tally.current,
        "outdated": tally.outdated,
        "untracked": tally.untracked,
        "missing": tally.missing,
        "percent_current": tally.percent_current,
        "percent_translated": tally.percent_existing,
    }


# -- text -------------------------------------------------------------------------------


def to_text(report: Report) -> str:
    """The report as a translator reads it in a terminal: what to do comes first."""
    out: list[str] = []
    for each in report.languages:
        out += _language_text(each, report)
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def _language_text(each: LanguageReport, report: Report) -> list[str]:
    pages = each.pages
    tally = pages.tally
    strings = each.strings
    lines = [f"{each.lang} · {each.name} ({_ROLE_TEXT[each.role]})"]
    if each.role == SOURCE:
        lines.append(f"  pages: {tally.total}, all written in this language")
    else:
        lines.append(
            f"  pages: {tally.current} of {tally.total} current ({_pct(tally.percent_current)}), "
            f"{tally.outdated} outdated, {tally.untracked} untracked, {tally.missing} missing"
        )
    if strings.catalogs:
        lines.append(
            f"  theme strings: {len(strings.translated)} of {strings.total} translated "
            f"({_pct(strings.percent)}), {len(strings.missing)} missing, "
            f"{len(strings.fuzzy)} fuzzy  [{', '.join(strings.catalogs)}]"
        )
    else:
        lines.append(
            '  theme strings: no catalog; the interface is shown in English, marked lang="en"'
            f"  [make i18n-update LANGS={each.lang} creates one]"
        )
    if each.role == SOURCE:
        return lines
    outdated = pages.of(State.OUTDATED)
    if outdated:
        lines.append("  outdated (the source page changed after the translation was made):")
        lines += [f"    {s.page.source if s.page else ''}" for s in outdated]
        lines.append("    → see what changed: site-builder i18n diff FILE")
    copies = [s for s in pages.states if copies_source(s)]
    if copies:
        lines.append("  not translated yet (the text is still the source page's, word for word):")
        lines += [f"    {s.page.source if s.page else ''}" for s in copies]
    untracked = pages.of(State.UNTRACKED)
    if untracked:
        lines.append("  untracked (no source_version, so nobody knows what it was made from):")
        lines += [f"    {s.page.source if s.page else ''}" for s in untracked]
        lines.append("    → when it matches the Swedish page: site-builder i18n done FILE")
    missing = pages.of(State.MISSING)
    if missing and each.role == MAIN:
        lines.append("  missing:")
        for state in missing:
            required = "  (required)" if state.key in report.required else ""
            lines.append(f"    {translation_path(state.source, each.lang)}{required}")
        lines.append("    → start one: site-builder i18n new " + each.lang + " SWEDISH_FILE")
    elif missing:
        lines.append(
            f"  {len(missing)} pages are not in this language "
            "(languages beyond the main ones are added page by page, case by case)"
        )
    for label, items in (("missing", strings.missing), ("fuzzy", strings.fuzzy)):
        if items:
            lines.append(f"  theme strings {label}:")
            lines += [f"    {msgid!r}" for msgid in items]
    lines.append("  by section:")
    for name, part in pages.sections().items():
        label = name if name != TOP_LEVEL else "(home page)"
        lines.append(
            f"    {label:<24} {part.current:>3} of {part.total:<3} current "
            f"({_pct(part.percent_current)})"
            + (f", {part.outdated} outdated" if part.outdated else "")
            + (f", {part.missing} missing" if part.missing else "")
        )
    return lines


_ROLE_TEXT = {
    SOURCE: "source language",
    MAIN: "main language",
    CASE_BY_CASE: "case by case",
}


def _pct(value: float) -> str:
    return f"{value:.0f} %" if value == int(value) else f"{value:.1f} %"
