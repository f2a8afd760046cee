"""The build: a flat list of named, timed steps.

load config → load content → render Markdown → render templates (each page
checked as it is rendered) → site-wide checks → search index → compress →
publish. Every step reads what the one before produced; nothing reaches back.
Any error, in the content or from a check, stops the build before the output
folder is touched; `check` runs the same steps and writes nothing.
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from babel.support import NullTranslations

from .checkdata import load_check_data
from .checks import (
    ChecksFailed,
    PageFacts,
    Report,
    Settings,
    Shared,
    SiteInput,
    check_page,
    finish,
    load_settings,
    page_input,
)
from .compress import gzip_bytes, text_files
from .config import SiteConfig, load_config
from .content.accessibility import load_statement
from .content.load import load_site_reporting
from .errors import ContentError, SiteBuilderError, TemplateError, raise_if_any
from .feeds import atom_xml
from .fingerprint import StaticFile, fingerprint_content_assets, theme_files
from .i18n import compile_catalogs, load_catalogs, template_catalog
from .markdown import MarkdownRenderer, RenderedMarkdown
from .model import Page, Site
from .output import DryOutput, StagedOutput
from .search_index import BUNDLE_DIR, index_site
from .sitemap import robots_txt, sitemap_xml
from .special_views import generated_paths, index_view, search_view
from .statement_views import statement_page_view
from .templates import Theme
from .views import ViewBuilder

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
    """Files whose bytes differ from the previous output (new files included)."""
    next_change: datetime | None = None
    """When the output would change by itself (a message or a page's time): rebuild then."""
    next_change_reason: str = ""
    search_languages: dict[str, int] = field(default_factory=dict)
    """Pages indexed for search, per language (empty with `search=False`)."""
    report: Report | None = None
    """What the checks found (warnings, silenced findings, LIX per page)."""


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
) -> BuildResult:
    """Build the site in `site_dir` into `out_dir`; raise `SiteBuilderError` on failure.

    `now` is the build's clock for scheduled pages and important messages (default:
    the current time); `preview` builds scheduled pages too; `search=False` skips
    the search index. Raises `ChecksFailed` (with the whole report) when a check
    finds an error, or a warning with `strict`; the previous output is then untouched.
    `checks=False` runs no rule (content errors still stop the build): for previews.
    """
    return _run(
        site_dir,
        out_dir,
        now=now,
        preview=preview,
        search=search,
        strict=strict,
        checks=checks,
    )


def check(site_dir: Path, *, now: datetime | None = None) -> BuildResult:
    """Run the build and every check, and write nothing; the report is in the result."""
    return _run(site_dir, None, now=now, preview=False, search=False, strict=False, checks=True)


def _run(
    site_dir: Path,
    out_dir: Path | None,
    *,
    now: datetime | None,
    preview: bool,
    search: bool,
    strict: bool,
    checks: bool,
) -> BuildResult:
    result = BuildResult(out_dir=(out_dir or site_dir).resolve())
    timer = _Timer(result)
    with timer.step("config"):
        config = load_config(site_dir)
        result.warnings.extend(config.warnings)
        settings = load_settings(config) if checks else Settings.none()
    with timer.step("content"):
        site, content_errors = load_site_reporting(config, now=now, preview=preview)
        result.warnings.extend(site.warnings)
        if site.schedule is not None:
            result.next_change = site.schedule.next_change
            result.next_change_reason = site.schedule.next_change_reason
        today = site.schedule.now.date() if site.schedule else date.today()
        statement, statement_errors = load_statement(config, site, today)
        content_errors.extend(statement_errors)
    with timer.step("fingerprints"):
        site = fingerprint_content_assets(site)
        static = theme_files(config.theme_dir / "static", config.root)
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
    with timer.step("markdown"):
        rendered = render_markdown(site, views.language_note, views.ui_lang, raise_errors=False)
        content_errors.extend(rendered.errors)
    publish = out_dir is not None and not content_errors
    staged: StagedOutput | DryOutput = StagedOutput(out_dir) if publish and out_dir else DryOutput()
    checker = _PageChecker(shared, settings, enabled=checks)
    try:
        start = time.perf_counter()
        theme = Theme(config, asset_url=asset_urls(config, static))
        for page in site.pages:
            body = rendered.bodies[page.source]
            view = views.page_view(page, body.html)
            if statement is not None and page.key == statement.page:
                unit = site.organisation.get(statement.feedback_unit)
                contact = views.contact_for(unit, page.lang)
                if contact is not None:  # the loader made sure the unit exists
                    view = statement_page_view(
                        view,
                        statement,
                        contact,
                        views.gettext_for(view.ui_lang),
                        views.language_note,
                        site.source_language,
                    )
            html = theme.render(view, catalogs.get(view.ui_lang) or NullTranslations())
            checker.check(page.output_file, page.lang, html, page, body)
            staged.write(page.output_file, html, page.source)
            result.pages += 1
        for lang in site.languages:
            for view in (
                views.not_found_view(lang),
                index_view(views, lang),
                search_view(views, lang),
            ):
                html = theme.render(view, catalogs.get(view.ui_lang) or NullTranslations())
                output = _output_file(view.url, config.url_prefix)
                checker.check(output, lang, html)
                staged.write(output, html, view.kind)
        result.timings.append(("templates", time.perf_counter() - start - checker.seconds))
        result.timings.append(("checks (pages)", checker.seconds))
        with timer.step("feeds and sitemap"):
            write_indexes(site, views, staged, catalogs)
        with timer.step("assets"):
            copy_assets(config, site, staged, static.values())
        with timer.step("checks (site)"):
            site_input = SiteInput(
                shared, rendered.bodies, tuple(checker.facts), frozenset(staged.written)
            )
            result.report = finish(site_input, settings, content_errors)
        if out_dir is None:  # `check`: report, write nothing
            return result
        if result.report.failed(strict=strict) or not isinstance(staged, StagedOutput):
            raise ChecksFailed(result.report, strict=strict)
        if search:
            with timer.step("search index"):
                result.search_languages = index_search(staged)
        with timer.step("compress"):
            compress_text_files(staged)
        with timer.step("publish"):
            result.files = sum(1 for path in staged.staging.rglob("*") if path.is_file())
            staged.commit()
            result.outputs = dict(staged.written)
            result.changed = frozenset(staged.changed)
    except BaseException:
        staged.abort()
        raise
    return result


class _PageChecker:
    """Runs the per-page checks on each page as it is rendered; keeps only the facts."""

    def __init__(self, shared: Shared, settings: Settings, *, enabled: bool = True) -> None:
        self.shared = shared
        self.settings = settings
        self.enabled = enabled
        self.facts: list[PageFacts] = []
        self.seconds = 0.0

    def check(
        self,
        output: str,
        lang: str,
        html: str,
        page: Page | None = None,
        body: RenderedMarkdown | None = None,
    ) -> None:
        if not self.enabled:
            return
        start = time.perf_counter()
        subject = page_input(output, lang, page, body, html, self.shared)
        self.facts.append(check_page(subject, self.settings))
        self.seconds += time.perf_counter() - start


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


def index_search(staged: StagedOutput) -> dict[str, int]:
    """Pagefind's bundle, published file by file so unchanged index files keep their mtime."""
    with tempfile.TemporaryDirectory(dir=staged.staging.parent, prefix=".search-") as scratch:
        bundle = Path(scratch)
        languages = index_site(staged.staging, bundle).languages
        for path in sorted(bundle.rglob("*")):
            if path.is_file():
                rel = path.relative_to(bundle).as_posix()
                staged.copy(f"{BUNDLE_DIR}/{rel}", path, "search index")
    return languages


def compress_text_files(staged: StagedOutput) -> None:
    """A `.gz` beside every text file, for the web server to send as it is."""
    for rel in list(text_files(staged.staging)):
        staged.write(rel + ".gz", gzip_bytes((staged.staging / rel).read_bytes()), "gzip")


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
    staged: StagedOutput | DryOutput,
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
    config: SiteConfig, site: Site, staged: StagedOutput | DryOutput, static: Iterable[StaticFile]
) -> None:
    for asset in site.assets:
        staged.copy(asset.path.lstrip("/"), config.root / asset.source, asset.source)
    for file in static:
        staged.write(f"{STATIC_PREFIX}/{file.published}", file.data, f"theme {file.name}")


def _all_languages(site: Site) -> list[str]:
    return [*site.languages, *site.other_languages()]


def page_of(site: Site, source: str) -> Page | None:
    return next((page for page in site.pages if page.source == source), None)
