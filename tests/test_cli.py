"""The command line, in process and as `python -m site_builder`."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from site_builder.cli import main


def test_module_entry_point_builds_someone_elses_site(minimal_site: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "site_builder",
            "build",
            "--site",
            str(minimal_site),
            "--out",
            str(out),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "Built 12 pages" in done.stdout
    assert (out / "index.html").is_file()
    assert (out / "fi" / "kunta" / "viestintapolitiikka" / "index.html").is_file()


def test_no_command_prints_help(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 2
    assert "build" in capsys.readouterr().out


def test_internal_error_is_reported_without_traceback(
    minimal_site: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr("site_builder.pipeline.build", broken)
    assert main(["build", "--site", str(minimal_site), "--out", str(tmp_path / "o")]) == 70
    err = capsys.readouterr().err
    assert "internal error in site_builder: RuntimeError: boom" in err
    assert "Traceback" not in err


def test_warnings_are_printed(
    minimal_site: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = minimal_site / "site.yaml"
    config.write_text(config.read_text() + "colour: blue\n")
    assert main(["build", "--site", str(minimal_site), "--out", str(tmp_path / "o")]) == 0
    assert "warning: site.yaml:5: unknown key 'colour' is ignored" in capsys.readouterr().err
