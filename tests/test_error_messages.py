"""Errors in content and configuration, in Swedish and in English, through the CLI.

Editors read these messages; most of them read Swedish. Each case writes one
mistake into a copy of the minimal site, builds it in both languages, and
checks the whole message: the file, the line of the mistake, what is wrong
and how to fix it. A failed build leaves the previous output byte-identical.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from site_builder.checks.messages import Messages
from site_builder.cli import main
from site_builder.errors import ConfigError, ContentError, Location, msg
from site_builder.serve.errorpage import error_page
from tests.conftest import REPO, snapshot

Write = Callable[[str, str], Path]
PAGE = "content/kontakt/_index.sv.md"


@pytest.fixture
def built(minimal_site: Path, tmp_path: Path) -> Path:
    out = tmp_path / "public"
    assert main(["build", "--site", str(minimal_site), "--out", str(out), "--no-search"]) == 0
    return out


def build_in(lang: str, site: Path, out: Path, capsys: pytest.CaptureFixture[str]) -> str:
    """Build in `lang`, which must fail without touching `out`; the error output."""
    before = snapshot(out)
    code = main(["build", "--site", str(site), "--out", str(out), "--no-search", "--lang", lang])
    err = capsys.readouterr().err
    assert code == 1
    assert "Traceback" not in err
    assert snapshot(out) == before, "a failed build must leave the output byte-identical"
    return err


def page_report(err: str, path: str) -> str:
    """What the checks' report says about one file (warnings and errors come in two blocks)."""
    blocks = [b.strip("\n") for b in err.split("\n\n")]
    found = [b for b in blocks if b.split("\n")[0] == path]
    assert found, f"no report about {path} in:\n{err}"
    return "\n".join(found)


PAGE_CASES = {
    "yaml-bracket": (
        "---\ntitle: Kontakt\nsummary: [oj\nsender: medborgarplats\nreviewed: 2026-11-01\n---\n",
        "  3: error [content] The value of 'summary' begins with '[', which YAML reads as a "
        "special character, not as text.\n"
        '     → put the whole value in quotes: summary: "[oj"',
        "  3: fel [content] Värdet för 'summary' börjar med '[', som YAML läser som ett "
        "specialtecken och inte som text.\n"
        '     → sätt hela värdet inom citattecken: summary: "[oj"',
    ),
    "yaml-colon": (
        "---\ntitle: Kontakt\nsummary: Öppet: 8-16\nsender: medborgarplats\n---\n",
        "  3: error [content] The value of 'summary' contains a colon followed by a space, "
        "which YAML reads as the start of another key.\n"
        '     → put the whole value in quotes: summary: "Öppet: 8-16"',
        "  3: fel [content] Värdet för 'summary' innehåller ett kolon följt av ett mellanslag, "
        "som YAML läser som början på en ny nyckel.\n"
        '     → sätt hela värdet inom citattecken: summary: "Öppet: 8-16"',
    ),
    "bad-date": (
        "---\ntitle: Test\nsummary: Hej.\nsender: medborgarplats\nreviewed: 2026-13-01\n"
        "---\nText\n",
        "  5: error [content] 'reviewed': 2026-13-01 is not a date that exists.\n"
        "     → write the date as YYYY-MM-DD, with a month from 01 to 12 and a day the month "
        "has, like 2026-11-01",
        "  5: fel [content] 'reviewed': 2026-13-01 är inget datum som finns.\n"
        "     → skriv datumet som ÅÅÅÅ-MM-DD, med en månad från 01 till 12 och en dag som "
        "finns i den månaden, till exempel 2026-11-01",
    ),
    "date-as-text": (
        "---\ntitle: Test\nsummary: Hej.\nsender: medborgarplats\nreviewed: 1 november\n---\n",
        "  5: error [content] 'reviewed' is not a valid date: '1 november'\n"
        "     → write it as YYYY-MM-DD",
        "  5: fel [content] 'reviewed' är inget giltigt datum: '1 november'\n"
        "     → skriv det som ÅÅÅÅ-MM-DD, till exempel 2026-11-01",
    ),
    "missing-title": (
        "---\nsummary: Hej.\nsender: medborgarplats\nreviewed: 2026-11-01\n---\nText\n",
        "  1: error [content] 'title' is missing\n     → add a line 'title: …' to the front matter",
        "  1: fel [content] 'title' saknas\n"
        "     → lägg till en rad 'title: …' överst i filen (front matter)",
    ),
    "unknown-sender": (
        "---\ntitle: Kontakt\nsummary: Hej.\nsender: okand\nreviewed: 2026-11-01\n---\nText\n",
        "  4: error [sender] Unknown sender 'okand'.",
        "  4: fel [sender] Okänd avsändare 'okand'.",
    ),
    "bad-slug": (
        "---\ntitle: Kontakt\nsummary: Hej.\nsender: medborgarplats\nreviewed: 2026-11-01\n"
        "slug: a/b\n---\nText\n",
        "  6: error [content] 'slug' must be one URL segment: letters, digits and hyphens\n"
        "     → for example slug: viestintapolitiikka",
        "  6: fel [content] 'slug' måste vara en del av en webbadress: bokstäver, siffror och "
        "bindestreck\n"
        "     → till exempel slug: viestintapolitiikka",
    ),
}


@pytest.mark.parametrize("case", sorted(PAGE_CASES))
def test_page_errors_in_both_languages(
    case: str,
    minimal_site: Path,
    built: Path,
    write: Write,
    capsys: pytest.CaptureFixture[str],
) -> None:
    text, english, swedish = PAGE_CASES[case]
    write(PAGE, text)
    assert english in page_report(build_in("en", minimal_site, built, capsys), PAGE)
    assert swedish in page_report(build_in("sv", minimal_site, built, capsys), PAGE)


def test_a_file_named_without_language(
    minimal_site: Path, built: Path, write: Write, capsys: pytest.CaptureFixture[str]
) -> None:
    write("content/kontakt/oppettider.md", "---\ntitle: Öppettider\nsummary: Hej.\n---\n")
    path = "content/kontakt/oppettider.md"
    assert (
        "  error [content] the file name has no language code\n"
        "    → name it like 'oppettider.sv.md'"
    ) in page_report(build_in("en", minimal_site, built, capsys), path)
    assert (
        "  fel [content] filnamnet har ingen språkkod\n    → ge den ett namn som 'oppettider.sv.md'"
    ) in page_report(build_in("sv", minimal_site, built, capsys), path)


SITE_YAML_CASES = {
    "base-url": (
        ("base_url: https://www.hellefors.se", "base_url: www.hellefors.se"),
        "error: site.yaml:2: 'base_url' must be the site's full address, beginning with "
        "https://\n  → for example: base_url: https://www.hellefors.se\n",
        "fel: site.yaml:2: 'base_url' måste vara webbplatsens fullständiga adress, som börjar "
        "med https://\n  → till exempel: base_url: https://www.hellefors.se\n",
    ),
    "missing-theme": (
        ("theme: hellefors", "theme: mitt-tema"),
        "error: site.yaml:4: the theme 'mitt-tema' was not found\n"
        "  → put it in {site}/themes/mitt-tema or use a shipped theme: hellefors\n",
        "fel: site.yaml:4: temat 'mitt-tema' hittades inte\n"
        "  → lägg det i {site}/themes/mitt-tema eller använd ett tema som följer med: "
        "hellefors\n",
    ),
    "yaml-syntax": (
        ("languages: [sv, fi, en]", "languages: [sv, fi, en"),
        "error: site.yaml:3: The value of 'languages' begins with '[', which YAML reads as "
        "a special character, not as text.\n"
        '  → put the whole value in quotes: languages: "[sv, fi, en"\n',
        "fel: site.yaml:3: Värdet för 'languages' börjar med '[', som YAML läser som ett "
        "specialtecken och inte som text.\n"
        '  → sätt hela värdet inom citattecken: languages: "[sv, fi, en"\n',
    ),
}


@pytest.mark.parametrize("case", sorted(SITE_YAML_CASES))
def test_site_yaml_errors_in_both_languages(
    case: str,
    minimal_site: Path,
    built: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    (old, new), english, swedish = SITE_YAML_CASES[case]
    config = minimal_site / "site.yaml"
    config.write_text(config.read_text("utf-8").replace(old, new), "utf-8")
    site = str(minimal_site.resolve())
    assert english.format(site=site) in build_in("en", minimal_site, built, capsys)
    assert swedish.format(site=site) in build_in("sv", minimal_site, built, capsys)
    # without --lang, the locale decides
    monkeypatch.setenv("LANG", "sv_SE.UTF-8")
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    before = snapshot(built)
    assert main(["build", "--site", str(minimal_site), "--out", str(built)]) == 1
    err = capsys.readouterr().err
    assert swedish.format(site=site) in err
    if case != "yaml-syntax":  # a file YAML cannot read stops at once, without a count
        assert err.endswith("\nBygget stoppades av 1 fel. De publicerade filerna ändrades inte.\n")
    assert snapshot(built) == before


def test_organisation_errors_in_both_languages(
    minimal_site: Path, built: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = minimal_site / "data" / "organisation.yaml"
    data.write_text(data.read_text("utf-8").replace('"0591-123 45"', "ring oss"), "utf-8")
    path = "data/organisation.yaml"
    assert (
        "  4: error [content] unit 'medborgarplats': 'phone' does not look right: 'ring oss'\n"
        '     → write a direct number in quotes, like "0591-641 00"'
    ) in page_report(build_in("en", minimal_site, built, capsys), path)
    assert (
        "  4: fel [content] enheten 'medborgarplats': 'phone' ser inte rätt ut: 'ring oss'\n"
        '     → skriv ett direktnummer inom citattecken, som "0591-641 00"'
    ) in page_report(build_in("sv", minimal_site, built, capsys), path)


def test_broken_template_in_the_sites_own_theme(
    minimal_site: Path, built: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A site's own theme (themes/NAME/ beside site.yaml) with an unclosed {% if %}."""
    theme = minimal_site / "themes" / "eget"
    shutil.copytree(REPO / "themes" / "hellefors", theme)
    page_html = theme / "templates" / "page.html"
    lines = page_html.read_text("utf-8").split("\n")
    page_html.write_text("\n".join([lines[0], "{% if page.title %}", *lines[1:]]), "utf-8")
    config = minimal_site / "site.yaml"
    config.write_text(config.read_text("utf-8").replace("theme: hellefors", "theme: eget"))
    english = build_in("en", minimal_site, built, capsys)
    swedish = build_in("sv", minimal_site, built, capsys)
    where = "themes/eget/templates/page.html:"
    assert f"error: {where}" in english and "the template cannot be read (Jinja says: " in english
    assert "  → fix the template syntax on this line: every {% if %}, {% for %}" in english
    assert f"fel: {where}" in swedish and "mallen går inte att läsa (Jinja säger: " in swedish
    assert "  → rätta mallens syntax på raden: varje {% if %}, {% for %}" in swedish


def test_the_previews_error_page_speaks_the_editors_language() -> None:
    error = ContentError(
        msg("'%(key)s' is missing"),
        Location("content/kontakt/_index.sv.md", 1),
        msg("add a line '%(key)s: …' to the front matter"),
        key="title",
    )
    swedish = error_page([error], 3, "/kontakt/", "sv")
    assert '<html lang="sv">' in swedish
    assert "<h1>Sidan gick inte att bygga</h1>" in swedish
    assert "<code>content/kontakt/_index.sv.md</code>, rad 1" in swedish
    assert "&#x27;title&#x27; saknas" in swedish
    assert "Så rättar du det: lägg till en rad &#x27;title: …&#x27; överst i filen" in swedish
    assert "<h2>1 problem att rätta</h2>" in swedish
    assert "Förhandsvisningen av <code>/kontakt/</code> väntar på en rättelse." in swedish
    english = error_page([error], 3, "/kontakt/")
    assert '<html lang="en">' in english
    assert "<code>content/kontakt/_index.sv.md</code>, line 1" in english
    assert (
        "The preview of <code>/kontakt/</code> waits for a fix.\nCorrect the problem below"
        in english
    )
    assert "<h2>1 problem to fix</h2>" in english
    assert "How to fix it: add a line &#x27;title: …&#x27; to the front matter" in english


def test_important_messages_name_the_message_in_both_languages(
    minimal_site: Path, built: Path, write: Write, capsys: pytest.CaptureFixture[str]
) -> None:
    write(
        "data/alerts.yaml",
        "alerts:\n  - id: vatten\n    level: akut\n    start: 2026-12-01T08:00:00+01:00\n"
        "    text: Koka vattnet.\n",
    )
    path = "data/alerts.yaml"
    assert (
        "  3: error [content] message 'vatten': 'level' must be one of info, warning, danger\n"
        "     → write level: info"
    ) in page_report(build_in("en", minimal_site, built, capsys), path)
    assert (
        "  3: fel [content] meddelandet 'vatten': 'level' måste vara en av info, warning, danger\n"
        "     → skriv level: info"
    ) in page_report(build_in("sv", minimal_site, built, capsys), path)


def test_a_part_of_a_message_is_translated_with_it() -> None:
    """Errors about one entry (an item of the accessibility statement, an important
    message) name it with a translated part: a field ending in _msg."""
    error = ConfigError(
        msg("%(label_msg)s lacks '%(part)s'"),
        Location("data/accessibility.yaml", 12),
        msg("say %(part)s in every language"),
        label_msg=msg("entry %(number)s of '%(key)s'"),
        number=1,
        key="not_accessible",
        part="why",
    )
    assert Messages("en").error(error) == (
        "data/accessibility.yaml:12: entry 1 of 'not_accessible' lacks 'why'\n"
        "  → say why in every language"
    )
    assert str(error) == Messages("en").error(error)
    assert Messages("sv").error(error) == (
        "data/accessibility.yaml:12: post 1 under 'not_accessible' saknar 'why'\n"
        "  → ange why på varje språk"
    )
