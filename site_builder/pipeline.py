"""The build: a flat list of named, timed steps.

load config → load content → render Markdown → render templates → write.
Every step reads what the one before produced; nothing reaches back. Any
error stops the build before the output folder is touched.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from babel.support import NullTranslations

from .config import SiteConfig, load_config
from .content.load import load_site
from .errors import SiteBuilderError, raise_if_any
from .feeds import atom_xml
from .i18n import load_translations
from .markdown import MarkdownRenderer, RenderedMarkdown
from .model import Page, Site
from .output import StagedOutput
from .sitemap import robots_txt, sitemap_xml
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


@dataclass(frozen=True)
class Rendered:
    """The site with every page body turned into HTML."""

    site: Site
    bodies: dict[str, RenderedMarkdown]
    """Page source path → its rendered Markdown."""


class _Timer:
    def __init__(self, result: BuildResult) -> None:
        self.result = result

    @contextmanager
    def step(self, name: str) -> Iterator[None]:
        start = time.perf_counter()
        yield
        self.result.timings.append((name, time.perf_counter() - start))


def build(site_dir: Path, out_dir: Path) -> BuildResult:
    """Build the site in `site_dir` into `out_dir`; raise `SiteBuilderError` on failure."""
    result = BuildResult(out_dir=out_dir.resolve())
    timer = _Timer(result)
    with timer.step("config"):
        config = load_config(site_dir)
        result.warnings.extend(config.warnings)
    with timer.step("content"):
        site = load_site(config)
    with timer.step("catalogs"):
        catalogs = {lang: load_translations(config, lang) for lang in _all_languages(site)}
    views = ViewBuilder(
        site,
        gettext_for=lambda lang: (catalogs.get(lang) or NullTranslations()).gettext,
        has_catalog=lambda lang: catalogs.get(lang) is not None,
    )
    with timer.step("markdown"):
        rendered = render_markdown(site, views.language_note)
    staged = StagedOutput(out_dir)
    try:
        with timer.step("templates"):
            theme = Theme(
                config, asset_url=lambda name: f"{config.url_prefix}/{STATIC_PREFIX}/{name}"
            )
            for page in site.pages:
                view = views.page_view(page, rendered.bodies[page.source].html)
                html = theme.render(view, catalogs.get(page.lang) or NullTranslations())
                staged.write(page.output_file, html, page.source)
                result.pages += 1
            for lang in site.languages:
                view = views.not_found_view(lang)
                html = theme.render(view, catalogs.get(lang) or NullTranslations())
                staged.write(view.url.removeprefix(config.url_prefix).lstrip("/"), html, "404")
        with timer.step("feeds and sitemap"):
            write_indexes(site, views, staged, catalogs)
        with timer.step("assets"):
            copy_assets(config, site, staged)
        with timer.step("publish"):
            result.files = len(staged.written)
            staged.commit()
            result.outputs = dict(staged.written)
            result.changed = frozenset(staged.changed)
    except BaseException:
        staged.abort()
        raise
    return result


def render_markdown(site: Site, language_note: Callable[[str, str], str]) -> Rendered:
    """Render every body; collect the errors of all pages, then fail once."""
    renderer = MarkdownRenderer(site, language_note)
    bodies: dict[str, RenderedMarkdown] = {}
    errors: list[SiteBuilderError] = []
    for page in site.pages:
        body = renderer.render(page)
        bodies[page.source] = body
        errors.extend(body.errors)
    raise_if_any(errors)
    return Rendered(site=site, bodies=bodies)


def write_indexes(
    site: Site,
    views: ViewBuilder,
    staged: StagedOutput,
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


def copy_assets(config: SiteConfig, site: Site, staged: StagedOutput) -> None:
    for asset in site.assets:
        staged.copy(asset.path.lstrip("/"), config.root / asset.source, asset.source)
    static = config.theme_dir / "static"
    if static.is_dir():
        for path in sorted(static.rglob("*")):
            if path.is_file() and not path.name.startswith("."):
                rel = path.relative_to(static).as_posix()
                staged.copy(f"{STATIC_PREFIX}/{rel}", path, f"theme {rel}")


def _all_languages(site: Site) -> list[str]:
    return [*site.languages, *site.other_languages()]


def page_of(site: Site, source: str) -> Page | None:
    return next((page for page in site.pages if page.source == source), None)
