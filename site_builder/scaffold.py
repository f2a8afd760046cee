"""`site-builder new`: start a page with its front matter filled in.

An editor names the page (`kontakt/oppettider`); the file gets a title made
from the name, today's date as `reviewed`, and the sender most pages of that
section already have, so the page names the right unit from the start. The
summary is left for the editor to write: until it is written the build says
so, at its line, so an unfinished page is never published by accident.

Like the translators' commands, this needs only `site.yaml` and the
section's own files, not a site that builds.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path, PurePosixPath

from .config import SiteConfig, load_config
from .content import frontmatter
from .content.load import SECTION_STEM
from .errors import ContentError, Location, SiteBuilderError, UsageError
from .files import decode_utf8, load_yaml_file

_SEGMENT = re.compile(r"^[\w][\w-]*$")


@dataclass(frozen=True)
class NewPage:
    path: str
    """The file created, relative to the site root."""
    title: str
    sender: str | None
    sender_from: str
    """Where the sender came from, for the editor: a section, or the site's default."""


def new_page(site_dir: Path, spec: str, today: date | None = None) -> NewPage:
    """Create `content/SECTION/NAME.<source language>.md`; refuse to overwrite anything."""
    config = load_config(site_dir)
    lang = config.source_language
    parts = _parts(spec, lang)
    folder = config.content_dir.joinpath(*parts[:-1])
    name = parts[-1]
    target = folder / f"{name}.{lang}.md"
    rel = target.relative_to(config.root).as_posix()
    twins = [target]
    if name != SECTION_STEM:  # `a/b.sv.md` and `a/b/_index.sv.md` would share an address
        twins.append(folder / name / f"{SECTION_STEM}.{lang}.md")
    for twin in twins:
        if twin.exists():
            shown = twin.relative_to(config.root).as_posix()
            raise UsageError(
                "this page already exists",
                Location(shown),
                "open it to change it, or choose another name",
            )
    section_dir = folder.parent if name == SECTION_STEM else folder
    sender, sender_from = usual_sender(config, section_dir)
    title = title_from(parts[-2] if name == SECTION_STEM and len(parts) > 1 else name)
    reviewed = (today or date.today()).isoformat()
    text = page_text(title=title, sender=sender, reviewed=reviewed)
    folder.mkdir(parents=True, exist_ok=True)
    with target.open("x", encoding="utf-8") as handle:  # "x": never overwrite, even in a race
        handle.write(text)
    return NewPage(path=rel, title=title, sender=sender, sender_from=sender_from)


def page_text(*, title: str, sender: str | None, reviewed: str) -> str:
    """The new file: front matter with a note (in Swedish, for the editor) on the summary."""
    return (
        "---\n"
        f"title: {_yaml_text(title)}\n"
        "# Ingress: en eller två meningar med det viktigaste på sidan.\n"
        "summary:\n"
        f"sender: {sender or ''}\n"
        f"reviewed: {reviewed}\n"
        "---\n"
    )


def title_from(name: str) -> str:
    """`dina-rattigheter` → `Dina rattigheter`: a start the editor corrects (å, ä, ö)."""
    words = name.replace("_", " ").replace("-", " ").split()
    text = " ".join(words)
    return text[:1].upper() + text[1:]


def usual_sender(config: SiteConfig, folder: Path) -> tuple[str | None, str]:
    """The sender most source-language pages in `folder` have, else its parent's, and so on.

    Ties go to the sender of the section's own page (`_index`), then to the
    first in alphabetical order. Without any, the site's contact unit.
    """
    content = config.content_dir.resolve()
    here = folder.resolve()
    while here == content or here.is_relative_to(content):
        counts, index_sender = _senders_in(config, here)
        if counts:
            best = max(counts.values())
            tied = sorted(unit for unit, count in counts.items() if count == best)
            chosen = index_sender if index_sender in tied else tied[0]
            shown = here.relative_to(config.root).as_posix() + "/"
            return chosen, shown
        if here == content:
            break
        here = here.parent
    return _site_unit(config), "site.yaml"


def _senders_in(config: SiteConfig, folder: Path) -> tuple[Counter[str], str | None]:
    counts: Counter[str] = Counter()
    index_sender: str | None = None
    if not folder.is_dir():
        return counts, None
    lang = config.source_language
    for path in sorted(folder.glob(f"*.{lang}.md")):
        sender = _sender_of(path, config)
        if sender:
            counts[sender] += 1
            if path.name == f"{SECTION_STEM}.{lang}.md":
                index_sender = sender
    return counts, index_sender


def _sender_of(path: Path, config: SiteConfig) -> str | None:
    """A page's sender; a page with broken front matter simply does not count."""
    location = Location(path.relative_to(config.root).as_posix())
    try:
        text = decode_utf8(path.read_bytes(), location, ContentError)
        meta, _, _ = frontmatter.parse(text, location, is_source=True)
    except (OSError, SiteBuilderError):
        return None
    return meta.sender


def _site_unit(config: SiteConfig) -> str | None:
    if config.contact_unit:
        return config.contact_unit
    path = config.data_dir / "organisation.yaml"
    try:
        raw = load_yaml_file(path, config.root) if path.is_file() else None
    except SiteBuilderError:
        return None
    units = raw.get("units") if isinstance(raw, dict) else None
    return str(next(iter(units))) if isinstance(units, dict) and units else None


def _parts(spec: str, lang: str) -> list[str]:
    clean = spec.strip().replace("\\", "/").strip("/")
    clean = clean.removeprefix("content/")
    clean = re.sub(rf"(\.{re.escape(lang)})?\.md$", "", clean)
    parts = list(PurePosixPath(clean).parts) if clean else []
    if not parts or any(not _SEGMENT.match(part) for part in parts):
        raise UsageError(
            f"'{spec}' is not a page name",
            None,
            "give the section and the page's name in letters, digits and hyphens, "
            "like: site-builder new kontakt/oppettider",
        )
    return parts


def _yaml_text(value: str) -> str:
    """A title as a YAML scalar; quoted only when YAML would read it otherwise."""
    if re.fullmatch(r"[\w][\w .,-]*", value) and value.lower() not in (
        "yes",
        "no",
        "true",
        "false",
        "null",
        "on",
        "off",
    ):
        return value
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
