"""data/accessibility.yaml: the accessibility statement's eleven items, checked at load time."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
import yaml

from site_builder.config import load_config
from site_builder.content.accessibility import (
    DIGG_REPORT_URL,
    ITEMS,
    Statement,
    load_statement,
)
from site_builder.content.load import load_site
from site_builder.errors import SiteBuilderError
from tests.conftest import page

Write = Callable[[str, str], Path]
TODAY = date(2026, 11, 26)


def texts(word: str) -> dict[str, str]:
    return {"sv": f"{word} (sv)", "fi": f"{word} (fi)", "en": f"{word} (en)"}


def valid() -> dict[str, object]:
    return {
        "page": "kontakt/tillganglighet",
        "public_body": texts("Hällefors kommun"),
        "service": texts("Webbplatsen"),
        "compliance": "delvis förenlig",
        "not_accessible": [
            {"what": texts("Filmer"), "why": texts("Saknar text"), "criteria": ["1.2.2"]}
        ],
        "assessed": "2026-11-01",
        "updated": "2026-11-20",
        "method": texts("Självskattning"),
        "feedback": "medborgarplats",
        "report_to_digg": DIGG_REPORT_URL,
        "unreasonable_burden": [],
        "outside_scope": [{"what": texts("Karta"), "why": texts("Inte för navigering")}],
    }


def load(
    site: Path, write: Write, data: dict[str, object], *, footer: bool = True, today: date = TODAY
) -> tuple[Statement | None, list[SiteBuilderError]]:
    write(
        "content/kontakt/tillganglighet.sv.md",
        page("Tillgänglighetsredogörelse", extra="footer: true\n" if footer else ""),
    )
    write("data/accessibility.yaml", yaml.safe_dump(data, allow_unicode=True))
    config = load_config(site)
    return load_statement(config, load_site(config), today)


def messages(errors: list[SiteBuilderError]) -> str:
    return "\n".join(str(e) for e in errors)


def test_a_valid_statement(minimal_site: Path, write: Write) -> None:
    statement, errors = load(minimal_site, write, valid())
    assert errors == []
    assert statement is not None
    assert statement.compliance == "delvis förenlig"
    assert statement.not_accessible[0].criteria == ("1.2.2",)
    assert statement.assessed == date(2026, 11, 1)
    assert statement.feedback_unit == "medborgarplats"
    assert statement.axe is None  # no audit recorded yet


def test_no_file_means_no_statement(minimal_site: Path) -> None:
    config = load_config(minimal_site)
    assert load_statement(config, load_site(config), TODAY) == (None, [])


@pytest.mark.parametrize("key", sorted(ITEMS))
def test_each_missing_item_is_named(minimal_site: Path, write: Write, key: str) -> None:
    data = valid()
    del data[key]
    statement, errors = load(minimal_site, write, data)
    assert statement is None
    text = messages(errors)
    assert f"lacks '{key}'" in text and ITEMS[key] in text
    assert "data/accessibility.yaml" in text


def test_compliance_in_diggs_exact_words(minimal_site: Path, write: Write) -> None:
    _, errors = load(minimal_site, write, {**valid(), "compliance": "delvis tillgänglig"})
    assert "Digg's exact words: helt förenlig, delvis förenlig, inte förenlig" in messages(errors)
    where = errors[0].location
    assert where is not None and where.line is not None
    lines = (minimal_site / "data/accessibility.yaml").read_text("utf-8").splitlines()
    assert lines[where.line - 1].startswith("compliance:")


def test_fully_compliant_with_problems_listed_is_a_contradiction(
    minimal_site: Path, write: Write
) -> None:
    _, errors = load(minimal_site, write, {**valid(), "compliance": "helt förenlig"})
    assert "'helt förenlig' but not_accessible lists problems" in messages(errors)
    _, errors = load(minimal_site, write, {**valid(), "not_accessible": []})
    assert "'delvis förenlig' but not_accessible lists nothing" in messages(errors)


def test_an_assessment_more_than_a_year_old_stops_the_build(
    minimal_site: Path, write: Write
) -> None:
    data = {**valid(), "assessed": "2025-11-25", "updated": "2025-11-25"}
    _, errors = load(minimal_site, write, data)
    assert "assessment of 2025-11-25 is more than a year old" in messages(errors)
    _, errors = load(
        minimal_site, write, {**data, "assessed": "2025-11-26", "updated": "2026-01-01"}
    )
    assert errors == []  # exactly a year: still valid today


def test_dates_in_the_future_or_out_of_order(minimal_site: Path, write: Write) -> None:
    _, errors = load(minimal_site, write, {**valid(), "updated": "2026-12-24"})
    assert "'updated' (2026-12-24) is in the future" in messages(errors)
    _, errors = load(minimal_site, write, {**valid(), "updated": "2026-10-01"})
    assert "'updated' is before 'assessed'" in messages(errors)


def test_every_text_in_every_language(minimal_site: Path, write: Write) -> None:
    data = valid()
    data["method"] = {"sv": "Självskattning"}
    data["not_accessible"] = [{"what": texts("Filmer"), "criteria": ["1.2"]}]
    _, errors = load(minimal_site, write, data)
    text = messages(errors)
    assert "'method' has no text in fi, en" in text
    assert "entry 1 of 'not_accessible' lacks 'why'" in text
    assert "not WCAG criteria: ['1.2']" in text


def test_the_page_must_be_linked_from_every_page(minimal_site: Path, write: Write) -> None:
    _, errors = load(minimal_site, write, valid(), footer=False)
    assert "not linked from every page" in messages(errors)
    assert "footer: true" in messages(errors)
    _, errors = load(minimal_site, write, {**valid(), "page": "kontakt/saknas"})
    assert "there is no page 'kontakt/saknas'" in messages(errors)


def test_feedback_unit_and_digg_link(minimal_site: Path, write: Write) -> None:
    data = {**valid(), "feedback": "okand", "report_to_digg": "https://www.digg.se/"}
    _, errors = load(minimal_site, write, data)
    text = messages(errors)
    assert "unknown unit 'okand'" in text
    assert f"the link must be {DIGG_REPORT_URL}" in text


def test_the_audit_results_come_from_the_tests_file(minimal_site: Path, write: Write) -> None:
    audit = {
        "axe": {
            "date": "2026-11-25",
            "tool": "axe-core 4.14.1",
            "pages": 12,
            "violations": 0,
            "languages": {"sv": 6, "fi": 3, "en": 3},
        },
        "vnu": {"date": "2026-11-25", "tool": "Nu HTML Checker 26.9.27", "pages": 12, "errors": 1},
    }
    write("data/accessibility-audit.json", json.dumps(audit))
    statement, errors = load(minimal_site, write, valid())
    assert errors == [] and statement is not None and statement.axe and statement.validator
    assert (statement.axe.day, statement.axe.pages, statement.axe.problems) == (
        date(2026, 11, 25),
        12,
        0,
    )
    assert statement.validator.problems == 1
    write("data/accessibility-audit.json", "{not json")
    _, errors = load(minimal_site, write, valid())
    assert "the audit results cannot be read" in messages(errors)
