"""Deciding what a build must do again, from what the last build left in the cache.

Three answers, cheapest first: nothing changed (`unchanged`: `stat` calls only,
and the last build's report is given again); only the text of some pages
changed (`text_changes`: only they and their translations are looked at);
or anything else (every page's fingerprint, made of the digests below, decides
whether it is rendered again). When unsure the answer is always "do more":
a full build is the safe default, and an incremental build writes the same
bytes as a clean one. After publishing, `new_state` records what the next
build compares with.
"""

from __future__ import annotations

import os
from contextlib import suppress
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from pathlib import Path

from babel.support import NullTranslations

from .buildcache import BuildCache, Full, Quick, SearchRecord, Summary
from .buildresult import BuildResult, Options
from .checks import ChecksFailed, Settings
from .config import CONFIG_FILE, SiteConfig
from .journal import FileRecord, pending_dir
from .memory import Memory
from .model import Site
from .pagework import body_only_changes, digest_files, signature, text_digest
from .snapshot import Snapshot, changed_paths, generator_version, input_roots, take
from .views import ViewBuilder


@dataclass(frozen=True)
class Baseline:
    """The inputs as they are now, and what the last build left to compare them with."""

    snapshot: Snapshot
    version: str
    store: BuildCache | None
    """The cache of this output (None: `check`, or a build without the cache)."""
    quick: Quick | None
    full: Full | None


def baseline(
    config: SiteConfig, out_dir: Path | None, options: Options, memory: Memory | None
) -> Baseline:
    """Take the snapshot of the inputs, and find the last build's state (memory, or disk)."""
    snapshot = take(input_roots(config))
    version = generator_version()
    store: BuildCache | None = None
    quick: Quick | None = None
    full: Full | None = None
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
    return Baseline(snapshot, version, store, quick, full)


def all_languages(site: Site) -> list[str]:
    return [*site.languages, *site.other_languages()]


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
    return folders_unchanged(quick, out_dir)


def folders_unchanged(quick: Quick, out_dir: Path) -> bool:
    root = str(out_dir)
    for rel, mtime in quick.folders.items():
        try:
            if os.stat(os.path.join(root, rel)).st_mtime_ns != mtime:
                return False
        except OSError:
            return False
    return True


def nothing_to_do(
    result: BuildResult, quick: Quick, store: BuildCache, memory: Memory | None, options: Options
) -> BuildResult:
    """The result of a build that found nothing changed: the last build's, reported again."""
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


def only_text_may_have_changed(
    base: Baseline, options: Options, config: SiteConfig, clock: datetime
) -> bool:
    """True when only pages in `content/` changed since a build with the same everything else.

    Then `body_only_changes` decides, from the pages' signatures, whether only
    their text changed (the common edit), and which pages that concerns.
    """
    quick, full = base.quick, base.full
    if quick is None or full is None or not full.signatures:
        return False
    if quick.version != base.version or quick.options != options.digest():
        return False
    if options.now is None and quick.valid_until is not None and clock >= quick.valid_until:
        return False
    content = str(config.content_dir.resolve()) + os.sep
    return all(
        path.startswith(content) and path.endswith(".md")
        for path in changed_paths(quick.snapshot, base.snapshot)
    )


def text_changes(
    site: Site,
    known: dict[str, tuple[str, str]] | None,
    base: Baseline,
    options: Options,
    config: SiteConfig,
    clock: datetime,
) -> tuple[dict[str, tuple[str, str]], frozenset[str] | None]:
    """Every page's (signature, digest), and the keys of the pages whose text alone
    changed (None when anything else may have: then every page is looked at)."""
    signatures = known
    if signatures is None:
        signatures = {page.source: (signature(page), page.digest) for page in site.pages}
    focus = None
    if only_text_may_have_changed(base, options, config, clock):
        assert base.full is not None
        focus = body_only_changes(site, signatures, base.full.signatures)
    return signatures, focus


def catalog_digests(
    snapshot: Snapshot, config: SiteConfig, catalogs: dict[str, NullTranslations | None]
) -> dict[str, str]:
    """Per interface language: the catalogs it reads (any catalog file counts, to be safe)."""
    every = digest_files(snapshot, list(config.locale_dirs))
    return {lang: text_digest([every, lang, catalogs.get(lang) is None]) for lang in catalogs}


def global_roots(config: SiteConfig) -> list[Path]:
    """Inputs every page's checks may read: settings, data, catalogs, the theme."""
    return [config.root / CONFIG_FILE, config.data_dir, *config.locale_dirs, config.theme_dir]


def checks_digest(
    base: Baseline, config: SiteConfig, settings: Settings, today: date, views: ViewBuilder
) -> str:
    """What every page's checks depend on besides the page itself."""
    return text_digest(
        [
            base.version,
            digest_files(base.snapshot, global_roots(config)),
            settings,
            today,
            [views.home_path(lang) for lang in views.site.languages],
        ]
    )


def markdown_digests(site: Site, views: ViewBuilder) -> dict[str, str]:
    """What a body depends on per language, besides its own text and its links."""
    languages = all_languages(site)
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


def new_state(
    result: BuildResult,
    options: Options,
    base: Baseline,
    manifest: dict[str, FileRecord],
    out_dir: Path,
    records: Full,
    search: SearchRecord,
    today: date,
    zone: tzinfo,
) -> tuple[Quick, Full]:
    """What the next build compares with: the inputs, the output as written, the records."""
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
        base.version,
        options.digest(),
        base.snapshot,
        manifest,
        folders,
        valid_until,
        summary,
        search_stale=result.search_stale,
    )
    records.search = search
    return quick, records
