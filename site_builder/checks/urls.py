"""Where things are in the output, as the theme links them."""

from __future__ import annotations

from posixpath import normpath
from urllib.parse import unquote, urlsplit

from ..model import HOME_KEY, Site


def home_url(site: Site, lang: str) -> str:
    """The URL of the home page a reader of `lang` is sent to (as views.py links it)."""
    home = site.page(HOME_KEY, lang)
    path = home.path if home is not None else ("/" if lang == site.source_language else f"/{lang}/")
    return site.config.url_prefix + path


def home_urls(site: Site) -> frozenset[str]:
    """Every home page's URL: the logo may lead to the reader's or the source language's."""
    homes = {site.config.url_prefix + "/"}
    homes.update(
        site.config.url_prefix + page.path for page in site.translations(HOME_KEY).values()
    )
    return frozenset(homes)


def output_file(site: Site, href: str) -> tuple[str, str] | None:
    """A root-relative href → (output file, fragment); None when it leaves the site."""
    parts = urlsplit(href)
    path = unquote(parts.path)
    prefix = site.config.url_prefix
    if prefix:
        if not path.startswith(prefix + "/") and path != prefix:
            return None
        path = path[len(prefix) :] or "/"
    if not path.startswith("/"):
        return None
    clean = normpath(path)
    if clean.startswith(".."):
        return None
    rel = clean.lstrip("/")
    if path.endswith("/"):
        rel = f"{rel}/index.html" if rel else "index.html"
    return rel, parts.fragment
