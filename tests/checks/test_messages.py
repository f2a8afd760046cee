"""The checks' messages: every id is in the Swedish catalog, translated and reviewed;
the language comes from --lang or the locale."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from site_builder.checks import Messages, language_from_environment, rules_by_id
from site_builder.checks.messages import LOCALE_DIR
from site_builder.cli import main
from tests.conftest import REPO

SOURCES = sorted((REPO / "site_builder").rglob("*.py"))


def marked_ids() -> set[str]:
    """Every string marked with msg() or msg_plural() in site_builder (checks, commands,
    errors in content and configuration)."""
    found: set[str] = set()
    for path in SOURCES:
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in ("msg", "msg_plural")
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                found.add(node.args[0].value)
    return found


def test_no_message_is_marked_inside_an_f_string() -> None:
    """pybabel does not look inside f-strings: a msg() there would never be translated."""
    for path in SOURCES:
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.JoinedStr):
                calls = [
                    n.func.id
                    for n in ast.walk(node)
                    if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)
                ]
                assert "msg" not in calls, f"{path.name}:{node.lineno}: msg() in an f-string"


def test_every_message_has_a_reviewed_swedish_translation() -> None:
    with (LOCALE_DIR / "sv" / "LC_MESSAGES" / "site_builder.po").open("rb") as handle:
        catalog = read_po(handle)
    translated = {}
    for message in catalog:
        if not message.id:
            continue
        key = message.id if isinstance(message.id, str) else message.id[0]
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        translated[key] = all(strings) and not message.fuzzy
    missing = sorted(marked_ids() - set(translated))
    assert missing == [], "run make i18n-tool-update and translate these"
    assert sorted(k for k, ok in translated.items() if not ok) == []


def test_every_rule_is_explained_in_both_languages() -> None:
    swedish = Messages("sv")
    for rule in rules_by_id().values():
        assert rule.explanation in marked_ids()
        assert swedish(rule.explanation) != rule.explanation, rule.id


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({}, "en"),
        ({"LANG": "sv_SE.UTF-8"}, "sv"),
        ({"LANG": "en_GB.UTF-8", "LC_ALL": "sv_FI.UTF-8"}, "sv"),
        ({"LANG": "sv_SE.UTF-8", "LC_ALL": "C"}, "en"),
        ({"LANGUAGE": "sv", "LANG": "C.UTF-8"}, "sv"),
    ],
)
def test_language_from_the_locale(environ: dict[str, str], expected: str) -> None:
    assert language_from_environment(environ) == expected


def test_lang_flag_and_locale(
    minimal_site: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("LANG", "sv_SE.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LANGUAGE", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    main(["check", "--site", str(minimal_site)])
    assert "varning [translation-untracked]" in capsys.readouterr().out
    main(["check", "--site", str(minimal_site), "--lang", "en"])
    assert "warning [translation-untracked]" in capsys.readouterr().out


def test_decimals_and_language_names_follow_the_language() -> None:
    from site_builder.checks import Finding, Severity

    finding = Finding(
        rule="lix",
        severity=Severity.WARNING,
        path="x",
        line=None,
        message="There is no %(language)s translation.",
        args=(("language", "fi"),),
    )
    assert Messages("en").message(finding) == "There is no Finnish translation."
    assert Messages("sv").message(finding) == "Det finns ingen översättning till finska."
    assert Messages("sv").number(49.66) == "49,7"
