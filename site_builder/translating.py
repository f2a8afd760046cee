"""The translator's operations on files: start a translation, see what changed, mark it done.

They work on single files and need only `site.yaml`, not a site that builds:
a translator can record a finished translation even while another page has
an error. Git is needed only to show what changed (`source_changes`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .config import SiteConfig, load_config
from .content.load import git_blob_id
from .content.translation_file import (
    PageName,
    new_translation,
    page_name,
    recorded_version,
    with_source_version,
)
from .errors import ContentError, Location, UsageError, msg
from .files import decode_utf8, relative
from .textdiff import DiffLine, diff_lines
from .vcs import Commit, HistoryError, first_commit_with, read_blob, repository_root


@dataclass(frozen=True)
class Created:
    path: str
    source: str


@dataclass(frozen=True)
class Changes:
    translation: str
    source: str
    recorded: str
    current: str
    commit: Commit | None
    """The commit that brought in the version the translation was made from, if found."""
    lines: list[DiffLine]

    @property
    def up_to_date(self) -> bool:
        return self.recorded == self.current


@dataclass(frozen=True)
class Marked:
    translation: str
    source: str
    version: str
    changed: bool


def start_translation(site_dir: Path, file: Path, lang: str) -> Created:
    """Write `NAME.LANG.md` beside the source page `file`, ready to translate."""
    config = load_config(site_dir)
    source_path, name = _page_file(config, file)
    where = Location(name.path)
    if name.lang != config.source_language:
        raise UsageError(
            msg("%(file)s is not a source page"),
            where,
            msg("give the source page: site-builder i18n new %(code)s %(source)s"),
            file=name.path,
            code=lang,
            source=name.in_language(config.source_language),
        )
    if lang == config.source_language or not config.knows_language(lang):
        raise UsageError(
            msg("'%(code)s' is not a language to translate into"),
            None,
            msg("use a language code like %(codes)s (or ar, so, …)"),
            code=lang,
            codes=", ".join(config.languages[1:]) or "fi",
        )
    target = name.in_language(lang)
    target_path = config.root / target
    if target_path.exists():
        raise UsageError(
            msg("%(file)s already exists"),
            Location(target),
            msg("to bring it up to date: site-builder i18n diff %(file)s"),
            file=target,
        )
    data = source_path.read_bytes()
    text = decode_utf8(data, where, ContentError)
    target_path.write_text(new_translation(text, git_blob_id(data), lang, where), "utf-8")
    return Created(path=target, source=name.path)


def source_changes(site_dir: Path, file: Path) -> Changes:
    """The difference between the source version a translation records and the source now."""
    config = load_config(site_dir)
    translation_path, name = _page_file(config, file)
    source, source_path = _source_of(config, name)
    text = decode_utf8(translation_path.read_bytes(), Location(name.path), ContentError)
    recorded, line = recorded_version(text, Location(name.path))
    where = Location(name.path, line)
    if recorded is None:
        raise HistoryError(
            msg("%(file)s does not record which version of %(source)s it was made from"),
            Location(name.path),
            msg(
                "compare it with %(source)s by hand; when it matches: "
                "site-builder i18n done %(file)s"
            ),
            file=name.path,
            source=source,
        )
    current_data = source_path.read_bytes()
    current = git_blob_id(current_data)
    if recorded == current:
        return Changes(name.path, source, recorded, current, None, [])
    repo = repository_root(config.root, where)
    old_data = read_blob(repo, recorded, where)
    old_text = decode_utf8(old_data, Location(source), ContentError)
    new_text = decode_utf8(current_data, Location(source), ContentError)
    return Changes(
        translation=name.path,
        source=source,
        recorded=recorded,
        current=current,
        commit=first_commit_with(repo, recorded),
        lines=diff_lines(old_text, new_text),
    )


def mark_done(site_dir: Path, file: Path) -> Marked:
    """Record in a translation the source page's current version; nothing else changes."""
    config = load_config(site_dir)
    translation_path, name = _page_file(config, file)
    source, source_path = _source_of(config, name)
    version = git_blob_id(source_path.read_bytes())
    raw = translation_path.read_bytes()
    text = decode_utf8(raw, Location(name.path), ContentError)
    updated = with_source_version(text, version, Location(name.path))
    if updated == text:
        return Marked(name.path, source, version, changed=False)
    newline = "\r\n" if b"\r\n" in raw else "\n"
    bom = "\ufeff" if raw.startswith(b"\xef\xbb\xbf") else ""
    translation_path.write_bytes((bom + updated.replace("\n", newline)).encode("utf-8"))
    return Marked(name.path, source, version, changed=True)


def _page_file(config: SiteConfig, file: Path) -> tuple[Path, PageName]:
    """The file on disk and its name relative to the site root, checked to be a page."""
    candidates = [file] if file.is_absolute() else [Path.cwd() / file, config.root / file]
    existing = [c.resolve() for c in candidates if c.is_file()]
    # A relative path is read from the current folder, like any command's; from the
    # site's folder when that is where it is (`--site DIR content/…`).
    inside = [c for c in existing if c.is_relative_to(config.root)]
    if not existing:
        raise UsageError(
            msg("there is no file %(file)s"),
            None,
            msg("give the path of a page in content/"),
            file=file,
        )
    found = (inside or existing)[0]
    rel = relative(found, config.root)
    name = page_name(rel)
    if not rel.startswith("content/") or name is None:
        raise UsageError(
            msg("%(file)s is not a page of the site in %(folder)s"),
            None,
            msg("give a file in content/ named like NAME.LANG.md, or the site with --site DIR"),
            file=file,
            folder=config.root,
        )
    return found, name


def _source_of(config: SiteConfig, name: PageName) -> tuple[str, Path]:
    source_lang = config.source_language
    if name.lang == source_lang:
        raise UsageError(
            msg("%(file)s is a source page, not a translation"),
            Location(name.path),
            msg("give a translation, like %(example)s"),
            file=name.path,
            example=name.in_language(config.languages[-1]),
        )
    source = name.in_language(source_lang)
    path = config.root / source
    if not path.is_file():
        raise ContentError(
            msg("%(file)s has no source page %(source)s"),
            Location(name.path),
            msg("rename the translation to match its source page"),
            file=name.path,
            source=source,
        )
    return source, path
