"""Rendering in several processes gives the bytes of rendering in one."""

from __future__ import annotations

from pathlib import Path

from bench.corpus import write_corpus
from site_builder import pagework
from site_builder.pipeline import build
from tests.conftest import snapshot


def test_parallel_output_is_identical_to_serial(tmp_path: Path) -> None:
    site = tmp_path / "site"
    write_corpus(site, 90)
    serial = build(site, tmp_path / "serial", workers=1, cache=False, search=False)
    parallel = build(site, tmp_path / "parallel", workers=3, cache=False, search=False)
    assert serial.processes == 1
    assert parallel.processes == 3
    assert serial.pages == parallel.pages >= pagework.PARALLEL_FROM
    one, many = snapshot(tmp_path / "serial"), snapshot(tmp_path / "parallel")
    assert sorted(one) == sorted(many)
    assert [rel for rel in one if one[rel] != many[rel]] == []
    assert (serial.report and parallel.report) and serial.report == parallel.report


def test_parallel_incremental_rebuild_renders_only_what_changed(tmp_path: Path) -> None:
    site = tmp_path / "site"
    write_corpus(site, 90)
    out = tmp_path / "public"
    first = build(site, out, workers=2, search=False)
    assert first.rendered == len([p for p in first.outputs if p.endswith(".html")])
    page = next(p for p in sorted(site.glob("content/*/*.sv.md")) if "_index" not in p.name)
    page.write_text(page.read_text("utf-8") + "\nEn mening till.\n", "utf-8")
    second = build(site, out, workers=2, search=False)
    assert second.text_only and second.processes == 1  # a text edit: too little to fork for
    # the page, and its translations: they now say that the Swedish page changed
    versions = list(page.parent.glob(page.name.replace(".sv.md", ".*.md")))
    assert second.rendered == len(versions)
    text = page.read_text("utf-8")
    title = next(line for line in text.splitlines() if line.startswith("title: "))
    page.write_text(text.replace(title, "title: Nya regler för avgifter", 1), "utf-8")
    third = build(site, out, workers=2, search=False)
    assert not third.text_only and third.processes == 2
    assert 1 < third.rendered < first.rendered
    clean = build(site, tmp_path / "clean", workers=1, cache=False, search=False)
    assert snapshot(out) == snapshot(tmp_path / "clean")
    assert clean.rendered > 200
