"""Every output that is not a page: sitemap, robots.txt, feeds, assets, theme files, gzip.

The pages step writes the HTML; these files are made from the whole site (the
indexes) or copied as they are (assets), and each text file then gets a `.gz`
beside it. They are cheap next to the pages, so they sit in one module of
their own rather than in the build's orchestration.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from babel.support import NullTranslations

from .compress import TEXT_SUFFIXES, gzip_bytes
from .config import SiteConfig
from .errors import TemplateError, msg
from .feeds import atom_xml
from .fingerprint import StaticFile
from .journal import JournaledOutput
from .model import Site
from .output import DryOutput
from .sitemap import robots_txt, sitemap_xml
from .views import ViewBuilder

STATIC_PREFIX = "static"


def write_or_keep_indexes(
    site: Site,
    views: ViewBuilder,
    staged: JournaledOutput | DryOutput,
    catalogs: dict[str, NullTranslations | None],
    previous: dict[str, str] | None,
) -> dict[str, str]:
    """The sitemap, robots.txt and feeds, written or, when only page texts changed
    (`previous` is then the last build's), kept; returns them with their origins."""
    if (
        previous
        and isinstance(staged, JournaledOutput)
        and all(staged.current(rel) for rel in previous)
    ):  # they show front matter and addresses only, which did not change
        for rel, origin in previous.items():
            staged.keep(rel, origin)
        return dict(previous)
    before = set(staged.written)
    write_indexes(site, views, staged, catalogs)
    return {rel: o for rel, o in staged.written.items() if rel not in before}


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


def asset_urls(config: SiteConfig, static: dict[str, StaticFile]) -> Callable[[str], str]:
    """The `asset(name)` template global: the published, fingerprinted URL of a theme file."""

    def asset(name: str) -> str:
        file = static.get(name)
        if file is None:
            raise TemplateError(
                msg("the theme uses a static file that does not exist: %(name)s"),
                hint=msg("add static/%(name)s to the theme %(theme)s"),
                name=name,
                theme=config.theme,
            )
        return f"{config.url_prefix}/{STATIC_PREFIX}/{file.published}"

    return asset


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
