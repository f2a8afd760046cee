"""The benchmark's corpus: deterministic, and a valid site for us and for Hugo."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from bench.corpus import plan, write_corpus
from site_builder.pipeline import build
from tests.conftest import snapshot


def test_same_size_same_bytes(tmp_path: Path) -> None:
    write_corpus(tmp_path / "a", 60)
    write_corpus(tmp_path / "b", 60)
    assert snapshot(tmp_path / "a") == snapshot(tmp_path / "b")


def test_plan_has_n_swedish_pages_in_nested_sections() -> None:
    nodes = plan(300)
    assert len(nodes) == 300
    depths = {node.key.count("/") for node in nodes if node.key}
    assert max(depths) >= 2
    translated = sum(1 for node in nodes if "fi" in node.langs) / len(nodes)
    assert 0.85 < translated < 1.0


def test_pages_have_the_shape_of_real_ones(tmp_path: Path) -> None:
    write_corpus(tmp_path / "site", 60)
    pages = [
        p for p in (tmp_path / "site" / "content").rglob("*.sv.md") if p.name != "_index.sv.md"
    ]
    text = max(pages, key=lambda p: p.stat().st_size).read_text("utf-8")
    body = text.split("\n---\n", 1)[1]
    assert 900 < len(body.split()) < 1500
    for marker in ("\n## ", "\n- ", "\n1. ", "\n| ", "](", "![", "### "):
        assert marker in body, marker


def test_it_builds_without_errors_or_warnings(tmp_path: Path) -> None:
    write_corpus(tmp_path / "site", 80)
    result = build(tmp_path / "site", tmp_path / "out", search=False)
    assert result.warnings == []
    assert result.pages >= 200


@pytest.mark.skipif(shutil.which("hugo") is None, reason="needs Debian's hugo")
def test_hugo_builds_the_same_pages(tmp_path: Path) -> None:
    count = write_corpus(tmp_path / "hugo", 80, flavour="hugo")
    done = subprocess.run(
        ["hugo", "--quiet", "--source", str(tmp_path / "hugo"), "--destination", "public"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    html = [p for p in (tmp_path / "hugo" / "public").rglob("index.html")]
    assert len(html) >= count
    sample = (tmp_path / "hugo" / "public" / "fi" / "index.html").read_text("utf-8")
    assert '<html lang="fi"' in sample and 'hreflang="x-default"' in sample
