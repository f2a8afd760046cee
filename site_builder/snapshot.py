"""What a build reads, in a form that is cheap to compare between builds.

A snapshot maps every file under the site's inputs (`site.yaml`, `content/`,
`data/`, `locales/`, the theme, the catalogs it ships with) to its size and
modification time: a few thousand `stat` calls, no reading. Two equal
snapshots, with the same generator and the same options, mean the build
would write exactly what it wrote last time. Over-approximate on purpose: an
editor's swap file in `content/` makes a build that then finds nothing to do.

The generator's own version is part of it too: a change to site_builder (or
to the libraries that shape the HTML) must rebuild everything.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import sys
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from .config import CONFIG_FILE, PACKAGE_DIR, SiteConfig

Snapshot = dict[str, tuple[int, int]]
"""Absolute path → (size, mtime in nanoseconds)."""

#: Folders of a site that hold build inputs besides the theme and its catalogs.
INPUT_DIRS = ("content", "data", "locales", "themes")
#: Libraries that shape the bytes of the output; a new version rebuilds everything.
_LIBRARIES = (
    *("jinja2", "markdown_it", "mdit_py_plugins", "babel", "yaml", "html5lib"),
    "pagefind_bin",  # the search index's files
)


def input_roots(config: SiteConfig) -> list[Path]:
    """Everything the build reads: files and folders (read recursively)."""
    roots = [config.root / CONFIG_FILE, *(config.root / name for name in INPUT_DIRS)]
    roots.append(config.theme_dir)
    roots.extend(config.locale_dirs)
    seen: list[Path] = []
    for root in roots:
        resolved = root.resolve()
        if not any(resolved == s or resolved.is_relative_to(s) for s in seen):
            seen = [s for s in seen if not s.is_relative_to(resolved)] + [resolved]
    return sorted(seen)


def take(roots: Iterable[Path]) -> Snapshot:
    """Stat every file under `roots` (missing roots are simply absent)."""
    found: Snapshot = {}
    for root in roots:
        try:
            info = root.stat()
        except OSError:
            continue
        if root.is_dir():
            _walk(str(root), found)
        else:
            found[str(root)] = (info.st_size, info.st_mtime_ns)
    return found


def _walk(folder: str, found: Snapshot) -> None:
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        try:
            if entry.is_dir(follow_symlinks=True):
                _walk(entry.path, found)
            else:
                info = entry.stat()
                found[entry.path] = (info.st_size, info.st_mtime_ns)
        except OSError:
            continue


def changed_paths(before: Snapshot, after: Snapshot) -> set[str]:
    """Files added, removed or changed between two snapshots."""
    return {path for path in before.keys() | after.keys() if before.get(path) != after.get(path)}


@lru_cache(maxsize=1)
def generator_version() -> str:
    """A digest of site_builder's own files and the versions of the libraries it renders with."""
    digest = hashlib.sha256(sys.version.encode())
    for path in sorted(PACKAGE_DIR.rglob("*")):
        if "__pycache__" in path.parts or not path.is_file():
            continue
        info = path.stat()
        digest.update(
            f"{path.relative_to(PACKAGE_DIR)}:{info.st_size}:{info.st_mtime_ns}\n".encode()
        )
    for name in _LIBRARIES:  # where each is installed and when: no import needed
        spec = importlib.util.find_spec(name)
        origin = spec.origin if spec is not None and spec.origin else ""
        try:
            info = os.stat(origin)
            digest.update(f"{name}:{origin}:{info.st_size}:{info.st_mtime_ns}\n".encode())
        except OSError:
            digest.update(f"{name}:missing\n".encode())
    return digest.hexdigest()[:24]
