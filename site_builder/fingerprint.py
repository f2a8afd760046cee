"""Fingerprinted file names: `style.css` is published as `style.3f2a1b9c0d.css`.

A name that changes whenever the bytes change lets the web server tell
browsers and CDNs to keep the file for a year without asking again
(`Cache-Control: immutable`), while a new stylesheet still reaches every
reader at once, because the HTML that names it is cached only briefly.

Fingerprinted: the theme's stylesheets, scripts, images and fonts, and the
images in `content/`. Documents in `content/` (PDF, Word, spreadsheets) keep
their names: people link to them from elsewhere and cite their addresses.
Stylesheets are fingerprinted after the files they point to with `url()` or
`@import`, and those references are rewritten, so every name is consistent.
"""

from __future__ import annotations

import hashlib
import posixpath
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath

from .errors import Location, TemplateError, msg
from .model import Asset, Site

#: Files whose name gets the content hash.
FINGERPRINTED = frozenset(
    {".css", ".js", ".mjs", ".svg", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".ico"}
    | {".woff", ".woff2"}
)
CONTENT_IMAGES = frozenset({".svg", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif"})
HASH_LENGTH = 10
#: What a fingerprinted name looks like, for the web server's caching rule.
#: Only the fingerprinted types: a document named `protokoll.2024031512.pdf` keeps
#: short caching, since its name does not change with its content.
PATTERN = (
    rf"\.[0-9a-f]{{{HASH_LENGTH}}}\."
    rf"({'|'.join(sorted(suffix.lstrip('.') for suffix in FINGERPRINTED))})$"
)
_CSS_REF = re.compile(
    r"""url\(\s*(?P<q1>['"]?)(?P<url>[^'")\s]+)(?P=q1)\s*\)|@import\s+(?P<q2>['"])(?P<imp>[^'"]+)(?P=q2)"""
)


@dataclass(frozen=True)
class StaticFile:
    """One file of the theme's `static/` folder, as it is published."""

    name: str
    """Its path inside `static/`, as templates name it: `style.css`."""
    published: str
    """Its published path inside `static/`: `style.3f2a1b9c0d.css`."""
    data: bytes


def fingerprinted_name(rel: str, data: bytes) -> str:
    path = PurePosixPath(rel)
    digest = hashlib.sha256(data).hexdigest()[:HASH_LENGTH]
    return str(path.with_name(f"{path.stem}.{digest}{path.suffix}"))


def theme_files(static_dir: Path, root: Path) -> dict[str, StaticFile]:
    """Every file of the theme's static folder with its published name."""
    if not static_dir.is_dir():
        return {}
    raw = {
        path.relative_to(static_dir).as_posix(): path.read_bytes()
        for path in sorted(static_dir.rglob("*"))
        if path.is_file() and not path.name.startswith(".")
    }
    done: dict[str, StaticFile] = {}

    def publish(name: str, chain: tuple[str, ...]) -> StaticFile:
        if name in done:
            return done[name]
        data = raw[name]
        suffix = PurePosixPath(name).suffix.lower()
        if suffix == ".css":
            data = _rewrite_css(name, data, raw, chain, publish, static_dir, root)
        published = fingerprinted_name(name, data) if suffix in FINGERPRINTED else name
        done[name] = StaticFile(name=name, published=published, data=data)
        return done[name]

    for name in raw:
        publish(name, (name,))
    return done


def _rewrite_css(
    name: str,
    data: bytes,
    raw: dict[str, bytes],
    chain: tuple[str, ...],
    publish: Callable[[str, tuple[str, ...]], StaticFile],
    static_dir: Path,
    root: Path,
) -> bytes:
    text = data.decode("utf-8")
    base = posixpath.dirname(name)

    def replace_ref(match: re.Match[str]) -> str:
        url = match.group("url") or match.group("imp")
        if re.match(r"^([a-z][a-z0-9+.-]*:|/|#)", url, re.IGNORECASE):
            return match.group(0)  # data:, https:, root-relative, fragments: left alone
        path, _, tail = url.partition("?")
        path, _, fragment = path.partition("#")
        target = posixpath.normpath(posixpath.join(base, path))
        if target not in raw:
            line = text.count("\n", 0, match.start()) + 1
            raise TemplateError(
                msg("the stylesheet points to a file that does not exist: %(url)s"),
                Location(_shown(static_dir / name, root), line),
                msg("put the file in the theme's static/ folder or correct the path"),
                url=url,
            )
        if target in chain:
            raise TemplateError(
                msg("stylesheets import each other in a circle: %(chain)s"),
                Location(_shown(static_dir / name, root)),
                msg("remove one of the @import rules"),
                chain=" → ".join((*chain, target)),
            )
        published = publish(target, (*chain, target))
        new = posixpath.relpath(published.published, base or ".")
        new += ("?" + tail if tail else "") + ("#" + fragment if fragment else "")
        return match.group(0).replace(url, new)

    return _CSS_REF.sub(replace_ref, text).encode("utf-8")


def _shown(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def fingerprint_content_assets(site: Site) -> Site:
    """The site with each content image at its fingerprinted address."""
    assets: list[Asset] = []
    changed = False
    for asset in site.assets:
        if PurePosixPath(asset.path).suffix.lower() in CONTENT_IMAGES:
            data = (site.config.root / asset.source).read_bytes()
            asset = replace(asset, path=fingerprinted_name(asset.path, data))
            changed = True
        assets.append(asset)
    return replace(site, assets=tuple(assets)) if changed else site


def published_names(files: Iterable[StaticFile]) -> dict[str, str]:
    return {file.name: file.published for file in files}
