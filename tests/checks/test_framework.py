"""The checks framework: the registry, settings in site.yaml, silences, exit status,
the output formats, and the build as a gate."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from site_builder.checks import PageRule, SiteRule, all_rules
from site_builder.checks.base import Severity
from site_builder.cli import main
from site_builder.errors import BuildFailed
from tests.checks.conftest import BODY_LINE, PAGE, report
from tests.conftest import REPO, page, parse_html, snapshot

Write = Callable[[str, str], Path]
HARD = (
    "Kommunfullmäktigeförsamlingens beslutsunderlagsdokumentation redovisar "
    "förvaltningsorganisationens verksamhetsplaneringsprocesser. "
) * 8


def add_to_site_yaml(site: Path, text: str) -> None:
    config = site / "site.yaml"
    config.write_text(config.read_text("utf-8") + text, "utf-8")


def test_one_module_per_rule() -> None:
    rules = all_rules()
    assert len(rules) >= 29
    folder = REPO / "site_builder" / "checks" / "rules"
    modules = {p.stem for p in folder.glob("*.py") if not p.stem.startswith("_")}
    assert modules == {rule.id.replace("-", "_") for rule in rules}
    for rule in rules:
        assert re.fullmatch(r"[a-z][a-z0-9-]*", rule.id)
        assert isinstance(rule, PageRule | SiteRule)
        assert rule.explanation and "\n" not in rule.explanation
        assert rule.severity in (Severity.ERROR, Severity.WARNING)


def test_severity_and_options_from_site_yaml(minimal_site: Path, write: Write) -> None:
    write(PAGE, page(body=HARD))
    lix = [f for f in report(minimal_site).findings if f.rule == "lix"]
    assert [f.severity for f in lix] == [Severity.WARNING]
    add_to_site_yaml(minimal_site, "checks:\n  lix: {severity: error, max: 100}\n")
    assert [f for f in report(minimal_site).findings if f.rule == "lix"] == []
    (minimal_site / "site.yaml").write_text(
        (minimal_site / "site.yaml").read_text("utf-8").replace("max: 100", "max: 45"), "utf-8"
    )
    lix = [f for f in report(minimal_site).findings if f.rule == "lix"]
    assert [f.severity for f in lix] == [Severity.ERROR]
    assert main(["check", "--site", str(minimal_site)]) == 1


def test_a_rule_turned_off(minimal_site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    add_to_site_yaml(minimal_site, "checks:\n  translation-untracked: {severity: off}\n")
    result = report(minimal_site)
    assert not [f for f in result.findings if f.rule == "translation-untracked"]
    main(["check", "--site", str(minimal_site), "--lang", "en"])
    assert "Turned off in site.yaml: translation-untracked" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("setting", "message"),
    [
        ("lixx: {max: 40}", "there is no rule 'lixx'"),
        ("lix: {severity: fatal}", "severity must be error, warning or off"),
        ("lix: {maximum: 40}", "unknown setting 'maximum'"),
        ("lix: {max: many}", "'max' must be a number"),
    ],
)
def test_bad_settings_are_reported(
    minimal_site: Path, setting: str, message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    add_to_site_yaml(minimal_site, f"checks:\n  {setting}\n")
    assert main(["check", "--site", str(minimal_site)]) == 1
    assert message in capsys.readouterr().err


def test_silence_with_a_reason(
    minimal_site: Path, write: Write, capsys: pytest.CaptureFixture[str]
) -> None:
    reason = "Lagtexten återges ordagrant."
    write(PAGE, page(extra=f'silence:\n  lix: "{reason}"\n', body=HARD))
    write("content/kontakt/annan.sv.md", page(title="Annan", body=HARD))
    result = report(minimal_site)
    lix = [(f.path, f.line) for f in result.findings if f.rule == "lix"]
    assert lix == [("content/kontakt/annan.sv.md", None)]  # only the page itself is silenced
    assert [(s.finding.path, s.finding.rule, s.reason) for s in result.silenced] == [
        (PAGE, "lix", reason)
    ]
    main(["check", "--site", str(minimal_site), "--lang", "en"])
    out = capsys.readouterr().out
    assert f"  {PAGE} [lix] “{reason}”" in out
    assert "; 1 silenced" in out
    main(["check", "--site", str(minimal_site), "--format", "json"])
    document = json.loads(capsys.readouterr().out)
    assert document["silenced"][0]["reason"] == reason
    assert document["counts"]["silenced"] == 1


def test_silencing_an_unknown_rule_or_without_reason(minimal_site: Path, write: Write) -> None:
    write(PAGE, page(extra='silence:\n  lixx: "Fel namn"\n'))
    result = report(minimal_site)
    assert [(f.rule, f.path, f.line) for f in result.findings if f.severity is Severity.ERROR] == [
        ("silence", PAGE, 6)
    ]
    write(PAGE, page(extra='silence:\n  lix: ""\n'))
    errors = [f for f in report(minimal_site).findings if f.severity is Severity.ERROR]
    assert [(f.rule, f.path, f.line) for f in errors] == [("content", PAGE, 6)]
    assert "needs a written reason" in errors[0].message


def test_exit_status_and_strict(minimal_site: Path, write: Write) -> None:
    assert main(["check", "--site", str(minimal_site)]) == 0  # it has warnings
    assert main(["check", "--site", str(minimal_site), "--strict"]) == 1
    write(PAGE, page(body="[Klicka här](../kommun/informationspolicy.sv.md)"))
    assert main(["check", "--site", str(minimal_site)]) == 1


def test_json_is_stable(minimal_site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["check", "--site", str(minimal_site), "--format", "json"])
    first = capsys.readouterr().out
    main(["check", "--site", str(minimal_site), "--format", "json"])
    assert capsys.readouterr().out == first
    document = json.loads(first)
    assert list(document) == [
        "format",
        "language",
        "counts",
        "findings",
        "silenced",
        "pages",
        "rules",
    ]
    finding = document["findings"][0]
    assert list(finding) == ["rule", "severity", "file", "line", "output", "message", "hint"]
    files = [(f["file"], f["line"] or 0) for f in document["findings"]]
    assert files == sorted(files)


def test_a_rule_that_crashes_does_not_hide_the_others(
    minimal_site: Path, write: Write, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dataclasses import replace

    from site_builder.checks import runner

    def broken(*args: object) -> list[object]:
        raise RuntimeError("oops")

    rules = tuple(
        replace(rule, check=broken) if rule.id == "vague-heading" else rule
        for rule in runner.page_rules()
    )
    monkeypatch.setattr(runner, "page_rules", lambda: rules)
    write(PAGE, page(body="[Klicka här](../kommun/informationspolicy.sv.md)"))
    result = report(minimal_site)
    crashed = [f for f in result.findings if f.rule == "vague-heading"]
    assert crashed and "RuntimeError: oops" in dict(crashed[0].args)["error"]
    assert [(f.path, f.line) for f in result.findings if f.rule == "link-text"] == [
        (PAGE, BODY_LINE)
    ]


def test_html_report(minimal_site: Path, write: Write, tmp_path: Path) -> None:
    write(PAGE, page(body=HARD + "\n\n[Klicka här](../kommun/informationspolicy.sv.md)"))
    target = tmp_path / "report.html"
    assert main(["check", "--site", str(minimal_site), "--html", str(target), "--lang", "sv"]) == 1
    tree, errors = parse_html(target.read_text("utf-8"))
    assert errors == []
    assert tree.get("lang") == "sv"  # type: ignore[attr-defined]
    svg_ns = "{http://www.w3.org/2000/svg}"
    (svg,) = tree.iter(f"{svg_ns}svg")  # type: ignore[attr-defined]
    assert svg.get("role") == "img" and svg.get("aria-labelledby") == "lix-chart-title"
    title = svg.find(f"{svg_ns}title")
    assert title is not None and title.text.startswith("LIX för 1 svensk sida: 95,3.")
    assert len(tree.findall(".//h1")) == 1  # type: ignore[attr-defined]
    pages = [h.findtext("code") for h in tree.iter("h3")]  # type: ignore[attr-defined]
    assert pages[0] == PAGE  # the worst page first
    table = tree.find(".//table")  # type: ignore[attr-defined]
    assert table is not None and table.find(".//th") is not None


def test_build_refuses_to_publish_and_prints_warnings(
    minimal_site: Path, write: Write, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "public"
    assert main(["build", "--site", str(minimal_site), "--out", str(out), "--lang", "en"]) == 0
    assert "warning [translation-untracked]" in capsys.readouterr().err
    before = snapshot(out)
    write(PAGE, page(body="[Klicka här](../kommun/informationspolicy.sv.md)"))
    assert main(["build", "--site", str(minimal_site), "--out", str(out), "--lang", "en"]) == 1
    err = capsys.readouterr().err
    assert f"{PAGE}\n  {BODY_LINE}: error [link-text]" in err
    assert snapshot(out) == before
    assert main(["build", "--site", str(minimal_site), "--out", str(out), "--strict"]) == 1


def test_checks_failed_carries_located_errors(minimal_site: Path, write: Write) -> None:
    from site_builder.pipeline import build

    write(PAGE, page(body="[Klicka här](../kommun/informationspolicy.sv.md)"))
    with pytest.raises(BuildFailed) as failed:
        build(minimal_site, minimal_site / "out", search=False)
    assert [str(e.location) for e in failed.value.errors] == [f"{PAGE}:{BODY_LINE}"]
    assert failed.value.errors[0].message.startswith("[link-text] ")


def test_no_checks_builds_but_still_stops_on_content_errors(
    minimal_site: Path, write: Write, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "public"
    write(PAGE, page(body="[Klicka här](../kommun/informationspolicy.sv.md)"))
    assert main(["build", "--site", str(minimal_site), "--out", str(out), "--no-checks"]) == 0
    assert "Built without checks" in capsys.readouterr().out
    write(PAGE, "---\ntitle: [trasig\n---\n")
    assert main(["build", "--site", str(minimal_site), "--out", str(out), "--no-checks"]) == 1
    assert "error [content] The value of 'title' begins with '['" in capsys.readouterr().err


def test_the_readme_lists_every_rule_with_its_severity() -> None:
    readme = (REPO / "README.md").read_text("utf-8")
    section = readme.split("### The rules", 1)[1].split("\n\n", 2)[1]
    rows = {
        cells[1].strip("` "): cells[2].strip()
        for line in section.splitlines()
        if (cells := line.split("|")) and len(cells) > 3 and cells[1].strip().startswith("`")
    }
    expected = {rule.id: rule.severity.value for rule in all_rules()}
    assert rows == expected, "add a row for each rule to README.md, section Checks"
