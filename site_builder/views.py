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
from .i18n import format_day
from .language_views import (
    HeaderLink,
    LanguageGroup,
    LanguageViews,
    OutdatedNotice,
    VariantLink,
    VariantOf,
    Video,
)
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
    """Set when the target is in another language than the interface around the link."""
    note: str | None = None
    """"in Swedish", in the reader's language, for links to a language they may not read."""
    current: bool = False
    dir: str = ""
    """The target's direction where it differs from the text around the link."""
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
    dir: str = ""
    """The language's direction where it differs from the header's."""


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
    ui_dir: str = "ltr"
    site_title_lang: str = ""
    """The language of `site_title` (the page's, or the interface's where the site has no
    name in the page's language)."""
    language_pages: Sequence[HeaderLink] = ()
    """Header links to the other-languages, easy-to-read and sign language pages."""
    outdated: OutdatedNotice | None = None
    """Set on a translation made from an older version of its source page."""
    other_languages: Sequence[LanguageGroup] = ()
    """On the other-languages page: the pages in each language beyond the main ones."""
    variant: str = ""
    """`easy_to_read` or `sign_language` for pages in those sections."""
    variants: Sequence[VariantLink] = ()
    """On a source page: its easy-to-read and sign language versions."""
    variant_of: VariantOf | None = None
    """On an easy-to-read or sign language page: the page it is a version of."""
    video: Video | None = None
    """On a sign language page: the captioned video."""

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
        self.lang_views = LanguageViews(site, gettext_for, has_catalog, self.url)
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
        """ "in Swedish" in the reader's interface language (see `ui_lang`)."""
        _ = self.lang_views.gettext(reader_lang)
        message = LANGUAGE_NOTES.get(target_lang)
        if message:
            return _(message)
        name = self.lang_views.name_in(target_lang, reader_lang)
        return _("in %(language)s") % {"language": name}

    def link_to(self, key: str, lang: str, *, current_key: str | None = None) -> Link:
        """A link to `key` for a reader of `lang`.

        It goes to the page in the reader's language, else in their interface
        language, else in the source language. `lang` marks a title in another
        language than the interface around it; the note tells the reader when
        the page is in a language that is neither theirs nor the interface's.
        """
        target = self.lang_views.preferred(key, lang)
        ui = self.ui_lang(lang)
        return Link(
            title=target.title,
            url=self.url(target.path),
            lang=target.lang if target.lang != ui else None,
            note=self.language_note(lang, target.lang) if target.lang not in (lang, ui) else None,
            current=key == current_key,
            summary=target.meta.summary,
            date=format_day(target.meta.date, ui) if target.meta.date else "",
            iso_date=_iso(target.meta.date),
            dir=self.lang_views.dir_attr(target.lang, ui),
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
        ui = self.ui_lang(page.lang)
        trail = [self.link_to(key, page.lang) for key in self.site.ancestors(page.key)]
        if trail and trail[0].lang is None:
            # the home page's title is a greeting; the trail needs a short name
            trail[0] = replace(trail[0], title=self.lang_views.gettext(page.lang)(N_("Home")))
        trail.append(
            Link(
                title=page.title,
                url=self.url(page.path),
                current=True,
                lang=page.lang if page.lang != ui else None,
                dir=self.lang_views.dir_attr(page.lang, ui),
            )
        )
        return trail

    def languages(self, key: str | None, lang: str) -> list[LanguageLink]:
        """The language switcher: every main language (the page's version, else that
        language's home page), then the page's versions in other languages that
        `Site.linked_versions` pairs with it, each named in itself."""
        main = self.site.languages
        versions = self.site.translations(key) if key is not None else {}
        linked = self.site.linked_versions(key, lang) if key is not None else []
        codes = [*main, *(p.lang for p in linked if p.lang not in main)]
        header_lang = self.ui_lang(lang)
        links = []
        for code in codes:
            page = versions.get(code)
            # no version in this language: its home page, or (on a site that has none
            # in that language yet) the source home page, never an address nobody built
            target = page or self.lang_views.preferred(HOME_KEY, code)
            url = self.url(target.path)
            home_label = "" if page else self.lang_views.gettext(code)(N_("home page"))
            links.append(
                LanguageLink(
                    code=code,
                    name=self.lang_views.info(code).native_name,
                    url=url,
                    current=code == lang,
                    exists=page is not None,
                    home_label=home_label,
                    dir=self.lang_views.dir_attr(code, header_lang),
                )
            )
        return links

    def alternates(self, key: str, lang: str | None = None) -> list[tuple[str, str]]:
        """`hreflang` alternates of a page in `lang` (default: the source language), with
        `x-default` pointing to the source page."""
        versions = self.site.linked_versions(key, lang or self.site.source_language)
        pairs = [(page.lang, self.absolute(page.path)) for page in versions]
        source = self.site.translations(key).get(self.site.source_language)
        if source is not None:
            pairs.append(("x-default", self.absolute(source.path)))
        return pairs

    def feed_url(self, lang: str) -> str:
        """The news feed in `lang`; feeds exist for the main languages only."""
        feed_lang = lang if lang in self.site.languages else self.ui_lang(lang)
        if feed_lang not in self.site.languages:
            feed_lang = self.site.source_language
        return self.url(self.home_path(feed_lang) + "atom.xml")

    def tools_language(self, lang: str) -> str:
        """Search and the A–Ö index exist in the main languages; others use the interface
        language's (see `ui_lang`), else the source's."""
        for code in (lang, self.ui_lang(lang)):
            if code in self.site.languages:
                return code
        return self.site.source_language

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
        ui = self.ui_lang(lang)
        canonical = self.absolute(page.path)
        contact = self.contact_for(unit, ui)
        feedback = self.feedback_href(contact, page.title, canonical, lang)
        children: list[Link] = []
        news: list[Link] = []
        kind = self.kind(page)
        if page.is_section or page.is_home:
            keys = self.site.children(page.key)
            if page.is_home:  # the pages about language are in the header of every page
                keys = tuple(k for k in keys if k not in self.config.language_pages.values())
            children = [self.link_to(k, lang) for k in self._ordered(keys, lang)]
        if kind in ("home", "news_list"):
            news = self.news(lang)
            if kind == "news_list":
                children = news
        site_title, site_title_lang = self.site_title_in(lang)
        return PageView(
            kind=kind,
            lang=lang,
            dir=self.lang_views.info(lang).direction,
            ui_lang=ui,
            ui_dir=self.lang_views.info(ui).direction,
            site_title=site_title,
            site_title_lang=site_title_lang,
            title=page.title,
            summary=page.meta.summary,
            content=content,
            url=self.url(page.path),
            canonical=canonical,
            home_url=self.url(self.lang_views.preferred(HOME_KEY, lang).path),
            alternates=self.alternates(page.key, lang),
            languages=self.languages(page.key, lang),
            menu=self.menu(lang, page.key),
            breadcrumbs=self.breadcrumbs(page),
            footer_links=self.footer_links(lang),
            children=children,
            news=news,
            contact=contact,
            site_contact=self.contact_for(self.site_unit(), ui),
            org_number=self.config.org_number,
            reviewed=format_day(reviewed, ui) if reviewed else "",
            reviewed_iso=_iso(reviewed),
            published=format_day(published, ui) if published else "",
            published_iso=_iso(published),
            feedback_href=feedback,
            feed_url=self.feed_url(lang),
            source=page.source,
            og_locale=_og_locale(lang),
            language_pages=self.lang_views.header_links(lang, page.key),
            outdated=self.lang_views.outdated_notice(
                page, self.language_note(lang, self.site.source_language)
            ),
            other_languages=(
                self.lang_views.other_languages(lang) if kind == "other_languages" else ()
            ),
            variant=self.site.variant_kind(page.key) or "",
            variants=self.lang_views.variant_links(page),
            variant_of=self.lang_views.variant_of(page),
            video=self.lang_views.video(page),
            **self.common(lang, home=kind == "home"),
        )

    def feedback_href(self, contact: Contact | None, title: str, url: str, lang: str) -> str:
        """A `mailto:` link with the title and address filled in: feedback needs no server."""
        if contact is None:
            return ""
        _ = self.lang_views.gettext(lang)
        subject = _("Feedback on the page: %(title)s") % {"title": title}
        body = _("Page: %(url)s") % {"url": url} + "\n\n"
        return f"mailto:{contact.email}?subject={quote(subject)}&body={quote(body)}"

    def not_found_view(self, lang: str) -> PageView:
        _ = self.lang_views.gettext(lang)
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
            dir=self.lang_views.info(lang).direction,
            ui_lang=self.ui_lang(lang),
            ui_dir=self.lang_views.info(self.ui_lang(lang)).direction,
            site_title=self.site_title_in(lang)[0],
            site_title_lang=self.site_title_in(lang)[1],
            title=title,
            summary=summary,
            content="",
            url=self.url(path),
            canonical=self.absolute(path),
            home_url=self.url(self.lang_views.preferred(HOME_KEY, lang).path),
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
            language_pages=self.lang_views.header_links(lang, None),
            extra=extra or {},
            **self.common(lang),
        )

    def kind(self, page: Page) -> str:
        news_key = self.config.news_section
        if page.is_home:
            return "home"
        if page.key == news_key:
            return "news_list"
        if page.key == self.config.language_pages.get("other_languages"):
            return "other_languages"
        if not page.is_section and self.site.variant_kind(page.key) == "sign_language":
            return "sign_language"
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
        return self.site_title_in(lang)[0]

    def site_title_in(self, lang: str) -> tuple[str, str]:
        """The site's name for a reader of `lang`, and the language it is in."""
        for code in (lang, self.ui_lang(lang), self.site.source_language):
            if self.config.title.get(code):
                return self.config.title[code], code
        return "", lang

    def ui_lang(self, lang: str) -> str:
        """The interface language of a page in `lang`: its own where the theme has a
        catalog for it, else English (or the source language, without an English one)."""
        return self.lang_views.ui_lang(lang)

    def _ordered(self, keys: Sequence[str], lang: str) -> list[str]:
        def order(key: str) -> tuple[int, str, str]:
            page = self.lang_views.preferred(key, lang)
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
