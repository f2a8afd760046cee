"""The Nu HTML Checker (vnu, the W3C validator) over every HTML file of the built site."""

from __future__ import annotations

from pathlib import Path

import pytest

from .harness import html_pages, record_audit, run_vnu, vnu_version


def vnu_report(root: Path) -> list[str]:
    lines = []
    for message in run_vnu(root):
        where = message.get("url", "").removeprefix(root.resolve().as_uri()).lstrip("/")
        line = message.get("lastLine", "")
        lines.append(f"{where}:{line}: {message.get('message')}  {message.get('extract', '')!r}")
    return lines


def test_nu_html_checker_finds_no_errors(
    tools: None, public: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pages = html_pages(public)
    errors = vnu_report(public)
    version = vnu_version()
    with capsys.disabled():
        print(f"\nNu HTML Checker {version}: {len(pages)} HTML files, {len(errors)} error(s)")
    record_audit(
        "vnu", {"tool": f"Nu HTML Checker {version}", "pages": len(pages), "errors": len(errors)}
    )
    assert not errors, "\n".join(errors[:60])
