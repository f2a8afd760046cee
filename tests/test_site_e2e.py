"""Build the real site in content/ into a temporary folder and read the HTML back."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from site_builder.pipeline import BuildResult, build
from tests.conftest import REPO, parse_html

SITEMAP_NS = {
    "s": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "x": "http://www.w3.org/1999/xhtml",
}


@pytest.fixture(scope="module")
def public(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("e2e") / "public"
    result: BuildResult = build(REPO, out)
    assert result.pages >= 45
    return out


def html_files(public: Path) -> list[Path]:
    return sorted(public.rglob("*.html"))


def test_home_pages_in_three_languages(public: Path) -> None:
    for rel, lang in (("index.html", "sv"), ("fi/index.html", "fi"), ("en/index.html", "en")):
        tree, _ = parse_html((public / rel).read_text("utf-8"))
        assert tree.get("lang") == lang  # type: ignore[attr-defined]


def test_every_page_parses_and_carries_logo_and_contact(public: Path) -> None:
    files = html_files(public)
    assert len(files) >= 48
    for path in files:
        rel = path.relative_to(public).as_posix()
        tree, errors = parse_html(path.read_text("utf-8"))
        assert errors == [], f"{rel}: {errors[:3]}"
        root = tree  # the <html> element
        assert root.get("lang"), rel  # type: ignore[attr-defined]
        logo = root.find(".//header//a[@class='logo']/img")  # type: ignore[attr-defined]
        assert logo is not None and logo.get("alt"), f"{rel}: logo with a text alternative"
        assert root.findall(".//h1").__len__() == 1, f"{rel}: exactly one h1"  # type: ignore[attr-defined]
        footer = root.find(".//footer")  # type: ignore[attr-defined]
        assert footer is not None, rel
        contact = root.find(".//section[@class='contact']")  # type: ignore[attr-defined]
        assert contact is not None, f"{rel}: contact block"
        hrefs = [a.get("href", "") for a in contact.iter("a")]
        assert any(h.startswith("tel:") for h in hrefs), f"{rel}: direct phone number"
        assert any(h.startswith("mailto:") and "subject=" not in h for h in hrefs), f"{rel}: e-mail"
        assert any("subject=" in h for h in hrefs), f"{rel}: feedback link"


def test_policy_in_three_languages_with_alternates(public: Path) -> None:
    paths = {
        "sv": "kommun/informationspolicy/index.html",
        "fi": None,
        "en": None,
    }
    tree, _ = parse_html((public / paths["sv"]).read_text("utf-8"))
    alternates = {
        link.get("hreflang"): link.get("href")
        for link in tree.iter("link")  # type: ignore[attr-defined]
        if link.get("rel") == "alternate" and link.get("hreflang")
    }
    assert set(alternates) == {"sv", "fi", "en", "x-default"}
    for lang in ("fi", "en"):
        rel = alternates[lang].removeprefix("https://www.hellefors.se/") + "index.html"
        other, _ = parse_html((public / rel).read_text("utf-8"))
        assert other.get("lang") == lang  # type: ignore[attr-defined]
        back = {
            link.get("hreflang")
            for link in other.iter("link")  # type: ignore[attr-defined]
            if link.get("rel") == "alternate" and link.get("hreflang")
        }
        assert back == {"sv", "fi", "en", "x-default"}


def test_sitemap_lists_the_policy_with_alternates(public: Path) -> None:
    root = ET.parse(public / "sitemap.xml").getroot()
    entries = {
        url.findtext("s:loc", namespaces=SITEMAP_NS): {
            link.get("hreflang") for link in url.findall("x:link", SITEMAP_NS)
        }
        for url in root.findall("s:url", SITEMAP_NS)
    }
    policy = [loc for loc in entries if loc and "informationspolicy" in loc]
    assert policy == ["https://www.hellefors.se/kommun/informationspolicy/"]
    assert entries[policy[0]] == {"sv", "fi", "en", "x-default"}
    fi_policy = [
        loc
        for loc in entries
        if loc
        and loc.startswith("https://www.hellefors.se/fi/")
        and entries[loc] == entries[policy[0]]
        and "kunta" in loc
    ]
    assert fi_policy, "the Finnish policy is in the sitemap"


def test_language_switcher_names_languages_in_themselves(public: Path) -> None:
    tree, _ = parse_html((public / "fi" / "index.html").read_text("utf-8"))
    switcher = tree.find(".//nav[@class='language-switcher']/ul")  # type: ignore[attr-defined]
    links = {
        (a.get("lang"), a.get("hreflang"), "".join(a.itertext()).strip())
        for a in switcher.iter("a")
    }
    assert links == {("sv", "sv", "Svenska"), ("fi", "fi", "Suomi"), ("en", "en", "English")}


def test_feeds_and_robots(public: Path) -> None:
    for rel in ("atom.xml", "fi/atom.xml", "en/atom.xml"):
        feed = ET.parse(public / rel).getroot()
        entries = feed.findall("{http://www.w3.org/2005/Atom}entry")
        assert len(entries) >= 3, rel
    assert "Sitemap: https://www.hellefors.se/sitemap.xml" in (public / "robots.txt").read_text()
    for rel in ("404.html", "fi/404.html", "en/404.html"):
        assert (public / rel).is_file()


def test_assets_are_copied(public: Path) -> None:
    # Images carry a fingerprint of their content in their names (long caching).
    assert len(list((public / "kommun").glob("hallefors-ortnamn.*.svg"))) == 1
    assert len(list((public / "static").glob("logo.*.svg"))) == 1


def test_swedish_only_page_is_marked_in_finnish_listing(public: Path) -> None:
    tree, _ = parse_html((public / "fi" / "kunta" / "index.html").read_text("utf-8"))
    listing = tree.find(".//nav[@class='section-pages']")  # type: ignore[attr-defined]
    assert listing is not None
    fallback = [a for a in listing.iter("a") if a.get("href") == "/kommun/kommunfakta/"]
    assert len(fallback) == 1
    assert fallback[0].get("lang") == "sv" and fallback[0].get("hreflang") == "sv"
    notes = ["".join(span.itertext()) for span in listing.iter("span")]
    assert "(ruotsiksi)" in notes


def test_translation_links_fall_back_with_a_note(public: Path) -> None:
    # the Finnish municipality page links the Swedish-only facts page
    text = (public / "fi" / "kunta" / "index.html").read_text("utf-8")
    assert 'href="/kommun/kommunfakta/" hreflang="sv"' in text
