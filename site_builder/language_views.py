"""What readers are told about languages, prepared for the templates.

- Which language each piece of a page is in, so that `lang` and `dir` are
  right on every element (a screen reader switches voice on `lang`).
- The links in the header to the pages about language: other languages,
  easy-to-read Swedish and Swedish sign language.
- The "other languages" page: every page in a language beyond the main ones.
- The notice on an outdated translation, in the translation's own language.

The interface strings of a page come from its language's catalog; for a
language the theme has no catalog for, the page's surroundings (header,
menus, footer, contact block) are those of the fallback interface language,
and say so with their own `lang`.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .i18n import LanguageInfo, describe_language, format_day, language_name
from .model import VARIANT_KINDS, Page, Site
from .translation_status import State, state_of

Gettext = Callable[[str], str]


def N_(message: str) -> str:
    """Mark a string for extraction into the catalogs; it is translated later."""
    return message


#: The pages about language, as `language_pages` in site.yaml names them, and their link text.
LANGUAGE_PAGE_LABELS = {
    "other_languages": N_("Other languages"),
    "easy_to_read": N_("Easy-to-read Swedish"),
    "sign_language": N_("Swedish Sign Language"),
}
#: Variants of the source language: always linked in the source language, never translated.
SOURCE_VARIANTS = VARIANT_KINDS
#: On a source page, the links to its versions in those variants.
VARIANT_LABELS = {
    "easy_to_read": N_("This page in easy-to-read Swedish"),
    "sign_language": N_("This page in Swedish Sign Language"),
}
VIDEO_TYPES = {".mp4": "video/mp4", ".webm": "video/webm"}


@dataclass(frozen=True)
class HeaderLink:
    """A link in the header to a page about language."""

    kind: str
    """`other_languages`, `easy_to_read` or `sign_language` (a CSS hook, and for tests)."""
    label: str
    """In the interface language of the page showing it."""
    url: str
    hreflang: str | None
    """The target's language, when it differs from the link text's."""
    current: bool


@dataclass(frozen=True)
class ListedPage:
    """A page in another language, on the other-languages page."""

    title: str
    url: str
    lang: str
    dir: str
    """`rtl`/`ltr` where it differs from the surrounding text, else empty."""
    title_here: str
    """What the page is called in the reader's language (or in the source language)."""
    title_here_lang: str | None
    """Set when `title_here` is not in the reader's interface language."""


@dataclass(frozen=True)
class LanguageGroup:
    """The pages in one language beyond the main ones."""

    code: str
    name: str
    """The language named in itself: العربية, Soomaali, Meänkieli."""
    dir: str
    name_here: str
    """The language named in the reader's language ('arabiska'); empty where unknown."""
    pages: Sequence[ListedPage]

    @property
    def count(self) -> int:
        return len(self.pages)


@dataclass(frozen=True)
class OutdatedNotice:
    """A translation made from an older version of its source page."""

    source_url: str
    source_lang: str
    note: str
    """"in Swedish", in the reader's language."""
    reviewed: str
    """The source page's `reviewed` date, in the reader's language (may be empty)."""
    reviewed_iso: str


@dataclass(frozen=True)
class VariantLink:
    """On a source page: a link to its easy-to-read or sign language version."""

    kind: str
    label: str
    url: str


@dataclass(frozen=True)
class VariantOf:
    """On an easy-to-read or sign language page: the page it is a version of."""

    title: str
    url: str


@dataclass(frozen=True)
class Video:
    """The video of a sign language page, with its captions."""

    src: str
    type: str
    captions: str
    captions_lang: str
    captions_label: str
    """The captions' language named in itself ("Svenska"), as the player shows it."""


class LanguageViews:
    """Language facts for one site, in each reader's interface language."""

    def __init__(
        self,
        site: Site,
        gettext_for: Callable[[str], Gettext],
        has_catalog: Callable[[str], bool],
        url: Callable[[str], str],
    ) -> None:
        self.site = site
        self.gettext_for = gettext_for
        self.has_catalog = has_catalog
        self.url = url
        self._fallback = next(
            (code for code in ("en", site.source_language) if has_catalog(code)), "en"
        )

    # -- languages ------------------------------------------------------------

    def ui_lang(self, lang: str) -> str:
        """The language of the interface strings on a page in `lang`."""
        return lang if self.has_catalog(lang) else self._fallback

    def gettext(self, lang: str) -> Gettext:
        """Interface strings for a reader of `lang` (in the fallback language if needed)."""
        return self.gettext_for(self.ui_lang(lang))

    def info(self, code: str) -> LanguageInfo:
        return describe_language(self.site.config, code)

    def dir_attr(self, code: str, context_lang: str) -> str:
        """The direction of `code` where it differs from the text around it, else ''."""
        direction = self.info(code).direction
        return direction if direction != self.info(context_lang).direction else ""

    def name_in(self, code: str, reader_lang: str) -> str:
        """A language named in the reader's interface language, else in itself."""
        return language_name(code, self.ui_lang(reader_lang)) or self.info(code).native_name

    # -- the header's links to pages about language ------------------------------

    def header_links(self, lang: str, current_key: str | None) -> list[HeaderLink]:
        """Other languages, easy-to-read and sign language pages, where the site has them.

        They are the same on every page of a language (so a new page in
        Arabic changes no header), except for marking the page being shown.
        """
        ui = self.ui_lang(lang)
        _ = self.gettext(lang)
        links = []
        for kind, label in LANGUAGE_PAGE_LABELS.items():
            key = self.site.config.language_pages.get(kind)
            if key is None or not self.site.translations(key):
                continue
            if kind in SOURCE_VARIANTS:
                target = self.site.source_page(key)
            else:
                target = self.preferred(key, lang)
            links.append(
                HeaderLink(
                    kind=kind,
                    label=_(label),
                    url=self.url(target.path),
                    hreflang=target.lang if target.lang != ui else None,
                    current=key == current_key,
                )
            )
        return links

    def preferred(self, key: str, lang: str) -> Page:
        """The version of a page to link for a reader of `lang`: theirs, else the one in
        their interface language, else the source page."""
        for code in (lang, self.ui_lang(lang)):
            page = self.site.page(key, code)
            if page is not None:
                return page
        return self.site.source_page(key)

    # -- the other-languages page -------------------------------------------------

    def other_languages(self, lang: str) -> list[LanguageGroup]:
        """Every page in a language beyond the main ones, grouped by language."""
        ui = self.ui_lang(lang)
        groups = []
        for code in self.site.other_languages():
            pages = []
            for key in self.site.page_keys():
                page = self.site.page(key, code)
                if page is None:
                    continue
                here = self.preferred(key, lang)
                pages.append(
                    ListedPage(
                        title=page.title,
                        url=self.url(page.path),
                        lang=code,
                        dir=self.dir_attr(code, ui),
                        title_here=here.title,
                        title_here_lang=here.lang if here.lang != ui else None,
                    )
                )
            info = self.info(code)
            here_name = language_name(code, ui) or ""
            if here_name.casefold() == info.native_name.casefold():
                here_name = ""
            groups.append(
                LanguageGroup(
                    code=code,
                    name=info.native_name,
                    dir=self.dir_attr(code, ui),
                    name_here=here_name,
                    pages=tuple(pages),
                )
            )
        return groups

    # -- easy-to-read and sign language versions ----------------------------------

    def variant_links(self, page: Page) -> list[VariantLink]:
        """On a source page, its easy-to-read and sign language versions."""
        if page.lang != self.site.source_language:
            return []
        _ = self.gettext(page.lang)
        variants = self.site.variants(page.key)
        return [
            VariantLink(kind=kind, label=_(VARIANT_LABELS[kind]), url=self.url(variants[kind].path))
            for kind in VARIANT_KINDS
            if kind in variants
        ]

    def variant_of(self, page: Page) -> VariantOf | None:
        """On an easy-to-read or sign language page, the page it is a version of."""
        target = self.site.variant_target(page) if self.site.variant_kind(page.key) else None
        if target is None:
            return None
        base = self.site.source_page(target)
        return VariantOf(title=base.title, url=self.url(base.path))

    def video(self, page: Page) -> Video | None:
        """The captioned video of a sign language page (the loader has checked the files)."""
        meta = page.meta
        if (
            not (meta.video and meta.captions)
            or self.site.variant_kind(page.key) != "sign_language"
        ):
            return None
        folder = posixpath.dirname(page.source).removeprefix("content")
        source_lang = self.site.source_language
        return Video(
            src=self.url(posixpath.normpath(f"{folder}/{meta.video}")),
            type=VIDEO_TYPES.get(posixpath.splitext(meta.video)[1].lower(), "video/mp4"),
            captions=self.url(posixpath.normpath(f"{folder}/{meta.captions}")),
            captions_lang=source_lang,
            captions_label=self.info(source_lang).native_name,
        )

    # -- outdated translations ------------------------------------------------------

    def outdated_notice(self, page: Page, language_note: str) -> OutdatedNotice | None:
        """For a translation made from an older source version: when and where the source is.

        The date is the source page's `reviewed` date, the day an editor last
        checked it: the build reads no version history, so this is the date it
        can stand behind (editors set `reviewed` when they change a page).
        """
        if state_of(self.site, page.key, page.lang).state is not State.OUTDATED:
            return None
        source = self.site.source_page(page.key)
        reviewed = source.meta.reviewed
        return OutdatedNotice(
            source_url=self.url(source.path),
            source_lang=source.lang,
            note=language_note,
            reviewed=format_day(reviewed, self.ui_lang(page.lang)) if reviewed else "",
            reviewed_iso=reviewed.isoformat() if reviewed else "",
        )
