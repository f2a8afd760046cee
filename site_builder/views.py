"""What the templates show: plain data prepared from the site model.

Templates stay logic-light: every decision (which language version to link,
what a fallback looks like, how a date reads in Finnish) is made here, in
Python, where it can be tested. A view never reaches back into the loader.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import Any
from urllib.parse import quote

from .alert_views import AlertView, alert_views
from .i18n import format_day, language_info
from .model import HOME_KEY, Page, Site, Unit
from .special_pages import index_path, search_path

Gettext = Callable[[str], str]


def N_(message: str) -> str:
    """Mark a string for extraction into the catalogs; it is translated later."""
    return message


#: "(på svenska)" after a link or menu entry that leads to a page in another language.
LANGUAGE_NOTES = {"sv": N_("in Swedish"), "fi": N_("in Finnish"), "en": N_("in English")}


@dataclass(frozen=True)
class Link:
    """A link to a page, with the language it is in when that differs from the reader's."""

    title: str
    url: str
    lang: str | None = None
    """Set when the target is in another language than the page showing the link."""
    note: str | None = None
    """"in Swedish", in the reader's language, for links to another language."""
    current: bool = False
    summary: str = ""
    date: str = ""
    iso_date: str = ""


@dataclass(frozen=True)
class LanguageLink:
    code: str
    name: str
    url: str
    current: bool
    exists: bool
    """False: the page has no version in this language, the link goes to its home page."""
    home_label: str = ""


@dataclass(frozen=True)
class Contact:
    name: str
    phone: str
    phone_href: str
    email: str
    address: str


@dataclass(frozen=True)
class PageView:
    """Everything a template needs to present one output page."""

    kind: str
    lang: str
    dir: str
    ui_lang: str
    """The language the interface strings are in (differs where the theme has no catalog)."""
    site_title: str
    title: str
    summary: str
    content: str
    url: str
    canonical: str
    home_url: str
    alternates: Sequence[tuple[str, str]]
    languages: Sequence[LanguageLink]
    menu: Sequence[Link]
    breadcrumbs: Sequence[Link]
    footer_links: Sequence[Link] = ()
    children: Sequence[Link] = ()
    news: Sequence[Link] = ()
    contact: Contact | None = None
    site_contact: Contact | None = None
    org_number: str | None = None
    reviewed: str = ""
    reviewed_iso: str = ""
    published: str = ""
    published_iso: str = ""
    feedback_href: str = ""
    feed_url: str = ""
    source: str = ""
    og_locale: str = ""
    alerts: Sequence[AlertView] = ()
    """Active important messages, shown above the header."""
    search_url: str = ""
    index_url: str = ""
    """The A–Ö index in the reader's language."""
    tools_lang: str | None = None
    """Set when search and the index are in another language than the page."""
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def searchable(self) -> bool:
        """Content pages are in the search index; generated pages (404, search, A–Ö) not."""
        return self.kind not in GENERATED_KINDS


GENERATED_KINDS = frozenset({"404", "search", "index"})


class ViewBuilder:
    """Builds `PageView`s for one site; `gettext_for(lang)` gives the interface strings."""

    def __init__(
        self,
        site: Site,
        gettext_for: Callable[[str], Gettext],
        has_catalog: Callable[[str], bool],
    ) -> None:
        self.site = site
        self.config = site.config
        self.gettext_for = gettext_for
        self.has_catalog = has_catalog
        self.prefix = site.config.url_prefix
        # Menus and footer links are the same on every page of a language: made once.
        self._menus: dict[str, list[tuple[str, Link]]] = {}
        self._footer_links: dict[str, list[Link]] = {}
        self._source_keys: dict[str, str] = {}

    # -- helpers -------------------------------------------------------------

    def url(self, path: str) -> str:
        return self.prefix + path

    def absolute(self, path: str) -> str:
        return self.config.base_url.removesuffix(self.prefix) + self.url(path)

    def home_path(self, lang: str) -> str:
        home = self.site.page(HOME_KEY, lang)
        if home is not None:
            return home.path
        return "/" if lang == self.site.source_language else f"/{lang}/"

    def language_note(self, reader_lang: str, target_lang: str) -> str:
        """ "in Swedish" in the reader's language."""
        _ = self.gettext_for(reader_lang)
        message = LANGUAGE_NOTES.get(target_lang)
        if message:
            return _(message)
        name = language_info(target_lang).native_name
        return _("in %(language)s") % {"language": name}

    def link_to(self, key: str, lang: str, *, current_key: str | None = None) -> Link:
        """A link to `key` for a reader of `lang`, falling back to the source language."""
        target = self.site.in_language(key, lang)
        other = target.lang != lang
        return Link(
            title=target.title,
            url=self.url(target.path),
            lang=target.lang if other else None,
            note=self.language_note(lang, target.lang) if other else None,
            current=key == current_key,
            summary=target.meta.summary,
            date=format_day(target.meta.date, lang) if target.meta.date else "",
            iso_date=_iso(target.meta.date),
        )

    def contact_for(self, unit: Unit | None, lang: str) -> Contact | None:
        if unit is None:
            return None
        return Contact(
            name=unit.name_in(lang, self.site.source_language),
            phone=unit.phone,
            phone_href="tel:" + _tel(unit.phone),
            email=unit.email,
            address=unit.address,
        )

    def site_unit(self) -> Unit | None:
        units = self.site.organisation.units
        if self.config.contact_unit and self.config.contact_unit in units:
            return units[self.config.contact_unit]
        return next(iter(units.values()), None)

    # -- parts of every page -------------------------------------------------

    def menu(self, lang: str, current_key: str | None) -> list[Link]:
        """The main menu: top-level sections marked `menu: true`, the current one marked."""
        if lang not in self._menus:
            keys = [k for k in self.site.children(HOME_KEY) if self.site.source_page(k).meta.menu]
            self._menus[lang] = [(k, self.link_to(k, lang)) for k in self._ordered(keys, lang)]
        active = self._top_level(current_key)
        return [replace(link, current=key == active) for key, link in self._menus[lang]]

    def footer_links(self, lang: str) -> list[Link]:
        """Pages marked `footer: true` (about the site, the accessibility statement)."""
        if lang not in self._footer_links:
            keys = [k for k in self.site.page_keys() if self.site.source_page(k).meta.footer]
            self._footer_links[lang] = [self.link_to(k, lang) for k in self._ordered(keys, lang)]
        return self._footer_links[lang]

    def breadcrumbs(self, page: Page) -> list[Link]:
        if page.is_home:
            return []
        trail = [self.link_to(key, page.lang) for key in self.site.ancestors(page.key)]
        if trail and trail[0].lang is None:
            # the home page's title is a greeting; the trail needs a short name
            trail[0] = replace(trail[0], title=self.gettext_for(page.lang)(N_("Home")))
        trail.append(Link(title=page.title, url=self.url(page.path), current=True))
        return trail

    def languages(self, key: str | None, lang: str) -> list[LanguageLink]:
        versions = self.site.translations(key) if key is not None else {}
        codes = list(self.site.languages) + [
            code for code in versions if code not in self.site.languages
        ]
        links = []
        for code in codes:
            page = versions.get(code)
            if page is None and code not in self.site.languages:
                continue
            url = self.url(page.path if page else self.home_path(code))
            home_label = "" if page else self.gettext_for(code)(N_("home page"))
            links.append(
                LanguageLink(
                    code=code,
                    name=language_info(code).native_name,
                    url=url,
                    current=code == lang,
                    exists=page is not None,
                    home_label=home_label,
                )
            )
        return links

    def alternates(self, key: str) -> list[tuple[str, str]]:
        versions = self.site.translations(key)
        pairs = [(code, self.absolute(page.path)) for code, page in versions.items()]
        source = versions.get(self.site.source_language)
        if source is not None:
            pairs.append(("x-default", self.absolute(source.path)))
        return pairs

    def feed_url(self, lang: str) -> str:
        return self.url(self.home_path(lang) + "atom.xml")

    def tools_language(self, lang: str) -> str:
        """Search and the A–Ö index exist in the main languages; others use the source's."""
        return lang if lang in self.site.languages else self.site.source_language

    def search_url(self, lang: str) -> str:
        tools = self.tools_language(lang)
        return self.url(search_path(self.home_path(tools), tools))

    def index_url(self, lang: str) -> str:
        tools = self.tools_language(lang)
        return self.url(index_path(self.home_path(tools), tools))

    def alerts(self, lang: str, *, full: bool) -> list[AlertView]:
        return alert_views(
            self.site,
            lang,
            full=full,
            gettext=self.gettext_for(self.ui_lang(lang)),
            page_link=self._page_link,
            language_note=self.language_note,
        )

    def _page_link(self, source: str, lang: str) -> tuple[str, str, str | None] | None:
        key = self._keys_by_source().get(source)
        if key is None:  # not published (yet)
            return None
        link = self.link_to(key, lang)
        return link.url, link.title, link.lang

    def _keys_by_source(self) -> dict[str, str]:
        if not self._source_keys:
            self._source_keys.update({page.source: page.key for page in self.site.pages})
        return self._source_keys

    def common(self, lang: str, *, home: bool = False) -> dict[str, Any]:
        """Fields every page view has: messages, search and the index."""
        tools = self.tools_language(lang)
        return {
            "alerts": self.alerts(lang, full=home),
            "search_url": self.search_url(lang),
            "index_url": self.index_url(lang),
            "tools_lang": tools if tools != lang else None,
        }

    # -- whole pages ---------------------------------------------------------

    def page_view(self, page: Page, content: str) -> PageView:
        lang = page.lang
        source = self.site.source_page(page.key)
        unit = self.site.organisation.get(page.meta.sender or source.meta.sender)
        reviewed = page.meta.reviewed or source.meta.reviewed
        published = page.meta.date
        _ = self.gettext_for(lang)
        canonical = self.absolute(page.path)
        contact = self.contact_for(unit, lang)
        feedback = self.feedback_href(contact, page.title, canonical, lang)
        children: list[Link] = []
        news: list[Link] = []
        kind = self.kind(page)
        if page.is_section or page.is_home:
            children = [
                self.link_to(k, lang) for k in self._ordered(self.site.children(page.key), lang)
            ]
        if kind in ("home", "news_list"):
            news = self.news(lang)
            if kind == "news_list":
                children = news
        return PageView(
            kind=kind,
            lang=lang,
            dir=language_info(lang).direction,
            ui_lang=self.ui_lang(lang),
            site_title=self.site_title(lang),
            title=page.title,
            summary=page.meta.summary,
            content=content,
            url=self.url(page.path),
            canonical=canonical,
            home_url=self.url(self.home_path(lang)),
            alternates=self.alternates(page.key),
            languages=self.languages(page.key, lang),
            menu=self.menu(lang, page.key),
            breadcrumbs=self.breadcrumbs(page),
            footer_links=self.footer_links(lang),
            children=children,
            news=news,
            contact=contact,
            site_contact=self.contact_for(self.site_unit(), lang),
            org_number=self.config.org_number,
            reviewed=format_day(reviewed, lang) if reviewed else "",
            reviewed_iso=_iso(reviewed),
            published=format_day(published, lang) if published else "",
            published_iso=_iso(published),
            feedback_href=feedback,
            feed_url=self.feed_url(lang),
            source=page.source,
            og_locale=_og_locale(lang),
            **self.common(lang, home=kind == "home"),
        )

    def feedback_href(self, contact: Contact | None, title: str, url: str, lang: str) -> str:
        """A `mailto:` link with the title and address filled in: feedback needs no server."""
        if contact is None:
            return ""
        _ = self.gettext_for(lang)
        subject = _("Feedback on the page: %(title)s") % {"title": title}
        body = _("Page: %(url)s") % {"url": url} + "\n\n"
        return f"mailto:{contact.email}?subject={quote(subject)}&body={quote(body)}"

    def not_found_view(self, lang: str) -> PageView:
        _ = self.gettext_for(lang)
        return self.generated_view(
            lang,
            kind="404",
            title=_("Page not found"),
            summary=_("The page you asked for does not exist. It may have moved or been removed."),
            path=self.home_path(lang) + "404.html",
        )

    def generated_view(
        self,
        lang: str,
        *,
        kind: str,
        title: str,
        summary: str,
        path: str,
        languages: Sequence[LanguageLink] | None = None,
        alternates: Sequence[tuple[str, str]] = (),
        extra: dict[str, Any] | None = None,
    ) -> PageView:
        """A page the generator makes itself (404, search, the A–Ö index)."""
        site_contact = self.contact_for(self.site_unit(), lang)
        return PageView(
            kind=kind,
            lang=lang,
            dir=language_info(lang).direction,
            ui_lang=self.ui_lang(lang),
            site_title=self.site_title(lang),
            title=title,
            summary=summary,
            content="",
            url=self.url(path),
            canonical=self.absolute(path),
            home_url=self.url(self.home_path(lang)),
            alternates=alternates,
            languages=languages if languages is not None else self.languages(None, lang),
            menu=self.menu(lang, None),
            breadcrumbs=(),
            footer_links=self.footer_links(lang),
            contact=site_contact,
            site_contact=site_contact,
            org_number=self.config.org_number,
            feedback_href=self.feedback_href(site_contact, title, self.absolute(path), lang),
            feed_url=self.feed_url(lang),
            og_locale=_og_locale(lang),
            extra=extra or {},
            **self.common(lang),
        )

    def kind(self, page: Page) -> str:
        news_key = self.config.news_section
        if page.is_home:
            return "home"
        if page.key == news_key:
            return "news_list"
        if self.site.is_news(page.key):
            return "news_item"
        return "section" if page.is_section else "page"

    def news(self, lang: str) -> list[Link]:
        """News items, newest first; in the reader's language where translated."""
        keys = [
            key
            for key in self.site.children(self.config.news_section)
            if not self.site.source_page(key).is_section
        ]
        keys.sort(key=lambda k: (_sortable(self.site.source_page(k).meta.date), k), reverse=True)
        return [self.link_to(k, lang) for k in keys]

    def site_title(self, lang: str) -> str:
        return self.config.title.get(lang) or self.config.title[self.site.source_language]

    def ui_lang(self, lang: str) -> str:
        return lang if self.has_catalog(lang) else "en"

    def _ordered(self, keys: Sequence[str], lang: str) -> list[str]:
        def order(key: str) -> tuple[int, str, str]:
            page = self.site.in_language(key, lang)
            return (self.site.source_page(key).meta.weight, page.title.casefold(), key)

        return sorted(keys, key=order)

    def _top_level(self, key: str | None) -> str | None:
        if key is None or key == HOME_KEY:
            return None
        chain = [*self.site.ancestors(key), key]
        return chain[1] if len(chain) > 1 else key


def _iso(value: date | datetime | None) -> str:
    return value.isoformat() if value else ""


def _sortable(value: date | datetime | None) -> str:
    return value.isoformat() if value else ""


def _tel(phone: str) -> str:
    """`0591-641 00` → `+4659164100`: a number a phone can dial from anywhere."""
    digits = "".join(ch for ch in phone if ch.isdigit() or ch == "+")
    if digits.startswith("+"):
        return digits
    if digits.startswith("0"):
        return "+46" + digits[1:]
    return digits


def _og_locale(lang: str) -> str:
    return {"sv": "sv_SE", "fi": "fi_FI", "en": "en_GB"}.get(lang, lang)
