"""Each kind of bad input fails the build with a located message and changes nothing."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from site_builder.cli import main
from tests.conftest import page, snapshot

Write = Callable[[str, str], Path]


@pytest.fixture
def built(minimal_site: Path, tmp_path: Path) -> Path:
    """The minimal site built once, so that later failures can be compared with it."""
    out = tmp_path / "public"
    assert main(["build", "--site", str(minimal_site), "--out", str(out)]) == 0
    return out


def fail_build(site: Path, out: Path, capsys: pytest.CaptureFixture[str]) -> str:
    before = snapshot(out)
    code = main(["build", "--site", str(site), "--out", str(out)])
    captured = capsys.readouterr()
    assert code == 1
    assert "Traceback" not in captured.err
    assert snapshot(out) == before, "a failed build must leave the output byte-identical"
    assert [p.name for p in out.parent.iterdir() if p.name.startswith(".public")] == []
    return captured.err


def finding(err: str, path: str, line: int | None, rule: str, text: str) -> bool:
    """True when the report lists, under `path`, an error of `rule` at `line` containing `text`."""
    where = f"{line}: " if line else ""
    for block in err.split("\n\n"):
        lines = block.strip("\n").split("\n")
        if lines[0] != path:
            continue
        if any(e.startswith(f"  {where}error [{rule}] ") and text in e for e in lines[1:]):
            return True
    return False


def test_invalid_yaml(
    minimal_site: Path, built: Path, write: Write, capsys: pytest.CaptureFixture[str]
) -> None:
    write("content/kontakt/_index.sv.md", "---\ntitle: Kontakt\nsummary: [oj\n---\nText\n")
    err = fail_build(minimal_site, built, capsys)
    assert finding(
        err, "content/kontakt/_index.sv.md", 3, "content", "The value of 'summary' begins with '['"
    )
    assert "broken-link" not in err  # links to the unreadable page are not reported again


def test_missing_required_field(
    minimal_site: Path, built: Path, write: Write, capsys: pytest.CaptureFixture[str]
) -> None:
    write(
        "content/kontakt/_index.sv.md",
        "---\ntitle: Kontakt\nsender: medborgarplats\nreviewed: 2026-11-01\n---\n",
    )
    err = fail_build(minimal_site, built, capsys)
    assert finding(err, "content/kontakt/_index.sv.md", 1, "summary-missing", "no summary")


def test_unknown_sender(
    minimal_site: Path, built: Path, write: Write, capsys: pytest.CaptureFixture[str]
) -> None:
    write("content/kontakt/_index.sv.md", page().replace("medborgarplats", "okand"))
    err = fail_build(minimal_site, built, capsys)
    assert finding(err, "content/kontakt/_index.sv.md", 4, "sender", "Unknown sender 'okand'")
    assert "medborgarplats" in err  # the hint lists the known units


def test_translation_without_swedish(
    minimal_site: Path, built: Path, write: Write, capsys: pytest.CaptureFixture[str]
) -> None:
    write("content/kontakt/vain.fi.md", "---\ntitle: Vain suomeksi\nsummary: Ei ruotsiksi.\n---\n")
    err = fail_build(minimal_site, built, capsys)
    assert finding(err, "content/kontakt/vain.fi.md", None, "content", "has no sv page")
    assert "create content/kontakt/vain.sv.md" in err


def test_two_pages_same_url(
    minimal_site: Path, built: Path, write: Write, capsys: pytest.CaptureFixture[str]
) -> None:
    write("content/kontakt.sv.md", page())
    err = fail_build(minimal_site, built, capsys)
    assert "the same address as content/kontakt" in err


def test_translated_slug_clash(
    minimal_site: Path, built: Path, write: Write, capsys: pytest.CaptureFixture[str]
) -> None:
    write(
        "content/kontakt/_index.fi.md",
        "---\ntitle: Yhteystiedot\nsummary: Yhteys.\nslug: kunta\n---\n",
    )
    err = fail_build(minimal_site, built, capsys)
    assert "the same address /fi/kunta/" in err


def test_link_to_missing_page(
    minimal_site: Path, built: Path, write: Write, capsys: pytest.CaptureFixture[str]
) -> None:
    write(
        "content/kontakt/_index.sv.md", page(body="Första raden.\n\n[Saknas](../finns-inte.sv.md)")
    )
    err = fail_build(minimal_site, built, capsys)
    assert finding(
        err, "content/kontakt/_index.sv.md", 9, "broken-link", "The link '../finns-inte.sv.md'"
    )


def test_not_utf8(minimal_site: Path, built: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (minimal_site / "content" / "kontakt" / "_index.sv.md").write_bytes(
        page().encode("utf-8").replace(b"Text.", b"R\xe4ksm\xf6rg\xe5s")
    )
    err = fail_build(minimal_site, built, capsys)
    assert finding(err, "content/kontakt/_index.sv.md", 7, "content", "not UTF-8 text")


def test_all_errors_in_one_run(
    minimal_site: Path, built: Path, write: Write, capsys: pytest.CaptureFixture[str]
) -> None:
    write("content/a.sv.md", "---\ntitle: A\nsummary: [\n---\n")
    write("content/b.sv.md", page().replace("medborgarplats", "okand"))
    write("content/c.fi.md", "---\ntitle: C\nsummary: C.\n---\n")
    write("content/d.sv.md", page(title="D", body="[x](saknas.sv.md)"))
    err = fail_build(minimal_site, built, capsys)
    assert finding(err, "content/a.sv.md", 3, "content", "The value of 'summary' begins with '['")
    assert finding(err, "content/b.sv.md", 4, "sender", "Unknown sender 'okand'")
    assert finding(err, "content/c.fi.md", None, "content", "has no sv page")
    assert finding(err, "content/d.sv.md", 7, "broken-link", "The link 'saknas.sv.md'")
    assert "\n4 errors, " in err


def test_missing_organisation(
    minimal_site: Path, built: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (minimal_site / "data" / "organisation.yaml").unlink()
    err = fail_build(minimal_site, built, capsys)
    assert finding(err, "data/organisation.yaml", None, "content", "organisation.yaml is missing")


def test_missing_site_yaml(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build", "--site", str(tmp_path), "--out", str(tmp_path / "out")]) == 1
    assert "no site.yaml" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()
