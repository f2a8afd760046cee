"""Precompressed copies: `page.html.gz` beside `page.html`.

The web server sends the `.gz` file as it is to every browser that accepts
gzip (nginx `gzip_static`), so it never compresses on the fly, and the
strongest level costs the build once instead of every request. The bytes
carry no timestamp, so an unchanged file gives an unchanged `.gz`.

Brotli is left out on purpose: Debian's nginx has no module to serve `.br`
files, gzip reaches every browser, and Brotli's best level would take longer
than the rest of the build.
"""

from __future__ import annotations

import gzip
from collections.abc import Iterable
from pathlib import Path

#: Text formats worth compressing (images other than SVG are compressed already).
TEXT_SUFFIXES = frozenset(
    {".html", ".css", ".js", ".mjs", ".json", ".xml", ".txt", ".svg", ".webmanifest", ".map"}
)


def gzip_bytes(data: bytes) -> bytes:
    return gzip.compress(data, compresslevel=9, mtime=0)


def text_files(folder: Path) -> Iterable[str]:
    """Paths (relative, sorted) of the text files in a folder that get a `.gz` copy."""
    for path in sorted(folder.rglob("*")):
        if path.suffix.lower() in TEXT_SUFFIXES and path.is_file():
            yield path.relative_to(folder).as_posix()
