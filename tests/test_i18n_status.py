"""`site-builder i18n status`: the report agrees with what the files say."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest

from site_builder.cli import main
from site_builder.config import load_config
from site_builder.content.load import load_site
from site_builder.translation_report import build_report, to_text
from site_builder.translation_status import Tally, section_of, translation_path
from tests.conftest import REPO, page

#: Where easy-to-read and sign language versions live (site.yaml language_pages defaults).
VARIANT_SECTIONS = ("content/lattlast/", "content/teckensprak/")


def blob(path: Path) -> str:
    data = path.read_bytes()
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()


def expected_from_files(root: Path, langs: tuple[str, ...]) -> dict[str, dict[str, set[str]]]:
    """Each language's translation paths by state, worked out from the files alone."""
    result = {lang: {"current": set(), "outdated": set(), "untracked": set(), "missing": set()}
              for lang in langs}  # fmt: skip
    for source in sorted((root / "content").rglob("*.sv.md")):
        if source.relative_to(root).as_posix().startswith(VARIANT_SECTIONS):
            continue  # easy-to-read and sign language versions are not translated
        for lang in langs:
            target = source.with_name(source.name.removesuffix(".sv.md") + f".{lang}.md")
            rel = target.relative_to(root).as_posix()
            if not target.exists():
                result[lang]["missing"].add(rel)
                continue
            found = re.search(r"^source_version:\s*(\S+)", target.read_text("utf-8"), re.M)
            if found is None:
                result[lang]["untracked"].add(rel)
            elif found.group(1) == blob(source):
                result[lang]["current"].add(rel)
            else:
                result[lang]["outdated"].add(rel)
    return result


def status_json(site: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> dict:  # type: ignore[type-arg]
    assert main(["i18n", "status", "--site", str(site), "--format", "json", *extra]) == 0
    data: dict = json.loads(capsys.readouterr().out)  # type: ignore[type-arg]
    return data


def paths_by_state(entry: dict) -> dict[str, set[str]]:  # type: ignore[type-arg]
    return {
        state: {item["path"] for item in entry["pages"][state]}
        for state in ("current", "outdated", "untracked", "missing")
    }


def test_json_reports_exactly_what_the_project_files_say(
    capsys: pytest.CaptureFixture[str],
) -> None:
    data = status_json(REPO, capsys)
    extra_langs = sorted(
        {p.name.split(".")[-2] for p in (REPO / "content").rglob("*.md")} - {"sv", "fi", "en"}
    )
    assert list(data["languages"]) == ["sv", "fi", "en", *extra_langs]
    expected = expected_from_files(REPO, ("fi", "en", *extra_langs))
    for lang, states in expected.items():
        assert paths_by_state(data["languages"][lang]) == states, lang
        pages = data["languages"][lang]["pages"]
        assert pages["total"] == len(
            [
                p
                for p in (REPO / "content").rglob("*.sv.md")
                if not p.relative_to(REPO).as_posix().startswith(VARIANT_SECTIONS)
            ]
        )
        existing = pages["total"] - len(states["missing"])
        assert pages["percent_translated"] == round(100 * existing / pages["total"], 1)
    # the project's site as it is today: every existing translation is current, and
    # translated (no page still carries the Swedish text)
    for lang in ("fi", "en"):
        assert data["languages"][lang]["pages"]["outdated"] == []
        assert data["languages"][lang]["pages"]["untracked"] == []
        assert data["languages"][lang]["pages"]["same_text_as_source"] == []


def test_json_marks_required_missing_pages_and_sections(
    minimal_site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = minimal_site / "site.yaml"
    config.write_text(config.read_text() + "required_translations: [kontakt]\n")
    data = status_json(minimal_site, capsys, "--lang", "fi")
    assert list(data["languages"]) == ["fi"]
    fi = data["languages"]["fi"]
    missing = {item["key"]: item for item in fi["pages"]["missing"]}
    assert missing["kontakt"]["required"] is True
    assert missing["kontakt"]["path"] == "content/kontakt/_index.fi.md"
    assert missing["kontakt"]["source"] == "content/kontakt/_index.sv.md"
    assert missing["nyheter"]["required"] is False
    assert set(fi["sections"]) == {"", "kommun", "kontakt", "nyheter"}
    assert fi["sections"]["kontakt"]["percent_current"] == 0.0
    assert fi["theme_strings"]["missing"] == [] and fi["theme_strings"]["fuzzy"] == []


def test_outdated_and_untracked_in_the_report(
    minimal_site: Path, write: object, capsys: pytest.CaptureFixture[str]
) -> None:
    policy_fi = minimal_site / "content/kommun/informationspolicy.fi.md"
    policy_fi.write_text(
        policy_fi.read_text().replace("slug:", "source_version: " + "1" * 40 + "\nslug:")
    )
    data = status_json(minimal_site, capsys)
    fi = data["languages"]["fi"]["pages"]
    (outdated,) = fi["outdated"]
    assert outdated["path"] == "content/kommun/informationspolicy.fi.md"
    assert outdated["made_from"] == "1" * 40
    assert outdated["source_now"] == blob(minimal_site / "content/kommun/informationspolicy.sv.md")
    assert "content/_index.fi.md" in {item["path"] for item in fi["untracked"]}
    text = main(["i18n", "status", "--site", str(minimal_site), "--lang", "fi"])
    assert text == 0
    out = capsys.readouterr().out
    assert "outdated" in out and "content/kommun/informationspolicy.fi.md" in out
    assert "site-builder i18n diff" in out


def test_case_by_case_language_is_reported(
    minimal_site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = load_site(load_config(minimal_site)).source_page("kommun/informationspolicy")
    (minimal_site / "content/kommun/informationspolicy.ar.md").write_text(
        f"---\ntitle: سياسة\nsummary: ملخص.\nsource_version: {source.digest}\n---\nنص.\n"
    )
    data = status_json(minimal_site, capsys)
    ar = data["languages"]["ar"]
    assert ar["role"] == "case-by-case" and ar["name"] == "العربية"
    assert [item["path"] for item in ar["pages"]["current"]] == [
        "content/kommun/informationspolicy.ar.md"
    ]
    assert ar["theme_strings"]["catalogs"] == []
    assert main(["i18n", "status", "--site", str(minimal_site), "--lang", "ar"]) == 0
    out = capsys.readouterr().out
    assert "no catalog" in out and "case by case" in out


def test_status_of_a_broken_site_names_the_problem(
    minimal_site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (minimal_site / "content/kontakt/_index.sv.md").write_text(page(title=""))
    assert main(["i18n", "status", "--site", str(minimal_site)]) == 1
    assert "content/kontakt/_index.sv.md:2" in capsys.readouterr().err


def test_helpers() -> None:
    assert section_of("") == "" and section_of("kommun/policy/x") == "kommun"
    site = load_site(load_config(REPO))
    assert translation_path(site.source_page("kontakt"), "so") == "content/kontakt/_index.so.md"
    tally = Tally(total=3, current=1, outdated=1, untracked=0, missing=1)
    assert (tally.percent_current, tally.percent_existing) == (33.3, 66.7)
    assert Tally(0, 0, 0, 0, 0).percent_current == 100.0
    assert "sv · Svenska (source language)" in to_text(build_report(site, ["sv"]))


def test_a_started_but_untranslated_page_is_pointed_out(
    minimal_site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["i18n", "new", "en", "--site", str(minimal_site), "content/kontakt/_index.sv.md"]
    assert main(args) == 0
    capsys.readouterr()
    data = status_json(minimal_site, capsys, "--lang", "en")
    pages = data["languages"]["en"]["pages"]
    assert "content/kontakt/_index.en.md" in {item["path"] for item in pages["current"]}
    same = {item["path"] for item in pages["same_text_as_source"]}
    assert "content/kontakt/_index.en.md" in same
    assert "content/kommun/informationspolicy.en.md" not in same
    assert main(["i18n", "status", "--site", str(minimal_site), "--lang", "en"]) == 0
    assert "not translated yet" in capsys.readouterr().out
