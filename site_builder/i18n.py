"""The theme's interface strings and locale data, from gettext catalogs and Babel.

Catalogs are standard PO files (`locales/LANG/LC_MESSAGES/messages.po`) that
translators open in Poedit or Weblate; they are compiled in memory on each
build, so nobody has to remember a compile step. Message ids are English, so
a language without a catalog falls back to English, and the theme marks
those strings `lang="en"`.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.dates import format_date, format_datetime
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations

from .config import SiteConfig
from .errors import ConfigError, Location, msg
from .files import relative

DOMAIN = "messages"
TEMPLATE = f"{DOMAIN}.pot"
#: The language of the message ids in the templates.
MSGID_LANGUAGE = "en"


@dataclass(frozen=True)
class LanguageInfo:
    code: str
    native_name: str
    """The language named in itself, capitalised: Svenska, Suomi, English, العربية."""
    direction: str
    """`ltr` or `rtl`, from Babel's locale data."""


@lru_cache(maxsize=64)
def language_info(code: str) -> LanguageInfo:
    try:
        locale = Locale.parse(code.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return LanguageInfo(code, code, "ltr")
    name = locale.get_display_name(locale) or code
    direction = "rtl" if locale.character_order == "right-to-left" else "ltr"
    return LanguageInfo(code, name[:1].upper() + name[1:], direction)


def language_name(code: str, in_lang: str) -> str | None:
    """A language's name in another language ('ar' in 'sv': 'arabiska'), when Babel has it."""
    try:
        name = Locale.parse(code.replace("-", "_")).get_display_name(
            Locale.parse(in_lang.replace("-", "_"))
        )
    except (UnknownLocaleError, ValueError):
        return None
    return name or None


def describe_language(config: SiteConfig, code: str) -> LanguageInfo:
    """`language_info`, or the name and direction `site.yaml` gives for a code Babel lacks."""
    named = config.language_names.get(code)
    if named is not None:
        return LanguageInfo(code, named[0], named[1])
    return language_info(code)


def catalog_paths(config: SiteConfig, lang: str) -> list[Path]:
    """PO files for a language, most specific (the site's own) first."""
    return [
        path
        for base in config.locale_dirs
        if (path := base / lang / "LC_MESSAGES" / f"{DOMAIN}.po").is_file()
    ]


def read_catalog(path: Path, root: Path) -> Catalog:
    try:
        with path.open("rb") as handle:
            return read_po(handle, abort_invalid=True)
    except Exception as exc:  # babel raises several kinds for a broken PO file
        line = getattr(exc, "lineno", None)
        raise ConfigError(
            msg("the translation catalog cannot be read: %(problem)s"),
            Location(relative(path, root), line),
            msg("open it in Poedit, which shows and fixes syntax errors"),
            problem=exc,
        ) from None


@dataclass(frozen=True)
class LoadedCatalog:
    """A PO catalog as read, kept so that the checks can see fuzzy and empty entries."""

    path: str
    """Relative to the site root, as shown to translators."""
    catalog: Catalog


def load_catalogs(config: SiteConfig, lang: str) -> tuple[LoadedCatalog, ...]:
    """A language's catalogs, most specific (the site's own) first."""
    return tuple(
        LoadedCatalog(relative(path, config.root), read_catalog(path, config.root))
        for path in catalog_paths(config, lang)
    )


def template_catalog(config: SiteConfig) -> LoadedCatalog | None:
    """The theme's message template (`messages.pot`): every string the theme uses."""
    for base in config.locale_dirs:
        path = base / f"{DOMAIN}.pot"
        if path.is_file():
            return LoadedCatalog(relative(path, config.root), read_catalog(path, config.root))
    return None


def load_translations(config: SiteConfig, lang: str) -> NullTranslations | None:
    """Compiled translations for a language; None when no catalog exists for it."""
    return compile_catalogs(load_catalogs(config, lang))


def compile_catalogs(catalogs: tuple[LoadedCatalog, ...]) -> NullTranslations | None:
    """Merge catalogs (the first wins) into translations; None when there are none.

    Fuzzy entries are left out, as gettext does: a fuzzy string is not yet
    reviewed, and the checks report it.
    """
    if not catalogs:
        return None
    merged: Translations | None = None
    for loaded in reversed(catalogs):  # theme first, the site's own catalog last: it wins
        buffer = io.BytesIO()
        write_mo(buffer, loaded.catalog, use_fuzzy=False)
        buffer.seek(0)
        translations = Translations(fp=buffer, domain=DOMAIN)
        merged = translations if merged is None else merged.merge(translations)
    return merged


@dataclass(frozen=True)
class CatalogStatus:
    """How far the theme's interface strings are translated into one language.

    A string counts as translated when some catalog for the language has every
    form of it filled and not marked fuzzy, which is exactly when the build
    uses it (see `load_translations`).
    """

    lang: str
    catalogs: tuple[str, ...]
    """The PO files read, relative to the site root; empty when the language has none."""
    translated: tuple[str, ...]
    missing: tuple[str, ...]
    """Not in any catalog, or with an empty translation."""
    fuzzy: tuple[str, ...]
    """Translated, but marked fuzzy (needing review), so the build does not use it."""

    @property
    def total(self) -> int:
        return len(self.translated) + len(self.missing) + len(self.fuzzy)

    @property
    def percent(self) -> float:
        return round(100 * len(self.translated) / self.total, 1) if self.total else 100.0


def template_ids(config: SiteConfig) -> tuple[str, ...] | None:
    """The message ids of the first `messages.pot` in the catalog folders, sorted."""
    for base in config.locale_dirs:
        path = base / TEMPLATE
        if path.is_file():
            return tuple(sorted(_message_id(m.id) for m in read_catalog(path, config.root) if m.id))
    return None


def catalog_status(config: SiteConfig, lang: str) -> CatalogStatus:
    """Translated, missing and fuzzy interface strings of a language.

    The strings to translate are those of the template (`messages.pot`, kept
    current by `make i18n-extract`); without one, those found in any catalog.
    """
    paths = catalog_paths(config, lang)
    catalogs = [read_catalog(path, config.root) for path in paths]
    done: set[str] = set()
    fuzzy: set[str] = set()
    seen: set[str] = set()
    for catalog in catalogs:
        for message in catalog:
            if not message.id:
                continue
            msgid = _message_id(message.id)
            seen.add(msgid)
            strings = (
                message.string if isinstance(message.string, tuple | list) else (message.string,)
            )
            if not all(strings):
                continue
            (fuzzy if message.fuzzy else done).add(msgid)
    wanted = template_ids(config)
    ids = sorted(seen) if wanted is None else wanted
    translated = [i for i in ids if i in done]
    fuzzy_ids = [i for i in ids if i in fuzzy and i not in done]
    missing = [i for i in ids if i not in done and i not in fuzzy]
    return CatalogStatus(
        lang=lang,
        catalogs=tuple(relative(path, config.root) for path in paths),
        translated=tuple(translated),
        missing=tuple(missing),
        fuzzy=tuple(fuzzy_ids),
    )


def _message_id(value: str | tuple[str, ...] | list[str]) -> str:
    """A plural message is named by its singular form."""
    return value if isinstance(value, str) else value[0]


def format_day(value: date | datetime, lang: str) -> str:
    """A date as people write it in the language: '1 november 2026', '1. marraskuuta 2026'."""
    day = value.date() if isinstance(value, datetime) else value
    return format_date(day, format="long", locale=_locale(lang))


def format_moment(value: datetime, lang: str) -> str:
    """Date and time of day, for information that changes during a day (crisis messages)."""
    return format_datetime(value, format="long", locale=_locale(lang)).split(" UTC")[0]


#: Regional conventions for dates where a bare language code would pick another region's:
#: English for a Swedish public body follows European usage ("1 November 2026").
FORMAT_LOCALES = {"en": "en_GB"}


def _locale(lang: str) -> str:
    try:
        Locale.parse(lang.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return FORMAT_LOCALES[MSGID_LANGUAGE]
    return FORMAT_LOCALES.get(lang, lang.replace("-", "_"))
