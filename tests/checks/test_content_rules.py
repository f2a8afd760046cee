"""Each rule that reads an editor's page: a small site that breaks it, and one that passes.

Each test writes one page into a copy of the minimal site, runs every check
as `site-builder check` does, and looks for the rule's findings by file and line.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tests.checks.conftest import BODY_LINE, PAGE, found, report
from tests.conftest import page

Write = Callable[[str, str], Path]


def test_alt_text(minimal_site: Path, write: Write) -> None:
    body = "Karta:\n\n![](../kommun/karta.svg)\n\n![bild](../kommun/karta.svg)"
    write(PAGE, page(body=body))
    assert found(minimal_site, "alt-text") == [(PAGE, BODY_LINE + 2), (PAGE, BODY_LINE + 4)]
    body = "![Karta över orterna](../kommun/karta.svg)\n\n![](../kommun/karta.svg){.decorative}"
    write(PAGE, page(body=body))
    assert found(minimal_site, "alt-text") == []


def test_link_text(minimal_site: Path, write: Write) -> None:
    body = "Om policyn.\n\n[Klicka här](../kommun/informationspolicy.sv.md) för att läsa den."
    write(PAGE, page(body=body))
    assert found(minimal_site, "link-text") == [(PAGE, BODY_LINE + 2)]
    write(PAGE, page(body="Läs [kommunens policy](../kommun/informationspolicy.sv.md)."))
    assert found(minimal_site, "link-text") == []


def test_vague_link_texts_in_finnish_and_english(minimal_site: Path, write: Write) -> None:
    write(PAGE, page(body="[Lue lisää](../kommun/informationspolicy.sv.md), [read more](#x)"))
    assert found(minimal_site, "link-text") == [(PAGE, BODY_LINE), (PAGE, BODY_LINE)]


def test_empty_link(minimal_site: Path, write: Write) -> None:
    write(PAGE, page(body="Text.\n\n[](../kommun/informationspolicy.sv.md)"))
    assert found(minimal_site, "empty-link") == [(PAGE, BODY_LINE + 2)]
    write(PAGE, page(body="[Policyn](../kommun/informationspolicy.sv.md)"))
    assert found(minimal_site, "empty-link") == []


def test_heading_order(minimal_site: Path, write: Write) -> None:
    write(PAGE, page(body="## Ansökan\n\nText.\n\n#### Blankett\n\nText."))
    assert found(minimal_site, "heading-order") == [(PAGE, BODY_LINE + 4)]
    write(PAGE, page(body="## Ansökan\n\nText.\n\n### Blankett\n\nText."))
    assert found(minimal_site, "heading-order") == []


def test_one_h1(minimal_site: Path, write: Write) -> None:
    write(PAGE, page(body="Text.\n\n# En andra huvudrubrik\n\nText."))
    assert found(minimal_site, "one-h1") == [(PAGE, BODY_LINE + 2)]
    write(PAGE, page(body="## Underrubrik\n\nText."))
    assert found(minimal_site, "one-h1") == []


def test_table_headers(minimal_site: Path, write: Write) -> None:
    write(PAGE, page(body="Tider:\n\n|   |   |\n|---|---|\n| Mån | 8–16 |"))
    assert found(minimal_site, "table-headers") == [(PAGE, None)]
    write(PAGE, page(body="| Dag | Tid |\n|---|---|\n| Mån | 8–16 |"))
    assert found(minimal_site, "table-headers") == []


def test_duplicate_id(minimal_site: Path, write: Write) -> None:
    write(PAGE, page(body="{#samma}\n## Ett\n\nText.\n\n{#samma}\nTvå."))
    assert found(minimal_site, "duplicate-id") == [(PAGE, BODY_LINE + 1)]
    write(PAGE, page(body="## Ett\n\nText.\n\n## Ett\n\nText."))  # ids made unique
    assert found(minimal_site, "duplicate-id") == []


def test_duplicate_title(minimal_site: Path, write: Write) -> None:
    write(PAGE, page(title="Kontakta oss"))  # the title of content/kontakt/_index.sv.md
    assert sorted(found(minimal_site, "duplicate-title")) == [
        ("content/kontakt/_index.sv.md", None),
        (PAGE, None),
    ]
    write(PAGE, page(title="Öppettider"))
    assert found(minimal_site, "duplicate-title") == []


def test_broken_link_and_anchor(minimal_site: Path, write: Write) -> None:
    body = (
        "## Syfte\n\n"
        "[Saknas](../saknas.sv.md)\n\n"
        "[Policyns syfte](../kommun/informationspolicy.sv.md#finns-inte)\n\n"
        "[Upp](#inte-har)"
    )
    write(PAGE, page(body=body))
    assert found(minimal_site, "broken-link") == [
        (PAGE, BODY_LINE + 2),
        (PAGE, BODY_LINE + 4),
        (PAGE, BODY_LINE + 6),
    ]
    body = "## Syfte\n\n[Policyns syfte](../kommun/informationspolicy.sv.md#syfte)\n\n[Upp](#syfte)"
    write(PAGE, page(body=body))
    assert found(minimal_site, "broken-link") == []


def test_sender(minimal_site: Path, write: Write) -> None:
    write(PAGE, page().replace("sender: medborgarplats", "sender: okand"))
    assert found(minimal_site, "sender") == [(PAGE, 4)]
    write(PAGE, page().replace("sender: medborgarplats\n", ""))
    assert found(minimal_site, "sender") == [(PAGE, 1)]
    write(PAGE, page())
    assert found(minimal_site, "sender") == []


def test_summary_missing_and_length(minimal_site: Path, write: Write) -> None:
    write(PAGE, page().replace("summary: En sida.\n", "summary:\n"))
    assert found(minimal_site, "summary-missing") == [(PAGE, 3)]
    write(PAGE, page(summary="Först det här. Sedan det här. Och till sist det här."))
    assert found(minimal_site, "summary-length") == [(PAGE, 3)]
    write(PAGE, page(summary="Här ser du när vi har öppet. Du kan också ringa oss."))
    assert found(minimal_site, "summary-missing") == found(minimal_site, "summary-length") == []


def test_vague_heading(minimal_site: Path, write: Write) -> None:
    write(PAGE, page(body="## Så ansöker du\n\nText.\n\n## Övrigt\n\nText."))
    assert found(minimal_site, "vague-heading") == [(PAGE, BODY_LINE + 4)]
    write(PAGE, page(title="Information"))
    assert found(minimal_site, "vague-heading") == [(PAGE, 2)]
    write(PAGE, page(body="## Så ansöker du\n\nText."))
    assert found(minimal_site, "vague-heading") == []


def test_long_sentence(minimal_site: Path, write: Write) -> None:
    long = "Ord " + " ".join(["ord"] * 35) + "."
    write(PAGE, page(body=f"Kort mening.\n{long}\n\nEn till."))
    assert found(minimal_site, "long-sentence") == [(PAGE, BODY_LINE + 1)]
    write(PAGE, page(body=" ".join(["ord"] * 35) + "."))
    assert found(minimal_site, "long-sentence") == []


def test_lix_is_measured_on_swedish_pages_only(minimal_site: Path, write: Write) -> None:
    hard = (
        "Kommunfullmäktigeförsamlingens beslutsunderlagsdokumentation redovisar "
        "förvaltningsorganisationens verksamhetsplaneringsprocesser. " * 8
    )
    write(PAGE, page(body=hard))
    write(PAGE.replace(".sv.", ".fi."), "---\ntitle: Sivu\nsummary: Sivu.\n---\n" + hard + "\n")
    findings = [f for f in report(minimal_site).findings if f.rule == "lix"]
    assert [(f.path, f.line) for f in findings] == [(PAGE, None)]
    assert dict(findings[0].args)["words"] == "42"  # 5 words × 8 sentences + 2 in the summary
    easy = "Vi svarar inom ett dygn. Du kan ringa oss. Du kan skriva till oss. " * 4
    write(PAGE, page(body=easy))
    assert found(minimal_site, "lix") == []


def test_plain_words(minimal_site: Path, write: Write) -> None:
    write(PAGE, page(body="Du får svar snabbt.\nDu erhåller ett beslut\ni enlighet med lagen."))
    findings = [f for f in report(minimal_site).findings if f.rule == "plain-words"]
    assert [(f.line, dict(f.args)["use"]) for f in findings] == [
        (BODY_LINE + 1, "få"),
        (BODY_LINE + 2, "enligt"),
    ]
    write(PAGE, page(body="Du får ett beslut enligt lagen."))
    assert found(minimal_site, "plain-words") == []


def test_review_date(minimal_site: Path, write: Write) -> None:
    write(PAGE, page().replace("reviewed: 2026-11-01", "reviewed: 2025-11-30"))
    assert found(minimal_site, "review-date") == [(PAGE, 5)]
    write(PAGE, page().replace("reviewed: 2026-11-01", "reviewed: 2025-12-01"))
    assert found(minimal_site, "review-date") == []


def test_review_interval_from_site_yaml(minimal_site: Path, write: Write) -> None:
    write(PAGE, page().replace("reviewed: 2026-11-01", "reviewed: 2026-05-01"))
    assert found(minimal_site, "review-date") == []
    config = minimal_site / "site.yaml"
    config.write_text(config.read_text("utf-8") + "review_after_months: 6\n", "utf-8")
    assert found(minimal_site, "review-date") == [(PAGE, 5)]


GLOSSARY = """terms:
  nyttjanderatt:
    sv:
      term: nyttjanderätt
      forms: [nyttjanderätten]
      explanation: rätten att använda något som någon annan äger
"""


def test_glossary_term_explained_at_first_use(minimal_site: Path, write: Write) -> None:
    write("data/glossary.yaml", GLOSSARY)
    write(PAGE, page(body="## Nyttjanderätt\n\nDu har nyttjanderätt. Nyttjanderätten gäller."))
    assert found(minimal_site, "glossary") == []


def test_glossary_term_only_in_a_heading_or_link(minimal_site: Path, write: Write) -> None:
    write("data/glossary.yaml", GLOSSARY)
    body = "## Nyttjanderätt\n\nText.\n\n[Om nyttjanderätten](../kommun/informationspolicy.sv.md)"
    write(PAGE, page(body=body))
    assert found(minimal_site, "glossary") == [(PAGE, BODY_LINE)]


def test_plain_words_shortcut_never_skips_a_match() -> None:
    """The token shortcut may only skip blocks the full pattern would find nothing in."""
    from site_builder.checkdata import load_check_data
    from site_builder.checks.rules import plain_words
    from site_builder.config import load_config

    data = load_check_data(load_config(Path(__file__).parents[2]))
    assert data.plain_words, "the site's list of plain words did not load"
    for lang, words in data.plain_words.items():
        matcher = plain_words._matcher(words)
        assert matcher is not None
        for form in matcher.by_form:
            assert matcher.pattern.search(f"Se ({form}), tack."), (lang, form)
            for text in (form, form.upper(), form.capitalize(), f"Se ({form}), tack.", f"x{form}"):
                skipped = matcher.keys.isdisjoint(plain_words._TOKEN.findall(text.casefold()))
                if matcher.pattern.search(text):
                    assert not skipped, (lang, text)
