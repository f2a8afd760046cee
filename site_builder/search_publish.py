"""The search step: Pagefind's bundle for the new HTML, re-made only for the languages
where what Pagefind reads of the pages changed (an out-of-date notice is not read).

Pagefind has no incremental mode and reads a folder of HTML, while a build's
new output is spread between the published folder and the journal's pending
area. So the step keeps, per language, a mirror of hard links to that
language's searchable pages in the cache (a link is current when it shares
the page's inode), runs Pagefind over the mirrors of the languages that
changed, and publishes the bundle file by file, keeping the files of the
other languages and every unchanged file. The preview server may ask to
leave an out-of-date index as it is (`search_later`) for a later build.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
from pathlib import Path
from typing import Any

from .buildcache import Full, Quick, SearchRecord
from .buildresult import BuildResult
from .journal import JournaledOutput, digest_of
from .pagework import text_digest
from .search_index import (
    BUNDLE_DIR,
    ENTRY,
    entry_text,
    index_languages,
    language_of_file,
    page_counts,
    with_languages,
)

_MIRROR = "search-site"
_BODY = b"data-pagefind-body"
_LANG = re.compile(rb"<html\b[^>]*?\slang=\"([^\"]*)\"")
_IGNORE_ALL = b' data-pagefind-ignore="all"'
_TAG_NAME = re.compile(rb"[A-Za-z][A-Za-z0-9-]*")
_VOID = frozenset(b"area base br col embed hr img input link meta source track wbr".split())


def update_search(
    writer: JournaledOutput,
    cache_folder: Path,
    full: Full | None,
    quick: Quick | None,
    later: bool,
    parallel: int,
    result: BuildResult,
) -> SearchRecord:
    """Make, keep or (with `later`) defer the search index; return what it was made from,
    and note its languages (and whether it is stale) in `result`."""
    html = sorted(rel for rel in writer.written if rel.endswith(".html"))
    digest = text_digest([(rel, writer.digest(rel)) for rel in html])
    previous = full.search if full is not None else SearchRecord()
    bundle = [rel for rel in writer.previous if rel.startswith(BUNDLE_DIR + "/")]
    if full is not None and quick is not None and bundle and (later or previous.digest == digest):
        for rel in bundle:  # current, or left for a later build (the preview server)
            if not rel.endswith(".gz"):
                writer.keep(rel, "search index")
        result.search_languages = dict(quick.summary.search_languages)
        result.search_stale = previous.digest != digest
        return previous
    record, entry = _index(writer, cache_folder, html, previous if bundle else None, parallel)
    record.digest = digest
    result.search_languages = page_counts(entry)
    return record


def _index(
    writer: JournaledOutput,
    cache_folder: Path,
    html: list[str],
    previous: SearchRecord | None,
    parallel: int,
) -> tuple[SearchRecord, dict[str, Any]]:
    """Re-index the languages whose searchable pages changed, keep the others' files;
    return the record and the bundle's entry (empty when there is no page to search)."""
    pages = _searchable(writer, html, previous.pages if previous is not None else {})
    groups: dict[str, list[str]] = {}
    for rel in html:
        if pages[rel][1]:
            groups.setdefault(pages[rel][1], []).append(rel)
    languages = {
        lang: text_digest([(rel, pages[rel][2]) for rel in rels]) for lang, rels in groups.items()
    }
    old_entry = _previous_entry(writer) if previous is not None else None
    old_languages = (old_entry or {}).get("languages") or {}
    kept = {
        lang
        for lang, digest in languages.items()
        if previous is not None and previous.languages.get(lang) == digest and lang in old_languages
    }
    todo = sorted(set(languages) - kept)
    for rel in writer.previous:
        if rel.startswith(BUNDLE_DIR + "/") and not rel.endswith(".gz"):
            inner = rel[len(BUNDLE_DIR) + 1 :]
            lang = language_of_file(inner)
            shared = lang is None and inner != ENTRY
            if lang in kept or (shared and not todo and kept):
                writer.keep(rel, "search index")
    record = SearchRecord(languages=languages, pages=pages)
    if not languages:  # no page to search: no bundle
        return record, {}
    entry: dict[str, Any] = dict(old_entry or {})
    entries = {lang: old_languages[lang] for lang in kept}
    if todo:
        with tempfile.TemporaryDirectory(dir=writer.area.root, prefix="search-") as scratch:
            bundle = Path(scratch)
            folders = {lang: _mirror(writer, cache_folder, lang, groups[lang]) for lang in todo}
            entry = index_languages(folders, bundle, parallel)
            entries.update(entry.get("languages") or {})
            for path in sorted(bundle.rglob("*")):
                if path.is_file():
                    rel = path.relative_to(bundle).as_posix()
                    writer.adopt(f"{BUNDLE_DIR}/{rel}", path, "search index")
    merged = with_languages(entry, entries)
    writer.write(f"{BUNDLE_DIR}/{ENTRY}", entry_text(merged), "search index")
    return record, merged


def _searchable(
    writer: JournaledOutput, html: list[str], known: dict[str, tuple[str, str, str]]
) -> dict[str, tuple[str, str, str]]:
    """For each HTML file: its digest, the language Pagefind indexes it in ("" if it is
    not searchable) and the digest of what Pagefind reads of it, from the file unless
    the last build saw the same bytes."""
    found: dict[str, tuple[str, str, str]] = {}
    for rel in html:
        digest = writer.digest(rel)
        seen = known.get(rel)
        if seen is not None and seen[0] == digest:
            found[rel] = seen
            continue
        page = writer.source_of(rel).read_bytes()
        lang = _search_language(page)
        found[rel] = (digest, lang, indexed_digest(page) if lang else "")
    return found


def _search_language(page: bytes) -> str:
    """The page's `<html lang>` if it has a `data-pagefind-body` part, else ""."""
    body = page.find(_BODY)
    if body < 0:
        return ""
    match = _LANG.search(page, 0, body)
    lang = match.group(1).decode("ascii", "replace").strip().lower() if match else ""
    return lang or "unknown"


def indexed_digest(page: bytes) -> str:
    """A digest of what Pagefind reads of a page: its bytes less the elements marked
    `data-pagefind-ignore="all"`, whose text, metadata and filters Pagefind skips.

    A translation whose source page changed gains an out-of-date notice, which is
    such an element, and nothing else: its language's index stays as it is. Where an
    element's end cannot be found, the whole page counts (re-indexing is the safe side).
    """
    parts: list[bytes] = []
    at = 0
    while (mark := page.find(_IGNORE_ALL, at)) >= 0:
        start = page.rfind(b"<", at, mark)
        name = _TAG_NAME.match(page, start + 1) if start >= 0 else None
        opened = page.find(b">", mark)
        end = _element_end(page, name.group().lower(), opened + 1) if name and opened > 0 else None
        if end is None:
            return digest_of(page)
        parts.append(page[at:start])
        at = end
        if page[start - 1 : start].isspace():  # the element stood between spaces or lines:
            while page[at : at + 1].isspace():  # one run of them is left, as without it
                at += 1
    parts.append(page[at:])
    return digest_of(b"".join(parts))


def _element_end(page: bytes, name: bytes, start: int) -> int | None:
    """Where the element whose start tag ends at `start` ends (after its end tag)."""
    if name in _VOID:
        return start
    depth = 1
    tags = re.compile(rb"<(/?)" + re.escape(name) + rb"[\s/>]", re.IGNORECASE)
    for tag in tags.finditer(page, start):
        depth += -1 if tag.group(1) else 1
        if depth == 0:
            close = page.find(b">", tag.end() - 1)
            return None if close < 0 else close + 1
    return None


def _previous_entry(writer: JournaledOutput) -> dict[str, Any] | None:
    rel = f"{BUNDLE_DIR}/{ENTRY}"
    if rel not in writer.previous:
        return None
    try:
        found = json.loads((writer.out_dir / rel).read_bytes())
    except (OSError, ValueError):
        return None
    return found if isinstance(found, dict) else None


def _mirror(writer: JournaledOutput, cache_folder: Path, lang: str, rels: list[str]) -> Path:
    """A folder of hard links to one language's searchable pages, brought up to date: a
    link is current when it is the page's file (same inode); the rest are made again."""
    folder = cache_folder / _MIRROR / lang
    wanted = set(rels)
    if folder.is_dir():
        for path in list(folder.rglob("*.html")):
            if path.relative_to(folder).as_posix() not in wanted:
                path.unlink()
    made: set[Path] = set()
    for rel in rels:
        source = writer.source_of(rel)
        target = folder / rel
        try:
            if target.stat().st_ino == source.stat().st_ino:
                continue
        except OSError:
            pass
        if target.parent not in made:  # once per folder: on a slow disk, mkdir is not free
            target.parent.mkdir(parents=True, exist_ok=True)
            made.add(target.parent)
        target.unlink(missing_ok=True)
        try:
            os.link(source, target)
        except OSError:  # the cache is on another file system than the output
            shutil.copyfile(source, target)
    return folder
