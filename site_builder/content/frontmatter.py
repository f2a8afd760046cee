"""Front matter: the YAML block between `---` lines at the top of a page.

Every problem is located at the line of the key that has it, and all
problems in a file are reported together.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from ..errors import ContentError, Location, SiteBuilderError
from ..files import parse_yaml
from ..model import FrontMatter

_FENCE = "---"
_KEY_LINE = re.compile(r"^([A-Za-z_][\w-]*)\s*:", re.MULTILINE)
_SLUG = re.compile(r"^[\w][\w.-]*$")
_RULE_ID = re.compile(r"^[a-z][a-z0-9-]*$")

KNOWN_KEYS = frozenset(
    {
        "title",
        "summary",
        "sender",
        "reviewed",
        "date",
        "weight",
        "menu",
        "footer",
        "slug",
        "source_version",
        "publish_at",
        "variant_of",
        "video",
        "captions",
        "silence",
    }
)


@dataclass(frozen=True)
class SplitPage:
    yaml_text: str
    yaml_line: int
    """File line of the first YAML line."""
    body: str
    body_line: int


def split(text: str, location: Location) -> SplitPage:
    """Separate the front matter from the Markdown body."""
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != _FENCE:
        raise ContentError(
            "the page does not start with front matter",
            location.at_line(1),
            "begin the file with a line '---', then title: and summary:, then '---'",
        )
    for index in range(1, len(lines)):
        if lines[index].rstrip() in (_FENCE, "..."):
            return SplitPage(
                yaml_text="\n".join(lines[1:index]),
                yaml_line=2,
                body="\n".join(lines[index + 1 :]),
                body_line=index + 2,
            )
    raise ContentError(
        "the front matter is not closed",
        location.at_line(1),
        "add a line '---' after the last front matter line",
    )


def key_lines(yaml_text: str, first_line: int) -> dict[str, int]:
    """File line of each top-level key: cheap, and enough to locate problems."""
    lines: dict[str, int] = {}
    for match in _KEY_LINE.finditer(yaml_text):
        lines.setdefault(match.group(1), first_line + yaml_text.count("\n", 0, match.start()))
    return lines


def parse(
    text: str, location: Location, *, is_source: bool
) -> tuple[FrontMatter, SplitPage, list[SiteBuilderError]]:
    """Parse a page's front matter; raises only when nothing usable can be read.

    Problems with individual keys are returned, so the caller can report them
    together with the problems of every other page.
    """
    parts = split(text, location)
    raw = parse_yaml(parts.yaml_text, location, ContentError, first_line=parts.yaml_line)
    if raw is None:
        raw = {}
    if not isinstance(raw, dict):
        raise ContentError(
            "the front matter must be 'key: value' lines",
            location.at_line(parts.yaml_line),
            "write for example: title: Kontakta oss",
        )
    lines = key_lines(parts.yaml_text, parts.yaml_line)
    reader = _Reader(raw, lines, location)
    title = reader.text("title", required=True)
    # A missing summary or sender is reported by the checks (`summary-missing`,
    # `sender`), together with every other finding, in the editor's language.
    summary = reader.text("summary", required=False)
    sender = reader.text("sender", required=False)
    reviewed = reader.date("reviewed", required=is_source)
    meta = FrontMatter(
        title=title,
        summary=summary,
        sender=sender or None,
        reviewed=reviewed if isinstance(reviewed, date) else None,
        date=reader.date("date", required=False),
        weight=reader.integer("weight"),
        menu=reader.boolean("menu"),
        footer=reader.boolean("footer"),
        slug=reader.slug("slug"),
        publish_at=reader.date("publish_at", required=False),
        source_version=reader.text("source_version", required=False) or None,
        variant_of=reader.text("variant_of", required=False) or None,
        video=reader.text("video", required=False) or None,
        captions=reader.text("captions", required=False) or None,
        silence=reader.silence("silence"),
        extra={str(k): v for k, v in raw.items() if k not in KNOWN_KEYS},
        lines=lines,
    )
    return meta, parts, reader.errors


class _Reader:
    """Typed access to raw front matter values, collecting errors per key."""

    def __init__(self, raw: Mapping[Any, Any], lines: Mapping[str, int], where: Location) -> None:
        self.raw = raw
        self.lines = lines
        self.where = where
        self.errors: list[SiteBuilderError] = []

    def error(self, key: str, message: str, hint: str) -> None:
        line = self.lines.get(key, self.where.line)
        self.errors.append(ContentError(message, self.where.at_line(line), hint))

    def text(self, key: str, *, required: bool) -> str:
        value = self.raw.get(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                self.error(key, f"'{key}' is missing", f"add a line '{key}: …' to the front matter")
            return ""
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            self.error(key, f"'{key}' must be text", f"write it on one line: {key}: …")
            return ""
        return str(value).strip()

    def date(self, key: str, *, required: bool) -> date | datetime | None:
        value = self.raw.get(key)
        if value is None:
            if required:
                self.error(
                    key, f"'{key}' is missing", f"add a line '{key}: YYYY-MM-DD', like 2026-11-01"
                )
            return None
        if isinstance(value, date):  # datetime is a date too
            return value
        if isinstance(value, str):
            try:
                return datetime.fromisoformat(value) if "T" in value else date.fromisoformat(value)
            except ValueError:
                pass
        self.error(key, f"'{key}' is not a valid date: {value!r}", "write it as YYYY-MM-DD")
        return None

    def integer(self, key: str) -> int:
        value = self.raw.get(key, 0)
        if isinstance(value, bool) or not isinstance(value, int):
            self.error(key, f"'{key}' must be a whole number", f"write for example {key}: 10")
            return 0
        return value

    def boolean(self, key: str) -> bool:
        value = self.raw.get(key, False)
        if not isinstance(value, bool):
            self.error(key, f"'{key}' must be true or false", f"write {key}: true")
            return False
        return value

    def silence(self, key: str) -> dict[str, str]:
        """`silence: {lix: "Policytexten återges ordagrant"}`: a written reason per rule."""
        value = self.raw.get(key)
        if value is None:
            return {}
        hint = 'write for example: silence: {lix: "Policytexten återges ordagrant"}'
        if not isinstance(value, dict):
            self.error(key, f"'{key}' must map rule ids to the reason they do not apply", hint)
            return {}
        reasons: dict[str, str] = {}
        for rule, reason in value.items():
            if not isinstance(rule, str) or not _RULE_ID.match(rule):
                self.error(key, f"'{key}': {rule!r} is not a rule id", hint)
            elif not isinstance(reason, str) or not reason.strip():
                self.error(
                    key,
                    f"'{key}': the rule '{rule}' needs a written reason",
                    "say in a few words why the rule does not apply to this page",
                )
            else:
                reasons[rule] = reason.strip()
        return reasons

    def slug(self, key: str) -> str | None:
        value = self.raw.get(key)
        if value is None:
            return None
        if not isinstance(value, str) or not _SLUG.match(value):
            self.error(
                key,
                f"'{key}' must be one URL segment: letters, digits and hyphens",
                "for example slug: viestintapolitiikka",
            )
            return None
        return value
