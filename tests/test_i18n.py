from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from site_builder.config import load_config
from site_builder.errors import ConfigError
from site_builder.i18n import format_day, language_info, load_translations


def test_language_info_from_babel() -> None:
    assert language_info("sv").native_name == "Svenska"
    assert language_info("fi").native_name == "Suomi"
    assert language_info("en").native_name == "English"
    assert language_info("ar").direction == "rtl"
    assert language_info("fa").direction == "rtl"
    assert language_info("so").direction == "ltr"


def test_dates_read_as_in_the_language() -> None:
    day = date(2026, 11, 1)
    assert format_day(day, "sv") == "1 november 2026"
    assert format_day(day, "fi") == "1. marraskuuta 2026"
    assert format_day(datetime(2026, 11, 1, 8, 30), "en") == "1 November 2026"


def test_catalogs_compile_and_site_overrides_theme(minimal_site: Path) -> None:
    config = load_config(minimal_site)
    fi = load_translations(config, "fi")
    assert fi is not None and fi.gettext("Skip to main content") == "Siirry pääsisältöön"
    assert load_translations(config, "ar") is None
    own = minimal_site / "locales" / "fi" / "LC_MESSAGES"
    own.mkdir(parents=True)
    (own / "messages.po").write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        'msgid "Skip to main content"\nmsgstr "Pääsisältöön"\n',
        encoding="utf-8",
    )
    fi = load_translations(load_config(minimal_site), "fi")
    assert fi is not None
    assert fi.gettext("Skip to main content") == "Pääsisältöön"  # the site's own wins
    assert fi.gettext("Main menu") == "Päävalikko"  # the theme's still there


def test_fuzzy_strings_are_not_used(minimal_site: Path) -> None:
    own = minimal_site / "locales" / "fi" / "LC_MESSAGES"
    own.mkdir(parents=True)
    (own / "messages.po").write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        '#, fuzzy\nmsgid "Main menu"\nmsgstr "Arvaus"\n',
        encoding="utf-8",
    )
    fi = load_translations(load_config(minimal_site), "fi")
    assert fi is not None and fi.gettext("Main menu") == "Päävalikko"


def test_broken_catalog_is_located(minimal_site: Path) -> None:
    own = minimal_site / "locales" / "sv" / "LC_MESSAGES"
    own.mkdir(parents=True)
    (own / "messages.po").write_text('msgid "a"\nthis is not PO\n', encoding="utf-8")
    with pytest.raises(ConfigError) as error:
        load_translations(load_config(minimal_site), "sv")
    assert error.value.location is not None
    assert error.value.location.path == "locales/sv/LC_MESSAGES/messages.po"
