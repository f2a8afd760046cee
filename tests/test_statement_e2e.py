"""The real site's accessibility statement: three languages, eleven items, on every page."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml

from site_builder.errors import BuildFailed
from site_builder.i18n import format_day
from site_builder.pipeline import build
from tests.conftest import REPO, parse_html

PAGES = {
    "sv": "om-webbplatsen/tillganglighet/index.html",
    "fi": "fi/tietoa-sivustosta/saavutettavuusseloste/index.html",
    "en": "en/about-this-website/accessibility-statement/index.html",
}


@pytest.fixture(scope="module")
def public(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("statement") / "public"
    build(REPO, out, search=False)
    return out


def text_of(path: Path) -> str:
    tree, errors = parse_html(path.read_text("utf-8"))
    assert errors == []
    # Joined without spaces: a term and its value read "Offentlig aktörHällefors kommun".
    return " ".join("".join(tree.itertext()).split())  # type: ignore[attr-defined]


def test_the_statement_has_the_eleven_items_in_three_languages(public: Path) -> None:
    audit = json.loads((REPO / "data" / "accessibility-audit.json").read_text("utf-8"))
    data = yaml.safe_load((REPO / "data" / "accessibility.yaml").read_text("utf-8"))
    assessed = {lang: format_day(data["assessed"], lang) for lang in PAGES}
    updated = {lang: format_day(data["updated"], lang) for lang in PAGES}
    expected = {
        "sv": [
            "Offentlig aktörHällefors kommun",
            "Digital serviceWebbplatsen www.hellefors.se",
            "Förenlighet med lagen" + data["compliance"],
            "Innehåll som inte är tillgängligt",
            "Bedömningen gjordes" + assessed["sv"],
            "Redogörelsen uppdaterades senast" + updated["sv"],
            "Så har vi testat webbplatsen",
            "självskattning",
            "Du får svar inom 24 timmar",
            "Tillsyn",
            "oskäligt betungande",
            "12 §",
            "9 §",
        ],
        "fi": [
            "Julkinen toimijaHällefors kunta",
            f"({data['compliance']})",
            "Sisältö, joka ei ole saavutettavaa",
            "Arvioitu" + assessed["fi"],
            "itsearviointi",
            "Saat vastauksen 24 tunnin kuluessa",
            "kohtuuton rasite",
            "12 §",
            "9 §",
        ],
        "en": [
            "Public bodyHällefors Municipality",
            f"({data['compliance']})",
            "Content that is not accessible",
            "Compliance assessed" + assessed["en"],
            "Statement last updated" + updated["en"],
            "self-assessment",
            "You get an answer within 24 hours",
            "unreasonable burden",
            "12 §",
            "9 §",
        ],
    }
    for lang, rel in PAGES.items():
        path = public / rel
        html = path.read_text("utf-8")
        text = text_of(path)
        for phrase in expected[lang]:
            assert phrase in text, f"{lang}: {phrase!r}"
        assert 'href="https://www.digg.se/tdosanmalan" hreflang="sv"' in html, lang
        assert "tel:+4659164100" in html and "mailto:kommun@hellefors.se" in html, lang
        # The automated audit's result comes from the file the browser tests write.
        assert str(audit["axe"]["pages"]) in text and audit["axe"]["tool"] in text, lang


def test_every_page_links_the_statement_in_its_language(public: Path) -> None:
    targets = {lang: "/" + rel.removesuffix("index.html") for lang, rel in PAGES.items()}
    pages = sorted(public.rglob("*.html"))
    assert len(pages) > 50
    for path in pages:
        rel = path.relative_to(public).as_posix()
        lang = rel.split("/", 1)[0] if rel.split("/", 1)[0] in ("fi", "en") else "sv"
        tree, _ = parse_html(path.read_text("utf-8"))
        footer = tree.find(".//footer")  # type: ignore[attr-defined]
        assert footer is not None, rel
        hrefs = {a.get("href") for a in footer.iter("a")}
        assert targets[lang] in hrefs or targets["sv"] in hrefs, f"{rel}: no statement link"


@pytest.mark.parametrize("key", ["compliance", "method", "report_to_digg", "outside_scope"])
def test_removing_an_item_stops_the_build_naming_it(tmp_path: Path, key: str) -> None:
    site = tmp_path / "site"
    site.mkdir()
    for name in ("site.yaml", "content", "data", "locales", "themes"):
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, site / name)
        else:
            shutil.copy2(source, site / name)
    data = site / "data" / "accessibility.yaml"
    lines = data.read_text("utf-8").splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if line.startswith(f"{key}:"))
    end = start + 1
    while end < len(lines) and lines[end].startswith((" ", "-")):
        end += 1
    data.write_text("".join(lines[:start] + lines[end:]), "utf-8")
    with pytest.raises(BuildFailed) as failed:
        build(site, tmp_path / "public", search=False)
    messages = "\n".join(str(e) for e in failed.value.errors)
    assert f"the accessibility statement lacks '{key}'" in messages
    assert not (tmp_path / "public").exists()
