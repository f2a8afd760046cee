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

from ..errors import ContentError, Location, SiteBuilderError, msg
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
            msg("the page does not start with front matter"),
            location.at_line(1),
            msg("begin the file with a line '---', then title: and summary:, then '---'"),
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
        msg("the front matter is not closed"),
        location.at_line(1),
        msg("add a line '---' after the last front matter line"),
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
            msg("the front matter must be 'key: value' lines"),
            location.at_line(parts.yaml_line),
            msg("write for example: title: Kontakta oss"),
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

    def error(self, key: str, message: str, hint: str, **fields: object) -> None:
        """`message` and `hint` are msg() ids; `%(key)s` in them is the key. A missing
        key is reported at the first line of the front matter, where it belongs."""
        line = self.lines.get(key, self.where.line or 1)
        self.errors.append(ContentError(message, self.where.at_line(line), hint, key=key, **fields))

    def text(self, key: str, *, required: bool) -> str:
        value = self.raw.get(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                self.error(
                    key,
                    msg("'%(key)s' is missing"),
                    msg("add a line '%(key)s: …' to the front matter"),
                )
            return ""
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            self.error(key, msg("'%(key)s' must be text"), msg("write it on one line: %(key)s: …"))
            return ""
        return str(value).strip()

    def date(self, key: str, *, required: bool) -> date | datetime | None:
        value = self.raw.get(key)
        if value is None:
            if required:
                self.error(
                    key,
                    msg("'%(key)s' is missing"),
                    msg("add a line '%(key)s: YYYY-MM-DD', like 2026-11-01"),
                )
            return None
        if isinstance(value, date):  # datetime is a date too
            return value
        if isinstance(value, str):
            try:
                return datetime.fromisoformat(value) if "T" in value else date.fromisoformat(value)
            except ValueError:
                pass
        self.error(
            key,
            msg("'%(key)s' is not a valid date: %(value)s"),
            msg("write it as YYYY-MM-DD"),
            value=repr(value),
        )
        return None

    def integer(self, key: str) -> int:
        value = self.raw.get(key, 0)
        if isinstance(value, bool) or not isinstance(value, int):
            self.error(
                key, msg("'%(key)s' must be a whole number"), msg("write for example %(key)s: 10")
            )
            return 0
        return value

    def boolean(self, key: str) -> bool:
        value = self.raw.get(key, False)
        if not isinstance(value, bool):
            self.error(key, msg("'%(key)s' must be true or false"), msg("write %(key)s: true"))
            return False
        return value

    def silence(self, key: str) -> dict[str, str]:
        """`silence: {lix: "Policytexten återges ordagrant"}`: a written reason per rule."""
        value = self.raw.get(key)
        if value is None:
            return {}
        hint = msg('write for example: silence: {lix: "Policytexten återges ordagrant"}')
        if not isinstance(value, dict):
            self.error(
                key, msg("'%(key)s' must map rule ids to the reason they do not apply"), hint
            )
            return {}
        reasons: dict[str, str] = {}
        for rule, reason in value.items():
            if not isinstance(rule, str) or not _RULE_ID.match(rule):
                self.error(key, msg("'%(key)s': %(rule)s is not a rule id"), hint, rule=repr(rule))
            elif not isinstance(reason, str) or not reason.strip():
                self.error(
                    key,
                    msg("'%(key)s': the rule '%(rule)s' needs a written reason"),
                    msg("say in a few words why the rule does not apply to this page"),
                    rule=rule,
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
                msg("'%(key)s' must be one URL segment: letters, digits and hyphens"),
                msg("for example %(key)s: viestintapolitiikka"),
            )
            return None
        return value
