"""`sitemap.xml` with hreflang alternates, and `robots.txt` pointing to it.

Search engines use the alternates to send each reader to the version of a
page in their language.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from xml.sax.saxutils import escape, quoteattr

from .model import Page, Site

Absolute = Callable[[str], str]


def sitemap_xml(site: Site, pages: Iterable[Page], absolute: Absolute) -> str:
    """One `<url>` per page version, each listing the versions it is paired with
    (`Site.linked_versions`) and `x-default`."""
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'
        ' xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    ]
    for page in pages:
        versions = {v.lang: v for v in site.linked_versions(page.key, page.lang)}
        lines.append("  <url>")
        lines.append(f"    <loc>{escape(absolute(page.path))}</loc>")
        modified = page.meta.reviewed or site.source_page(page.key).meta.reviewed
        if modified:
            lines.append(f"    <lastmod>{modified.isoformat()}</lastmod>")
        if len(versions) > 1:
            for code, version in versions.items():
                lines.append(_alternate(code, absolute(version.path)))
            source = site.source_page(page.key)
            lines.append(_alternate("x-default", absolute(source.path)))
        lines.append("  </url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


def _alternate(code: str, href: str) -> str:
    return f'    <xhtml:link rel="alternate" hreflang={quoteattr(code)} href={quoteattr(href)}/>'


def robots_txt(absolute: Absolute) -> str:
    return f"User-agent: *\nAllow: /\n\nSitemap: {absolute('/sitemap.xml')}\n"
