"""Shared test helpers: fixture sites copied to a temporary folder, builds, HTML parsing."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import html5lib
import pytest

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture
def minimal_site(tmp_path: Path) -> Path:
    """A writable copy of the smallest valid site (the issue's reference site)."""
    target = tmp_path / "site"
    shutil.copytree(FIXTURES / "minimal", target)
    return target


@pytest.fixture
def write(minimal_site: Path) -> Callable[[str, str], Path]:
    """Write a file into the minimal site: write("content/x.sv.md", text)."""

    def _write(rel: str, text: str) -> Path:
        path = minimal_site / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path

    return _write


def page(
    title: str = "Sida", summary: str = "En sida.", extra: str = "", body: str = "Text."
) -> str:
    """A valid Swedish page with optional extra front matter lines."""
    head = f"title: {title}\nsummary: {summary}\nsender: medborgarplats\nreviewed: 2026-11-01\n"
    return f"---\n{head}{extra}---\n{body}\n"


def parse_html(text: str) -> tuple[object, list[tuple[object, ...]]]:
    """Parse with html5lib; return the tree and the WHATWG parse errors."""
    parser = html5lib.HTMLParser(tree=html5lib.getTreeBuilder("etree"), namespaceHTMLElements=False)
    tree = parser.parse(text)
    return tree, list(parser.errors)


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file's bytes, to prove a failed build changed nothing."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }
