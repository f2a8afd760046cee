"""Scheduled publication: pages whose `publish_at` has not come are left out.

The policy puts internal communication first: a decision is told to staff
before the public and the media. An editor can therefore commit a page ahead
of time with `publish_at`; until that moment the page is removed here, right
after loading, so no later stage (links, menus, sitemap, feeds, search, the
A–Ö index) can ever see it. `--preview` keeps everything, for internal review.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable, Iterator
from datetime import date, datetime, time, tzinfo
from urllib.parse import unquote, urlsplit

from markdown_it import MarkdownIt

from ..model import HOME_KEY, Asset, Page


def as_moment(value: date | datetime, tz: tzinfo) -> datetime:
    """A point in time: a date means midnight, a time without an offset the site's zone."""
    if not isinstance(value, datetime):
        value = datetime.combine(value, time(0, 0))
    if value.tzinfo is None:
        value = value.replace(tzinfo=tz)
    return value


def hold_back(
    pages: Iterable[Page], *, source_language: str, now: datetime, tz: tzinfo, preview: bool
) -> tuple[list[Page], dict[str, datetime]]:
    """Split pages into those to publish now and those to hold back (source → time).

    A page is held back when its own `publish_at` is later than `now`, when it is a
    translation of a held-back source page (a Finnish page must not reveal a Swedish
    decision), or when it lies below a held-back section.
    """
    pages = list(pages)
    waiting: dict[str, datetime] = {}
    for page in pages:
        if page.meta.publish_at is not None and page.key != HOME_KEY:  # home: an error instead
            moment = as_moment(page.meta.publish_at, tz)
            if moment > now:
                waiting[page.source] = moment
    if preview or not waiting:
        return pages, {} if preview else waiting
    held_keys: dict[str, datetime] = {
        page.key: waiting[page.source]
        for page in pages
        if page.lang == source_language and page.source in waiting
    }
    kept: list[Page] = []
    held: dict[str, datetime] = {}
    for page in pages:
        reason = waiting.get(page.source) or _held_ancestor(page.key, held_keys)
        if reason is None:
            kept.append(page)
        else:
            held[page.source] = max(reason, waiting.get(page.source, reason))
    return kept, held


def _held_ancestor(key: str, held_keys: dict[str, datetime]) -> datetime | None:
    """The time of the page itself or of the nearest held-back section above it."""
    if key in held_keys:
        return held_keys[key]
    parts = key.split("/") if key else []
    for depth in range(len(parts) - 1, 0, -1):  # sections only: home is not an ancestor here
        ancestor = "/".join(parts[:depth])
        if ancestor in held_keys:
            return held_keys[ancestor]
    return None


def waiting_files(
    held: Iterable[Page], published: Iterable[Page], assets: Iterable[Asset]
) -> set[str]:
    """Files in `content/` that only waiting pages link to: held back with them.

    A decision's PDF beside its page must not be public before the page; a
    file that a published page also links to is published as usual.
    """
    sources = {asset.source for asset in assets}
    wanted = {ref for page in held for ref in _file_links(page) if ref in sources}
    if not wanted:
        return set()
    names = {posixpath.basename(ref) for ref in wanted}
    for page in published:
        if any(name in page.body for name in names):  # cheap filter before parsing
            wanted.difference_update(_file_links(page))
    return wanted


_PARSER = MarkdownIt("commonmark", {"html": False})


def _file_links(page: Page) -> Iterator[str]:
    """Site-relative paths of the files a page's Markdown links to or shows."""
    base = posixpath.dirname(page.source)
    for token in _PARSER.parse(page.body):
        for child in token.children or ():
            target = child.attrGet("href") if child.type == "link_open" else None
            if child.type == "image":
                target = child.attrGet("src")
            if not isinstance(target, str) or not target or "://" in target:
                continue
            path = unquote(urlsplit(target).path)
            if path and not path.startswith("/"):
                yield posixpath.normpath(posixpath.join(base, path))
