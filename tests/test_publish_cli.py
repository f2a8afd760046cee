"""The build's publishing options on the command line."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from site_builder.cli import main
from tests.content.test_alerts import GOOD

Write = Callable[[str, str], Path]


def test_now_sets_the_clock_and_the_next_change_is_printed(
    minimal_site: Path, write: Write, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write("data/alerts.yaml", GOOD)
    args = ["build", "--site", str(minimal_site), "--out", str(tmp_path / "o"), "--no-search"]
    assert main([*args, "--now", "2026-12-02T12:00:00+01:00"]) == 0
    out = capsys.readouterr().out
    assert (
        "Next scheduled change: 2026-12-03T18:00:00+01:00 (the message 'vatten-2026-12' ends)"
        in out
    )
    assert "Koka dricksvattnet" in (tmp_path / "o" / "index.html").read_text("utf-8")
    assert not (tmp_path / "o" / "pagefind").exists()
    # Without an offset, --now is in the site's time zone.
    assert main([*args, "--now", "2026-12-03T18:00"]) == 0
    assert "Koka dricksvattnet" not in (tmp_path / "o" / "index.html").read_text("utf-8")
    assert "Next scheduled change" not in capsys.readouterr().out


def test_a_bad_clock_is_a_usage_error(
    minimal_site: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(
        ["build", "--site", str(minimal_site), "--out", str(tmp_path / "o"), "--now", "snart"]
    )
    assert code == 2
    assert "--now must be a date and time" in capsys.readouterr().err
    assert not (tmp_path / "o").exists()


def test_preview_says_not_to_publish(
    minimal_site: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "o"
    assert (
        main(["build", "--site", str(minimal_site), "--out", str(out), "--preview", "--no-search"])
        == 0
    )
    assert "Do not publish this output" in capsys.readouterr().out
