"""`site-builder new`: a new page with its front matter filled in, never an overwrite."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from site_builder.cli import main
from site_builder.errors import BuildFailed, UsageError
from site_builder.pipeline import build
from site_builder.scaffold import new_page, title_from
from tests.conftest import page, parse_html

TODAY = date(2026, 11, 26)


def test_title_from_the_name() -> None:
    assert title_from("oppettider") == "Oppettider"
    assert title_from("dina-rattigheter") == "Dina rattigheter"


def test_new_page_has_title_date_and_the_sections_usual_sender(
    minimal_site: Path, write: Callable[[str, str], Path]
) -> None:
    write("content/kontakt/a.sv.md", page(extra="").replace("medborgarplats", "kommunikation"))
    write("content/kontakt/b.sv.md", page().replace("medborgarplats", "kommunikation"))
    # kontakt/_index.sv.md has medborgarplats: two pages against one
    created = new_page(minimal_site, "kontakt/oppettider", TODAY)
    assert created.path == "content/kontakt/oppettider.sv.md"
    assert created.sender == "kommunikation" and created.sender_from == "content/kontakt/"
    text = (minimal_site / created.path).read_text("utf-8")
    assert text.startswith("---\ntitle: Oppettider\n")
    assert "\nsender: kommunikation\n" in text
    assert "\nreviewed: 2026-11-26\n" in text


def test_a_tie_goes_to_the_sections_own_sender(
    minimal_site: Path, write: Callable[[str, str], Path]
) -> None:
    write("content/kontakt/a.sv.md", page().replace("medborgarplats", "kommunikation"))
    created = new_page(minimal_site, "kontakt/ny", TODAY)
    assert created.sender == "medborgarplats"


def test_a_new_section_takes_the_sender_from_above(
    minimal_site: Path, write: Callable[[str, str], Path]
) -> None:
    created = new_page(minimal_site, "content/kommun/namnder/valnamnd.sv.md", TODAY)
    assert created.path == "content/kommun/namnder/valnamnd.sv.md"
    assert created.sender == "medborgarplats" and created.sender_from == "content/kommun/"


def test_refuses_to_overwrite(minimal_site: Path) -> None:
    target = minimal_site / "content/kommun/informationspolicy.sv.md"
    before = target.read_bytes()
    with pytest.raises(UsageError, match="already exists"):
        new_page(minimal_site, "kommun/informationspolicy", TODAY)
    with pytest.raises(UsageError, match="already exists"):
        new_page(minimal_site, "kommun", TODAY)  # kommun/_index.sv.md has that address
    assert target.read_bytes() == before


@pytest.mark.parametrize("spec", ["", "/", "../utanfor", "kontakt/öppet tider", "a/.dold"])
def test_refuses_names_that_are_not_addresses(minimal_site: Path, spec: str) -> None:
    with pytest.raises(UsageError):
        new_page(minimal_site, spec, TODAY)


def test_the_new_page_builds_once_its_text_is_written(minimal_site: Path, tmp_path: Path) -> None:
    created = new_page(minimal_site, "kontakt/oppettider", TODAY)
    path = minimal_site / created.path
    # unfinished: the build names the missing summary at its line and publishes nothing
    with pytest.raises(BuildFailed) as failed:
        build(minimal_site, tmp_path / "out")
    assert [str(e.location) for e in failed.value.errors] == [f"{created.path}:4"]
    assert not (tmp_path / "out").exists()

    text = path.read_text("utf-8")
    text = text.replace("title: Oppettider", "title: Öppettider")
    text = text.replace("summary:\n", "summary: Här ser du när du kan besöka oss och ringa oss.\n")
    text += (
        "## Besök oss\n\n"
        "Du kan besöka Medborgarplats måndag till fredag mellan klockan 8 och 16.\n\n"
        "## Ring oss\n\n"
        "Du kan ringa oss varje vardag mellan klockan 8 och 16.\n"
    )
    path.write_text(text, "utf-8")
    result = build(minimal_site, tmp_path / "out")
    assert result.warnings == []
    html = (tmp_path / "out" / "kontakt" / "oppettider" / "index.html").read_text("utf-8")
    tree, errors = parse_html(html)
    assert errors == []
    assert "".join(tree.find(".//h1").itertext()) == "Öppettider"  # type: ignore[attr-defined]


def test_cli(minimal_site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new", "--site", str(minimal_site), "nyheter/ny-nyhet"]) == 0
    out = capsys.readouterr().out
    assert "Created content/nyheter/ny-nyhet.sv.md" in out
    assert main(["new", "--site", str(minimal_site), "nyheter/ny-nyhet"]) == 2
    assert "this page already exists" in capsys.readouterr().err
