"""The search step: Pagefind's bundle for the new HTML, made only when some HTML changed.

Pagefind has no incremental mode and reads a folder of HTML, while a build's
new output is spread between the published folder and the journal's pending
area. So the step keeps a mirror of hard links to the new HTML in the cache
(updated in place, rebuilt when unsure), runs Pagefind over it, and publishes
the bundle file by file so unchanged files stay. The preview server may ask
to leave an out-of-date index as it is (`search_later`) for a later build.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from .buildcache import Full, Quick
from .buildresult import BuildResult
from .journal import JournaledOutput
from .pagework import text_digest
from .search_index import BUNDLE_DIR, index_site

_MIRROR = "search-site"
_MIRROR_DONE = "complete"


def update_search(
    writer: JournaledOutput,
    cache_folder: Path,
    full: Full | None,
    quick: Quick | None,
    later: bool,
    result: BuildResult,
) -> str:
    """Make, keep or (with `later`) defer the search index; return the digest of the HTML
    it was made from, and note its languages (and whether it is stale) in `result`."""
    if (
        later
        and full is not None
        and quick is not None
        and _defer_search_index(writer, full, quick)
    ):
        if not writer.area.fresh:  # the mirror follows the output all the same
            html = sorted(rel for rel in writer.written if rel.endswith(".html"))
            _search_mirror(writer, cache_folder, html)
        result.search_languages = dict(quick.summary.search_languages)
        result.search_stale = True
        return full.search
    search_digest, languages = index_search(writer, cache_folder, full, quick)
    result.search_languages = languages
    return search_digest


def index_search(
    writer: JournaledOutput, cache_folder: Path, full: Full | None, quick: Quick | None
) -> tuple[str, dict[str, int]]:
    """Pagefind's bundle for the new HTML, published file by file (unchanged files stay).

    Pagefind has no incremental mode, so it runs only when some HTML changed; it
    reads a folder holding the new site's HTML: the pending tree of a first
    build, otherwise a mirror of hard links kept in the cache.
    """
    html = sorted(rel for rel in writer.written if rel.endswith(".html"))
    digest = text_digest([(rel, writer.digest(rel)) for rel in html])
    bundle_files = [rel for rel in writer.previous if rel.startswith(BUNDLE_DIR + "/")]
    if full is not None and quick is not None and full.search == digest and bundle_files:
        for rel in bundle_files:
            if not rel.endswith(".gz"):
                writer.keep(rel, "search index")
        return digest, dict(quick.summary.search_languages)
    folder = writer.staging if writer.area.fresh else _search_mirror(writer, cache_folder, html)
    with tempfile.TemporaryDirectory(dir=writer.area.root, prefix="search-") as scratch:
        bundle = Path(scratch)
        languages = index_site(folder, bundle).languages
        for path in sorted(bundle.rglob("*")):
            if path.is_file():
                rel = path.relative_to(bundle).as_posix()
                writer.write(f"{BUNDLE_DIR}/{rel}", path.read_bytes(), "search index")
    return digest, languages


def _search_mirror(writer: JournaledOutput, cache_folder: Path, html: list[str]) -> Path:
    """Hard links to the new output's HTML, updated in place (rebuilt when unsure)."""
    mirror = cache_folder / _MIRROR
    marker = cache_folder / f"{_MIRROR}.{_MIRROR_DONE}"
    if marker.exists():
        marker.unlink()
        wanted = set(html)
        for rel in writer.listed:
            if rel.endswith(".html") and rel not in wanted:
                (mirror / rel).unlink(missing_ok=True)
        todo = [rel for rel in html if rel in writer.changed or not (mirror / rel).exists()]
    else:
        shutil.rmtree(mirror, ignore_errors=True)
        todo = html
    for rel in todo:
        target = mirror / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.unlink(missing_ok=True)
        os.link(writer.source_of(rel), target)
    return mirror


def search_mirror_done(cache_folder: Path) -> None:
    """The mirror now matches the published output (its links share the files' inodes)."""
    if (cache_folder / _MIRROR).is_dir():
        (cache_folder / f"{_MIRROR}.{_MIRROR_DONE}").touch()


def _defer_search_index(writer: JournaledOutput, full: Full, quick: Quick) -> bool:
    """For `search_later`: keep the index as it is when it is out of date (True), unless
    there is none to keep, or it is current anyway (then the build makes or keeps it)."""
    bundle = [rel for rel in writer.previous if rel.startswith(BUNDLE_DIR + "/")]
    html = sorted(rel for rel in writer.written if rel.endswith(".html"))
    if not bundle or full.search == text_digest([(rel, writer.digest(rel)) for rel in html]):
        return False
    for rel in bundle:
        if not rel.endswith(".gz"):
            writer.keep(rel, "search index")
    return True
