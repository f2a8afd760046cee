from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from site_builder.config import load_config
from site_builder.content.load import load_site
from site_builder.markdown import MarkdownRenderer, heading_id
from site_builder.model import Site
from tests.conftest import page


def note(reader: str, target: str) -> str:
    return f"{target}-note-in-{reader}"


def renderer(site_dir: Path) -> tuple[Site, MarkdownRenderer]:
    site = load_site(load_config(site_dir))
    return site, MarkdownRenderer(site, note)


def render(site_dir: Path, key: str, lang: str = "sv"):  # type: ignore[no-untyped-def]
    site, md = renderer(site_dir)
    found = site.page(key, lang)
    assert found is not None
    return md.render(found)


def test_heading_ids_are_ascii() -> None:
    assert heading_id("Målsättning") == "malsattning"
    assert heading_id("Svar på frågor") == "svar-pa-fragor"
    assert heading_id("???") == "avsnitt"


def test_link_resolves_to_same_language(minimal_site: Path) -> None:
    result = render(minimal_site, "kommun", "fi")
    assert 'href="/fi/kunta/viestintapolitiikka/"' in result.html
    assert "hreflang" not in result.html


def test_link_falls_back_to_swedish_with_note(minimal_site: Path) -> None:
    result = render(minimal_site, "kommun/informationspolicy", "fi")
    assert '<a href="/kontakt/" hreflang="sv">yhteystiedot</a>' in result.html
    assert '<span class="language-note">(sv-note-in-fi)</span>' in result.html
    (link,) = result.links
    assert link.kind == "page" and link.target_key == "kontakt"


def test_asset_link_is_site_absolute(minimal_site: Path) -> None:
    result = render(minimal_site, "kommun/informationspolicy")
    assert 'src="/kommun/karta.svg"' in result.html
    assert 'alt="Karta över orterna"' in result.html


def test_missing_link_target_is_located(
    minimal_site: Path, write: Callable[[str, str], Path]
) -> None:
    write(
        "content/kontakt/_index.sv.md",
        page(body="Rad ett.\n\nSe [saknad](../saknas.sv.md) och\n[bild](x.png)."),
    )
    result = render(minimal_site, "kontakt")
    # reported by the broken-link check, with every other finding
    assert result.errors == ()
    missing = [(link.line, link.target) for link in result.links if link.kind == "missing"]
    assert missing == [(9, "content/saknas.sv.md"), (10, "content/kontakt/x.png")]


def test_lang_attribute_on_a_span(minimal_site: Path, write: Callable[[str, str], Path]) -> None:
    write("content/kontakt/_index.sv.md", page(body="Vi säger [Tervetuloa]{lang=fi}."))
    result = render(minimal_site, "kontakt")
    assert '<span lang="fi">Tervetuloa</span>' in result.html


def test_unsafe_attribute_is_rejected(
    minimal_site: Path, write: Callable[[str, str], Path]
) -> None:
    write("content/kontakt/_index.sv.md", page(body="[Text]{onclick=x} och [a]{style=x}"))
    result = render(minimal_site, "kontakt")
    assert "onclick" not in result.html and "style" not in result.html
    # the attrs plugin itself drops event handlers; other attributes are reported
    assert {e.message for e in result.errors} == {"the attribute 'style' is not allowed"}


def test_raw_html_is_escaped(minimal_site: Path, write: Callable[[str, str], Path]) -> None:
    write("content/kontakt/_index.sv.md", page(body="<script>alert(1)</script>\n\n<b>fet</b>"))
    result = render(minimal_site, "kontakt")
    assert "<script>" not in result.html and "&lt;script&gt;" in result.html


def test_tables_have_header_scope(minimal_site: Path, write: Callable[[str, str], Path]) -> None:
    write("content/kontakt/_index.sv.md", page(body="| Dag | Tid |\n|---|---|\n| Mån | 8 |"))
    result = render(minimal_site, "kontakt")
    assert '<th scope="col">Dag</th>' in result.html


def test_headings_are_collected(minimal_site: Path) -> None:
    result = render(minimal_site, "kommun/informationspolicy")
    (heading,) = result.headings
    assert (heading.level, heading.text, heading.id, heading.line) == (2, "Syfte", "syfte", 7)


def test_external_and_anchor_links_untouched(
    minimal_site: Path, write: Callable[[str, str], Path]
) -> None:
    body = "[Digg](https://www.digg.se) [mejl](mailto:a@b.se) [upp](#syfte)"
    write("content/kontakt/_index.sv.md", page(body=body))
    result = render(minimal_site, "kontakt")
    assert [link.kind for link in result.links] == ["external", "external", "anchor"]
    assert result.errors == ()


def test_link_outside_content(minimal_site: Path, write: Callable[[str, str], Path]) -> None:
    write("content/kontakt/_index.sv.md", page(body="[x](../../site.yaml)"))
    result = render(minimal_site, "kontakt")
    assert [link.kind for link in result.links] == ["outside"]
