"""Which translations exist, which are missing, and which are out of date.

A translation records, in `source_version`, the git blob id of the source
(Swedish) file it was made from. When the Swedish file changes, its blob id
changes, and every translation made from the old one is *outdated*, with no
bookkeeping by hand. The blob id also lets tools fetch the old Swedish text
from git history to show what changed.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from .model import Page, Site


class State(Enum):
    CURRENT = "current"
    OUTDATED = "outdated"
    """Made from an older version of the source page."""
    UNTRACKED = "untracked"
    """Records no source version, so nobody knows what it was made from."""
    MISSING = "missing"


@dataclass(frozen=True)
class TranslationState:
    key: str
    lang: str
    state: State
    source: Page
    page: Page | None


def state_of(site: Site, key: str, lang: str) -> TranslationState:
    """The state of one page in one language (the source language is always current)."""
    source = site.source_page(key)
    page = site.page(key, lang)
    if page is None:
        state = State.MISSING
    elif page is source:
        state = State.CURRENT
    elif not page.meta.source_version:
        state = State.UNTRACKED
    elif page.meta.source_version == source.digest:
        state = State.CURRENT
    else:
        state = State.OUTDATED
    return TranslationState(key, lang, state, source, page)


def copies_source(state: TranslationState) -> bool:
    """True for a translation whose text is still the source page's, word for word:
    started with `i18n new` and not translated yet (its state can still be current)."""
    page = state.page
    if page is None or page is state.source:
        return False
    body = page.body.strip()
    return bool(body) and body == state.source.body.strip()


def all_states(site: Site, languages: tuple[str, ...] | None = None) -> list[TranslationState]:
    """Every translatable page in every given language (default: the main translation
    languages). Easy-to-read and sign language pages (`Site.variant_kind`) are versions
    of the source language, not pages to translate, and are left out."""
    langs = languages or site.languages[1:]
    keys = sorted(key for key in site.page_keys() if site.variant_kind(key) is None)
    return [state_of(site, key, lang) for key in keys for lang in langs]


# -- summaries for reports (`site-builder i18n status`) and checks ---------------------------

#: Label of the group holding the home page and pages directly in content/.
TOP_LEVEL = ""


def section_of(key: str) -> str:
    """The top-level section a page belongs to (`kommun/policy` → `kommun`), for reports."""
    return key.split("/", 1)[0] if key else TOP_LEVEL


def translation_path(source: Page, lang: str) -> str:
    """Where the translation of a source page into `lang` lives (or would live)."""
    stem, _, _ = source.source.removesuffix(".md").rpartition(".")
    return f"{stem}.{lang}.md"


@dataclass(frozen=True)
class Tally:
    """How many pages of a group are in each state in one language."""

    total: int
    current: int
    outdated: int
    untracked: int
    missing: int

    @property
    def existing(self) -> int:
        return self.total - self.missing

    @property
    def percent_current(self) -> float:
        """Share of pages whose translation matches the source page today."""
        return _percent(self.current, self.total)

    @property
    def percent_existing(self) -> float:
        """Share of pages that have a translation at all, current or not."""
        return _percent(self.existing, self.total)


def tally(states: list[TranslationState]) -> Tally:
    counts = {state: 0 for state in State}
    for each in states:
        counts[each.state] += 1
    return Tally(
        total=len(states),
        current=counts[State.CURRENT],
        outdated=counts[State.OUTDATED],
        untracked=counts[State.UNTRACKED],
        missing=counts[State.MISSING],
    )


@dataclass(frozen=True)
class LanguageStatus:
    """The pages of one language: each page's state, with totals overall and per section."""

    lang: str
    states: tuple[TranslationState, ...]

    def of(self, state: State) -> tuple[TranslationState, ...]:
        return tuple(s for s in self.states if s.state is state)

    @property
    def tally(self) -> Tally:
        return tally(list(self.states))

    def sections(self) -> dict[str, Tally]:
        """Totals per top-level section, in the order of the section keys."""
        groups: dict[str, list[TranslationState]] = {}
        for each in self.states:
            groups.setdefault(section_of(each.key), []).append(each)
        return {name: tally(groups[name]) for name in sorted(groups)}


def language_status(site: Site, lang: str) -> LanguageStatus:
    """Every page's state in one language (a main language or a case-by-case one)."""
    return LanguageStatus(lang, tuple(all_states(site, (lang,))))


def _percent(part: int, whole: int) -> float:
    return round(100 * part / whole, 1) if whole else 100.0
