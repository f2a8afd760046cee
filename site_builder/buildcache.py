"""The build cache in `.cache/build/`: what each output was made from, between builds.

One folder per output folder (`public/` and the preview's are built from the
same sources but are different outputs). It holds:

- `quick.pickle`: enough to tell, with `stat` calls only, that nothing changed
  (the input snapshot, the generator version, the options, the output
  manifest, when the output goes stale by itself), and what to report then;
- `full.pickle`: per output page the fingerprint of everything its render
  read, its HTML digest and its check facts; per source page the key of its
  rendered Markdown and the link resolutions that rendering depended on;
- `markdown.sqlite`: rendered Markdown by content key (it dominates the cost
  of a build, so a page is rendered once and reused until it or a page it
  links to changes).

Anything unreadable, or written by another version, is ignored: the build
then does everything, which is always correct. Pickle is used because the
cache is written and read by this program only, in the site's own folder.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import sqlite3
import zlib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from .checks import PageFacts, Report
from .errors import SiteBuilderError
from .journal import FileRecord
from .markdown import Heading, Link, RenderedMarkdown, TextBlock
from .records import record
from .snapshot import Snapshot

CACHE_DIR = Path(".cache") / "build"
Light = tuple[tuple[Heading, ...], tuple[Link, ...], tuple[str, ...]]
"""The small parts of a rendered body: headings, links, explained terms."""
FORMAT = 3
"""Bumped when the layout of the cache changes."""


@dataclass(frozen=True)
class Summary:
    """What a build reports, kept so a build that finds nothing to do can report it again."""

    pages: int
    files: int
    warnings: tuple[SiteBuilderError, ...]
    next_change: datetime | None
    next_change_reason: str
    search_languages: dict[str, int]


@dataclass(frozen=True)
class Quick:
    """Read on every build: is there anything to do at all?"""

    version: str
    options: str
    snapshot: Snapshot
    manifest: dict[str, FileRecord]
    folders: dict[str, int]
    """Output folders (relative) and their mtimes: a file added by hand changes one."""
    valid_until: datetime | None
    """The output changes by itself then (a page's publication, a message, a new day)."""
    summary: Summary
    search_stale: bool = False
    """The build left the search index behind (the preview server's `search_later`)."""


@record
class PageRecord:
    """One output page: what it was made from, and what it is."""

    fingerprint: str
    digest: str
    facts_key: str = ""
    facts: PageFacts | None = None


@record
class MarkdownRecord:
    """One source page's rendered Markdown: its cache key and the links it resolved.

    The outcomes themselves are not kept, only their digest in `body_key`: a
    record stands while the links, resolved again, give the same key. At
    N = 10,000 the outcomes took 113 MiB of the build's memory; without them, and with
    their strings shared, the records take 26 MiB.
    """

    key: str
    """Digest of the text and of what else its rendering reads (glossary, notes)."""
    links: tuple[tuple[str, int, bool], ...]
    """Every link as written: its target, line and whether it is an image."""
    body_key: str
    """The key of the rendered body in the cache: `key` and every link's outcome."""

    @classmethod
    def of(cls, key: str, outcomes: Iterable[tuple[str, int, bool, Any]]) -> MarkdownRecord:
        """From `(written, line, is_image, outcome)` for each link."""
        found = tuple(outcomes)
        links = tuple((written, line, image) for written, line, image, _ in found)
        return cls(key, links, markdown_key(key, found))


def markdown_key(key: str, outcomes: tuple[tuple[Any, ...], ...]) -> str:
    """`key` and every link's outcome in one digest."""
    h = hashlib.sha1(usedforsecurity=False)
    for part in (key, repr(outcomes)):
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\x00")
    return h.hexdigest()


@dataclass
class SearchRecord:
    """What the next build needs to know of this build's search index."""

    digest: str = ""
    """Digest of all the HTML (is the index current at all?)."""
    languages: dict[str, str] = field(default_factory=dict)
    """Language → digest of its searchable pages (which languages must be re-indexed?)."""
    pages: dict[str, tuple[str, str, str]] = field(default_factory=dict)
    """HTML file → (its digest, the language it is indexed in or "" if not searchable,
    the digest of what Pagefind reads of it)."""


@dataclass
class Full:
    """Read when something changed: per-output fingerprints, per-page Markdown keys."""

    pages: dict[str, PageRecord] = field(default_factory=dict)
    markdown: dict[str, MarkdownRecord] = field(default_factory=dict)
    search: SearchRecord = field(default_factory=SearchRecord)
    """What the search index was made from."""
    indexes: dict[str, str] = field(default_factory=dict)
    """Sitemap, feeds, robots.txt: output → what it is (kept as they are after text edits)."""
    light: dict[str, Light] = field(default_factory=dict)
    """Source → headings, links and explained terms of its body (for the site checks)."""
    signatures: dict[str, tuple[str, str]] = field(default_factory=dict)
    """Source → (digest of what other pages can show of it, digest of the file)."""


class BuildCache:
    """The cache of one output folder; every method fails soft (a miss, never an error)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._db: sqlite3.Connection | None = None
        self._unstored: dict[str, bytes] = {}

    @classmethod
    def for_output(cls, site_root: Path, out_dir: Path) -> BuildCache:
        resolved = str(out_dir.resolve())
        tag = hashlib.sha1(resolved.encode(), usedforsecurity=False).hexdigest()[:12]
        return cls(site_root / CACHE_DIR / f"{out_dir.name}-{tag}")

    # -- the two pickles -------------------------------------------------------

    def load_quick(self) -> Quick | None:
        found = self._load("quick.pickle")
        return found if isinstance(found, Quick) else None

    def load_full(self) -> Full | None:
        found = self._load("full.pickle")
        return found if isinstance(found, Full) else None

    def load_report(self) -> Report | None:
        found = self._load("report.pickle")
        return found if isinstance(found, Report) else None

    def save(self, quick: Quick, full: Full, report: Report | None) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        self._store("full.pickle", full)
        self._store("report.pickle", report)
        self._store("quick.pickle", quick)  # last: it vouches for the others

    def forget(self) -> None:
        """Invalidate before changing the output: a crash then means a full build next time."""
        for name in ("quick.pickle",):
            with contextlib.suppress(OSError):
                (self.folder / name).unlink()

    def _load(self, name: str) -> Any:
        try:
            with (self.folder / name).open("rb") as handle:
                header = pickle.load(handle)
                if header != FORMAT:
                    return None
                return pickle.load(handle)
        except Exception:  # missing, truncated, from another version: a miss
            return None

    def _store(self, name: str, value: Any) -> None:
        target = self.folder / name
        temporary = target.with_suffix(".tmp")
        with temporary.open("wb") as handle:
            pickle.dump(FORMAT, handle, protocol=pickle.HIGHEST_PROTOCOL)
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, target)

    # -- rendered Markdown -------------------------------------------------------

    def _connect(self) -> sqlite3.Connection:
        if self._db is None:
            self.folder.mkdir(parents=True, exist_ok=True)
            path = self.folder / "markdown.sqlite"
            try:
                self._db = _open(path)
            except sqlite3.DatabaseError:  # not a database (any more): start a new one
                for suffix in ("", "-wal", "-shm"):
                    with contextlib.suppress(OSError):
                        Path(f"{path}{suffix}").unlink()
                self._db = _open(path)
        return self._db

    def markdown(self, key: str) -> RenderedMarkdown | None:
        if key in self._unstored:
            found = pickle.loads(zlib.decompress(self._unstored[key]))
            return found if isinstance(found, RenderedMarkdown) else None
        try:
            row = (
                self._connect()
                .execute("SELECT data FROM markdown WHERE key = ?", (key,))
                .fetchone()
            )
            if row is None:
                return None
            found = pickle.loads(zlib.decompress(row[0]))
        except Exception:
            return None
        return found if isinstance(found, RenderedMarkdown) else None

    def store_markdown(self, items: Iterable[tuple[str, bytes]]) -> None:
        """`(key, packed)` pairs, packed with `pack_markdown` (in a worker, in parallel).

        What cannot be stored (a full disk, a read-only cache) is kept in memory for
        the rest of the build, which needs every body for the site-wide checks.
        """
        batch = list(items)
        try:
            db = self._connect()
            with db:
                db.executemany("INSERT OR REPLACE INTO markdown VALUES (?, ?)", batch)
        except sqlite3.Error:
            self._unstored.update(batch)

    def prune_markdown(self, keep: set[str]) -> None:
        """Drop entries no page uses any more (edits leave the old versions behind)."""
        try:
            db = self._connect()
            stale = [k for (k,) in db.execute("SELECT key FROM markdown") if k not in keep]
            if len(stale) > max(100, len(keep) // 4):
                with db:
                    db.executemany("DELETE FROM markdown WHERE key = ?", ((k,) for k in stale))
        except sqlite3.Error:
            pass

    def detach(self) -> None:
        """In a forked worker: forget the parent's connection (never use it across a fork)."""
        self._db = None

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None

    def clear(self) -> None:
        self.close()
        for name in ("quick.pickle", "full.pickle", "report.pickle", "markdown.sqlite"):
            for suffix in ("", "-wal", "-shm"):
                with contextlib.suppress(OSError):
                    (self.folder / (name + suffix)).unlink()


def _open(path: Path) -> sqlite3.Connection:
    db = sqlite3.connect(path, timeout=30)
    try:
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=NORMAL")
        db.execute("CREATE TABLE IF NOT EXISTS markdown (key TEXT PRIMARY KEY, data BLOB)")
    except sqlite3.DatabaseError:
        db.close()
        raise
    return db


def pack_markdown(body: RenderedMarkdown) -> bytes:
    return zlib.compress(pickle.dumps(body, protocol=pickle.HIGHEST_PROTOCOL), 1)


def light_of(body: RenderedMarkdown) -> Light:
    return (body.headings, body.links, body.explained)


class LazyBody(RenderedMarkdown):
    """A rendered body whose headings and links are at hand and whose HTML and prose are
    read from the cache the first time something asks for them.

    The site-wide checks look at every page's links; reading every page's whole
    body for that was most of the cost of a rebuild after a small edit.
    """

    @classmethod
    def of(cls, light: Light, key: str, cache: BuildCache) -> LazyBody:
        body = object.__new__(cls)
        headings, links, explained = light
        object.__setattr__(body, "headings", headings)
        object.__setattr__(body, "links", links)
        object.__setattr__(body, "explained", explained)
        object.__setattr__(body, "_key", key)
        object.__setattr__(body, "_cache", cache)
        return body

    def _whole(self) -> RenderedMarkdown:
        whole: RenderedMarkdown | None = self.__dict__.get("_whole_body")
        if whole is None:
            whole = self.__dict__["_cache"].markdown(self.__dict__["_key"])
            if whole is None:
                raise KeyError(self.__dict__["_key"])
            object.__setattr__(self, "_whole_body", whole)
        return whole

    @property
    def html(self) -> str:
        return self._whole().html

    @property
    def text(self) -> tuple[TextBlock, ...]:
        return self._whole().text

    @property
    def errors(self) -> tuple[SiteBuilderError, ...]:
        return self._whole().errors


class LazyBodies(Mapping[str, RenderedMarkdown]):
    """Every page's rendered Markdown for the site-wide checks, read from the cache on use."""

    def __init__(
        self, keys: Mapping[str, str], light: Mapping[str, Light], cache: BuildCache
    ) -> None:
        self.sources = keys
        """Source → Markdown cache key, for every page."""
        self.light = light
        self.cache = cache

    def __getitem__(self, source: str) -> RenderedMarkdown:
        key = self.sources[source]
        light = self.light.get(source)
        if light is not None:
            return LazyBody.of(light, key, self.cache)
        body = self.cache.markdown(key)
        if body is None:
            raise KeyError(source)
        return body

    def __iter__(self) -> Iterator[str]:
        return iter(self.sources)

    def __len__(self) -> int:
        return len(self.sources)
