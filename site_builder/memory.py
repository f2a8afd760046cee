"""Reading the site for a build, and what the preview server remembers between builds.

A build reads every page file; the preview server rebuilds on each save, so it
keeps what it read (`Memory`) and reads again only the files that changed, and
after an edit to a page's text only, starts from the last site with just that
page replaced. It keeps the compiled theme and the build cache's state too,
and writes that state to disk only when idle (`persist`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from babel.support import NullTranslations

from .buildcache import BuildCache, Full, Quick
from .buildresult import Options
from .checkdata import CheckData, load_check_data, plain_words_path
from .checks import Report
from .config import SiteConfig
from .content.accessibility import Statement, load_statement
from .content.load import PageFile, load_site_reporting, read_page
from .errors import SiteBuilderError
from .fingerprint import StaticFile
from .i18n import LoadedCatalog, compile_catalogs, load_catalogs, template_catalog
from .model import Page, Site
from .pagework import digest_files, signature, text_digest
from .site_files import asset_urls
from .snapshot import Snapshot, changed_paths
from .templates import Theme


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
    loaded: Loaded | None = None
    """The site of the last good build (a rebuild after a text edit starts from it)."""
    theme: tuple[str, Theme] | None = None
    """The theme's compiled templates, and the digest of the theme's files they came from."""
    languages: tuple[str, LanguageFiles] | None = None
    """The catalogs and the checks' word lists, and the digest of the files they came from."""
    unsaved: bool = False


def persist(memory: Memory, site_dir: Path, out_dir: Path) -> None:
    """Write the state a `memory` holds into the build cache on disk."""
    if not memory.unsaved or memory.quick is None or memory.full is None:
        return
    store = BuildCache.for_output(site_dir.resolve(), out_dir)
    store.save(memory.quick, memory.full, memory.report)
    memory.unsaved = False


class Reader:
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
class Loaded:
    """The site as read, with what was found while reading it."""

    site: Site
    errors: list[SiteBuilderError]
    warnings: list[SiteBuilderError]
    statement: Statement | None
    today: date
    static: dict[str, StaticFile] = field(default_factory=dict)
    signatures: dict[str, tuple[str, str]] | None = None
    """Source → (signature, digest), when already known."""


def load(config: SiteConfig, options: Options, snapshot: Snapshot, memory: Memory | None) -> Loaded:
    """Read the whole site (through `memory`, when there is one)."""
    reader = Reader(memory, snapshot, config.source_language) if memory else None
    site, errors = load_site_reporting(
        config, now=options.now, preview=options.preview, reader=reader
    )
    if reader is not None:
        reader.forget_the_rest()
    today = site.schedule.now.date() if site.schedule else date.today()
    statement, statement_errors = load_statement(config, site, today)
    errors.extend(statement_errors)
    return Loaded(site, errors, list(site.warnings), statement, today)


def reread_texts(
    memory: Memory,
    last: Loaded,
    config: SiteConfig,
    quick: Quick | None,
    full: Full | None,
    snapshot: Snapshot,
) -> Loaded | None:
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
    return Loaded(
        site=replace(last.site, pages=tuple(replaced)),
        errors=list(last.errors),
        warnings=list(last.warnings),
        statement=last.statement,
        today=last.today,
        static=last.static,
        signatures=signatures,
    )


@dataclass(frozen=True)
class LanguageFiles:
    """What the build reads from `locales/`, the theme's catalogs and tokens and the
    checks' data: parsed once, and again only when one of those files changes."""

    loaded: dict[str, tuple[LoadedCatalog, ...]]
    catalogs: dict[str, NullTranslations | None]
    data: CheckData
    template: LoadedCatalog | None


def language_files(
    config: SiteConfig, languages: Sequence[str], snapshot: Snapshot, memory: Memory | None
) -> LanguageFiles:
    """The interface's translations per language and the checks' data; the preview server
    keeps them while their files stay as they are (a save in `content/` reads none)."""
    if memory is None:
        return _read_language_files(config, languages)
    shipped = plain_words_path(config)
    key = text_digest(
        [
            digest_files(snapshot, [config.root / "data", config.theme_dir, *config.locale_dirs]),
            list(languages),
            shipped,
            _stamp(shipped),
        ]
    )
    if memory.languages is None or memory.languages[0] != key:
        memory.languages = (key, _read_language_files(config, languages))
    return memory.languages[1]


def _read_language_files(config: SiteConfig, languages: Sequence[str]) -> LanguageFiles:
    loaded = {lang: load_catalogs(config, lang) for lang in languages}
    return LanguageFiles(
        loaded=loaded,
        catalogs={lang: compile_catalogs(found) for lang, found in loaded.items()},
        data=load_check_data(config),
        template=template_catalog(config),
    )


def _stamp(path: Path | None) -> tuple[int, int] | None:
    """Size and modification time: the word list may live outside the site (shipped)."""
    if path is None:
        return None
    try:
        info = path.stat()
    except OSError:
        return None
    return (info.st_size, info.st_mtime_ns)


def theme_for(
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
