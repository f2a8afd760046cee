"""Atom feeds of news, one per language, for media and feed readers.

The policy asks that media get correct information; a feed lets newsrooms
follow the municipality without a login or a mailing list. `updated` comes
from the newest item, never from the clock, so an unchanged site gives an
unchanged feed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime, time
from xml.sax.saxutils import escape, quoteattr

from .model import Page

Absolute = Callable[[str], str]


def atom_xml(
    *,
    title: str,
    lang: str,
    feed_path: str,
    home_path: str,
    items: Sequence[Page],
    absolute: Absolute,
    author: str,
) -> str:
    """An Atom 1.0 feed of `items` (already in the feed's language, newest first)."""
    updated = max((_timestamp(p.meta.date) for p in items), default=_EPOCH)
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang={quoteattr(lang)}>',
        f"  <title>{escape(title)}</title>",
        f"  <id>{escape(absolute(feed_path))}</id>",
        f'  <link rel="self" type="application/atom+xml" href={quoteattr(absolute(feed_path))}/>',
        f'  <link rel="alternate" type="text/html" href={quoteattr(absolute(home_path))}/>',
        f"  <updated>{updated}</updated>",
        f"  <author><name>{escape(author)}</name></author>",
    ]
    for page in items:
        url = absolute(page.path)
        lines += [
            "  <entry>",
            f"    <title>{escape(page.title)}</title>",
            f"    <id>{escape(url)}</id>",
            f'    <link rel="alternate" type="text/html" href={quoteattr(url)}/>',
            f"    <updated>{_timestamp(page.meta.date)}</updated>",
            f"    <summary>{escape(page.meta.summary)}</summary>",
            "  </entry>",
        ]
    lines.append("</feed>")
    return "\n".join(lines) + "\n"


_EPOCH = "1970-01-01T00:00:00Z"


def _timestamp(value: date | datetime | None) -> str:
    if value is None:
        return _EPOCH
    if not isinstance(value, datetime):
        value = datetime.combine(value, time(0, 0), tzinfo=UTC)
    elif value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
