"""Scheduled pages, important messages and the A–Ö index, in built output."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from site_builder.pipeline import build
from tests.conftest import page, parse_html
from tests.content.test_alerts import GOOD

Write = Callable[[str, str], Path]
DURING = datetime.fromisoformat("2026-12-02T12:00:00+01:00")
AFTER = datetime.fromisoformat("2026-12-03T18:00:01+01:00")


def all_text(folder: Path) -> dict[str, str]:
    """Every text file of the output (compressed copies left out), by path."""
    return {
        p.relative_to(folder).as_posix(): p.read_text("utf-8")
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.suffix in {".html", ".xml", ".txt", ".json", ".js", ".css"}
    }


def html_pages(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.html"))


# -- scheduled publication -------------------------------------------------


def schedule_site(write: Write) -> None:
    write(
        "content/kommun/nedlaggning.sv.md",
        page(
            "Beslut om Grytskolan",
            "Hemligt tills vidare.",
            extra="publish_at: 2026-12-10T09:00:00+01:00\n",
            body="Beslutet om Grytskolan: [protokollet](grytskolan-protokoll.pdf).\n\n"
            "![Karta](karta.svg)",
        ),
    )
    # A document only the waiting page links to waits with it; the map, which a
    # published page shows as well, does not.
    write("content/kommun/grytskolan-protokoll.pdf", "%PDF-1.4 hemligt")
    write(
        "content/kommun/nedlaggning.fi.md",
        "---\ntitle: Päätös Grytskolanista\nsummary: Salainen.\n---\nPäätös.\n",
    )
    # A published page that links to the scheduled one, in Swedish and in Finnish.
    write(
        "content/kommun/lankar.sv.md",
        page("Länkar", body="Läs [beslutet om skolan](nedlaggning.sv.md) snart."),
    )
    # A whole scheduled section, with a page below it.
    write(
        "content/valet/_index.sv.md",
        page("Valet 2026", extra="publish_at: 2026-12-10\nmenu: true\n"),
    )
    write("content/valet/resultat.sv.md", page("Valresultat"))


def test_a_future_page_appears_in_no_output_file(
    minimal_site: Path, write: Write, tmp_path: Path
) -> None:
    schedule_site(write)
    out = tmp_path / "out"
    result = build(minimal_site, out, now=DURING, search=False)
    assert result.next_change == datetime.fromisoformat("2026-12-10T00:00:00+01:00")
    assert "is published" in result.next_change_reason
    texts = all_text(out)
    for secret in ("Grytskolan", "nedlaggning", "Päätös", "Valet 2026", "Valresultat", "valet"):
        leaks = [path for path, text in texts.items() if secret in text]
        assert leaks == [], f"{secret!r} leaks into {leaks}"
    assert not (out / "kommun" / "nedlaggning").exists()
    assert not (out / "valet").exists()
    assert not (out / "kommun" / "grytskolan-protokoll.pdf").exists()
    assert list((out / "kommun").glob("karta.*.svg")), "the map is shown on the policy page"
    # The link's words stay, without a link, and the build did not fail.
    tree, _ = parse_html((out / "kommun" / "lankar" / "index.html").read_text("utf-8"))
    prose = tree.find(".//div[@class='prose']")  # type: ignore[attr-defined]
    assert "beslutet om skolan" in "".join(prose.itertext())
    assert [a.get("href") for a in prose.iter("a")] == []


def test_preview_and_a_later_clock_build_it(
    minimal_site: Path, write: Write, tmp_path: Path
) -> None:
    schedule_site(write)
    preview = build(minimal_site, tmp_path / "preview", now=DURING, preview=True, search=False)
    assert (tmp_path / "preview" / "kommun" / "nedlaggning" / "index.html").is_file()
    assert (tmp_path / "preview" / "valet" / "resultat" / "index.html").is_file()
    assert (tmp_path / "preview" / "kommun" / "grytskolan-protokoll.pdf").is_file()
    assert preview.next_change is None
    later = tmp_path / "later"
    build(
        minimal_site, later, now=datetime.fromisoformat("2026-12-10T09:00:00+01:00"), search=False
    )
    assert (later / "fi" / "kunta" / "nedlaggning" / "index.html").is_file()
    tree, _ = parse_html((later / "kommun" / "lankar" / "index.html").read_text("utf-8"))
    hrefs = [a.get("href") for a in tree.find(".//div[@class='prose']").iter("a")]  # type: ignore[union-attr]
    assert hrefs == ["/kommun/nedlaggning/"]
    sitemap = (later / "sitemap.xml").read_text("utf-8")
    assert "/kommun/nedlaggning/" in sitemap and "/valet/" in sitemap


def test_a_scheduled_translation_leaves_the_source_page_published(
    minimal_site: Path, write: Write, tmp_path: Path
) -> None:
    write(
        "content/kommun/informationspolicy.fi.md",
        "---\ntitle: Viestintäpolitiikka\nsummary: Tuleva.\nslug: viestintapolitiikka\n"
        "publish_at: 2030-01-01\n---\nTeksti.\n",
    )
    out = tmp_path / "out"
    build(minimal_site, out, now=DURING, search=False)
    assert (out / "kommun" / "informationspolicy" / "index.html").is_file()
    assert not (out / "fi" / "kunta" / "viestintapolitiikka").exists()


# -- important messages ----------------------------------------------------


def test_an_active_message_is_on_every_page_and_gone_after_its_end(
    minimal_site: Path, write: Write, tmp_path: Path
) -> None:
    write("data/alerts.yaml", GOOD)
    during = tmp_path / "during"
    result = build(minimal_site, during, now=DURING, search=False)
    assert result.next_change == datetime.fromisoformat("2026-12-03T18:00:00+01:00")
    pages = html_pages(during)
    assert len(pages) >= 15
    for path in pages:
        rel = path.relative_to(during).as_posix()
        tree, errors = parse_html(path.read_text("utf-8"))
        assert errors == [], rel
        body = tree.find("body")  # type: ignore[attr-defined]
        region = body.find("section[@class='alerts']")
        assert region is not None, f"{rel}: no message"
        # A landmark with a heading, before the header; no live region on load.
        heading = region.find(".//h2")
        assert region.get("aria-labelledby") == heading.get("id")
        assert region.get("aria-live") is None and region.get("role") is None
        children = list(body)
        assert children.index(region) < children.index(body.find("header"))
        times = [t.get("datetime") for t in region.iter("time")]
        assert times == ["2026-12-01T08:00:00+01:00", "2026-12-03T18:00:00+01:00"], rel
    after = tmp_path / "after"
    build(minimal_site, after, now=AFTER, search=False)
    for path in html_pages(after):
        text = path.read_text("utf-8")
        assert "alerts" not in text and "Koka dricksvattnet" not in text, path


def test_the_message_reads_in_each_language_with_the_time_of_day(
    minimal_site: Path, write: Write, tmp_path: Path
) -> None:
    write(
        "data/alerts.yaml",
        GOOD.replace("      fi: Keitä juomavesi Hälleforsin keskustassa.\n", "")
        + "    details:\n      sv: Koka vattnet i minst en minut.\n",
    )
    out = tmp_path / "out"
    result = build(minimal_site, out, now=DURING, search=False)
    assert result.report is not None
    (finding,) = [f for f in result.report.findings if f.rule == "alert-translation"]
    assert (finding.path, finding.line, finding.severity) == ("data/alerts.yaml", 2, "warning")
    assert ("languages", "fi") in finding.args
    sv = (out / "index.html").read_text("utf-8")
    assert "1 december 2026 kl. 08:00" in sv and "Koka vattnet i minst en minut." in sv
    assert "Viktigt meddelande" in sv
    # Only the home page has the message in full.
    assert "Koka vattnet i minst en minut." not in (out / "kontakt" / "index.html").read_text()
    fi_tree, _ = parse_html((out / "fi" / "index.html").read_text("utf-8"))
    region = fi_tree.find(".//section[@class='alerts']")  # type: ignore[attr-defined]
    spans = [s for s in region.iter("span") if s.get("lang") == "sv"]
    assert spans and spans[0].text == "Koka dricksvattnet i centrala Hällefors."
    assert "klo 8.00" in "".join(region.itertext())
    en = (out / "en" / "index.html").read_text("utf-8")
    assert "Boil drinking water in central Hällefors." in en
    links = [a.get("href") for a in region.iter("a")]
    assert links == ["/fi/kunta/viestintapolitiikka/"]


def test_the_check_warns_about_a_coming_message_and_forgets_an_ended_one(
    minimal_site: Path, write: Write, tmp_path: Path
) -> None:
    write(
        "data/alerts.yaml",
        GOOD.replace("      en: Boil drinking water in central Hällefors.\n", ""),
    )

    def findings(now: datetime) -> list[str]:
        result = build(minimal_site, tmp_path / "out", now=now, search=False)
        assert result.report is not None
        return [f.rule for f in result.report.findings if f.rule == "alert-translation"]

    assert findings(datetime.fromisoformat("2026-11-01T00:00:00+01:00")) == ["alert-translation"]
    assert findings(AFTER) == []


# -- the A–Ö index ---------------------------------------------------------


def test_the_swedish_index_files_z_before_a_ring_a_umlaut_o_umlaut(
    minimal_site: Path, write: Write, tmp_path: Path
) -> None:
    for name, title in (
        ("zumba", "Zumba"),
        ("atervinning", "Återvinning"),
        ("aldreomsorg", "Äldreomsorg"),
        ("overformyndare", "Överförmyndare"),
        ("avfall", "avfall och sophämtning"),
    ):
        write(f"content/kommun/{name}.sv.md", page(title))
    out = tmp_path / "out"
    build(minimal_site, out, search=False)
    tree, errors = parse_html((out / "a-o" / "index.html").read_text("utf-8"))
    assert errors == []
    main = tree.find(".//main")  # type: ignore[attr-defined]
    headings = [h for h in main.iter("h2") if h.get("class") == "az-letter"]
    letters = [h.text for h in headings]
    assert letters[-4:] == ["Z", "Å", "Ä", "Ö"]
    assert letters.index("A") < letters.index("Z")
    titles = [
        a.text for ul in main.iter("ul") if ul.get("class") == "az-list" for a in ul.iter("a")
    ]
    order = [titles.index(t) for t in ("Zumba", "Återvinning", "Äldreomsorg", "Överförmyndare")]
    assert order == sorted(order)
    assert titles.index("avfall och sophämtning") < titles.index("Zumba")
    # The letter links lead to the groups.
    nav_targets = [a.get("href") for a in main.find(".//nav").iter("a")]
    assert nav_targets == ["#" + h.get("id") for h in headings]
    # In English, the same pages (Swedish titles, marked) file under A and O.
    en_tree, _ = parse_html((out / "en" / "a-z" / "index.html").read_text("utf-8"))
    en_letters = [h.text for h in en_tree.iter("h2") if h.get("class") == "az-letter"]  # type: ignore[attr-defined]
    assert "Å" not in en_letters and "Ö" not in en_letters
    marked = [a for a in en_tree.iter("a") if a.text == "Återvinning"]  # type: ignore[attr-defined]
    assert marked and marked[0].get("lang") == "sv"


def test_the_header_links_search_and_index_in_the_page_language(
    minimal_site: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    build(minimal_site, out, search=False)
    for rel, search, index in (
        ("index.html", "/sok/", "/a-o/"),
        ("fi/index.html", "/fi/haku/", "/fi/a-o/"),
        ("en/kommun/communication-policy/index.html", "/en/search/", "/en/a-z/"),
    ):
        tree, _ = parse_html((out / rel).read_text("utf-8"))
        nav = tree.find(".//header//nav[@class='find-tools']")  # type: ignore[attr-defined]
        assert [a.get("href") for a in nav.iter("a")] == [search, index], rel
        assert (out / search.lstrip("/") / "index.html").is_file()
        assert (out / index.lstrip("/") / "index.html").is_file()


def test_without_javascript_the_search_page_offers_the_index(
    minimal_site: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    build(minimal_site, out, search=False)
    tree, errors = parse_html((out / "sok" / "index.html").read_text("utf-8"))
    assert errors == []
    form = tree.find(".//form")  # type: ignore[attr-defined]
    assert form.get("role") == "search" and form.get("hidden") is not None
    label = form.find(".//label")
    assert label.get("for") == form.find(".//input").get("id")
    fallback = tree.find(".//div[@data-search-fallback]")  # type: ignore[attr-defined]
    assert fallback.get("hidden") is None
    assert [a.get("href") for a in fallback.iter("a")] == ["/a-o/"]
    status = tree.find(".//*[@data-search-status]")  # type: ignore[attr-defined]
    assert status.get("role") == "status"
    # Generated pages are not in the search index themselves.
    assert tree.find(".//main").get("data-pagefind-body") is None  # type: ignore[union-attr]


def test_screen_readers_find_the_message_as_a_named_region(
    minimal_site: Path, write: Write, tmp_path: Path
) -> None:
    from tests.servers import CHROMIUM, CHROMIUM_ARGS, require_chromium

    require_chromium()
    from playwright.sync_api import sync_playwright

    write("data/alerts.yaml", GOOD)
    out = tmp_path / "out"
    build(minimal_site, out, now=DURING, search=False)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            page.goto((out / "fi" / "index.html").as_uri())
            region = page.get_by_role("region", name="Tärkeä tiedote")
            assert region.is_visible()
            assert "Keitä juomavesi" in region.inner_text()
            # Not a live region: nothing is read out unasked when a page loads.
            assert region.get_attribute("aria-live") is None
            # The skip link is still the first thing the keyboard reaches.
            page.keyboard.press("Tab")
            assert page.evaluate("document.activeElement.className") == "skip-link"
        finally:
            browser.close()


def test_a_page_may_not_take_the_search_page_address(
    minimal_site: Path, write: Write, tmp_path: Path
) -> None:
    import pytest

    from site_builder.errors import BuildFailed

    write("content/sok/_index.sv.md", page("Sök jobb"))
    with pytest.raises(BuildFailed) as failed:
        build(minimal_site, tmp_path / "out", search=False)
    (error,) = failed.value.errors
    assert str(error.location) == "content/sok/_index.sv.md"
    assert "search page" in error.message
    assert not (tmp_path / "out").exists()


def test_a_message_linking_a_waiting_page_shows_no_link_until_then(
    minimal_site: Path, write: Write, tmp_path: Path
) -> None:
    schedule_site(write)
    write("data/alerts.yaml", GOOD.replace("informationspolicy", "nedlaggning"))
    out = tmp_path / "out"
    build(minimal_site, out, now=DURING, search=False)
    tree, _ = parse_html((out / "index.html").read_text("utf-8"))
    region = tree.find(".//section[@class='alerts']")  # type: ignore[attr-defined]
    assert "Koka dricksvattnet" in "".join(region.itertext())
    assert list(region.iter("a")) == []


def test_the_home_page_cannot_be_scheduled(
    minimal_site: Path, write: Write, tmp_path: Path
) -> None:
    import pytest

    from site_builder.errors import BuildFailed

    home = (minimal_site / "content" / "_index.sv.md").read_text("utf-8")
    write("content/_index.sv.md", home.replace("---\n", "---\npublish_at: 2030-01-01\n", 1))
    with pytest.raises(BuildFailed) as failed:
        build(minimal_site, tmp_path / "out", search=False)
    (error,) = failed.value.errors
    assert str(error.location) == "content/_index.sv.md:2"
