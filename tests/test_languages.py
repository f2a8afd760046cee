"""Languages case by case: an Arabic page, honest fallbacks, the other-languages pages."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from site_builder.config import load_config
from site_builder.content.load import load_site
from site_builder.pipeline import build
from tests.conftest import REPO, parse_html, snapshot

FORSKOLA = "content/utbildning/forskola"
#: A short Arabic version of the pre-school page ("Pre-school: you apply for a place by
#: contacting the municipality; contact Medborgarplats").
ARABIC = """---
title: روضة الأطفال
summary: يمكنك التقدم بطلب للحصول على مكان في روضة الأطفال عن طريق الاتصال بالبلدية.
source_version: {version}
---

اتصل بـ [Medborgarplats](../kontakt/medborgarplats.sv.md) على الرقم [0591-641 00]{{dir=ltr}}.
"""


def copy_site(target: Path) -> Path:
    target.mkdir()
    for name in ("site.yaml", "content", "data"):
        if (REPO / name).is_dir():
            shutil.copytree(REPO / name, target / name)
        else:
            shutil.copy2(REPO / name, target / name)
    return target


def add_arabic(site_dir: Path) -> None:
    version = load_site(load_config(site_dir)).source_page("utbildning/forskola").digest
    (site_dir / f"{FORSKOLA}.ar.md").write_text(ARABIC.format(version=version), "utf-8")


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The project's site built as it is, and again with one page added in Arabic."""
    base = tmp_path_factory.mktemp("arabic")
    site = copy_site(base / "site")
    build(site, base / "before")
    add_arabic(site)
    build(site, base / "after")
    return base / "before", base / "after"


def html(path: Path):  # type: ignore[no-untyped-def]
    tree, errors = parse_html(path.read_text("utf-8"))
    assert errors == [], errors[:3]
    return tree


def test_arabic_page_changes_only_the_listings_and_its_swedish_page(
    two_builds: tuple[Path, Path],
) -> None:
    """Done when: every other page's output is byte-identical, except the
    other-languages pages and the Swedish page the Arabic one translates.

    Site-wide indexes list every page, so they change too: `sitemap.xml` and
    the search index (`pagefind/`, rebuilt as a whole). Each file's `.gz`
    twin changes with it.
    """
    before, after = (snapshot(folder) for folder in two_builds)

    def pages(files: dict[str, bytes]) -> dict[str, bytes]:
        return {path: data for path, data in files.items() if not path.startswith("pagefind/")}

    before, after = pages(before), pages(after)
    added = sorted(set(after) - set(before))
    assert added == ["ar/utbildning/forskola/index.html", "ar/utbildning/forskola/index.html.gz"]
    assert set(before) - set(after) == set()
    changed = sorted(path for path in before if before[path] != after[path])
    expected = [
        "andra-sprak/index.html",
        "en/other-languages/index.html",
        "fi/muut-kielet/index.html",
        "sitemap.xml",
        "utbildning/forskola/index.html",
    ]
    assert [path for path in changed if not path.endswith(".gz")] == expected
    assert [path for path in changed if path.endswith(".gz")] == [f"{p}.gz" for p in expected]


def test_the_swedish_page_gains_the_arabic_alternate_and_switcher_entry(
    two_builds: tuple[Path, Path],
) -> None:
    _, after = two_builds
    old, new = (
        (folder / "utbildning/forskola/index.html").read_text("utf-8") for folder in two_builds
    )
    added = [line for line in new.split("\n") if line not in old.split("\n")]
    assert added == [
        '<link rel="alternate" hreflang="ar" href="https://www.hellefors.se/ar/utbildning/forskola/">',
        '<li><a href="/ar/utbildning/forskola/" lang="ar" hreflang="ar" dir="rtl">العربية</a></li>',
    ]
    for rel in ("fi/*/esikoulu/index.html", "en/*/preschool/index.html"):
        (found,) = after.glob(rel)
        assert 'hreflang="ar"' not in found.read_text("utf-8")


def test_the_arabic_page(two_builds: tuple[Path, Path]) -> None:
    _, after = two_builds
    root = html(after / "ar/utbildning/forskola/index.html")
    assert (root.get("lang"), root.get("dir")) == ("ar", "rtl")
    assert root.findtext(".//h1") == "روضة الأطفال"
    # no Arabic catalog: the surroundings are the English interface, and say so
    for xpath in (".//header", ".//footer", ".//nav[@class='breadcrumbs']",
                  ".//div[@class='page-info']", ".//a[@class='skip-link']"):  # fmt: skip
        element = root.find(xpath)
        assert element is not None, xpath
        assert (element.get("lang"), element.get("dir")) == ("en", "ltr"), xpath
    assert root.find(".//header//nav[@class='language-switcher']").get("aria-label") == "Languages"
    # the current breadcrumb is the Arabic title, marked as such inside the English trail
    current = root.find(".//nav[@class='breadcrumbs']//a[@aria-current='page']")
    assert (current.get("lang"), current.get("dir"), current.text) == ("ar", "rtl", "روضة الأطفال")
    # the switcher: the main languages (this page's versions) and Arabic itself
    switcher = {
        a.get("lang"): a.get("href")
        for a in root.find(".//ul", None).iter("a")  # the first list: languages
    }
    assert switcher == {
        "sv": "/utbildning/forskola/",
        "fi": "/fi/esikoulu-ja-koulu/esikoulu/",
        "en": "/en/education/preschool/",
        "ar": "/ar/utbildning/forskola/",
    }
    # hreflang: paired with the Swedish page only, which names it back
    alternates = {
        link.get("hreflang"): link.get("href")
        for link in root.iter("link")
        if link.get("rel") == "alternate" and link.get("hreflang")
    }
    assert set(alternates) == {"sv", "ar", "x-default"}
    # a link in the Arabic text to a Swedish page: the note is English, and marked so
    text = (after / "ar/utbildning/forskola/index.html").read_text("utf-8")
    assert '<span class="language-note" lang="en">(in Swedish)</span>' in text
    # the logo names the site in English, the language of its text
    assert root.find(".//a[@class='logo']/img").get("lang") == "en"


@pytest.mark.parametrize(
    ("rel", "count"),
    [("andra-sprak", "1 sida"), ("fi/muut-kielet", "1 sivu"), ("en/other-languages", "1 page")],
)
def test_listed_on_every_other_languages_page(
    two_builds: tuple[Path, Path], rel: str, count: str
) -> None:
    before, after = two_builds
    assert "ar/" not in (before / rel / "index.html").read_text("utf-8")
    root = html(after / rel / "index.html")
    group = root.find(".//section[@class='language-group']")
    assert group is not None
    name = group.find("h2/span")
    assert (name.get("lang"), name.get("dir"), name.text) == ("ar", "rtl", "العربية")
    assert group.findtext("p[@class='language-count']") == count
    (link,) = group.iter("a")
    assert link.get("href") == "/ar/utbildning/forskola/"
    assert (link.get("lang"), link.get("hreflang"), link.get("dir")) == ("ar", "ar", "rtl")


def test_every_page_links_the_other_languages_page(two_builds: tuple[Path, Path]) -> None:
    _, after = two_builds
    targets = {"sv": "/andra-sprak/", "fi": "/fi/muut-kielet/", "en": "/en/other-languages/",
               "ar": "/en/other-languages/"}  # fmt: skip
    for path in sorted(after.rglob("*.html")):
        root = html(path)
        lang = root.get("lang")
        links = [
            a.get("href")
            for li in root.iter("li")
            if li.get("class") == "language-page-other-languages"
            for a in li.iter("a")
        ]
        assert links == [targets[lang]], path


def test_a_language_babel_does_not_know(tmp_path: Path) -> None:
    """Meänkieli (fit), a national minority language, is not in Babel's data: site.yaml
    names it, and it builds like any other language."""
    site = copy_site(tmp_path / "site")
    config = site / "site.yaml"
    config.write_text(config.read_text("utf-8") + "language_names:\n  fit: Meänkieli\n", "utf-8")
    version = load_site(load_config(site)).source_page("kontakt").digest
    (site / "content/kontakt/_index.fit.md").write_text(
        # placeholder words: the test is about the language code, not the text
        f"---\ntitle: Kontakt (fit)\nsummary: Test.\nsource_version: {version}\n---\n",
        "utf-8",
    )
    out = tmp_path / "out"
    build(site, out)
    root = html(out / "fit/kontakt/index.html")
    assert (root.get("lang"), root.get("dir")) == ("fit", "ltr")
    listing = html(out / "andra-sprak/index.html").find(".//section[@class='language-group']/h2")
    assert "".join(listing.itertext()) == "Meänkieli"


def test_linked_versions_pair_case_by_case_languages_with_the_source_only(tmp_path: Path) -> None:
    site_dir = copy_site(tmp_path / "site")
    add_arabic(site_dir)
    site = load_site(load_config(site_dir))
    langs = {
        lang: [p.lang for p in site.linked_versions("utbildning/forskola", lang)]
        for lang in ("sv", "fi", "en", "ar")
    }
    assert langs == {
        "sv": ["sv", "fi", "en", "ar"],
        "fi": ["sv", "fi", "en"],
        "en": ["sv", "fi", "en"],
        "ar": ["sv", "ar"],
    }
    # pairwise reciprocal: whenever a names b, b names a
    for a, named in langs.items():
        for b in named:
            assert a in langs[b], (a, b)


@pytest.mark.parametrize(
    ("yaml", "message"),
    [
        ("language_names: [fit]\n", "'language_names' must map language codes"),
        ("language_names: {Fit!: x}\n", "is not a language code"),
        ("language_names: {fit: {dir: up}}\n", "needs a name"),
        ("language_pages: {lattlast: x}\n", "'language_pages' must map some of"),
    ],
)
def test_bad_language_settings_are_reported(minimal_site: Path, yaml: str, message: str) -> None:
    from site_builder.errors import BuildFailed

    config = minimal_site / "site.yaml"
    config.write_text(config.read_text("utf-8") + yaml, "utf-8")
    with pytest.raises(BuildFailed) as failed:
        load_config(minimal_site)
    assert any(message in error.message for error in failed.value.errors)


def test_language_settings_are_read(minimal_site: Path) -> None:
    config = minimal_site / "site.yaml"
    config.write_text(
        config.read_text("utf-8")
        + "language_names: {fit: Meänkieli, xyz: {name: Test, dir: rtl}}\n"
        + "language_pages: {other_languages: sprak}\n",
        "utf-8",
    )
    loaded = load_config(minimal_site)
    assert loaded.language_names == {"fit": ("Meänkieli", "ltr"), "xyz": ("Test", "rtl")}
    assert loaded.language_pages["other_languages"] == "sprak"
    assert loaded.language_pages["easy_to_read"] == "lattlast"
    assert loaded.knows_language("fit") and not loaded.knows_language("qqq")
