from __future__ import annotations

from pathlib import Path

from site_builder.config import load_config
from site_builder.content.load import load_site
from site_builder.i18n import load_translations
from site_builder.views import ViewBuilder, _tel


def views_for(site_dir: Path) -> ViewBuilder:
    site = load_site(load_config(site_dir))
    catalogs = {lang: load_translations(site.config, lang) for lang in site.languages}

    def gettext_for(lang: str):  # type: ignore[no-untyped-def]
        catalog = catalogs.get(lang)
        return catalog.gettext if catalog else (lambda s: s)

    return ViewBuilder(site, gettext_for, lambda lang: catalogs.get(lang) is not None)


def test_phone_numbers_dial_from_abroad() -> None:
    assert _tel("0591-641 00") == "+4659164100"
    assert _tel("+46 591 641 00") == "+4659164100"


def test_menu_marks_fallbacks_and_current(minimal_site: Path) -> None:
    views = views_for(minimal_site)
    menu = views.menu("fi", "kommun/informationspolicy")
    by_url = {item.url: item for item in menu}
    assert by_url["/fi/kunta/"].current is True and by_url["/fi/kunta/"].lang is None
    contact = by_url["/kontakt/"]
    assert (contact.lang, contact.note, contact.current) == ("sv", "ruotsiksi", False)


def test_language_switcher_links_existing_versions_and_homes(minimal_site: Path) -> None:
    views = views_for(minimal_site)
    links = {link.code: link for link in views.languages("kontakt", "sv")}
    assert links["sv"].current and links["sv"].exists
    # no Finnish contact page: the Finnish entry goes to the Finnish home page, saying so in Finnish
    assert (links["fi"].url, links["fi"].exists, links["fi"].home_label) == (
        "/fi/",
        False,
        "etusivu",
    )


def test_page_view_contact_feedback_and_dates(minimal_site: Path) -> None:
    views = views_for(minimal_site)
    page = views.site.page("kommun/informationspolicy", "en")
    assert page is not None
    view = views.page_view(page, "<p>x</p>")
    assert view.kind == "page"
    assert view.reviewed == "1 November 2026"  # inherited from the Swedish page
    assert view.contact is not None and view.contact.name == "Citizen Service Centre"
    assert view.feedback_href.startswith("mailto:medborgarplats@example.se?subject=")
    assert "Feedback%20on%20the%20page%3A%20Communication%20policy" in view.feedback_href
    assert [crumb.title for crumb in view.breadcrumbs] == [
        "Home",
        "Kommun och politik",
        "Communication policy",
    ]
    assert view.breadcrumbs[1].lang == "sv"
    assert ("x-default", "https://www.hellefors.se/kommun/informationspolicy/") in view.alternates


def test_news_newest_first_in_reader_language(minimal_site: Path) -> None:
    views = views_for(minimal_site)
    (item,) = views.news("en")
    assert (item.title, item.date, item.lang) == ("First news", "10 November 2026", None)
    (item,) = views.news("fi")
    assert (item.title, item.lang, item.note) == ("Första nyheten", "sv", "ruotsiksi")


def test_not_found_view(minimal_site: Path) -> None:
    view = views_for(minimal_site).not_found_view("fi")
    assert view.url == "/fi/404.html"
    assert view.title == "Sivua ei löydy"
