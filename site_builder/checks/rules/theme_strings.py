"""The theme's own strings are translated, and reviewed, in every main language.

A string missing from a language's PO catalog, or marked fuzzy (not yet
reviewed), shows in English on that language's pages.
"""

from __future__ import annotations

from collections.abc import Iterator

from ...i18n import MSGID_LANGUAGE, LoadedCatalog
from ..base import Finding, RuleContext, Severity, SiteInput, SiteRule
from ..messages import msg


def _translated(message: object) -> bool:
    text = getattr(message, "string", None)
    if isinstance(text, tuple | list):
        return all(isinstance(part, str) and part for part in text)
    return isinstance(text, str) and bool(text)


def _ids(catalog: LoadedCatalog) -> list[str]:
    return [m.id if isinstance(m.id, str) else m.id[0] for m in catalog.catalog if m.id]


def check(site_input: SiteInput, ctx: RuleContext) -> Iterator[Finding]:
    shared = site_input.shared
    site = shared.site
    template_ids = _ids(shared.template) if shared.template else []
    for lang in site.languages:
        catalogs = shared.catalogs.get(lang, ())
        if not catalogs:
            if lang != MSGID_LANGUAGE:
                yield ctx.finding(
                    f"locales/{lang}/LC_MESSAGES/messages.po",
                    None,
                    msg("There is no catalog of the theme's strings in %(language)s."),
                    msg("Create it with: make i18n-update (or pybabel init), then translate it."),
                    language=lang,
                )
            continue
        ids = list(dict.fromkeys([*template_ids, *(i for c in catalogs for i in _ids(c))]))
        for msgid in ids:
            entries = [(loaded, loaded.catalog.get(msgid)) for loaded in catalogs]
            present = [(loaded, m) for loaded, m in entries if m is not None]
            if any(_translated(m) and not m.fuzzy for _, m in present):
                continue
            if not present:
                yield ctx.finding(
                    catalogs[0].path,
                    None,
                    msg("The theme string '%(msgid)s' is missing from the %(language)s catalog."),
                    msg("Run make i18n-update, then translate the new string."),
                    msgid=msgid,
                    language=lang,
                )
                continue
            loaded, message = present[0]
            fuzzy = bool(message.fuzzy) and _translated(message)
            yield ctx.finding(
                loaded.path,
                message.lineno,
                msg(
                    "The theme string '%(msgid)s' is marked fuzzy: its translation is not reviewed."
                )
                if fuzzy
                else msg("The theme string '%(msgid)s' has no %(language)s translation."),
                msg("Check the translation, then remove the fuzzy flag.")
                if fuzzy
                else msg("Fill in msgstr, in Poedit or a text editor."),
                msgid=msgid,
                language=lang,
            )


RULE = SiteRule(
    id="theme-strings",
    severity=Severity.ERROR,
    explanation=msg("The theme's strings are translated, not fuzzy, in every main language."),
    check=check,
)
