"""Translation files as text: start one from its source page, and record its source version.

These edits work on the file's text, line by line, and change nothing else:
a translator's comments, key order and blank lines stay as they were, so
`git diff` shows exactly the one line the tool touched.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import PurePosixPath

import yaml

from ..errors import ContentError, Location
from ..files import parse_yaml
from . import frontmatter

SOURCE_VERSION = "source_version"
_NAME = re.compile(r"^(?P<stem>.+)\.(?P<lang>[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)\.md$")
_VERSION_LINE = re.compile(rf"^{SOURCE_VERSION}\s*:.*$")
#: Front matter a translation carries over from its source page unchanged.
COPIED_KEYS = ("date",)


@dataclass(frozen=True)
class PageName:
    """A page file named `STEM.LANG.md`, as a site-relative path."""

    path: str
    stem: str
    """The path without `.LANG.md`: `content/kommun/policy`."""
    lang: str

    def in_language(self, lang: str) -> str:
        return f"{self.stem}.{lang}.md"


def page_name(path: str) -> PageName | None:
    """Split `content/x/page.fi.md` into its stem and language; None for other files."""
    posix = PurePosixPath(path)
    match = _NAME.match(posix.name)
    if match is None:
        return None
    stem = (posix.parent / match.group("stem")).as_posix()
    return PageName(path=path, stem=stem, lang=match.group("lang"))


def recorded_version(text: str, location: Location) -> tuple[str | None, int | None]:
    """The `source_version` a translation records, and the file line it is on."""
    parts = frontmatter.split(text, location)
    raw = parse_yaml(parts.yaml_text, location, ContentError, first_line=parts.yaml_line)
    lines = frontmatter.key_lines(parts.yaml_text, parts.yaml_line)
    value = raw.get(SOURCE_VERSION) if isinstance(raw, dict) else None
    return (str(value).strip() or None) if value is not None else None, lines.get(SOURCE_VERSION)


def with_source_version(text: str, version: str, location: Location) -> str:
    """The file's text recording `version`: the existing line replaced, or one added
    as the last front matter line."""
    parts = frontmatter.split(text, location)  # validates that there is front matter
    lines = text.split("\n")
    end = parts.body_line - 2  # index of the closing fence
    new_line = f"{SOURCE_VERSION}: {version}"
    for index in range(1, end):
        if _VERSION_LINE.match(lines[index]):
            lines[index] = new_line
            return "\n".join(lines)
    lines.insert(end, new_line)
    return "\n".join(lines)


def new_translation(source_text: str, version: str, lang: str, location: Location) -> str:
    """A translation file to fill in: the source's title and summary to translate,
    the source version recorded, and the source text below, to be replaced."""
    meta, parts, _ = frontmatter.parse(source_text, location, is_source=True)
    name = page_name(location.path)
    source_lang = name.lang if name else "sv"
    copied = [
        line
        for line in parts.yaml_text.split("\n")
        if any(re.match(rf"^{key}\s*:", line) for key in COPIED_KEYS)
    ]
    head = [
        "---",
        f"# Translation into '{lang}' of {location.path}. Translate the title, the summary",
        f"# and the text below; keep links pointing to the .{source_lang}.md files. When done:",
        f"# site-builder i18n status --lang {lang}",
        f"title: {_yaml_text(meta.title)}",
        f"summary: {_yaml_text(meta.summary)}",
        "# slug: this-page   (optional: the page's own part of the address in this language)",
        *copied,
        f"{SOURCE_VERSION}: {version}",
        "---",
    ]
    return "\n".join(head) + "\n" + parts.body


def _yaml_text(value: str) -> str:
    """A one-line YAML string, quoted only when plain YAML would read it differently."""
    try:
        if yaml.safe_load(f"k: {value}") == {"k": value} and "\n" not in value:
            return value
    except yaml.YAMLError:
        pass
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a YAML string
