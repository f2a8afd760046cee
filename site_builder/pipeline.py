"""The build: a flat list of named, timed steps.

load config → load content → decide what changed → render Markdown and
templates (each page checked as it is rendered) → site-wide checks → search
index → compress → publish → save the cache. Every step reads what the one
before produced; nothing reaches back. Any error, in the content or from a
check, stops the build before the output folder is touched; `check` runs the
same steps and writes nothing.

The steps live in modules of their own: `memory` (reading the site, and what
the preview server keeps), `incremental` (what changed since the last build),
`rendering` (the pages), `site_files` (indexes, assets, gzip) and
`search_publish` (the search index). This module only tells their story.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from babel.support import NullTranslations

from .buildcache import BuildCache, Full, LazyBodies, Quick, SearchRecord
from .buildresult import BuildResult, Options
from .checks import ChecksFailed, Report, Settings, Shared, SiteInput, finish, load_settings
from .config import SiteConfig, load_config
from .fingerprint import fingerprint_content_assets, theme_files
from .incremental import (
    Baseline,
    all_languages,
    baseline,
    folders_unchanged,
    new_state,
    nothing_to_do,
    only_text_may_have_changed,
    text_changes,
    unchanged,
)
from .journal import FileRecord, JournaledOutput
from .memory import Loaded, Memory, language_files, load, persist, reread_texts, theme_for
from .model import Site
from .output import DryOutput
from .pagework import workers_for
from .rendering import (
    Rendered,
    jobs,
    page_context,
    reject_taken_addresses,
    render_markdown,
    render_pages,
)
from .search_publish import update_search
from .site_files import compress_text_files, copy_assets, write_or_keep_indexes
from .views import ViewBuilder

__all__ = [
    "BuildResult",
    "Memory",
    "Options",
    "Rendered",
    "build",
    "check",
    "persist",
    "render_markdown",
    "unchanged",
]


class _Timer:
    def __init__(self, result: BuildResult) -> None:
        self.result = result

    @contextmanager
    def step(self, name: str) -> Iterator[None]:
        start = time.perf_counter()
        yield
        self.result.timings.append((name, time.perf_counter() - start))


def build(
    site_dir: Path,
    out_dir: Path,
    *,
    now: datetime | None = None,
    preview: bool = False,
    search: bool = True,
    strict: bool = False,
    checks: bool = True,
    cache: bool = True,
    workers: int | None = None,
    memory: Memory | None = None,
    search_later: bool = False,
    published: Callable[[BuildResult], None] | None = None,
) -> BuildResult:
    """Build the site in `site_dir` into `out_dir`; raise `SiteBuilderError` on failure.

    `now` is the build's clock for scheduled pages and important messages (default:
    the current time); `preview` builds scheduled pages too; `search=False` skips
    the search index; `checks=False` skips the checks (content errors still stop
    the build). Raises `ChecksFailed` (with the whole report) when a check finds
    an error, or a warning with `strict`; the previous output is then untouched.

    With `cache` (the default) the build remembers in `.cache/build/` what each
    output was made from, and does only what changed since; the output is the same
    bytes as without. `workers` is the number of processes (default: one per core).

    For the preview server: `memory` keeps what a build read and the cache's state
    between builds in the process (saved to disk by `persist`); `search_later`
    keeps the previous search index when it would have to be made again (the
    result says so in `search_stale`; a build without it brings it up to date);
    `published` is called as soon as the pages are on disk, before the site-wide
    checks (which then fail the build afterwards: a preview shows the problem on
    the page; a published output is never built this way).
    """
    options = Options(now, preview, search, strict, checks, cache, workers, search_later)
    return _run(site_dir, out_dir, options, memory, published)


def check(site_dir: Path, *, now: datetime | None = None) -> BuildResult:
    """Run the build and every check, and write nothing; the report is in the result."""
    return _run(site_dir, None, Options(now, False, False, False, True, False, None), None, None)


def _run(
    site_dir: Path,
    out_dir: Path | None,
    options: Options,
    memory: Memory | None,
    published: Callable[[BuildResult], None] | None,
) -> BuildResult:
    result = BuildResult(out_dir=(out_dir or site_dir).resolve())
    timer = _Timer(result)
    with timer.step("config"):
        config = load_config(site_dir)
        result.warnings.extend(config.warnings)
        settings = load_settings(config) if options.checks else Settings.none()
    with timer.step("snapshot"):
        base = baseline(config, out_dir, options, memory)
    clock = datetime.now(config.tz)
    if (
        out_dir is not None
        and base.quick is not None
        and base.store is not None
        and unchanged(base.quick, base.version, options, base.snapshot, out_dir.resolve(), clock)
    ):
        return nothing_to_do(result, base.quick, base.store, memory, options)
    inputs = _read_site(config, options, base, memory, clock, timer)
    site = inputs.site
    result.warnings.extend(inputs.warnings)
    if site.schedule is not None:
        result.next_change = site.schedule.next_change
        result.next_change_reason = site.schedule.next_change_reason
    with timer.step("catalogs"):
        catalogs, shared = _catalogs(config, site, inputs, base, memory)
    views = ViewBuilder(
        site,
        gettext_for=lambda lang: (catalogs.get(lang) or NullTranslations()).gettext,
        has_catalog=lambda lang: catalogs.get(lang) is not None,
    )
    reject_taken_addresses(site, views)
    with timer.step("changes"):
        signatures, focus = text_changes(site, inputs.signatures, base, options, config, clock)
        result.text_only = focus is not None
    content_errors = list(inputs.errors)
    writer = _open_output(out_dir, base, memory) if not content_errors else None
    staged: JournaledOutput | DryOutput = writer if writer is not None else DryOutput()
    cache_store = base.store or BuildCache.for_output(config.root, config.root / ".check")
    try:
        with timer.step("pages"):
            context = page_context(
                config,
                site,
                views,
                theme_for(config, inputs.static, base.snapshot, memory),
                catalogs,
                cache_store,
                writer,
                (shared, settings) if options.checks else None,
                base,
                settings,
                inputs.today,
                focus,
                inputs.statement,
            )
            done_pages = render_pages(context, jobs(site, views), options, staged, result)
            done_pages.records.signatures = signatures
            content_errors.extend(done_pages.errors)
        with timer.step("feeds and sitemap"):
            previous = base.full.indexes if focus is not None and base.full is not None else None
            done_pages.records.indexes = write_or_keep_indexes(
                site, views, staged, catalogs, previous
            )
        with timer.step("assets"):
            copy_assets(config, site, staged, inputs.static.values())

        def site_checks() -> Report:
            with timer.step("checks (site)"):
                site_input = SiteInput(
                    shared,
                    LazyBodies(done_pages.bodies, done_pages.records.light, cache_store),
                    tuple(done_pages.facts),
                    frozenset(staged.written),
                )
                return finish(site_input, settings, content_errors)

        checks_first = published is None or bool(content_errors) or writer is None
        if checks_first:
            result.report = site_checks()
            if out_dir is None:  # `check`: report, write nothing
                return result
            if result.report.failed(strict=options.strict) or writer is None:
                raise ChecksFailed(result.report, strict=options.strict)
        assert writer is not None and out_dir is not None
        search = SearchRecord()
        if options.search:
            with timer.step("search index"):
                search = update_search(writer, cache_store.folder, base.full, base.quick,
                                       options.search_later, workers_for(options.workers),
                                       result)  # fmt: skip
        with timer.step("compress"):
            compress_text_files(writer)
        with timer.step("publish"):
            manifest = _publish(writer, base.store, result)
        if not checks_first:
            assert published is not None
            published(result)  # the pages are on disk: the preview reloads, the rest follows
        new = None
        if base.store is not None:
            with timer.step("cache"):
                new = new_state(result, options, base, manifest, out_dir, done_pages.records,
                                search, inputs.today, config.tz)  # fmt: skip
                if memory is not None:
                    _remember(memory, new, result.report, inputs, signatures)
                base.store.prune_markdown(set(done_pages.bodies.values()))
        if not checks_first:
            result.report = site_checks()
            if memory is not None:
                memory.report = result.report
            if result.report.failed(strict=options.strict):
                raise ChecksFailed(result.report, strict=options.strict)
        if base.store is not None and memory is None and new is not None:
            base.store.save(*new, result.report)
    except BaseException:
        staged.abort()
        raise
    finally:
        cache_store.close()
    return result


def _read_site(
    config: SiteConfig,
    options: Options,
    base: Baseline,
    memory: Memory | None,
    clock: datetime,
    timer: _Timer,
) -> Loaded:
    """The site: after an edit to pages' text only, the preview's last site with those
    pages read again; otherwise read whole, with its assets fingerprinted."""
    if memory is not None and memory.loaded is not None:
        with timer.step("content"):
            inputs = reread_texts(memory, memory.loaded, config, base.quick, base.full,
                                  base.snapshot)  # fmt: skip
            if inputs is not None and only_text_may_have_changed(base, options, config, clock):
                return inputs
    with timer.step("content"):
        inputs = load(config, options, base.snapshot, memory)
    with timer.step("fingerprints"):
        inputs.site = fingerprint_content_assets(inputs.site)
        inputs.static = theme_files(config.theme_dir / "static", config.root)
    return inputs


def _catalogs(
    config: SiteConfig, site: Site, inputs: Loaded, base: Baseline, memory: Memory | None
) -> tuple[dict[str, NullTranslations | None], Shared]:
    """The interface's translations per language, and what every check reads."""
    files = language_files(config, all_languages(site), base.snapshot, memory)
    shared = Shared(
        site=site,
        data=files.data,
        catalogs=files.loaded,
        template=files.template,
        today=inputs.today,
    )
    return files.catalogs, shared


def _open_output(
    out_dir: Path | None, base: Baseline, memory: Memory | None
) -> JournaledOutput | None:
    """The journaled output folder (None for `check`): files are staged, then published."""
    if out_dir is None:
        return None
    quick = base.quick
    folders_moved = quick is None or not folders_unchanged(quick, out_dir.resolve())
    return JournaledOutput(
        out_dir,
        quick.manifest if quick is not None else None,
        walk=folders_moved,
        trusted=memory is not None and quick is memory.quick,
    )


def _publish(
    writer: JournaledOutput,
    store: BuildCache | None,
    result: BuildResult,
) -> dict[str, FileRecord]:
    """Apply the staged files to the output folder; the old cache state goes first."""
    if store is not None:
        store.forget()
    manifest = writer.commit()
    result.files = len(writer.written)
    result.outputs = dict(writer.written)
    result.changed = frozenset(writer.changed)
    return manifest


def _remember(
    memory: Memory,
    state: tuple[Quick, Full],
    report: Report | None,
    inputs: Loaded,
    signatures: dict[str, tuple[str, str]],
) -> None:
    """For the preview server: keep the new state in the process (saved when idle)."""
    memory.quick, memory.full = state
    memory.report = report
    inputs.signatures = signatures
    memory.loaded = inputs
    memory.unsaved = True
