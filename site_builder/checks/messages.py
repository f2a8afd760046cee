"""The checks' own messages, in English and Swedish, from a gettext catalog.

Editors read the findings; most of them read Swedish. Message ids are
English, marked with `msg()` (and `msg_plural()`), and translated from the
tool's own catalog, `site_builder/locale/sv/LC_MESSAGES/site_builder.po`: a
separate domain from the theme's catalogs, which translators of the site
edit. `make i18n-tool-update` extracts new ids into it.
"""

from __future__ import annotations

import io
import re
from collections.abc import Mapping, Sequence
from functools import lru_cache
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_decimal
from babel.support import NullTranslations, Translations

from ..errors import SiteBuilderError
from .base import Finding

DOMAIN = "site_builder"
LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
LANGUAGES = ("en", "sv")
_DECIMAL = re.compile(r"^\d+\.\d+$")


def msg(message: str) -> str:
    """Mark a message id for extraction; it is translated when shown."""
    return message


def msg_plural(singular: str, plural: str) -> tuple[str, str]:
    """Mark a singular/plural pair for extraction."""
    return singular, plural


@lru_cache(maxsize=4)
def translations(lang: str) -> NullTranslations:
    path = LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"
    if not path.is_file():
        return NullTranslations()
    with path.open("rb") as handle:
        catalog = read_po(handle, locale=lang)
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    buffer.seek(0)
    return Translations(fp=buffer, domain=DOMAIN)


def language_from_environment(environ: Mapping[str, str]) -> str:
    """Swedish when the locale says so (LANGUAGE, LC_ALL, LC_MESSAGES, LANG), else English."""
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name, "")
        if value:
            return "sv" if value.lower().startswith("sv") else "en"
    return "en"


class Messages:
    """Translates message ids and findings into one language."""

    def __init__(self, lang: str) -> None:
        self.lang = lang if lang in LANGUAGES else "en"
        self._translations = translations(self.lang)

    def __call__(self, message: str, **args: object) -> str:
        text = self._translations.gettext(message) if message else ""
        if not args:
            return text
        return text % {k: self._localised(v) if isinstance(v, str) else v for k, v in args.items()}

    def plural(self, forms: tuple[str, str], count: int, **args: object) -> str:
        text = self._translations.ngettext(forms[0], forms[1], count)
        localised = {k: self._localised(v) if isinstance(v, str) else v for k, v in args.items()}
        return text % {"count": count, **localised}

    def message(self, finding: Finding) -> str:
        return self._format(finding.message, finding)

    def hint(self, finding: Finding) -> str:
        return self._format(finding.hint, finding)

    def number(self, value: float, decimals: int = 1) -> str:
        """A decimal number as the language writes it: 49.7, 49,7."""
        pattern = "0." + "0" * decimals if decimals else "0"
        return str(format_decimal(value, format=pattern, locale=self.lang))

    def _localised(self, value: str) -> str:
        """Decimal numbers in findings' fields ("49.7") get the language's decimal sign."""
        if _DECIMAL.match(value):
            return self.number(float(value), len(value.split(".")[1]))
        return value

    def language_name(self, code: str) -> str:
        """A language named in the messages' language: "Finnish", "finska"."""
        try:
            name = Locale.parse(code.replace("-", "_")).get_display_name(self.lang)
        except (UnknownLocaleError, ValueError):
            return code
        return name or code

    def error(self, error: SiteBuilderError) -> str:
        """`path:line: message` and, on the next line, the fix, in this language."""
        where = f"{error.location}: " if error.location else ""
        hint = self.error_hint(error)
        fix = f"\n  → {hint}" if hint else ""
        return f"{where}{self.error_message(error)}{fix}"

    def error_message(self, error: SiteBuilderError) -> str:
        """An error's message in this language (raised with an English id, see errors.py)."""
        text = self.text(error.message_id, error.fields)
        rule = getattr(error, "rule", None)
        return f"[{rule}] {text}" if rule else text

    def error_hint(self, error: SiteBuilderError) -> str:
        return self.text(error.hint_id or "", error.fields)

    def _format(self, message: str, finding: Finding) -> str:
        return self.text(message, finding.args)

    def text(self, message: str, fields: Sequence[tuple[str, str]]) -> str:
        """A message id translated, its `%(name)s` fields filled in."""
        if not message:
            return ""
        text = self._translations.gettext(message)
        if not fields:
            return text
        args = {key: self._localised(value) for key, value in fields}
        for key, value in fields:  # parts of the message that are message ids themselves
            if key.endswith("_msg"):
                args[key] = self.text(value, [f for f in fields if not f[0].endswith("_msg")])
        if "language" in args:  # a language code: named in the reader's language
            args["language"] = self.language_name(args["language"])
        try:
            return text % args
        except (KeyError, ValueError, TypeError):  # a broken translation must not hide a finding
            try:
                return message % args
            except (KeyError, ValueError, TypeError):
                return message
