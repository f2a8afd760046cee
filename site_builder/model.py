"""The site model: frozen data describing every page, asset and unit.

The model is complete before anything is rendered, so that links, menus,
language switchers and checks all see the same, whole site (Pelican's link
bugs came from resolving links while pages were still being read). Nothing
here does I/O.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cached_property
from typing import Any

from .config import SiteConfig
from .errors import Location, SiteBuilderError

HOME_KEY = ""
#: Versions of source pages in a variant of the source language, each in its own section
#: (site.yaml `language_pages`): easy-to-read Swedish (lättläst) and Swedish sign language.
VARIANT_KINDS = ("easy_to_read", "sign_language")
Day = date
"""`date` under another name, for fields declared after a field called `date`."""


@dataclass(frozen=True)
class Unit:
    """A part of the organisation that sends pages and answers questions."""

    id: str
    name: Mapping[str, str]
    phone: str
    email: str
    address: str
    line: int | None = None
    """Line in `data/organisation.yaml` where the unit starts."""

    def name_in(self, lang: str, fallback: str) -> str:
        return self.name.get(lang) or self.name.get(fallback) or self.id


@dataclass(frozen=True)
class Organisation:
    units: Mapping[str, Unit]

    def get(self, unit_id: str | None) -> Unit | None:
        return self.units.get(unit_id) if unit_id else None


@dataclass(frozen=True)
class FrontMatter:
    """The validated front matter of one page file."""

    title: str
    summary: str
    sender: str | None = None
    reviewed: date | None = None
    date: date | datetime | None = None
    weight: int = 0
    menu: bool = False
    footer: bool = False
    """Linked from the footer of every page (about the site, accessibility statement)."""
    slug: str | None = None
    publish_at: Day | datetime | None = None
    """When the page becomes public, as written (a date or a time without an offset is
    in the site's time zone); the page is left out of builds until then."""
    source_version: str | None = None
    """For a translation: the git blob id of the source-language file it was made from."""
    variant_of: str | None = None
    """For an easy-to-read or sign language page: the source page it is a version of, as
    a path relative to this file (`../utbildning/forskola.sv.md`), like a link."""
    video: str | None = None
    """For a sign language page: the video file beside it."""
    captions: str | None = None
    """The video's captions, a WebVTT file beside the page."""
    silence: Mapping[str, str] = field(default_factory=dict)
    """Rule id → the written reason why a check does not apply to this page."""
    extra: Mapping[str, Any] = field(default_factory=dict)
    """Every other key, for features that read their own (kept, not interpreted)."""
    lines: Mapping[str, int] = field(default_factory=dict)
    """File line of each top-level key, so that problems can be located."""


@dataclass(frozen=True)
class Page:
    """One language version of one page."""

    source: str
    """File path relative to the site root, e.g. `content/kommun/policy.sv.md`."""
    key: str
    """Language-independent identity: `kommun/policy`; `kommun` for a section; `` for home."""
    lang: str
    is_section: bool
    meta: FrontMatter
    body: str
    body_line: int
    """File line on which the Markdown body starts."""
    path: str
    """Site-relative URL path, e.g. `/fi/kunta/viestintapolitiikka/`."""
    digest: str
    """Git blob id of the file (what `git hash-object` prints)."""

    @property
    def location(self) -> Location:
        return Location(self.source)

    def line_of(self, key: str) -> Location:
        return Location(self.source, self.meta.lines.get(key))

    @property
    def output_file(self) -> str:
        """Where the page is written, relative to the output folder."""
        return self.path.lstrip("/") + "index.html"

    @property
    def title(self) -> str:
        return self.meta.title

    @property
    def is_home(self) -> bool:
        return self.key == HOME_KEY


@dataclass(frozen=True)
class Asset:
    """An image or document in `content/`, copied to the same place in the output."""

    source: str
    path: str


@dataclass(frozen=True)
class Alert:
    """An important message (the crisis plan's tool), from `data/alerts.yaml`."""

    id: str
    level: str
    """`info`, `warning` or `danger`."""
    start: datetime
    end: datetime | None
    """None: shown until the message is removed from the file."""
    text: Mapping[str, str]
    """The message per language; the source language is always there."""
    details: Mapping[str, str] = field(default_factory=dict)
    """A longer text per language, shown on the home page."""
    link: str | None = None
    """Source path of the page with the details, e.g. `content/kris/vatten.sv.md`."""
    updated: datetime | None = None
    line: int | None = None
    """Line in `data/alerts.yaml` where the message starts."""

    def is_active(self, now: datetime) -> bool:
        return self.start <= now and (self.end is None or now < self.end)


@dataclass(frozen=True)
class Schedule:
    """The build's clock, and what it held back because its time has not come."""

    now: datetime
    preview: bool = False
    """Everything is built, scheduled or not (for editors and internal review)."""
    unpublished: Mapping[str, datetime] = field(default_factory=dict)
    """Source path → publication time of every page left out of this build."""
    next_change: datetime | None = None
    """The next moment the output would change by itself: rebuild then."""
    next_change_reason: str = ""
    coming_alerts: tuple[Alert, ...] = ()
    """Important messages that start later: not shown yet, but checked already."""


@dataclass(frozen=True)
class GlossaryTerm:
    """A term and its plain explanation in one language (`data/glossary.yaml`)."""

    id: str
    lang: str
    term: str
    forms: tuple[str, ...]
    """Every written form to recognise, the term itself first (`allmän handling`,
    `allmänna handlingar`)."""
    explanation: str
    line: int | None = None


@dataclass(frozen=True)
class Glossary:
    """Terms per language; the theme explains each at its first use on a page."""

    terms: Mapping[str, tuple[GlossaryTerm, ...]] = field(default_factory=dict)

    def in_language(self, lang: str) -> tuple[GlossaryTerm, ...]:
        return self.terms.get(lang, ())


@dataclass(frozen=True)
class Site:
    """The whole site, with lookups by key and language.

    `pages` is sorted (by key, then by the order of `config.languages`), so
    every iteration over it is deterministic.
    """

    config: SiteConfig
    organisation: Organisation
    pages: tuple[Page, ...]
    assets: tuple[Asset, ...]
    parents: Mapping[str, str | None]
    """Key → key of the nearest section above it (None for home)."""
    alerts: tuple[Alert, ...] = ()
    """Important messages active at the build's time, in the file's order."""
    schedule: Schedule | None = None
    warnings: tuple[SiteBuilderError, ...] = field(default=(), compare=False)
    """Problems that do not stop the build (a message without a translation)."""
    glossary: Glossary = field(default_factory=Glossary)
    _by_key: dict[str, dict[str, Page]] = field(init=False, repr=False, compare=False)
    _children: dict[str, tuple[str, ...]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        by_key: dict[str, dict[str, Page]] = {}
        for page in self.pages:
            by_key.setdefault(page.key, {})[page.lang] = page
        children: dict[str, list[str]] = {}
        for key in by_key:
            parent = self.parents.get(key)
            if parent is not None:
                children.setdefault(parent, []).append(key)
        object.__setattr__(self, "_by_key", by_key)
        object.__setattr__(self, "_children", {k: tuple(v) for k, v in children.items()})

    @property
    def languages(self) -> tuple[str, ...]:
        return self.config.languages

    @property
    def source_language(self) -> str:
        return self.config.source_language

    def page_keys(self) -> Iterator[str]:
        return iter(self._by_key)

    def page(self, key: str, lang: str) -> Page | None:
        return self._by_key.get(key, {}).get(lang)

    def translations(self, key: str) -> Mapping[str, Page]:
        """Every language version of a page, keyed by language code."""
        return self._by_key.get(key, {})

    def source_page(self, key: str) -> Page:
        """The source-language version; every key has one once the site is loaded."""
        return self._by_key[key][self.source_language]

    def in_language(self, key: str, lang: str) -> Page:
        """The page in `lang`, or its source-language version where none exists."""
        return self.page(key, lang) or self.source_page(key)

    def linked_versions(self, key: str, lang: str) -> list[Page]:
        """The versions a page in `lang` names as its alternates (hreflang, switcher).

        Main-language versions all name each other. A version in a language
        beyond the main ones (Arabic, Somali, …; added case by case) is a
        translation of the source page and is paired with it alone: the source
        page names it, it names the source page, and the other main-language
        versions stay as they were. Every pair is named from both ends, as
        search engines require of hreflang.
        """
        versions = self.translations(key)
        main = [versions[code] for code in self.languages if code in versions]
        others = [page for code, page in versions.items() if code not in self.languages]
        if lang == self.source_language:
            return main + others
        if lang in self.languages:
            return main
        source = versions.get(self.source_language)
        return [page for page in (source, versions.get(lang)) if page is not None]

    # -- variants of the source language: easy-to-read, sign language -----------------

    def variant_kind(self, key: str) -> str | None:
        """`easy_to_read` or `sign_language` for a page in the section holding such
        versions (site.yaml `language_pages`), else None."""
        for kind in VARIANT_KINDS:
            section = self.config.language_pages.get(kind)
            if section and (key == section or key.startswith(section + "/")):
                return kind
        return None

    def variant_target(self, page: Page) -> str | None:
        """Key of the source page a variant names in `variant_of`, when there is one."""
        if not page.meta.variant_of:
            return None
        base = posixpath.dirname(page.source)
        path = posixpath.normpath(posixpath.join(base, page.meta.variant_of))
        target = self._by_source.get(path)
        if target is None or target.lang != self.source_language:
            return None
        return target.key

    def variants(self, key: str) -> Mapping[str, Page]:
        """The easy-to-read and sign language versions attached to a source page, by kind."""
        return self._variants.get(key, {})

    @cached_property
    def _by_source(self) -> dict[str, Page]:
        return {page.source: page for page in self.pages}

    @cached_property
    def _variants(self) -> dict[str, dict[str, Page]]:
        index: dict[str, dict[str, Page]] = {}
        for page in self.pages:
            kind = self.variant_kind(page.key)
            target = self.variant_target(page) if kind else None
            if kind and target is not None:
                index.setdefault(target, {}).setdefault(kind, page)
        return index

    def children(self, key: str) -> tuple[str, ...]:
        """Keys of the pages and sections directly below a section, unsorted."""
        return self._children.get(key, ())

    def ancestors(self, key: str) -> list[str]:
        """Keys from the home page down to the section holding `key` (excluded)."""
        chain: list[str] = []
        parent = self.parents.get(key)
        while parent is not None:
            chain.append(parent)
            parent = self.parents.get(parent)
        return list(reversed(chain))

    def is_news(self, key: str) -> bool:
        news = self.config.news_section
        return bool(news) and key.startswith(news + "/")

    def other_languages(self) -> tuple[str, ...]:
        """Languages with pages that are not main languages (case-by-case languages)."""
        main = set(self.languages)
        return tuple(sorted({p.lang for p in self.pages if p.lang not in main}))
