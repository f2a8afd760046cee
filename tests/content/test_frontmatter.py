from __future__ import annotations

from datetime import date

import pytest

from site_builder.content.frontmatter import key_lines, parse, split
from site_builder.errors import ContentError, Location

WHERE = Location("content/x.sv.md")


def test_split_and_lines() -> None:
    parts = split("---\ntitle: A\nsummary: B\n---\nBody\n", WHERE)
    assert parts.yaml_text == "title: A\nsummary: B"
    assert parts.body == "Body\n"
    assert parts.body_line == 5
    assert key_lines(parts.yaml_text, parts.yaml_line) == {"title": 2, "summary": 3}


def test_no_front_matter() -> None:
    with pytest.raises(ContentError, match="does not start with front matter"):
        split("# Rubrik\n", WHERE)


def test_unclosed_front_matter() -> None:
    with pytest.raises(ContentError, match="not closed"):
        split("---\ntitle: A\n", WHERE)


def test_valid_source_page() -> None:
    text = (
        "---\ntitle: A\nsummary: B\nsender: x\nreviewed: 2026-11-01\nweight: 3\nmenu: true\n---\n"
    )
    meta, _, errors = parse(text, WHERE, is_source=True)
    assert errors == []
    assert meta.reviewed == date(2026, 11, 1)
    assert meta.weight == 3 and meta.menu is True


def test_missing_required_fields_are_all_reported_with_lines() -> None:
    _, _, errors = parse("---\ntitle: A\nweight: x\n---\n", WHERE, is_source=True)
    messages = {e.message for e in errors}
    # a missing summary or sender is a finding of the checks (summary-missing, sender)
    assert messages == {"'reviewed' is missing", "'weight' must be a whole number"}
    weight_error = next(e for e in errors if "weight" in e.message)
    assert weight_error.location == Location("content/x.sv.md", 3)


def test_translation_needs_no_sender() -> None:
    _, _, errors = parse("---\ntitle: A\nsummary: B\n---\n", WHERE, is_source=False)
    assert errors == []


def test_invalid_yaml_is_located() -> None:
    with pytest.raises(ContentError) as error:
        parse("---\ntitle: A\nsummary: [B\n---\n", WHERE, is_source=False)
    assert error.value.location is not None and error.value.location.line == 3


def test_impossible_date_is_an_error_not_a_crash() -> None:
    with pytest.raises(ContentError, match="2026-13-45 is not a date that exists") as error:
        parse("---\ntitle: A\nsummary: B\nreviewed: 2026-13-45\n---\n", WHERE, is_source=True)
    assert error.value.location is not None and error.value.location.line == 4


def test_bad_slug() -> None:
    _, _, errors = parse("---\ntitle: A\nsummary: B\nslug: a/b\n---\n", WHERE, is_source=False)
    assert [e.message for e in errors] == [
        "'slug' must be one URL segment: letters, digits and hyphens"
    ]


def test_silence_needs_a_reason_per_rule() -> None:
    text = '---\ntitle: A\nsummary: B\nsilence: {lix: "Citat", long-sentence: ""}\n---\n'
    meta, _, errors = parse(text, WHERE, is_source=False)
    assert meta.silence == {"lix": "Citat"}
    assert [e.message for e in errors] == [
        "'silence': the rule 'long-sentence' needs a written reason"
    ]
    assert errors[0].location == Location("content/x.sv.md", 4)


def test_silence_must_be_a_mapping() -> None:
    _, _, errors = parse("---\ntitle: A\nsummary: B\nsilence: lix\n---\n", WHERE, is_source=False)
    assert "must map rule ids" in errors[0].message
