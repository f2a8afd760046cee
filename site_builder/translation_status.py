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


def all_states(site: Site, languages: tuple[str, ...] | None = None) -> list[TranslationState]:
    """Every page key in every given language (default: the main translation languages)."""
    langs = languages or site.languages[1:]
    return [state_of(site, key, lang) for key in sorted(site.page_keys()) for lang in langs]
