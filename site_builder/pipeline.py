"""The build: a flat list of named, timed steps.

load config → load content → render Markdown → render templates (each page
checked as it is rendered) → site-wide checks → search index → compress →
publish. Every step reads what the one before produced; nothing reaches back.
Any error, in the content or from a check, stops the build before the output
folder is touched; `check` runs the same steps and writes nothing.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta, tzinfo
from pathlib import Path

from babel.support import NullTranslations

from . import pagework
from .buildcache import BuildCache, Full, LazyBodies, Quick, Summary
from .checkdata import load_check_data
from .checks import (
    ChecksFailed,
    PageFacts,
    Report,
    Settings,
    Shared,
    SiteInput,
    finish,
    load_settings,
)
from .compress import TEXT_SUFFIXES, gzip_bytes
from .config import CONFIG_FILE, SiteConfig, load_config
from .content.accessibility import Statement, load_statement
from .content.load import PageFile, load_site_reporting, read_page
from .errors import ContentError, SiteBuilderError, TemplateError, raise_if_any
from .feeds import atom_xml
from .fingerprint import StaticFile, fingerprint_content_assets, theme_files
from .i18n import compile_catalogs, load_catalogs, template_catalog
from .journal import FileRecord, JournaledOutput, pending_dir
from .markdown import MarkdownRenderer, RenderedMarkdown
from .model import Page, Site
from .output import DryOutput
from .pagework import (
    Context,
    Job,
    body_only_changes,
    digest_files,
    signature,
    text_digest,
    workers_for,
)
from .search_index import BUNDLE_DIR, index_site
from .sitemap import robots_txt, sitemap_xml
from .snapshot import Snapshot, changed_paths, generator_version, input_roots, take
from .special_pages import index_path, search_path
from .special_views import generated_paths
from .statement_views import statement_page_view
from .templates import Theme
from .views import PageView, ViewBuilder

STATIC_PREFIX = "static"


@dataclass
class BuildResult:
    """What a build did, for the CLI to report."""

    out_dir: Path
    pages: int = 0
    files: int = 0
    warnings: list[SiteBuilderError] = field(default_factory=list)
    timings: list[tuple[str, float]] = field(default_factory=list)
    outputs: dict[str, str] = field(default_factory=dict)
    """Every file written, relative to `out_dir`, and the source it was made from."""
    changed: frozenset[str] = frozenset()
    """Files whose bytes differ from the previous output (new and deleted files included)."""
    next_change: datetime | None = None
    """When the output would change by itself (a message or a page's time): rebuild then."""
    next_change_reason: str = ""
    search_languages: dict[str, int] = field(default_factory=dict)
    """Pages indexed for search, per language (empty with `search=False`)."""
    report: Report | None = None
    """What the checks found (warnings, silenced findings, LIX per page)."""
    rendered: int = 0
    """Output pages whose template was rendered (the others were unchanged)."""
    unchanged: bool = False
    """Nothing had changed since the last build: nothing was done."""
    processes: int = 1
    """Processes the pages were rendered in."""
    search_stale: bool = False
    """The search index was left as it was (`search_later`): a later build updates it."""
    text_only: bool = False
    """Only the text of some pages had changed: only they (and their translations) were
    looked at."""


@dataclass(frozen=True)
class Rendered:
    """The site with every page body turned into HTML."""

    site: Site
    bodies: dict[str, RenderedMarkdown]
    """Page source path → its rendered Markdown."""
    errors: tuple[SiteBuilderError, ...] = ()


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


@dataclass(frozen=True)
class Options:
    now: datetime | None
    preview: bool
    search: bool
    strict: bool
    checks: bool
    cache: bool
    workers: int | None
    search_later: bool = False

    def digest(self) -> str:
        """What in the options changes the output (the number of workers does not)."""
        return repr((self.now, self.preview, self.search, self.strict, self.checks))


@dataclass
class Memory:
    """What the preview server keeps between builds, in its process.

    The pages it read (by file size and mtime: a rebuild reads only the files
    that changed), and the build cache's state, which it writes to disk only
    when idle (`persist`): an editor's save does not wait for it.
    """

    quick: Quick | None = None
    full: Full | None = None
    report: Report | None = None
    pages: dict[str, tuple[tuple[int, int], str, PageFile, Page | None, list[SiteBuilderError]]] = (
        field(default_factory=dict)
    )
    loaded: _Loaded | None = None
    """The site of the last good build (a rebuild after a text edit starts from it)."""
    theme: tuple[str, Theme] | None = None
    """The theme's compiled templates, and the digest of the theme's files they came from."""
    unsaved: bool = False


def persist(memory: Memory, site_dir: Path, out_dir: Path) -> None:
    """Write the state a `memory` holds into the build cache on disk."""
    if not memory.unsaved or memory.quick is None or memory.full is None:
        return
    store = BuildCache.for_output(site_dir.resolve(), out_dir)
    store.save(memory.quick, memory.full, memory.report)
    memory.unsaved = False


class _Reader:
    """Reads page files through the preview server's memory: unchanged files are not read."""

    def __init__(self, memory: Memory, snapshot: Snapshot, language: str) -> None:
        self.memory = memory
        self.snapshot = snapshot
        self.language = language
        self.seen: set[str] = set()

    def __call__(
        self, page_file: PageFile, config: SiteConfig, errors: list[SiteBuilderError]
    ) -> Page | None:
        self.seen.add(page_file.source)
        stamp = self.snapshot.get(str(page_file.path))
        kept = self.memory.pages.get(page_file.source)
        if kept is not None and stamp is not None and kept[:3] == (stamp, self.language, page_file):
            errors.extend(kept[4])
            return kept[3]
        problems: list[SiteBuilderError] = []
        page = read_page(page_file, config, problems)
        errors.extend(problems)
        if stamp is not None:
            self.memory.pages[page_file.source] = (stamp, self.language, page_file, page, problems)
        return page

    def forget_the_rest(self) -> None:
        for source in set(self.memory.pages) - self.seen:
            del self.memory.pages[source]


@dataclass
class _Loaded:
    """The site as read, with what was found while reading it."""

    site: Site
    errors: list[SiteBuilderError]
    warnings: list[SiteBuilderError]
    statement: Statement | None
    today: date
    static: dict[str, StaticFile] = field(default_factory=dict)
    signatures: dict[str, tuple[str, str]] | None = None
    """Source → (signature, digest), when already known."""


def _load(
    config: SiteConfig, options: Options, snapshot: Snapshot, memory: Memory | None
) -> _Loaded:
    reader = _Reader(memory, snapshot, config.source_language) if memory else None
    site, errors = load_site_reporting(
        config, now=options.now, preview=options.preview, reader=reader
    )
    if reader is not None:
        reader.forget_the_rest()
    today = site.schedule.now.date() if site.schedule else date.today()
    statement, statement_errors = load_statement(config, site, today)
    errors.extend(statement_errors)
    return _Loaded(site, errors, list(site.warnings), statement, today)


def _reread_texts(
    memory: Memory,
    last: _Loaded,
    config: SiteConfig,
    quick: Quick | None,
    full: Full | None,
    snapshot: Snapshot,
) -> _Loaded | None:
    """For the preview server: when only the text of some pages changed, the last site with
    just those pages read again. None when anything else may have changed (then the
    site is read as usual; the caller also checks that nothing but pages changed)."""
    if quick is None or full is None or quick.snapshot.keys() != snapshot.keys():
        return None  # files were added or removed
    if last.today != (last.site.schedule.now.date() if last.site.schedule else date.today()):
        return None
    by_path = {str(entry[2].path): (source, entry[2]) for source, entry in memory.pages.items()}
    pages = {page.source: index for index, page in enumerate(last.site.pages)}
    replaced = list(last.site.pages)
    signatures = dict(full.signatures)
    for path in changed_paths(quick.snapshot, snapshot):
        found = by_path.get(path)
        if found is None or found[0] not in pages:
            return None  # not a page of the site (a scheduled page, a new kind of file)
        source, page_file = found
        problems: list[SiteBuilderError] = []
        page = read_page(page_file, config, problems)
        old = replaced[pages[source]]
        if page is None or problems:
            return None
        page = replace(page, path=old.path)
        mark = signature(page)
        if signatures.get(source, ("", ""))[0] != mark:
            return None  # its front matter changed: other pages may show that
        replaced[pages[source]] = page
        signatures[source] = (mark, page.digest)
        memory.pages[source] = (snapshot[path], config.source_language, page_file, page, [])
    return _Loaded(
        site=replace(last.site, pages=tuple(replaced)),
        errors=list(last.errors),
        warnings=list(last.warnings),
        statement=last.statement,
        today=last.today,
        static=last.static,
        signatures=signatures,
    )


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
    store: BuildCache | None = None
    quick: Quick | None = None
    full: Full | None = None
    with timer.step("snapshot"):
        snapshot = take(input_roots(config))
        version = generator_version()
        if out_dir is not None and options.cache:
            store = BuildCache.for_output(config.root, out_dir)
            if memory is not None and memory.quick is not None:
                quick, full = memory.quick, memory.full
            else:
                quick = store.load_quick()
                if quick is not None and quick.version == version:
                    full = store.load_full()  # fingerprints hold whatever the options change
            if quick is not None and quick.version != version:
                full = None
    clock = datetime.now(config.tz)
    if (
        out_dir is not None
        and quick is not None
        and store is not None
        and unchanged(quick, version, options, snapshot, out_dir.resolve(), clock)
    ):
        return _nothing_to_do(result, quick, store, memory, options)
    inputs: _Loaded | None = None
    if memory is not None and memory.loaded is not None:
        with timer.step("content"):
            inputs = _reread_texts(memory, memory.loaded, config, quick, full, snapshot)
            if inputs is not None and not _only_text_may_have_changed(
                quick, full, version, options, snapshot, config, clock
            ):
                inputs = None
    if inputs is None:
        with timer.step("content"):
            inputs = _load(config, options, snapshot, memory)
        with timer.step("fingerprints"):
            inputs.site = fingerprint_content_assets(inputs.site)
            inputs.static = theme_files(config.theme_dir / "static", config.root)
    site, static, statement, today = inputs.site, inputs.static, inputs.statement, inputs.today
    content_errors = list(inputs.errors)
    result.warnings.extend(inputs.warnings)
    if site.schedule is not None:
        result.next_change = site.schedule.next_change
        result.next_change_reason = site.schedule.next_change_reason
    with timer.step("catalogs"):
        loaded = {lang: load_catalogs(config, lang) for lang in _all_languages(site)}
        catalogs = {lang: compile_catalogs(found) for lang, found in loaded.items()}
        shared = Shared(
            site=site,
            data=load_check_data(config),
            catalogs=loaded,
            template=template_catalog(config),
            today=today,
        )
    views = ViewBuilder(
        site,
        gettext_for=lambda lang: (catalogs.get(lang) or NullTranslations()).gettext,
        has_catalog=lambda lang: catalogs.get(lang) is not None,
    )
    reject_taken_addresses(site, views)
    with timer.step("changes"):
        signatures = inputs.signatures
        if signatures is None:
            signatures = {page.source: (signature(page), page.digest) for page in site.pages}
        focus = None
        if _only_text_may_have_changed(quick, full, version, options, snapshot, config, clock):
            assert full is not None
            focus = body_only_changes(site, signatures, full.signatures)
            result.text_only = focus is not None
    publish = out_dir is not None and not content_errors
    writer: JournaledOutput | None = None
    if publish and out_dir is not None:
        folders_moved = quick is None or not _folders_unchanged(quick, out_dir.resolve())
        writer = JournaledOutput(
            out_dir,
            quick.manifest if quick is not None else None,
            walk=folders_moved,
            trusted=memory is not None and quick is memory.quick,
        )
    staged: JournaledOutput | DryOutput = writer if writer is not None else DryOutput()
    cache_store = store or BuildCache.for_output(config.root, config.root / ".check")
    try:
        with timer.step("pages"):
            context = Context(
                site=site,
                views=views,
                theme=_theme(config, static, snapshot, memory),
                catalogs=catalogs,
                renderer=MarkdownRenderer(site, views.language_note, views.ui_lang),
                cache=cache_store,
                writer=writer,
                shared=shared if options.checks else None,
                settings=settings if options.checks else None,
                previous_pages=full.pages if full is not None else {},
                previous_markdown=full.markdown if full is not None else {},
                previous_light=full.light if full is not None else {},
                version=version,
                theme_digest=digest_files(snapshot, [config.theme_dir]),
                catalog_digests=_catalog_digests(snapshot, config, catalogs),
                checks_digest=text_digest(
                    [
                        version,
                        digest_files(snapshot, _global_roots(config)),
                        settings,
                        today,
                        [views.home_path(lang) for lang in site.languages],
                    ]
                ),
                markdown_digests=_markdown_digests(site, views),
                focus=focus,
                adjust=_statement_view(statement, site, views),
            )
            done_pages = _render_pages(context, _jobs(site, views), options, staged, result)
            done_pages.records.signatures = signatures
            content_errors.extend(done_pages.errors)
        with timer.step("feeds and sitemap"):
            if (
                focus is not None
                and full is not None
                and full.indexes
                and writer is not None
                and all(writer.current(rel) for rel in full.indexes)
            ):  # they show front matter and addresses only, which did not change
                for rel, origin in full.indexes.items():
                    writer.keep(rel, origin)
                indexes = dict(full.indexes)
            else:
                before = set(staged.written)
                write_indexes(site, views, staged, catalogs)
                indexes = {rel: o for rel, o in staged.written.items() if rel not in before}
            done_pages.records.indexes = indexes
        with timer.step("assets"):
            copy_assets(config, site, staged, static.values())

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
        search_digest = ""
        if options.search:
            with timer.step("search index"):
                if (
                    options.search_later
                    and full is not None
                    and quick is not None
                    and _defer_search_index(writer, full, quick)
                ):
                    if not writer.area.fresh:  # the mirror follows the output all the same
                        html = sorted(rel for rel in writer.written if rel.endswith(".html"))
                        _search_mirror(writer, cache_store.folder, html)
                    search_digest = full.search
                    result.search_languages = dict(quick.summary.search_languages)
                    result.search_stale = True
                else:
                    search_digest, languages = index_search(writer, cache_store.folder, full, quick)
                    result.search_languages = languages
        with timer.step("compress"):
            compress_text_files(writer)
        with timer.step("publish"):
            if store is not None:
                store.forget()
            manifest = writer.commit()
            result.files = len(writer.written)
            result.outputs = dict(writer.written)
            result.changed = frozenset(writer.changed)
            if options.search:
                search_mirror_done(cache_store.folder)
        new_state = None
        if store is not None:
            with timer.step("cache"):
                new_state = _state(result, options, version, snapshot, manifest, out_dir,
                                   done_pages, search_digest, today, config.tz)  # fmt: skip
                if memory is not None:
                    memory.quick, memory.full = new_state
                    memory.report = result.report
                    inputs.signatures = signatures
                    memory.loaded = inputs
                    memory.unsaved = True
                store.prune_markdown(set(done_pages.bodies.values()))
        if not checks_first:
            assert published is not None
            published(result)  # the pages are on disk: the preview reloads, the checks follow
            result.report = site_checks()
            if memory is not None:
                memory.report = result.report
            if result.report.failed(strict=options.strict):
                raise ChecksFailed(result.report, strict=options.strict)
        if store is not None and memory is None and new_state is not None:
            store.save(*new_state, result.report)
    except BaseException:
        staged.abort()
        raise
    finally:
        cache_store.close()
    return result


@dataclass
class _Pages:
    """What the pages step hands on: facts for the checks, keys of the bodies, records."""

    facts: list[PageFacts]
    bodies: dict[str, str]
    """Source → key of its rendered Markdown in the cache."""
    errors: list[SiteBuilderError]
    records: Full


def _jobs(site: Site, views: ViewBuilder) -> list[Job]:
    jobs = [
        Job(page.output_file, page.source, page.lang, page=index)
        for index, page in enumerate(site.pages)
    ]
    for lang in site.languages:  # their addresses, without making their views here
        home = views.home_path(lang)
        for special, path in (
            ("404", home + "404.html"),
            ("index", index_path(home, lang)),
            ("search", search_path(home, lang)),
        ):
            jobs.append(Job(_output_file(path, ""), special, lang, special=special))
    return jobs


def _render_pages(
    context: Context,
    jobs: list[Job],
    options: Options,
    staged: JournaledOutput | DryOutput,
    result: BuildResult,
) -> _Pages:
    pages = _Pages(facts=[], bodies={}, errors=[], records=Full())
    batch: list[tuple[str, bytes]] = []
    writer = context.writer
    previous_light = context.previous_light
    workers = 1 if context.focus is not None else workers_for(options.workers)
    result.processes = pagework.processes(len(jobs), workers)
    for done in pagework.run(context, jobs, workers):
        job = done.job
        if done.kept and not done.rendered_markdown and writer is not None:  # the usual case
            writer.keep(job.output, job.origin)
            writer.keep(job.output + ".gz", "gzip")
            pages.records.pages[job.output] = done.record
            if done.record.facts is not None:
                pages.facts.append(done.record.facts)
            if done.markdown is not None:
                pages.records.markdown[job.origin] = done.markdown
                pages.bodies[job.origin] = done.body_key
                light = previous_light.get(job.origin)
                if light is not None:
                    pages.records.light[job.origin] = light
            if job.page is not None:
                result.pages += 1
            continue
        if writer is not None:
            if done.kept:
                writer.keep(job.output, job.origin)
                writer.keep(job.output + ".gz", "gzip")
            else:
                for prepared in done.prepared:
                    writer.register(prepared, job.origin if prepared.rel == job.output else "gzip")
        else:
            staged.write(job.output, "", job.origin)
        pages.records.pages[job.output] = done.record
        if done.record.facts is not None:
            pages.facts.append(done.record.facts)
        if done.markdown is not None:
            pages.records.markdown[job.origin] = done.markdown
            pages.bodies[job.origin] = done.body_key
            light = done.light or previous_light.get(job.origin)
            if light is not None:
                pages.records.light[job.origin] = light
        if done.packed is not None:
            batch.append((done.body_key, done.packed))
            if len(batch) >= 200:
                context.cache.store_markdown(batch)
                batch = []
        pages.errors.extend(done.errors)
        if job.page is not None:
            result.pages += 1
        result.rendered += done.rendered_template
    context.cache.store_markdown(batch)
    return pages


def asset_urls(config: SiteConfig, static: dict[str, StaticFile]) -> Callable[[str], str]:
    """The `asset(name)` template global: the published, fingerprinted URL of a theme file."""

    def asset(name: str) -> str:
        file = static.get(name)
        if file is None:
            raise TemplateError(
                f"the theme uses a static file that does not exist: {name}",
                hint=f"add static/{name} to the theme {config.theme}",
            )
        return f"{config.url_prefix}/{STATIC_PREFIX}/{file.published}"

    return asset


def reject_taken_addresses(site: Site, views: ViewBuilder) -> None:
    """A content page may not take the address of the search page or the A–Ö index."""
    taken = set(generated_paths(views))
    raise_if_any(
        ContentError(
            f"this page gets the address {page.path}, which the generated "
            "search page or A–Ö index uses",
            page.location,
            "rename the file or give it another slug",
        )
        for page in site.pages
        if page.path in taken
    )


def index_search(
    writer: JournaledOutput, cache_folder: Path, full: Full | None, quick: Quick | None
) -> tuple[str, dict[str, int]]:
    """Pagefind's bundle for the new HTML, published file by file (unchanged files stay).

    Pagefind has no incremental mode, so it runs only when some HTML changed; it
    reads a folder holding the new site's HTML: the pending tree of a first
    build, otherwise a mirror of hard links kept in the cache.
    """
    html = sorted(rel for rel in writer.written if rel.endswith(".html"))
    digest = text_digest([(rel, writer.digest(rel)) for rel in html])
    bundle_files = [rel for rel in writer.previous if rel.startswith(BUNDLE_DIR + "/")]
    if full is not None and quick is not None and full.search == digest and bundle_files:
        for rel in bundle_files:
            if not rel.endswith(".gz"):
                writer.keep(rel, "search index")
        return digest, dict(quick.summary.search_languages)
    folder = writer.staging if writer.area.fresh else _search_mirror(writer, cache_folder, html)
    with tempfile.TemporaryDirectory(dir=writer.area.root, prefix="search-") as scratch:
        bundle = Path(scratch)
        languages = index_site(folder, bundle).languages
        for path in sorted(bundle.rglob("*")):
            if path.is_file():
                rel = path.relative_to(bundle).as_posix()
                writer.write(f"{BUNDLE_DIR}/{rel}", path.read_bytes(), "search index")
    return digest, languages


_MIRROR = "search-site"
_MIRROR_DONE = "complete"


def _search_mirror(writer: JournaledOutput, cache_folder: Path, html: list[str]) -> Path:
    """Hard links to the new output's HTML, updated in place (rebuilt when unsure)."""
    mirror = cache_folder / _MIRROR
    marker = cache_folder / f"{_MIRROR}.{_MIRROR_DONE}"
    if marker.exists():
        marker.unlink()
        wanted = set(html)
        for rel in writer.listed:
            if rel.endswith(".html") and rel not in wanted:
                (mirror / rel).unlink(missing_ok=True)
        todo = [rel for rel in html if rel in writer.changed or not (mirror / rel).exists()]
    else:
        shutil.rmtree(mirror, ignore_errors=True)
        todo = html
    for rel in todo:
        target = mirror / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.unlink(missing_ok=True)
        os.link(writer.source_of(rel), target)
    return mirror


def search_mirror_done(cache_folder: Path) -> None:
    """The mirror now matches the published output (its links share the files' inodes)."""
    if (cache_folder / _MIRROR).is_dir():
        (cache_folder / f"{_MIRROR}.{_MIRROR_DONE}").touch()


def compress_text_files(writer: JournaledOutput) -> None:
    """A `.gz` beside every text file, for the web server to send as it is."""
    for rel in sorted(writer.written):
        name = rel.rpartition("/")[2]
        suffix = name[name.rfind(".") :].lower() if "." in name else ""
        if suffix not in TEXT_SUFFIXES or suffix == ".gz":
            continue
        zipped = rel + ".gz"
        if writer.has(zipped):
            continue
        if rel not in writer.changed and writer.current(zipped):
            writer.keep(zipped, "gzip")
        else:
            writer.write(zipped, gzip_bytes(writer.read(rel)), "gzip")


def _output_file(url: str, prefix: str) -> str:
    rel = url.removeprefix(prefix).lstrip("/")
    return rel + "index.html" if rel.endswith("/") or not rel else rel


def render_markdown(
    site: Site,
    language_note: Callable[[str, str], str],
    note_lang: Callable[[str], str] | None = None,
    *,
    raise_errors: bool = True,
) -> Rendered:
    """Render every body; collect the errors of all pages, then fail once (or return them)."""
    renderer = MarkdownRenderer(site, language_note, note_lang)
    bodies: dict[str, RenderedMarkdown] = {}
    errors: list[SiteBuilderError] = []
    for page in site.pages:
        body = renderer.render(page)
        bodies[page.source] = body
        errors.extend(body.errors)
    if raise_errors:
        raise_if_any(errors)
    return Rendered(site=site, bodies=bodies, errors=tuple(errors))


def write_indexes(
    site: Site,
    views: ViewBuilder,
    staged: JournaledOutput | DryOutput,
    catalogs: dict[str, NullTranslations | None],
) -> None:
    staged.write("sitemap.xml", sitemap_xml(site, site.pages, views.absolute), "sitemap")
    staged.write("robots.txt", robots_txt(views.absolute), "robots")
    news_keys = [
        key
        for key in site.children(site.config.news_section)
        if not site.source_page(key).is_section
    ]
    for lang in site.languages:
        _ = (catalogs.get(lang) or NullTranslations()).gettext
        items = [page for key in news_keys if (page := site.page(key, lang)) is not None]
        items.sort(
            key=lambda p: (p.meta.date.isoformat() if p.meta.date else "", p.key), reverse=True
        )
        home = views.home_path(lang)
        feed = atom_xml(
            title=f"{views.site_title(lang)}: {_('News')}",
            lang=lang,
            feed_path=home + "atom.xml",
            home_path=home,
            items=items,
            absolute=views.absolute,
            author=views.site_title(lang),
        )
        staged.write(home.lstrip("/") + "atom.xml", feed, f"feed {lang}")


def copy_assets(
    config: SiteConfig,
    site: Site,
    staged: JournaledOutput | DryOutput,
    static: Iterable[StaticFile],
) -> None:
    for asset in site.assets:
        staged.copy(asset.path.lstrip("/"), config.root / asset.source, asset.source)
    for file in static:
        staged.write(f"{STATIC_PREFIX}/{file.published}", file.data, f"theme {file.name}")


def _all_languages(site: Site) -> list[str]:
    return [*site.languages, *site.other_languages()]


def page_of(site: Site, source: str) -> Page | None:
    return next((page for page in site.pages if page.source == source), None)


def unchanged(
    quick: Quick,
    version: str,
    options: Options,
    snapshot: Snapshot,
    out_dir: Path,
    clock: datetime,
) -> bool:
    """True when the last build's output is still exactly what a build would write now."""
    if quick.version != version or quick.options != options.digest():
        return False
    if quick.search_stale and not options.search_later:
        return False  # the last build left the search index behind
    if quick.snapshot != snapshot:
        return False
    if options.now is None and quick.valid_until is not None and clock >= quick.valid_until:
        return False
    if pending_dir(out_dir).exists():
        return False
    for rel, record in quick.manifest.items():
        try:
            info = os.stat(out_dir / rel)
        except OSError:
            return False
        if (info.st_size, info.st_mtime_ns, info.st_ino) != (
            record.size,
            record.mtime_ns,
            record.inode,
        ):
            return False
    return _folders_unchanged(quick, out_dir)


def _statement_view(
    statement: Statement | None, site: Site, views: ViewBuilder
) -> Callable[[Page, PageView], PageView] | None:
    """The accessibility statement's page gets its data from data/accessibility.yaml."""
    if statement is None:
        return None

    def adjust(page: Page, view: PageView) -> PageView:
        if page.key != statement.page:
            return view
        unit = site.organisation.get(statement.feedback_unit)
        contact = views.contact_for(unit, page.lang)
        if contact is None:  # the loader made sure the unit exists
            return view
        return statement_page_view(
            view,
            statement,
            contact,
            views.gettext_for(view.ui_lang),
            views.language_note,
            site.source_language,
        )

    return adjust


def _theme(
    config: SiteConfig, static: dict[str, StaticFile], snapshot: Snapshot, memory: Memory | None
) -> Theme:
    """The theme's Jinja environment; the preview server keeps its compiled templates."""
    if memory is None:
        return Theme(config, asset_url=asset_urls(config, static))
    key = text_digest([digest_files(snapshot, [config.theme_dir]), config.url_prefix,
                       config.theme_dir])  # fmt: skip
    if memory.theme is None or memory.theme[0] != key:
        memory.theme = (key, Theme(config, asset_url=asset_urls(config, static)))
    return memory.theme[1]


def _only_text_may_have_changed(
    quick: Quick | None,
    full: Full | None,
    version: str,
    options: Options,
    snapshot: Snapshot,
    config: SiteConfig,
    clock: datetime,
) -> bool:
    """True when only pages in `content/` changed since a build with the same everything else.

    Then `body_only_changes` decides, from the pages' signatures, whether only
    their text changed (the common edit), and which pages that concerns.
    """
    if quick is None or full is None or not full.signatures:
        return False
    if quick.version != version or quick.options != options.digest():
        return False
    if options.now is None and quick.valid_until is not None and clock >= quick.valid_until:
        return False
    content = str(config.content_dir.resolve()) + os.sep
    return all(
        path.startswith(content) and path.endswith(".md")
        for path in changed_paths(quick.snapshot, snapshot)
    )


def _folders_unchanged(quick: Quick, out_dir: Path) -> bool:
    for rel, mtime in quick.folders.items():
        try:
            if os.stat(out_dir / rel).st_mtime_ns != mtime:
                return False
        except OSError:
            return False
    return True


def _defer_search_index(writer: JournaledOutput, full: Full, quick: Quick) -> bool:
    """For `search_later`: keep the index as it is when it is out of date (True), unless
    there is none to keep, or it is current anyway (then the build makes or keeps it)."""
    bundle = [rel for rel in writer.previous if rel.startswith(BUNDLE_DIR + "/")]
    html = sorted(rel for rel in writer.written if rel.endswith(".html"))
    if not bundle or full.search == text_digest([(rel, writer.digest(rel)) for rel in html]):
        return False
    for rel in bundle:
        if not rel.endswith(".gz"):
            writer.keep(rel, "search index")
    return True


def _nothing_to_do(
    result: BuildResult, quick: Quick, store: BuildCache, memory: Memory | None, options: Options
) -> BuildResult:
    summary = quick.summary
    result.pages = summary.pages
    result.files = summary.files
    result.warnings.extend(summary.warnings)
    result.next_change = summary.next_change
    result.next_change_reason = summary.next_change_reason
    result.search_languages = dict(summary.search_languages)
    result.outputs = {}  # nothing written; the last build's outputs stand
    result.report = memory.report if memory is not None else store.load_report()
    result.unchanged = True
    if result.report is not None and result.report.failed(strict=options.strict):
        raise ChecksFailed(result.report, strict=options.strict)  # published anyway: a preview
    return result


def _state(
    result: BuildResult,
    options: Options,
    version: str,
    snapshot: Snapshot,
    manifest: dict[str, FileRecord],
    out_dir: Path,
    pages: _Pages,
    search_digest: str,
    today: date,
    zone: tzinfo,
) -> tuple[Quick, Full]:
    root = out_dir.resolve()
    folders: dict[str, int] = {}
    for name in {"", *(rel.rpartition("/")[0] for rel in manifest)}:
        with suppress(OSError):
            folders[name] = os.stat(os.path.join(root, name)).st_mtime_ns
    # The checks (review dates) and the statement's validation read today's date: the
    # output is as good as new until midnight, or until the next scheduled change.
    tomorrow = datetime.combine(today + timedelta(days=1), datetime.min.time(), tzinfo=zone)
    valid_until = min(result.next_change, tomorrow) if result.next_change else tomorrow
    summary = Summary(
        pages=result.pages,
        files=result.files,
        warnings=tuple(result.warnings),
        next_change=result.next_change,
        next_change_reason=result.next_change_reason,
        search_languages=dict(result.search_languages),
    )
    quick = Quick(
        version,
        options.digest(),
        snapshot,
        manifest,
        folders,
        valid_until,
        summary,
        search_stale=result.search_stale,
    )
    pages.records.search = search_digest
    return quick, pages.records


def _catalog_digests(
    snapshot: Snapshot, config: SiteConfig, catalogs: dict[str, NullTranslations | None]
) -> dict[str, str]:
    """Per interface language: the catalogs it reads (any catalog file counts, to be safe)."""
    every = digest_files(snapshot, list(config.locale_dirs))
    return {lang: text_digest([every, lang, catalogs.get(lang) is None]) for lang in catalogs}


def _global_roots(config: SiteConfig) -> list[Path]:
    """Inputs every page's checks may read: settings, data, catalogs, the theme."""
    return [config.root / CONFIG_FILE, config.data_dir, *config.locale_dirs, config.theme_dir]


def _markdown_digests(site: Site, views: ViewBuilder) -> dict[str, str]:
    """What a body depends on per language, besides its own text and its links."""
    languages = _all_languages(site)
    return {
        lang: text_digest(
            [
                site.config.url_prefix,
                site.glossary.in_language(lang),
                [views.language_note(lang, other) for other in languages],
                views.ui_lang(lang),
            ]
        )
        for lang in languages
    }
