"""Readers are told the truth: outdated translations and pages only in Swedish."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from site_builder.config import load_config
from site_builder.content.load import load_site
from site_builder.pipeline import build
from site_builder.views import ViewBuilder
from tests.conftest import page, parse_html

Write = Callable[[str, str], Path]


def built(site: Path, tmp_path: Path) -> Path:
    out = tmp_path / "out"
    build(site, out)
    return out


def test_outdated_translation_says_so_in_its_own_language(
    minimal_site: Path, write: Write, tmp_path: Path
) -> None:
    policy_fi = minimal_site / "content/kommun/informationspolicy.fi.md"
    policy_fi.write_text(
        policy_fi.read_text().replace("slug:", "source_version: " + "a" * 40 + "\nslug:")
    )
    out = built(minimal_site, tmp_path)
    root, errors = parse_html((out / "fi/kunta/viestintapolitiikka/index.html").read_text("utf-8"))
    assert errors == []
    notice = root.find(".//main//div[@class='translation-notice']")  # type: ignore[attr-defined]
    assert notice is not None and notice.get("lang") is None  # Finnish, like the page
    text = " ".join("".join(notice.itertext()).split())
    assert "Tämä käännös voi olla vanhentunut." in text
    assert "Alkuperäinen sivu tarkistettu 1. marraskuuta 2026." in text
    (link,) = notice.iter("a")
    assert (link.get("href"), link.get("hreflang")) == ("/kommun/informationspolicy/", "sv")
    assert "(ruotsiksi)" in text
    time = notice.find(".//time")
    assert time.get("datetime") == "2026-11-01"
    # it comes right after the heading, before the summary
    main = root.find(".//main/div")  # type: ignore[attr-defined]
    order = [child.tag + "." + (child.get("class") or "") for child in main][:3]
    assert order == ["h1.", "div.translation-notice", "p.summary"]
    # the Swedish page and current translations carry no notice
    for rel in ("kommun/informationspolicy/index.html", "fi/index.html"):
        assert "translation-notice" not in (out / rel).read_text("utf-8"), rel


def test_untracked_translation_has_no_notice(minimal_site: Path, tmp_path: Path) -> None:
    out = built(minimal_site, tmp_path)  # the fixture's translations record no version
    assert "translation-notice" not in (out / "fi/kunta/viestintapolitiikka/index.html").read_text()


def test_swedish_only_section_in_a_finnish_breadcrumb(
    minimal_site: Path, write: Write, tmp_path: Path
) -> None:
    write("content/kontakt/oppettider.sv.md", page(title="Öppettider"))
    write(
        "content/kontakt/oppettider.fi.md",
        "---\ntitle: Aukioloajat\nsummary: Milloin.\n---\nTeksti.\n",
    )
    out = built(minimal_site, tmp_path)
    root, _ = parse_html((out / "fi/kontakt/oppettider/index.html").read_text("utf-8"))
    crumbs = root.findall(".//nav[@class='breadcrumbs']//a")  # type: ignore[attr-defined]
    contact = crumbs[1]
    assert (contact.get("href"), contact.get("lang"), contact.get("hreflang")) == (
        "/kontakt/", "sv", "sv",
    )  # fmt: skip
    note = contact.find("span")
    assert (note.get("lang"), note.text) == ("fi", "(ruotsiksi)")
    assert crumbs[-1].get("lang") is None and crumbs[-1].text == "Aukioloajat"


def test_interface_falls_back_to_swedish_without_an_english_catalog(minimal_site: Path) -> None:
    site = load_site(load_config(minimal_site))
    views = ViewBuilder(site, lambda lang: lambda s: s, lambda lang: lang in ("sv", "fi"))
    assert views.ui_lang("ar") == "sv"
    assert views.ui_lang("en") == "sv"
    assert views.ui_lang("fi") == "fi"


def test_language_links_name_languages_in_the_readers_interface(minimal_site: Path) -> None:
    site = load_site(load_config(minimal_site))
    catalogs = {"fi": {"in %(language)s": "kielellä %(language)s"}}
    views = ViewBuilder(
        site,
        lambda lang: lambda s: catalogs.get(lang, {}).get(s, s),
        lambda lang: lang in ("sv", "fi", "en"),
    )
    assert views.language_note("fi", "ar") == "kielellä arabia"
    assert views.language_note("ar", "so") == "in Somali"
