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
from .errors import ConfigError, Location
from .files import relative

DOMAIN = "messages"
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
            f"the translation catalog cannot be read: {exc}",
            Location(relative(path, root), line),
            "open it in Poedit, which shows and fixes syntax errors",
        ) from None


def load_translations(config: SiteConfig, lang: str) -> NullTranslations | None:
    """Compiled translations for a language; None when no catalog exists for it.

    Fuzzy entries are left out, as gettext does: a fuzzy string is not yet
    reviewed, and the checks report it.
    """
    paths = catalog_paths(config, lang)
    if not paths:
        return None
    merged: Translations | None = None
    for path in reversed(paths):  # theme first, the site's own catalog last: it wins
        buffer = io.BytesIO()
        write_mo(buffer, read_catalog(path, config.root), use_fuzzy=False)
        buffer.seek(0)
        translations = Translations(fp=buffer, domain=DOMAIN)
        merged = translations if merged is None else merged.merge(translations)
    return merged


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
