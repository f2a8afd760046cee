"""The translator's loop in a throw-away git repository: edit sv → outdated → diff → done."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from site_builder.cli import main
from site_builder.config import load_config
from site_builder.content.load import load_site
from site_builder.translation_status import State, state_of
from tests.conftest import REPO

pytestmark = pytest.mark.skipif(
    shutil.which("git") is None, reason="needs git (.ci/run installs it)"
)

FORSKOLA = "content/utbildning/forskola"


def git(repo: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", "-C", str(repo), "-c", "user.name=Test", "-c", "user.email=test@example.org",
         "-c", "commit.gpgsign=false", *args],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    return done.stdout


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """The project's own site (content, data, settings) committed in a new repository."""
    root = tmp_path / "repo"
    root.mkdir()
    for name in ("site.yaml", "content", "data"):
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, root / name)
        else:
            shutil.copy2(source, root / name)
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "The site as it is")
    return root


def statuses(root: Path, capsys: pytest.CaptureFixture[str]) -> dict:  # type: ignore[type-arg]
    assert main(["i18n", "status", "--site", str(root), "--format", "json"]) == 0
    data: dict = json.loads(capsys.readouterr().out)  # type: ignore[type-arg]
    return data


def outdated(data: dict, lang: str) -> set[str]:  # type: ignore[type-arg]
    return {item["path"] for item in data["languages"][lang]["pages"]["outdated"]}


def test_edit_outdates_diff_shows_done_clears(
    repo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(repo)
    assert outdated(statuses(repo, capsys), "fi") == set()
    swedish = repo / f"{FORSKOLA}.sv.md"
    text = swedish.read_text("utf-8")
    assert "inom fyra månader" in text
    swedish.write_text(
        text.replace("inom fyra månader", "inom tre månader")
        + "\n## Nytt avsnitt\n\nFörskolan har öppet hus i maj.\n",
        "utf-8",
    )

    data = statuses(repo, capsys)
    assert outdated(data, "fi") == {f"{FORSKOLA}.fi.md"}
    assert outdated(data, "en") == {f"{FORSKOLA}.en.md"}

    assert main(["i18n", "diff", f"{FORSKOLA}.fi.md"]) == 0
    out = capsys.readouterr().out
    assert "inom [-fyra-]{+tre+} månader" in out
    assert "+ ## Nytt avsnitt" in out
    assert "+ Förskolan har öppet hus i maj." in out
    assert "The site as it is" in out, "names the commit the translation was made from"
    assert "\033[" not in out, "no colour when not in a terminal"

    before = (repo / f"{FORSKOLA}.fi.md").read_bytes()
    assert main(["i18n", "done", f"{FORSKOLA}.fi.md", f"{FORSKOLA}.en.md"]) == 0
    after = (repo / f"{FORSKOLA}.fi.md").read_bytes()
    changed = [
        (a, b) for a, b in zip(before.split(b"\n"), after.split(b"\n"), strict=True) if a != b
    ]
    assert len(changed) == 1 and changed[0][1].startswith(b"source_version: ")

    assert "now made from" in capsys.readouterr().out
    data = statuses(repo, capsys)
    assert outdated(data, "fi") == set() and outdated(data, "en") == set()
    assert main(["i18n", "diff", f"{FORSKOLA}.fi.md"]) == 0
    assert "is up to date" in capsys.readouterr().out
    assert main(["i18n", "done", f"{FORSKOLA}.fi.md"]) == 0
    assert "already records" in capsys.readouterr().out


def test_diff_when_the_old_version_is_not_in_history(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    swedish = repo / f"{FORSKOLA}.sv.md"
    swedish.write_text(swedish.read_text("utf-8") + "\nEn mening till.\n", "utf-8")
    # the translation is marked done against this edit, which is never committed …
    assert main(["i18n", "done", "--site", str(repo), str(repo / f"{FORSKOLA}.fi.md")]) == 0
    # … and the Swedish page changes again
    swedish.write_text(swedish.read_text("utf-8") + "\nOch en till.\n", "utf-8")
    capsys.readouterr()
    assert main(["i18n", "diff", "--site", str(repo), f"{FORSKOLA}.fi.md"]) == 1
    err = capsys.readouterr().err
    assert f"error: {FORSKOLA}.fi.md:" in err
    assert "is not in the git history" in err
    assert "never committed" in err
    assert "Traceback" not in err


def test_diff_without_a_repository(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shutil.rmtree(repo / ".git")
    swedish = repo / f"{FORSKOLA}.sv.md"
    swedish.write_text(swedish.read_text("utf-8") + "\nEn mening till.\n", "utf-8")
    assert main(["i18n", "diff", "--site", str(repo), f"{FORSKOLA}.fi.md"]) == 1
    err = capsys.readouterr().err
    assert "is not in a git repository" in err and "git clone" in err


def test_diff_of_an_untracked_translation(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    finnish = repo / f"{FORSKOLA}.fi.md"
    finnish.write_text(
        "\n".join(
            line for line in finnish.read_text("utf-8").split("\n")
            if not line.startswith("source_version")
        ),
        "utf-8",
    )  # fmt: skip
    assert main(["i18n", "diff", "--site", str(repo), f"{FORSKOLA}.fi.md"]) == 1
    assert "does not record which version" in capsys.readouterr().err
    # `done` adds the line at the end of the front matter
    assert main(["i18n", "done", "--site", str(repo), f"{FORSKOLA}.fi.md"]) == 0
    site = load_site(load_config(repo))
    assert state_of(site, "utbildning/forskola", "fi").state is State.CURRENT


def test_new_starts_a_translation_that_builds(
    repo: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert main(["i18n", "new", "so", "--site", str(repo), f"{FORSKOLA}.sv.md"]) == 0
    created = repo / f"{FORSKOLA}.so.md"
    text = created.read_text("utf-8")
    swedish = (repo / f"{FORSKOLA}.sv.md").read_text("utf-8")
    assert "title: Förskola\n" in text
    assert swedish.split("---\n", 2)[2] in text, "the Swedish text to replace"
    site = load_site(load_config(repo))
    assert state_of(site, "utbildning/forskola", "so").state is State.CURRENT
    assert site.page("utbildning/forskola", "so") is not None
    capsys.readouterr()
    # again: refused, the translation exists
    assert main(["i18n", "new", "so", "--site", str(repo), f"{FORSKOLA}.sv.md"]) == 2
    assert "already exists" in capsys.readouterr().err
    # a translation is not a source page
    assert main(["i18n", "new", "so", "--site", str(repo), f"{FORSKOLA}.fi.md"]) == 2
    assert "is not a source page" in capsys.readouterr().err
    assert main(["i18n", "new", "xx", "--site", str(repo), f"{FORSKOLA}.sv.md"]) == 2
    assert "not a language" in capsys.readouterr().err
    assert main(["i18n", "new", "fi", "--site", str(repo), "content/nope.sv.md"]) == 2
    assert "there is no file" in capsys.readouterr().err


def test_new_copies_a_news_date_and_quotes_what_yaml_would_misread(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    news = repo / "content/nyheter/fragor.sv.md"
    news.write_text(
        "---\ntitle: 'Fråga: vad gäller?'\nsummary: '#1 i Hällefors'\nsender: kommunikation\n"
        "reviewed: 2026-11-01\ndate: 2026-11-02\n---\nText.\n",
        "utf-8",
    )
    assert main(["i18n", "new", "fi", "--site", str(repo), str(news)]) == 0
    text = (repo / "content/nyheter/fragor.fi.md").read_text("utf-8")
    assert "date: 2026-11-02\n" in text
    site = load_site(load_config(repo))
    finnish = site.page("nyheter/fragor", "fi")
    assert finnish is not None
    assert finnish.title == "Fråga: vad gäller?" and finnish.meta.summary == "#1 i Hällefors"


def test_done_keeps_windows_line_endings(repo: Path) -> None:
    finnish = repo / f"{FORSKOLA}.fi.md"
    crlf = (
        finnish.read_bytes()
        .replace(b"source_version: ", b"source_version: 0")
        .replace(b"\n", b"\r\n")
    )
    finnish.write_bytes(crlf)
    assert main(["i18n", "done", "--site", str(repo), f"{FORSKOLA}.fi.md"]) == 0
    after = finnish.read_bytes()
    assert after.count(b"\r\n") == crlf.count(b"\r\n") and b"\n" not in after.replace(b"\r\n", b"")
    site = load_site(load_config(repo))
    assert state_of(site, "utbildning/forskola", "fi").state is State.CURRENT


def test_done_refuses_a_source_page(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["i18n", "done", "--site", str(repo), f"{FORSKOLA}.sv.md"]) == 2
    assert "is a source page" in capsys.readouterr().err
