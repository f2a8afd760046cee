"""The build cache: a no-op does nothing, an edit does little, and doubt means a full build."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from site_builder import incremental, pipeline
from site_builder import memory as memory_module
from site_builder.buildcache import BuildCache
from site_builder.config import load_config
from site_builder.errors import SiteBuilderError
from site_builder.journal import pending_dir
from site_builder.snapshot import generator_version, input_roots, take
from tests.conftest import snapshot

Build = Callable[..., pipeline.BuildResult]


@pytest.fixture
def out(tmp_path: Path) -> Path:
    return tmp_path / "public"


def build(site: Path, out: Path, **options: object) -> pipeline.BuildResult:
    return pipeline.build(site, out, search=False, workers=1, **options)  # type: ignore[arg-type]


def clean_copy(site: Path, tmp: Path) -> dict[str, bytes]:
    target = tmp / "clean"
    shutil.rmtree(target, ignore_errors=True)
    pipeline.build(site, target, search=False, workers=1, cache=False)
    return snapshot(target)


def test_nothing_changed_means_nothing_done(minimal_site: Path, out: Path) -> None:
    first = build(minimal_site, out)
    before = {p: p.stat().st_mtime_ns for p in out.rglob("*")}
    second = build(minimal_site, out)
    assert second.unchanged and not first.unchanged
    assert [name for name, _ in second.timings] == ["config", "snapshot"]
    assert {p: p.stat().st_mtime_ns for p in out.rglob("*")} == before
    assert (second.pages, second.files) == (first.pages, first.files)
    assert [str(w) for w in second.warnings] == [str(w) for w in first.warnings]
    assert second.report == first.report


def test_an_edit_of_text_renders_that_page_alone(
    minimal_site: Path, out: Path, tmp_path: Path
) -> None:
    build(minimal_site, out)
    policy = minimal_site / "content" / "kommun" / "informationspolicy.sv.md"
    policy.write_text(policy.read_text("utf-8") + "\nEn ny mening.\n", "utf-8")
    result = build(minimal_site, out)
    assert result.text_only
    # (its translations here record no source version, so they say nothing about it; with
    # one, they would be rendered too: they then say that the Swedish page changed)
    assert result.rendered == 1
    assert snapshot(out) == clean_copy(minimal_site, tmp_path)


def test_a_title_change_reaches_every_page_that_shows_it(
    minimal_site: Path, out: Path, tmp_path: Path
) -> None:
    build(minimal_site, out)
    section = minimal_site / "content" / "kontakt" / "_index.sv.md"  # in the main menu
    section.write_text(section.read_text("utf-8").replace("Kontakta oss", "Kontakt"), "utf-8")
    result = build(minimal_site, out)
    assert not result.text_only
    assert result.rendered > 10
    assert snapshot(out) == clean_copy(minimal_site, tmp_path)


def test_a_file_added_to_the_output_by_hand_is_removed(minimal_site: Path, out: Path) -> None:
    build(minimal_site, out)
    (out / "kommun" / "stray.html").write_text("not ours")
    result = build(minimal_site, out)
    assert not result.unchanged
    assert not (out / "kommun" / "stray.html").exists()


def test_a_changed_output_file_is_put_back(minimal_site: Path, out: Path) -> None:
    build(minimal_site, out)
    expected = snapshot(out)
    (out / "index.html").write_text("vandalised")
    (out / "kontakt" / "index.html").unlink()
    assert not build(minimal_site, out).unchanged
    assert snapshot(out) == expected


def test_an_unreadable_cache_means_a_full_build(minimal_site: Path, out: Path) -> None:
    build(minimal_site, out)
    cache = BuildCache.for_output(minimal_site, out)
    for name in ("quick.pickle", "full.pickle"):
        (cache.folder / name).write_bytes(b"garbage")
    (cache.folder / "markdown.sqlite").write_bytes(b"not a database")
    expected = snapshot(out)
    result = build(minimal_site, out)
    assert result.rendered == 21 and not result.unchanged
    assert snapshot(out) == expected


def test_another_generator_version_means_a_full_build(
    minimal_site: Path, out: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    build(minimal_site, out)
    monkeypatch.setattr(incremental, "generator_version", lambda: "another version")
    assert build(minimal_site, out).rendered == 21


def test_a_failed_build_changes_nothing_and_the_next_one_carries_on(
    minimal_site: Path, out: Path, tmp_path: Path
) -> None:
    build(minimal_site, out)
    expected = snapshot(out)
    page = minimal_site / "content" / "kontakt" / "_index.sv.md"
    good = page.read_text("utf-8")
    page.write_text(good.replace("title: Kontakta oss", "title: [trasig"), "utf-8")
    with pytest.raises(SiteBuilderError):
        build(minimal_site, out)
    assert snapshot(out) == expected
    assert not pending_dir(out).exists()
    page.write_text(good.replace("Vi svarar", "Vi svarar alltid"), "utf-8")
    result = build(minimal_site, out)
    assert result.rendered == 1
    assert snapshot(out) == clean_copy(minimal_site, tmp_path)


def test_a_crash_while_publishing_is_finished_by_the_next_build(
    minimal_site: Path, out: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    build(minimal_site, out)
    page = minimal_site / "content" / "kontakt" / "_index.sv.md"
    page.write_text(page.read_text("utf-8") + "\nNy text.\n", "utf-8")

    def power_cut(*args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("site_builder.journal._apply", power_cut)
    with pytest.raises(KeyboardInterrupt):
        build(minimal_site, out)
    monkeypatch.undo()
    assert pending_dir(out).exists()  # the journal is there, nothing applied yet
    build(minimal_site, out)
    assert snapshot(out) == clean_copy(minimal_site, tmp_path)


def test_no_checks_and_no_cache_switches(minimal_site: Path, out: Path, tmp_path: Path) -> None:
    with_checks = build(minimal_site, out)
    assert with_checks.report is not None
    without = build(minimal_site, out, checks=False)
    assert without.report is not None and without.report.findings == ()
    assert not without.unchanged
    fresh = build(minimal_site, tmp_path / "nocache", cache=False)
    assert fresh.rendered == 21
    assert not (minimal_site / ".cache" / "build").joinpath("nocache").exists()
    assert snapshot(out) == snapshot(tmp_path / "nocache")


def test_the_output_goes_stale_at_a_scheduled_time(minimal_site: Path, out: Path) -> None:
    result = build(minimal_site, out)
    quick = BuildCache.for_output(minimal_site, out).load_quick()
    assert quick is not None and quick.valid_until is not None  # checks read today's date
    options = pipeline.Options(None, False, False, False, True, True, 1)
    snap = take(input_roots(load_config(minimal_site)))
    version = generator_version()
    before = quick.valid_until - timedelta(minutes=1)
    after = quick.valid_until + timedelta(minutes=1)
    assert pipeline.unchanged(quick, version, options, snap, out.resolve(), before)
    assert not pipeline.unchanged(quick, version, options, snap, out.resolve(), after)
    assert isinstance(result.out_dir, Path) and isinstance(before, datetime)


def test_the_preview_server_rereads_only_the_edited_page(
    minimal_site: Path, out: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    memory = pipeline.Memory()
    build(minimal_site, out, memory=memory)
    page = minimal_site / "content" / "kontakt" / "_index.sv.md"
    page.write_text(page.read_text("utf-8") + "\nNy text.\n", "utf-8")

    def no_full_load(*args: object, **kwargs: object) -> None:
        raise AssertionError("the whole site was read again")

    monkeypatch.setattr(memory_module, "load_site_reporting", no_full_load)
    result = build(minimal_site, out, memory=memory)
    assert result.text_only and result.rendered == 1
    monkeypatch.undo()
    assert snapshot(out) == clean_copy(minimal_site, tmp_path)
    # the cache on disk is written when the server is idle, and then serves a new process
    assert BuildCache.for_output(minimal_site, out).load_quick() is None
    pipeline.persist(memory, minimal_site, out)
    assert build(minimal_site, out).unchanged


def test_the_preview_server_reads_the_word_list_and_catalogs_again_when_they_change(
    minimal_site: Path, out: Path
) -> None:
    shutil.copytree(Path(__file__).parent.parent / "locales", minimal_site / "locales")
    memory = pipeline.Memory()
    first = build(minimal_site, out, memory=memory)
    assert first.report is not None
    assert not [f for f in first.report.findings if f.rule == "plain-words"]
    words = minimal_site / "data" / "plain-words.yaml"
    words.write_text("sv:\n  - {word: svarar, use: ger svar}\n", "utf-8")
    second = build(minimal_site, out, memory=memory)
    assert second.report is not None
    assert [f.path for f in second.report.findings if f.rule == "plain-words"] == [
        "content/kontakt/_index.sv.md"
    ]
    page = out / "kontakt" / "index.html"
    assert "Sidan granskad" in page.read_text("utf-8")
    po = minimal_site / "locales" / "sv" / "LC_MESSAGES" / "messages.po"
    text = po.read_text("utf-8")
    po.write_text(text.replace('msgstr "Sidan granskad"', 'msgstr "Sidan sågs över"'), "utf-8")
    build(minimal_site, out, memory=memory)
    assert "Sidan sågs över" in page.read_text("utf-8")
