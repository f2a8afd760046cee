"""The editor's loop in a real browser (Debian chromium, driven by Playwright).

`site-builder serve` runs as the editor runs it; the test only edits files and
watches the open page: the change must appear without anyone reloading, a
broken front matter must show the error page, and the fix must bring the
page back.
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.servers import CHROMIUM, CHROMIUM_ARGS, require_chromium

sync_api = pytest.importorskip("playwright.sync_api")
POLICY = "content/kommun/informationspolicy.sv.md"


@pytest.fixture
def preview(minimal_site: Path, tmp_path: Path) -> Iterator[str]:
    process = subprocess.Popen(
        [sys.executable, "-m", "site_builder", "serve", "--site", str(minimal_site),
         "--port", "0", "--out", str(tmp_path / "preview")],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )  # fmt: skip
    assert process.stdout is not None
    url = None
    lines = []
    for line in process.stdout:
        lines.append(line)
        found = re.search(r"at (http://127\.0\.0\.1:\d+/)", line)
        if found:
            url = found.group(1)
            break
    assert url, "".join(lines)
    yield url
    process.terminate()
    process.wait(timeout=10)


def test_edit_break_fix_in_the_browser(preview: str, minimal_site: Path) -> None:
    require_chromium()  # skipped on a machine without it, a failure in CI
    source = minimal_site / POLICY
    original = source.read_text("utf-8")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page()
        violations: list[str] = []
        page.on("console", lambda m: violations.append(m.text) if "Security" in m.text else None)
        page.goto(preview + "kommun/informationspolicy/")
        expect = sync_api.expect
        expect(page.locator("h1")).to_have_text("Informationspolicy")
        expect(page.locator("main")).to_contain_text("Policyn skapar en gemensam syn.")

        edited = original.replace("en gemensam syn", "en gemensam och tydlig syn")
        source.write_text(edited, "utf-8")
        expect(page.locator("main")).to_contain_text(
            "Policyn skapar en gemensam och tydlig syn.", timeout=20_000
        )

        broken = original.replace("title: Informationspolicy", "title: [oavslutad")
        source.write_text(broken, "utf-8")
        expect(page.locator("h1")).to_have_text("This page could not be built", timeout=20_000)
        expect(page.locator(".problems li").first).to_contain_text(POLICY)
        expect(page.locator(".problems li").first).to_contain_text("line")
        assert page.evaluate("document.documentElement.lang") == "en"

        source.write_text(original, "utf-8")
        expect(page.locator("h1")).to_have_text("Informationspolicy", timeout=20_000)
        expect(page.locator("main")).to_contain_text("Policyn skapar en gemensam syn.")
        assert violations == []
        browser.close()
