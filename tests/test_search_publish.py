"""The search step re-indexes a language only when what Pagefind reads of its pages
changed: a translation that just became out of date gains a notice Pagefind skips."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest

from site_builder import search_publish
from site_builder.content.load import git_blob_id
from site_builder.journal import digest_of
from site_builder.pipeline import build
from site_builder.search_index import index_languages
from site_builder.search_publish import indexed_digest
from tests.conftest import parse_html, snapshot

PAGE = (
    b'<!DOCTYPE html><html lang="fi"><head><title>T</title></head><body>'
    b"<main data-pagefind-body>\n<h1>Otsikko</h1>\n%s<p>Teksti kunnasta.</p>\n%s</main>\n"
    b"</body></html>"
)
NOTICE = (
    b'<div class="translation-notice" data-pagefind-ignore="all" lang="sv">'
    b"<p><strong>Vanha</strong> <div>sis\xc3\xa4kk\xc3\xa4inen</div></p></div>\n"
)
LINKS = b'<ul class="link-list" data-pagefind-ignore="all"><li><a href="/">Etusivu</a></li></ul>\n'


def test_the_digest_leaves_out_elements_pagefind_ignores_entirely() -> None:
    plain = PAGE % (b"", b"")
    assert indexed_digest(PAGE % (NOTICE, LINKS)) == digest_of(plain)
    assert indexed_digest(PAGE % (NOTICE, b"")) == indexed_digest(PAGE % (b"", b""))


def test_the_digest_keeps_what_pagefind_reads() -> None:
    changed = (PAGE % (b"", b"")).replace(b"Teksti kunnasta", b"Teksti kunnista")
    assert indexed_digest(changed) != indexed_digest(PAGE % (b"", b""))
    # `data-pagefind-ignore` without "all" keeps the element's filters and metadata
    partly = b'<div data-pagefind-ignore data-pagefind-filter="aihe:vesi">x</div>'
    assert indexed_digest(PAGE % (partly, b"")) != indexed_digest(PAGE % (b"", b""))


def test_an_element_without_an_end_counts_the_whole_page() -> None:
    broken = b'<main data-pagefind-body><div data-pagefind-ignore="all"><p>no end</main>'
    assert indexed_digest(broken) == digest_of(broken)


def test_pagefind_makes_the_same_index_with_and_without_the_ignored_parts(
    tmp_path: Path,
) -> None:
    """The assumption the digest rests on, checked against Pagefind itself."""
    pytest.importorskip("pagefind_bin")
    bundles = []
    for name, parts in (("with", (NOTICE, LINKS)), ("without", (b"", b""))):
        site = tmp_path / name
        for number in range(3):
            page = site / f"sivu-{number}" / "index.html"
            page.parent.mkdir(parents=True)
            page.write_bytes((PAGE % parts).replace(b"Otsikko", b"Otsikko %d" % number))
        out = tmp_path / f"bundle-{name}"
        command = [sys.executable, "-m", "pagefind", "--site", str(site), "--output-path", str(out)]
        subprocess.run([*command, "--force-language", "fi"], check=True, capture_output=True)
        bundles.append(snapshot(out))
    assert bundles[0].keys() == bundles[1].keys()
    assert [rel for rel in bundles[0] if bundles[0][rel] != bundles[1][rel]] == []


def test_an_edit_to_the_source_leaves_the_index_of_its_translation(
    minimal_site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The Finnish page gains an out-of-date notice; Finnish is not indexed again."""
    pytest.importorskip("pagefind_bin")
    source = minimal_site / "content" / "kommun" / "informationspolicy.sv.md"
    finnish = minimal_site / "content" / "kommun" / "informationspolicy.fi.md"
    version = git_blob_id(source.read_bytes())
    text = finnish.read_text("utf-8").replace("---\n", f"---\nsource_version: {version}\n", 1)
    finnish.write_text(text, "utf-8")
    indexed: list[list[str]] = []

    def recording(folders: Mapping[str, Path], bundle: Path, parallel: int) -> dict[str, Any]:
        indexed.append(sorted(folders))
        return index_languages(folders, bundle, parallel)

    monkeypatch.setattr(search_publish, "index_languages", recording)
    out = tmp_path / "public"
    first = build(minimal_site, out, workers=1)
    assert indexed == [["en", "fi", "sv"]]
    page = next(p for p in (out / "fi").rglob("index.html") if b"Tarkoitus" in p.read_bytes())
    assert b"translation-notice" not in page.read_bytes()

    source.write_text(source.read_text("utf-8").replace("gemensam syn", "gemensam bild"), "utf-8")
    result = build(minimal_site, out, workers=1)

    tree, _ = parse_html(page.read_text("utf-8"))
    notice = tree.find(".//div[@class='translation-notice']")  # type: ignore[attr-defined]
    assert notice is not None, "the Finnish page says it is out of date"
    assert notice.get("data-pagefind-ignore") == "all"
    assert indexed[1:] == [["sv"]]
    assert result.search_languages == first.search_languages, "the kept index still counts"
    clean = tmp_path / "clean"
    build(minimal_site, clean, workers=1, cache=False)
    kept, made = snapshot(out / "pagefind"), snapshot(clean / "pagefind")
    assert kept.keys() == made.keys()
    assert [rel for rel in kept if kept[rel] != made[rel]] == [], "the same index as a clean build"
