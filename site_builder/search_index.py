"""The search index: Pagefind over the built pages, one index per language.

Pagefind reads each page's `<html lang>`, so Swedish, Finnish and English
pages get separate indexes with their own stemming, and a search page loads
only its own language's index, in small chunks. It needs no server: the
index is static files beside the pages. Only the part of a page marked
`data-pagefind-body` (the main content of content pages) is indexed.
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from .errors import SiteBuilderError

BUNDLE_DIR = "pagefind"
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


@dataclass(frozen=True)
class SearchIndex:
    languages: dict[str, int]
    """Language code → number of pages indexed in it."""


def index_site(folder: Path, bundle: Path | None = None) -> SearchIndex:
    """Run Pagefind over the HTML in `folder`, writing its bundle into `bundle`.

    The bundle goes to `folder/pagefind/` unless `bundle` names another folder
    (the build stages it there and publishes it file by file, keeping the
    files that did not change).
    """
    bundle = bundle or folder / BUNDLE_DIR
    if importlib.util.find_spec("pagefind_bin") is None:
        raise SearchIndexError(
            "the search index needs Pagefind, which is not installed",
            hint="pip install 'pagefind[bin]', or build with --no-search",
        )
    command = [
        sys.executable,
        "-m",
        "pagefind",
        "--site",
        str(folder),
        "--output-path",
        str(bundle),
        "--quiet",
    ]
    try:
        done = subprocess.run(command, capture_output=True, text=True, check=False, timeout=600)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise SearchIndexError(f"Pagefind could not run: {exc}") from None
    entry = bundle / "pagefind-entry.json"
    if done.returncode != 0 or not entry.is_file():
        output = (done.stderr or done.stdout).strip().splitlines()[-5:]
        raise SearchIndexError(
            "Pagefind failed to build the search index: " + " / ".join(output),
            hint="run again with --no-search to build without search, and report this",
        )
    for unused in UNUSED_FILES:  # Pagefind's ready-made interfaces: the theme has its own
        for path in bundle.glob(unused):
            path.unlink()
    data = json.loads(entry.read_text("utf-8"))
    # Pagefind lists the languages in a different order on each run; sorted, two
    # builds of the same site give the same bytes (and a CDN sees no change).
    data["languages"] = dict(sorted((data.get("languages") or {}).items()))
    entry.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), "utf-8")
    languages = {
        str(code): int(info.get("page_count", 0))
        for code, info in (data.get("languages") or {}).items()
    }
    return SearchIndex(languages=languages)
