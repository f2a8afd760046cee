"""`data/alerts.yaml`: important messages, the crisis plan's tool on the website.

One file that an editor changes in a hurry, so every mistake is reported
with its line and how to fix it, and all of them at once. The file is
optional: no file, no messages.

```yaml
alerts:
  - id: vatten-2026-12
    level: warning            # info, warning or danger
    start: 2026-12-01T08:00:00+01:00
    end: 2026-12-03T18:00:00+01:00   # optional: shown until removed
    updated: 2026-12-01T10:30:00+01:00  # optional: when the text last changed
    text: {sv: …, fi: …, en: …}
    details: {sv: …}           # optional: longer text for the home page
    link: content/kris/vatten.sv.md  # optional: the page with details
```
"""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import yaml

from ..config import SiteConfig
from ..errors import ConfigError, Location, SiteBuilderError, msg
from ..files import parse_yaml, read_text
from ..model import Alert
from .schedule import as_moment

ALERTS_FILE = "data/alerts.yaml"
LEVELS = ("info", "warning", "danger")
KNOWN_KEYS = frozenset({"id", "level", "start", "end", "updated", "text", "details", "link"})
_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")


@dataclass(frozen=True)
class LoadedAlerts:
    alerts: tuple[Alert, ...]
    """Every valid message in the file, past, present and coming."""
    errors: tuple[SiteBuilderError, ...]
    warnings: tuple[SiteBuilderError, ...]


def load_alerts(config: SiteConfig) -> LoadedAlerts:
    """Read and validate the file; problems are returned, not raised."""
    path = config.root / ALERTS_FILE
    if not path.is_file():
        return LoadedAlerts((), (), ())
    where = Location(ALERTS_FILE)
    try:
        text = read_text(path, config.root, ConfigError)
        raw = parse_yaml(text, where, ConfigError)
    except SiteBuilderError as error:
        return LoadedAlerts((), (error,), ())
    lines = _item_lines(text)
    errors: list[SiteBuilderError] = []
    warnings: list[SiteBuilderError] = []
    items = raw.get("alerts") if isinstance(raw, dict) else None
    if raw is None or (isinstance(raw, dict) and items is None):
        return LoadedAlerts((), (), ())
    if not isinstance(items, list):
        problem = ConfigError(
            msg("the file must have 'alerts:' followed by a list of messages"),
            where.at_line(1),
            msg("start each message with '- id: …' (see README: Important messages)"),
        )
        return LoadedAlerts((), (problem,), ())
    alerts: list[Alert] = []
    seen: dict[str, int | None] = {}
    for index, item in enumerate(items):
        item_lines = lines[index] if index < len(lines) else {}
        reader = _AlertReader(item, item_lines, where, config, errors, warnings)
        alert = reader.read()
        if alert is None:
            continue
        if alert.id in seen:
            reader.error(
                "id",
                msg("%(label_msg)s: the id is used twice (first on line %(first)s)"),
                msg("give every message its own id"),
                first=seen[alert.id],
            )
            continue
        seen[alert.id] = alert.line
        alerts.append(alert)
    return LoadedAlerts(tuple(alerts), tuple(errors), tuple(warnings))


class _AlertReader:
    """Validates one message, collecting problems at the line of the key that has them."""

    def __init__(
        self,
        raw: Any,
        lines: dict[str, int],
        where: Location,
        config: SiteConfig,
        errors: list[SiteBuilderError],
        warnings: list[SiteBuilderError],
    ) -> None:
        self.raw = raw
        self.lines = lines
        self.where = where
        self.config = config
        self.errors = errors
        self.warnings = warnings
        self.id = ""
        """The message's id, once it is known: errors name it."""

    def at(self, key: str) -> Location:
        return self.where.at_line(self.lines.get(key, self.lines.get("")))

    def error(self, key: str, message: str, hint: str, **fields: object) -> None:
        """`message` and `hint` are msg() ids; `%(key)s` is the key, `%(id)s` the message's
        id, and `%(label_msg)s` names the message, to begin each error with."""
        self.errors.append(self.problem(key, message, hint, **fields))

    def problem(self, key: str, message: str, hint: str, **fields: object) -> ConfigError:
        label = msg("message '%(id)s'") if self.id else msg("a message")
        return ConfigError(
            message,
            self.at(key),
            hint,
            label_msg=label,
            id=self.id,
            key=key,
            **fields,
        )

    def read(self) -> Alert | None:
        if not isinstance(self.raw, dict):
            self.error(
                "",
                msg("%(label_msg)s: each message must be a set of 'key: value' lines"),
                msg("start with - id:"),
            )
            return None
        before = len(self.errors)
        alert_id = self.raw.get("id")
        if not isinstance(alert_id, str) or not _ID.match(alert_id):
            self.error(
                "id",
                msg(
                    "%(label_msg)s: 'id' is missing or not a short name of lower-case letters, "
                    "digits and hyphens"
                ),
                msg("write for example: id: vatten-2026-12"),
            )
            alert_id = ""
        else:
            self.id = alert_id
        for key in sorted(set(self.raw) - KNOWN_KEYS, key=str):
            self.warnings.append(
                self.problem(
                    str(key),
                    msg("%(label_msg)s: unknown key '%(key)s' is ignored"),
                    msg("known keys: %(known)s"),
                    known=", ".join(sorted(KNOWN_KEYS)),
                )
            )
        level = self.raw.get("level")
        if level not in LEVELS:
            self.error(
                "level",
                msg("%(label_msg)s: 'level' must be one of %(levels)s"),
                msg("write level: info"),
                levels=", ".join(LEVELS),
            )
        start = self.moment("start", required=True)
        end = self.moment("end", required=False)
        updated = self.moment("updated", required=False)
        if start is not None and end is not None and end <= start:
            self.error(
                "end",
                msg("%(label_msg)s: 'end' is not after 'start'"),
                msg("check the dates and times"),
            )
        text = self.texts("text", required=True)
        details = self.texts("details", required=False)
        link = self.link()
        if len(self.errors) > before or start is None:
            return None
        return Alert(
            id=alert_id,
            level=str(level),
            start=start,
            end=end,
            text=text,
            details=details,
            link=link,
            updated=updated,
            line=self.lines.get(""),
        )

    def moment(self, key: str, *, required: bool) -> datetime | None:
        value = self.raw.get(key)
        if value is None:
            if required:
                self.error(
                    key,
                    msg("%(label_msg)s: '%(key)s' is missing"),
                    msg("add %(key)s: 2026-12-01T08:00:00+01:00 (date, time and offset)"),
                )
            return None
        if isinstance(value, str):
            with contextlib.suppress(ValueError):
                value = datetime.fromisoformat(value)
        if not isinstance(value, date):
            self.error(
                key,
                msg("%(label_msg)s: '%(key)s' is not a date and time: %(value)s"),
                msg("write it like 2026-12-01T08:00:00+01:00"),
                value=repr(value),
            )
            return None
        return as_moment(value, self.config.tz)

    def texts(self, key: str, *, required: bool) -> dict[str, str]:
        value = self.raw.get(key)
        source = self.config.source_language
        if value is None and not required:
            return {}
        if isinstance(value, str) and value.strip():
            value = {source: value}
        if not isinstance(value, dict) or not isinstance(value.get(source), str):
            self.error(
                key,
                msg("%(label_msg)s: '%(key)s' needs at least the text in %(language)s"),
                msg("write %(key)s: %(example)s"),
                language=source,
                example="{" + ", ".join(f"{lang}: …" for lang in self.config.languages) + "}",
            )
            return {}
        texts: dict[str, str] = {}
        for lang, words in value.items():
            if not isinstance(words, str) or not words.strip():
                self.error(
                    key,
                    msg("%(label_msg)s: the text in %(language)s is empty"),
                    msg("write the text or remove the line"),
                    language=lang,
                )
                continue
            texts[str(lang)] = " ".join(words.split())
        return texts

    def link(self) -> str | None:
        value = self.raw.get("link")
        if value is None:
            return None
        if (
            not isinstance(value, str)
            or not value.startswith("content/")
            or not value.endswith(".md")
        ):
            self.error(
                "link",
                msg("%(label_msg)s: 'link' must be the path of a page's Markdown file"),
                msg("write for example: link: content/kris/vatten.sv.md"),
            )
            return None
        return value


def _item_lines(text: str) -> list[dict[str, int]]:
    """For each message, the line where it starts ('') and the line of each key."""
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return []
    if not isinstance(node, yaml.MappingNode):
        return []
    for key_node, value_node in node.value:
        if key_node.value == "alerts" and isinstance(value_node, yaml.SequenceNode):
            result = []
            for item in value_node.value:
                lines = {"": item.start_mark.line + 1}
                if isinstance(item, yaml.MappingNode):
                    for key, _ in item.value:
                        lines[str(key.value)] = key.start_mark.line + 1
                result.append(lines)
            return result
    return []


def missing_languages(alert: Alert, languages: tuple[str, ...]) -> list[str]:
    """The main languages a message has no text in (readers of those get the source text)."""
    return [lang for lang in languages if lang not in alert.text]


def upcoming_changes(alerts: tuple[Alert, ...], now: datetime) -> list[tuple[datetime, str]]:
    """Moments after `now` when a message starts or ends, with what happens then."""
    changes: list[tuple[datetime, str]] = []
    for alert in alerts:
        if alert.start > now:
            changes.append((alert.start, f"the message '{alert.id}' starts"))
        if alert.end is not None and alert.end > now:
            changes.append((alert.end, f"the message '{alert.id}' ends"))
    return changes
