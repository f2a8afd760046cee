"""Site-wide rules: translations, the theme's catalogs and its colour contrast."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

from site_builder.checkdata import parse_tokens
from site_builder.checks.rules.contrast import colour, ratio
from site_builder.config import load_config
from site_builder.content.load import load_site
from tests.checks.conftest import found, report
from tests.conftest import REPO

Write = Callable[[str, str], Path]
POLICY = "content/kommun/informationspolicy"


def add_to_site_yaml(site: Path, text: str) -> None:
    config = site / "site.yaml"
    config.write_text(config.read_text("utf-8") + text, "utf-8")


def test_translation_required(minimal_site: Path) -> None:
    assert found(minimal_site, "translation-required") == []
    add_to_site_yaml(minimal_site, "required_translations: ['', kontakt, kommun]\n")
    assert found(minimal_site, "translation-required") == [
        ("content/kommun/_index.sv.md", None),  # no English
        ("content/kontakt/_index.sv.md", None),  # no Finnish
        ("content/kontakt/_index.sv.md", None),  # no English
    ]
    findings = [f for f in report(minimal_site).findings if f.rule == "translation-required"]
    assert dict(findings[0].args)["file"] == "content/kommun/_index.en.md"


def test_translation_required_names_a_page_that_does_not_exist(minimal_site: Path) -> None:
    add_to_site_yaml(minimal_site, "required_translations: [kontakt/saknas]\n")
    assert found(minimal_site, "translation-required") == [("site.yaml", None)]


def test_translation_missing_lists_the_rest_as_warnings(minimal_site: Path) -> None:
    add_to_site_yaml(minimal_site, "required_translations: [kontakt]\n")
    missing = found(minimal_site, "translation-missing")
    assert ("content/kommun/_index.sv.md", None) in missing  # no English
    assert ("content/kontakt/_index.sv.md", None) not in missing  # an error instead


def test_translation_outdated_and_untracked(minimal_site: Path, write: Write) -> None:
    site = load_site(load_config(minimal_site))
    digest = site.source_page("kommun/informationspolicy").digest
    fi = f"{POLICY}.fi.md"
    text = (minimal_site / fi).read_text("utf-8")
    write(fi, text.replace("---\n", f"---\nsource_version: {'0' * 40}\n", 1))
    assert found(minimal_site, "translation-outdated") == [(fi, 2)]
    assert (fi, 1) not in found(minimal_site, "translation-untracked")
    write(fi, text.replace("---\n", f"---\nsource_version: {digest}\n", 1))
    assert found(minimal_site, "translation-outdated") == []
    write(fi, text)
    assert (fi, 1) in found(minimal_site, "translation-untracked")


def test_theme_strings_missing_and_fuzzy(minimal_site: Path, write: Write) -> None:
    assert found(minimal_site, "theme-strings") == []
    theme_pot = (REPO / "locales" / "messages.pot").read_text("utf-8")
    write("locales/messages.pot", theme_pot + '\nmsgid "A new string"\nmsgstr ""\n')
    write(
        "locales/fi/LC_MESSAGES/messages.po",
        'msgid ""\nmsgstr ""\n"Language: fi\\n"\n\n#, fuzzy\nmsgid "A new string"\nmsgstr "Uusi"\n',
    )
    findings = found(minimal_site, "theme-strings")
    assert ("locales/fi/LC_MESSAGES/messages.po", 6) in findings  # fuzzy, at its line
    assert ("locales/sv/LC_MESSAGES/messages.po", None) not in findings
    # Swedish and English have no entry at all: reported at the language's catalog
    paths = {path for path, _ in findings}
    assert any(path.endswith("sv/LC_MESSAGES/messages.po") for path in paths)


def test_contrast_of_the_hellefors_tokens_passes(minimal_site: Path) -> None:
    assert found(minimal_site, "contrast") == []


def test_contrast_failure_is_located_in_tokens_css(minimal_site: Path) -> None:
    theme = minimal_site / "themes" / "hellefors"
    shutil.copytree(REPO / "themes" / "hellefors", theme)
    tokens = theme / "static" / "tokens.css"
    css = tokens.read_text("utf-8").replace(
        "--color-text-muted: #4a4a48;", "--color-text-muted: #999;"
    )
    tokens.write_text(css, "utf-8")
    line = next(n for n, text in enumerate(css.split("\n"), 1) if "--color-text-muted on" in text)
    assert found(minimal_site, "contrast") == [("themes/hellefors/static/tokens.css", line)]


def test_contrast_arithmetic() -> None:
    css = "/* contrast pairs:\n *   text: --a on --b\n */\n"
    tokens = parse_tokens(css + ":root { --a: #777; --b: var(--c); --c: white; }", "tokens.css")
    assert tokens.pairs[0].line == 2
    black, white = (0, 0, 0), colour(tokens, "--b")
    assert white == (255, 255, 255)
    assert round(ratio(black, (255, 255, 255)), 2) == 21.0
    assert round(ratio(colour(tokens, "--a") or black, white), 2) == 4.48  # just below 4.5
