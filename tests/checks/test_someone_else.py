"""Done when: a site written by someone else to the content format, with a page that
has an image without alt text, a "klicka här" link, a skipped heading level, an
unknown sender, an outdated Finnish translation and a LIX of 70, gets each of those
findings with the right file, and exit status 1 (tests/fixtures/exempelby)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import FIXTURES

PAGE = "content/omsorg/hemtjanst.sv.md"
FINNISH = "content/omsorg/hemtjanst.fi.md"


@pytest.fixture
def exempelby(tmp_path: Path) -> Path:
    site = tmp_path / "exempelby"
    shutil.copytree(FIXTURES / "exempelby", site)
    return site


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "site_builder", *args],
        capture_output=True,
        text=True,
        check=False,
        env={"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"},
    )


def test_every_finding_with_its_file_and_line(exempelby: Path) -> None:
    done = run("check", "--site", str(exempelby), "--format", "json")
    assert done.returncode == 1, done.stderr
    report = json.loads(done.stdout)
    found = {(f["rule"], f["file"], f["line"]) for f in report["findings"]}
    assert ("alt-text", PAGE, 8) in found
    assert ("link-text", PAGE, 16) in found
    assert ("heading-order", PAGE, 14) in found
    assert ("sender", PAGE, 4) in found
    assert ("translation-outdated", FINNISH, 4) in found
    (lix,) = [f for f in report["findings"] if f["rule"] == "lix"]
    assert lix["file"] == PAGE and lix["message"].startswith("LIX is 70.1, above 50")
    errors = {f["rule"] for f in report["findings"] if f["severity"] == "error"}
    assert errors == {"alt-text", "link-text", "heading-order", "sender"}
    assert report["counts"]["errors"] == 4
    (page,) = [p for p in report["pages"] if p["file"] == PAGE]
    assert page["lix"] == {"score": 70.1, "words": 88, "sentences": 8, "long_words": 52}


def test_text_report_groups_by_file_and_counts(exempelby: Path) -> None:
    done = run("check", "--site", str(exempelby))
    assert done.returncode == 1
    out = done.stdout
    section = out.split(f"\n{PAGE}\n", 1)[1].split("\n\n", 1)[0]
    assert "  4: error [sender] Unknown sender 'hemtjansten'." in section
    assert "  8: error [alt-text] The image hemtjanst.svg has no text alternative." in section
    assert "  14: error [heading-order] " in section
    assert "  16: error [link-text] The link text 'klicka här' " in section
    assert "warning [lix] LIX is 70.1" in section
    assert out.rstrip().splitlines()[-1].startswith("4 errors, ")


def test_in_swedish(exempelby: Path) -> None:
    done = run("check", "--site", str(exempelby), "--lang", "sv")
    assert "  4: fel [sender] Okänd avsändare 'hemtjansten'." in done.stdout
    assert "LIX är 70,1" in done.stdout
    assert done.stdout.rstrip().splitlines()[-1].startswith("4 fel, ")


def test_the_build_refuses_to_publish(exempelby: Path, tmp_path: Path) -> None:
    out = tmp_path / "public"
    done = run("build", "--site", str(exempelby), "--out", str(out))
    assert done.returncode == 1
    assert not out.exists()
    assert "16: error [link-text]" in done.stderr
    assert "Nothing was published" in done.stderr
