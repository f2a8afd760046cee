"""Load `content/` into the site model: pages, translations, URLs and assets.

The language lives in the file name (`sida.fi.md`), so a translation is the
Swedish page's path with another language code. Every problem in every file
is collected, so that one build reports all of them.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from ..config import SiteConfig
from ..errors import BuildFailed, ConfigError, ContentError, Location, SiteBuilderError, msg
from ..files import decode_utf8
from ..model import HOME_KEY, Asset, Glossary, Organisation, Page, Schedule, Site
from . import frontmatter
from .alerts import ALERTS_FILE, load_alerts, upcoming_changes
from .glossary import load_glossary
from .organisation import load_organisation
from .schedule import as_moment, hold_back, waiting_files
from .variants import check_variants

_PAGE_NAME = re.compile(r"^(?P<stem>.+)\.(?P<lang>[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)\.md$")
_SEGMENT = re.compile(r"^[\w][\w.-]*$")
SECTION_STEM = "_index"


@dataclass(frozen=True)
class PageFile:
    """A Markdown file found in `content/`, before it is read."""

    path: Path
    source: str
    key: str
    lang: str
    is_section: bool


def git_blob_id(data: bytes) -> str:
    """The id git gives these bytes (`git hash-object`): lets tools find the version in history."""
    return hashlib.sha1(b"blob %d\0" % len(data) + data, usedforsecurity=False).hexdigest()


def load_site(config: SiteConfig, *, now: datetime | None = None, preview: bool = False) -> Site:
    """Read every page and asset and assemble the `Site`; raise `BuildFailed` on any error.

    `now` is the build's clock (default: the current time): pages scheduled after it
    and messages not active at it are left out here, before any later stage runs.
    `preview` keeps scheduled pages.
    """
    site, errors = load_site_reporting(config, now=now, preview=preview)
    if errors:
        raise BuildFailed(errors)
    return site


PageReader = Callable[[PageFile, SiteConfig, list[SiteBuilderError]], "Page | None"]
"""Reads one page file (appending its problems); `read_page`, or a cache in front of it."""


def load_site_reporting(
    config: SiteConfig,
    *,
    now: datetime | None = None,
    preview: bool = False,
    reader: PageReader | None = None,
) -> tuple[Site, list[SiteBuilderError]]:
    """Like `load_site`, but return the problems beside the site instead of raising.

    Pages whose front matter cannot be read are left out; everything else is
    kept, so that `site-builder check` can report every problem in one run.
    `reader` reads each page file (the preview server keeps the pages it has read).
    """
    read = reader or read_page
    now = as_moment(now, config.tz) if now is not None else datetime.now(config.tz)
    errors: list[SiteBuilderError] = []
    try:
        organisation = load_organisation(config)
    except BuildFailed as failed:
        errors.extend(failed.errors)
        organisation = Organisation(units={})
    except SiteBuilderError as error:
        errors.append(error)
        organisation = Organisation(units={})
    try:
        glossary = load_glossary(config)
    except BuildFailed as failed:
        errors.extend(failed.errors)
        glossary = Glossary()
    except SiteBuilderError as error:
        errors.append(error)
        glossary = Glossary()

    page_files, assets = discover(config, errors)
    pages: list[Page] = []
    for page_file in page_files:
        page = read(page_file, config, errors)
        if page is not None:
            pages.append(page)
    sources = {page.source for page in pages}
    errors.extend(
        ContentError(
            msg("the home page cannot wait for publish_at: the site needs it"),
            page.line_of("publish_at"),
            msg("remove publish_at, and schedule the pages below it instead"),
        )
        for page in pages
        if page.key == HOME_KEY and page.lang == config.source_language and page.meta.publish_at
    )
    all_pages = pages
    pages, held = hold_back(
        pages, source_language=config.source_language, now=now, tz=config.tz, preview=preview
    )
    if held:
        waiting = [page for page in all_pages if page.source in held]
        held_files = waiting_files(waiting, pages, assets)
        assets = [asset for asset in assets if asset.source not in held_files]
    loaded = load_alerts(config)
    errors.extend(loaded.errors)
    for alert in loaded.alerts:
        if alert.link is not None and alert.link not in sources:
            errors.append(
                ConfigError(
                    msg("message '%(id)s': 'link' names a page that does not exist: %(link)s"),
                    Location(ALERTS_FILE, alert.line),
                    msg(
                        "give the path of the page's Markdown file, like content/kris/vatten.sv.md"
                    ),
                    id=alert.id,
                    link=alert.link,
                )
            )
    site = assemble(config, organisation, pages, assets, errors, glossary)
    errors.extend(check_variants(site, sources))
    changes = [(when, f"{source} is published") for source, when in held.items()]
    changes += upcoming_changes(loaded.alerts, now)
    next_change = min(changes, default=None)
    site = replace(
        site,
        alerts=tuple(alert for alert in loaded.alerts if alert.is_active(now)),
        schedule=Schedule(
            now=now,
            preview=preview,
            unpublished=held,
            next_change=next_change[0] if next_change else None,
            next_change_reason=next_change[1] if next_change else "",
            coming_alerts=tuple(alert for alert in loaded.alerts if alert.start > now),
        ),
        warnings=loaded.warnings,
    )
    return site, errors


def discover(
    config: SiteConfig, errors: list[SiteBuilderError]
) -> tuple[list[PageFile], list[Asset]]:
    """Walk `content/` in a stable order, sorting files into pages and assets."""
    root = config.content_dir
    if not root.is_dir():
        errors.append(
            ContentError(
                msg("the content/ folder is missing"),
                Location("content"),
                msg("create it, with the home page content/_index.sv.md in it"),
            )
        )
        return [], []
    page_files: list[PageFile] = []
    assets: list[Asset] = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        rel_dir = Path(dirpath).relative_to(root).as_posix()
        rel_dir = "" if rel_dir == "." else rel_dir
        for name in sorted(filenames):
            if name.startswith("."):
                continue
            rel = f"{rel_dir}/{name}" if rel_dir else name
            source = f"content/{rel}"
            bad = next((s for s in rel.split("/") if not _SEGMENT.match(s)), None)
            if bad is not None:
                errors.append(
                    ContentError(
                        msg("the name '%(name)s' cannot be part of a web address"),
                        Location(source),
                        msg("use letters, digits and hyphens, no spaces (like 'min-sida.sv.md')"),
                        name=bad,
                    )
                )
                continue
            if not name.endswith(".md"):
                assets.append(Asset(source=source, path="/" + rel))
                continue
            page_file = _classify(Path(dirpath) / name, source, rel_dir, name, config, errors)
            if page_file is not None:
                page_files.append(page_file)
    return page_files, assets


def _classify(
    path: Path,
    source: str,
    rel_dir: str,
    name: str,
    config: SiteConfig,
    errors: list[SiteBuilderError],
) -> PageFile | None:
    match = _PAGE_NAME.match(name)
    if match is None:
        errors.append(
            ContentError(
                msg("the file name has no language code"),
                Location(source),
                msg("name it like '%(name)s'"),
                name=f"{name[:-3]}.{config.source_language}.md",
            )
        )
        return None
    stem, lang = match.group("stem"), match.group("lang")
    if not config.knows_language(lang):
        errors.append(
            ContentError(
                msg("'%(code)s' in the file name is not a known language code"),
                Location(source),
                msg(
                    "use one of %(codes)s, or another ISO language code (one Babel does not "
                    "know needs its name under language_names in site.yaml)"
                ),
                code=lang,
                codes=", ".join(config.languages),
            )
        )
        return None
    is_section = stem == SECTION_STEM
    key = rel_dir if is_section else "/".join(filter(None, (rel_dir, stem)))
    return PageFile(path=path, source=source, key=key, lang=lang, is_section=is_section)


def read_page(
    page_file: PageFile, config: SiteConfig, errors: list[SiteBuilderError]
) -> Page | None:
    location = Location(page_file.source)
    try:
        data = page_file.path.read_bytes()
        text = decode_utf8(data, location, ContentError)
        meta, parts, problems = frontmatter.parse(
            text, location, is_source=page_file.lang == config.source_language
        )
    except OSError as exc:
        errors.append(
            ContentError(
                msg("cannot read the file: %(reason)s"),
                location,
                msg("check that the file exists and that you may read it"),
                reason=exc.strerror or exc,
            )
        )
        return None
    except SiteBuilderError as error:
        errors.append(error)
        return None
    errors.extend(problems)
    return Page(
        source=page_file.source,
        key=page_file.key,
        lang=page_file.lang,
        is_section=page_file.is_section,
        meta=meta,
        body=parts.body,
        body_line=parts.body_line,
        path="",  # set by assemble() once every slug is known
        digest=git_blob_id(data),
    )


def assemble(
    config: SiteConfig,
    organisation: Organisation,
    pages: list[Page],
    assets: Iterable[Asset],
    errors: list[SiteBuilderError],
    glossary: Glossary | None = None,
) -> Site:
    """Check the pages against each other, give each its URL, and build the `Site`."""
    source_lang = config.source_language
    by_key: dict[str, dict[str, Page]] = {}
    for page in pages:
        versions = by_key.setdefault(page.key, {})
        twin = versions.get(page.lang)
        if twin is not None:  # `kontakt.sv.md` beside `kontakt/_index.sv.md`
            errors.append(
                ContentError(
                    msg("this page gets the same address as %(other)s"),
                    page.location,
                    msg("remove one of them, or give one another file name"),
                    other=twin.source,
                )
            )
            continue
        versions[page.lang] = page

    kept: list[Page] = []
    for versions in by_key.values():
        if source_lang not in versions:
            for page in versions.values():
                errors.append(
                    ContentError(
                        msg("this translation has no %(code)s page"),
                        page.location,
                        msg("create %(source)s or rename this file"),
                        code=source_lang,
                        source=_source_name(page, source_lang),
                    )
                )
            continue
        # An unknown or missing sender is a finding of the `sender` check.
        kept.extend(versions.values())
    if HOME_KEY not in by_key and config.content_dir.is_dir():
        errors.append(
            ContentError(
                msg("the site has no home page"),
                Location(f"content/_index.{source_lang}.md"),
                msg("create the file with a title and a summary"),
            )
        )

    keys = {page.key for page in kept}
    parents = {key: _parent(key, keys) for key in keys}
    placed = [_with_path(page, by_key, config) for page in kept]
    _reject_duplicate_paths(placed, assets, errors)
    lang_order = {lang: i for i, lang in enumerate(config.languages)}
    placed.sort(key=lambda p: (p.key, lang_order.get(p.lang, len(lang_order)), p.lang))
    return Site(
        config=config,
        organisation=organisation,
        pages=tuple(placed),
        assets=tuple(assets),
        parents=parents,
        glossary=glossary or Glossary(),
    )


def _source_name(page: Page, source_lang: str) -> str:
    return re.sub(r"\.[^./]+\.md$", f".{source_lang}.md", page.source)


def _parent(key: str, keys: set[str]) -> str | None:
    """The nearest existing section above `key`; the home page for top-level pages."""
    if key == HOME_KEY:
        return None
    parts = key.split("/")
    for depth in range(len(parts) - 1, 0, -1):
        candidate = "/".join(parts[:depth])
        if candidate in keys:
            return candidate
    return HOME_KEY


def _with_path(page: Page, by_key: dict[str, dict[str, Page]], config: SiteConfig) -> Page:
    """Give a page its URL path, with translated slugs of its own and its sections."""
    prefix = "" if page.lang == config.source_language else f"/{page.lang}"
    if page.key == HOME_KEY:
        path = prefix + "/"
    else:
        parts = page.key.split("/")
        segments: list[str] = []
        for depth in range(1, len(parts) + 1):
            ancestor = "/".join(parts[:depth])
            own = page if depth == len(parts) else by_key.get(ancestor, {}).get(page.lang)
            segments.append((own.meta.slug if own else None) or parts[depth - 1])
        path = f"{prefix}/{'/'.join(segments)}/"
    return replace(page, path=path)


def _reject_duplicate_paths(
    pages: list[Page], assets: Iterable[Asset], errors: list[SiteBuilderError]
) -> None:
    seen: dict[str, str] = {}
    for page in pages:
        first = seen.setdefault(page.path, page.source)
        if first != page.source:
            errors.append(
                ContentError(
                    msg("this page gets the same address %(path)s as %(other)s"),
                    page.location,
                    msg("give one of them another file name or another slug"),
                    path=page.path,
                    other=first,
                )
            )
    outputs = {page.output_file: page.source for page in pages}
    for asset in assets:
        other = outputs.get(asset.path.lstrip("/"))
        if other:
            errors.append(
                ContentError(
                    msg("this file has the same address as the page %(other)s"),
                    Location(asset.source),
                    msg("rename the file"),
                    other=other,
                )
            )
