"""The search index: Pagefind over the built pages, one index per language.

Pagefind reads each page's `<html lang>`, so Swedish, Finnish and English
pages get separate indexes with their own stemming, and a search page loads
only its own language's index, in small chunks. It needs no server: the
index is static files beside the pages. Only the part of a page marked
`data-pagefind-body` (the main content of content pages) is indexed.

Pagefind is run once per language, on a folder holding only that language's
searchable pages, and the bundles are merged. Pagefind builds each language's
index on its own anyway, so the files are the same bytes as from one run over
the whole site; but the runs can share the machine's cores, each needs only
its language's memory, and a build re-indexes only the languages whose pages
changed (an edit to a Swedish page leaves the Finnish and English indexes).
"""

from __future__ import annotations

import importlib.util
import json
import shutil
import subprocess
import sys
from collections.abc import Mapping
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from .errors import SiteBuilderError

BUNDLE_DIR = "pagefind"
ENTRY = "pagefind-entry.json"
#: Pagefind's default interfaces, which the theme does not use (they would also need
#: inline styles, which the site's Content-Security-Policy forbids).
UNUSED_FILES = (
    "pagefind-ui.*",
    "pagefind-modular-ui.*",
    "pagefind-component-ui.*",
    "pagefind-highlight.js",
)


class SearchIndexError(SiteBuilderError):
    """Pagefind is missing or failed."""


def index_languages(folders: Mapping[str, Path], bundle: Path, parallel: int) -> dict[str, Any]:
    """Index each language's folder of pages (`folders`: language → folder) into `bundle`,
    up to `parallel` Pagefind runs at once; return the merged `pagefind-entry.json`
    (Pagefind's version and, per language, the hash naming its files and its page
    count), which the caller writes once it has added the languages it kept."""
    if importlib.util.find_spec("pagefind_bin") is None:
        raise SearchIndexError(
            "the search index needs Pagefind, which is not installed",
            hint="pip install 'pagefind[bin]', or build with --no-search",
        )
    outputs = {lang: bundle / f".{lang}" for lang in sorted(folders)}
    with ThreadPoolExecutor(max_workers=max(1, parallel)) as pool:
        runs = {
            lang: pool.submit(_pagefind, folders[lang], out, lang) for lang, out in outputs.items()
        }
        entries = {lang: run.result() for lang, run in runs.items()}
    merged: dict[str, Any] = {}
    languages: dict[str, Any] = {}
    for lang, output in outputs.items():
        for path in sorted(output.rglob("*")):
            if path.is_file() and path.name != ENTRY:
                target = bundle / path.relative_to(output)
                target.parent.mkdir(parents=True, exist_ok=True)
                path.replace(target)
        shutil.rmtree(output)
        merged = merged or entries[lang]
        languages.update(entries[lang].get("languages") or {})
    return with_languages(merged, languages)


def page_counts(entry: Mapping[str, Any]) -> dict[str, int]:
    """Language code → number of pages indexed in it."""
    return {
        str(code): int(info.get("page_count", 0))
        for code, info in (entry.get("languages") or {}).items()
    }


def with_languages(entry: Mapping[str, Any], languages: Mapping[str, Any]) -> dict[str, Any]:
    """The entry listing `languages`, sorted: the same site gives the same bytes."""
    return {**entry, "languages": dict(sorted(languages.items()))}


def entry_text(entry: Mapping[str, Any]) -> str:
    return json.dumps(entry, ensure_ascii=False, separators=(",", ":"))


def language_of_file(rel: str) -> str | None:
    """The language a file of the bundle belongs to (None: the files all languages share).

    Pagefind names a language's files after it: `fragment/sv_1a2b3c.pf_fragment`,
    `index/sv_….pf_index`, `filter/sv_….pf_filter`, `pagefind.sv_….pf_meta` and
    `wasm.sv.pagefind`; `pagefind.js`, its worker and `wasm.unknown.pagefind` are shared.
    """
    folder, _, name = rel.rpartition("/")
    stem = name.partition(".")[0]
    if folder in {"fragment", "index", "filter"} and "_" in stem:
        return stem.rsplit("_", 1)[0]  # `sv_1a2b3c`
    if name.startswith("pagefind.") and name.endswith(".pf_meta") and "_" in name:
        return name[len("pagefind.") : -len(".pf_meta")].rsplit("_", 1)[0]
    if name.startswith("wasm.") and name.endswith(".pagefind"):
        lang = name[len("wasm.") : -len(".pagefind")]
        return None if lang == "unknown" else lang
    return None


def _pagefind(folder: Path, output: Path, lang: str) -> dict[str, Any]:
    """One Pagefind run over one language's pages; its entry, checked to hold just it."""
    command = [
        sys.executable,
        "-m",
        "pagefind",
        "--site",
        str(folder),
        "--output-path",
        str(output),
        "--force-language",
        lang,
        "--quiet",
    ]
    try:
        done = subprocess.run(command, capture_output=True, text=True, check=False, timeout=600)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise SearchIndexError(f"Pagefind could not run: {exc}") from None
    entry_file = output / ENTRY
    if done.returncode != 0 or not entry_file.is_file():
        lines = (done.stderr or done.stdout).strip().splitlines()[-5:]
        raise SearchIndexError(
            "Pagefind failed to build the search index: " + " / ".join(lines),
            hint="run again with --no-search to build without search, and report this",
        )
    for unused in UNUSED_FILES:  # Pagefind's ready-made interfaces: the theme has its own
        for path in output.glob(unused):
            path.unlink()
    entry: dict[str, Any] = json.loads(entry_file.read_text("utf-8"))
    found = set(entry.get("languages") or {})
    if found != {lang}:
        raise SearchIndexError(
            f"Pagefind made an index for {sorted(found)} from the pages in {lang!r}",
            hint="report this: the search index expects one language per run",
        )
    return entry
