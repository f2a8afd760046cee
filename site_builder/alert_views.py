"""What the important-message banner shows, prepared for the templates.

Sweden's guidelines for public-sector websites ask crisis information to say
when it was published, with the time of day, so each message carries its
times in the reader's language and the site's time zone. A message without a
text in the reader's language shows the source-language text marked with its
`lang`, so a screen reader pronounces it right, and says so.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, tzinfo

from babel.dates import format_time

from .i18n import format_day
from .model import Site

Gettext = Callable[[str], str]


def N_(message: str) -> str:
    return message


LEVEL_LABELS = {"info": N_("Information"), "warning": N_("Warning"), "danger": N_("Urgent")}


@dataclass(frozen=True)
class AlertView:
    id: str
    level: str
    level_label: str
    text: str
    text_lang: str | None
    """Set when the text is not in the page's language (a fallback)."""
    text_note: str
    details: str
    details_lang: str | None
    start: str
    start_iso: str
    end: str = ""
    end_iso: str = ""
    updated: str = ""
    updated_iso: str = ""
    link_url: str = ""
    link_title: str = ""
    link_lang: str | None = None


def moment_text(value: datetime, lang: str, tz: tzinfo, gettext: Gettext) -> str:
    """'1 december 2026 kl. 08:00': date and time of day in the site's time zone."""
    local = value.astimezone(tz)
    try:
        clock = format_time(local, format="short", locale=lang.replace("-", "_"))
    except (ValueError, LookupError):
        clock = local.strftime("%H:%M")
    return gettext("%(date)s at %(time)s") % {"date": format_day(local, lang), "time": clock}


def alert_views(
    site: Site,
    lang: str,
    *,
    full: bool,
    gettext: Gettext,
    page_link: Callable[[str, str], tuple[str, str, str | None] | None],
    language_note: Callable[[str, str], str],
) -> list[AlertView]:
    """The active messages for a page in `lang`; `full` adds the long text (home page).

    `page_link(source, lang)` gives (url, title, lang-if-other) of a published page.
    """
    tz = site.config.tz
    source = site.source_language
    views: list[AlertView] = []
    for alert in site.alerts:
        text_lang = lang if lang in alert.text else source
        details_lang = lang if lang in alert.details else source
        link = page_link(alert.link, lang) if alert.link else None
        views.append(
            AlertView(
                id=alert.id,
                level=alert.level,
                level_label=gettext(LEVEL_LABELS[alert.level]),
                text=alert.text[text_lang],
                text_lang=text_lang if text_lang != lang else None,
                text_note=language_note(lang, text_lang) if text_lang != lang else "",
                details=alert.details.get(details_lang, "") if full else "",
                details_lang=details_lang if details_lang != lang else None,
                start=moment_text(alert.start, lang, tz, gettext),
                start_iso=alert.start.isoformat(),
                end=moment_text(alert.end, lang, tz, gettext) if alert.end else "",
                end_iso=alert.end.isoformat() if alert.end else "",
                updated=moment_text(alert.updated, lang, tz, gettext) if alert.updated else "",
                updated_iso=alert.updated.isoformat() if alert.updated else "",
                link_url=link[0] if link else "",
                link_title=link[1] if link else "",
                link_lang=link[2] if link else None,
            )
        )
    return views
