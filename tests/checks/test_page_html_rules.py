"""Rules that only the built HTML shows (the theme's part): each on a page that breaks
it and one that passes. The passing page is what the hellefors theme renders."""

from __future__ import annotations

from pathlib import Path

import pytest

from site_builder.pipeline import build
from tests.checks.conftest import NOW, document, on_html, report

HOME = (
    '<header><a class="logo" href="/">'
    '<img src="/static/logo.svg" alt="Hällefors kommun"></a></header>'
)
CONTACT = (
    '<a href="tel:+4659112345">0591-123 45</a>'
    '<a href="mailto:medborgarplats@example.se">medborgarplats@example.se</a>'
)
POLICY = "content/kommun/informationspolicy.sv.md"


@pytest.fixture(scope="module")
def theme_output(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The minimal site built with the hellefors theme: every output page's HTML."""
    import shutil

    from tests.conftest import FIXTURES

    base = tmp_path_factory.mktemp("theme")
    shutil.copytree(FIXTURES / "minimal", base / "site")
    build(base / "site", base / "out", now=NOW, search=False)
    return {
        p.relative_to(base / "out").as_posix(): p.read_text("utf-8")
        for p in (base / "out").rglob("*.html")
    }


THEME_RULES = (
    "logo",
    "footer",
    "contact",
    "html-lang",
    "one-h1",
    "heading-order",
    "html-parse",
    "empty-link",
    "duplicate-id",
    "table-headers",
    "alt-text",
    "link-text",
)


def test_the_theme_passes(minimal_site: Path) -> None:
    findings = [f for f in report(minimal_site).findings if f.rule in THEME_RULES]
    assert findings == []


def test_every_output_page_was_checked(minimal_site: Path, theme_output: dict[str, str]) -> None:
    checked = {page.output for page in report(minimal_site).pages}
    assert checked == set(theme_output)


def test_logo(minimal_site: Path) -> None:
    assert on_html(minimal_site, document(HOME + "<footer></footer>"), "logo") == []
    missing = on_html(minimal_site, document("<header><p>Hällefors</p></header>"), "logo")
    assert [f.message for f in missing] == [
        "The page has no logo linking to the home page (%(home)s)."
    ]
    no_alt = on_html(
        minimal_site, document(HOME.replace('alt="Hällefors kommun"', 'alt=""')), "logo"
    )
    assert [f.message for f in no_alt] == ["The logo has no text alternative."]
    assert no_alt[0].path == "404.html" and no_alt[0].output == "404.html"


def test_footer(minimal_site: Path) -> None:
    assert on_html(minimal_site, document("<main></main><footer>Adress</footer>"), "footer") == []
    inside_article = document("<main><article><footer>Källa</footer></article></main>")
    assert len(on_html(minimal_site, inside_article, "footer")) == 1


def test_contact_shows_the_pages_unit(minimal_site: Path) -> None:
    assert on_html(minimal_site, document(CONTACT), "contact", source=POLICY) == []
    findings = on_html(
        minimal_site, document(CONTACT.split('<a href="mailto')[0]), "contact", source=POLICY
    )
    assert [(f.path, dict(f.args)["email"]) for f in findings] == [
        (POLICY, "medborgarplats@example.se")
    ]
    assert on_html(minimal_site, document(""), "contact", source=POLICY)[0].output == (
        "kommun/informationspolicy/index.html"
    )


def test_html_lang(minimal_site: Path) -> None:
    assert on_html(minimal_site, document("", lang="sv"), "html-lang") == []
    assert (
        len(on_html(minimal_site, "<!DOCTYPE html><html><title>x</title></html>", "html-lang")) == 1
    )
    wrong = on_html(minimal_site, document("", lang="en"), "html-lang", source=POLICY)
    assert [dict(f.args) for f in wrong] == [{"found": "en", "lang": "sv"}]


def test_one_h1_from_the_theme(minimal_site: Path) -> None:
    assert on_html(minimal_site, document("<h1>Sida</h1>"), "one-h1") == []
    assert len(on_html(minimal_site, document("<p>Ingen rubrik</p>"), "one-h1")) == 1
    assert len(on_html(minimal_site, document("<h1>A</h1><h1>B</h1>"), "one-h1")) == 1


def test_heading_order_in_the_theme(minimal_site: Path) -> None:
    assert on_html(minimal_site, document("<h1>A</h1><h2>B</h2><h2>C</h2>"), "heading-order") == []
    skipped = on_html(minimal_site, document("<h1>A</h1><h3>B</h3>"), "heading-order")
    assert [dict(f.args)["text"] for f in skipped] == ["B"]


def test_html_parse_errors(minimal_site: Path) -> None:
    assert on_html(minimal_site, document("<p>Hej</p>"), "html-parse") == []
    broken = on_html(minimal_site, document("<p>Hej</div></p>"), "html-parse")
    assert broken and all(f.output == "404.html" for f in broken)


def test_empty_link_and_alt_text_in_the_theme(minimal_site: Path) -> None:
    assert (
        len(on_html(minimal_site, document('<a href="/"><img src="x.svg"></a>'), "empty-link")) == 1
    )
    assert len(on_html(minimal_site, document('<img src="x.svg">'), "alt-text")) == 1
    assert (
        on_html(minimal_site, document('<a href="/"><img src="x.svg" alt="Hem"></a>'), "empty-link")
        == []
    )


def test_duplicate_id_and_table_headers_in_the_theme(minimal_site: Path) -> None:
    assert len(on_html(minimal_site, document('<p id="a"></p><p id="a"></p>'), "duplicate-id")) == 1
    table = "<table><tr><td>1</td></tr></table>"
    assert len(on_html(minimal_site, document(table), "table-headers")) == 1
    table = "<table><tr><th>Dag</th></tr><tr><td>1</td></tr></table>"
    assert on_html(minimal_site, document(table), "table-headers") == []
