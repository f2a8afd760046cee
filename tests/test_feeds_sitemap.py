from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from site_builder.config import load_config
from site_builder.content.load import load_site
from site_builder.feeds import _timestamp, atom_xml
from site_builder.sitemap import robots_txt, sitemap_xml

ATOM = "{http://www.w3.org/2005/Atom}"


def absolute(path: str) -> str:
    return "https://example.se" + path


def test_timestamps_are_utc() -> None:
    assert _timestamp(date(2026, 11, 10)) == "2026-11-10T00:00:00Z"
    cet = timezone(timedelta(hours=1))
    assert _timestamp(datetime(2026, 12, 1, 8, 0, tzinfo=cet)) == "2026-12-01T07:00:00Z"


def test_feed_is_valid_and_updated_from_newest_item(minimal_site: Path) -> None:
    site = load_site(load_config(minimal_site))
    item = site.page("nyheter/forsta", "en")
    assert item is not None
    xml = atom_xml(
        title="News",
        lang="en",
        feed_path="/en/atom.xml",
        home_path="/en/",
        items=[item],
        absolute=absolute,
        author="Example",
    )
    feed = ET.fromstring(xml)
    assert feed.findtext(f"{ATOM}updated") == "2026-11-10T00:00:00Z"
    (entry,) = feed.findall(f"{ATOM}entry")
    assert entry.findtext(f"{ATOM}id") == "https://example.se/en/nyheter/forsta/"
    empty = atom_xml(
        title="News",
        lang="fi",
        feed_path="/fi/atom.xml",
        home_path="/fi/",
        items=[],
        absolute=absolute,
        author="Example",
    )
    assert ET.fromstring(empty).findtext(f"{ATOM}updated") == "1970-01-01T00:00:00Z"


def test_sitemap_alternates_only_for_translated_pages(minimal_site: Path) -> None:
    site = load_site(load_config(minimal_site))
    root = ET.fromstring(sitemap_xml(site, site.pages, absolute))
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    urls = {u.findtext("s:loc", namespaces=ns): u for u in root.findall("s:url", ns)}
    assert len(urls) == len(site.pages)
    assert urls["https://example.se/kontakt/"].findall("x:link", ns) == []
    hreflangs = [
        link.get("hreflang")
        for link in urls["https://example.se/en/kommun/communication-policy/"].findall("x:link", ns)
    ]
    assert hreflangs == ["sv", "fi", "en", "x-default"]
    assert urls["https://example.se/kontakt/"].findtext("s:lastmod", namespaces=ns) == "2026-11-01"


def test_robots_points_to_the_sitemap() -> None:
    assert robots_txt(absolute).endswith("Sitemap: https://example.se/sitemap.xml\n")
