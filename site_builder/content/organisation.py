"""`data/organisation.yaml`: the units that send pages and answer questions.

The policy makes each board and department answer for its own information
and asks for a direct number wherever possible; so each unit carries a name
per language, a phone number, an e-mail address and a visiting address.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from ..config import SiteConfig
from ..errors import BuildFailed, ConfigError, Location, SiteBuilderError, msg
from ..files import load_yaml_file
from ..model import Organisation, Unit

ORGANISATION_FILE = "data/organisation.yaml"
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PHONE = re.compile(r"^\+?[\d\s()-]{5,}$")


def load_organisation(config: SiteConfig) -> Organisation:
    path = config.root / ORGANISATION_FILE
    where = Location(ORGANISATION_FILE)
    if not path.is_file():
        raise ConfigError(
            msg("%(file)s is missing"),
            where,
            msg("create it with the units that send pages (see README: Content format)"),
            file=ORGANISATION_FILE,
        )
    raw = load_yaml_file(path, config.root)
    units_raw = raw.get("units") if isinstance(raw, dict) else None
    if not isinstance(units_raw, dict) or not units_raw:
        raise ConfigError(
            msg("the file must have 'units:' with at least one unit"),
            where,
            msg("see README: Content format, data/organisation.yaml"),
        )
    lines = _unit_lines(path)
    text = _text_lines(path)
    errors: list[SiteBuilderError] = []
    units: dict[str, Unit] = {}
    for unit_id, data in units_raw.items():
        at = where.at_line(lines.get(str(unit_id)))
        unit = _unit(str(unit_id), data, config, at, errors, text)
        if unit is not None:
            units[unit.id] = unit
    if errors:
        raise BuildFailed(errors)
    return Organisation(units=units)


def _unit(
    unit_id: str,
    data: Any,
    config: SiteConfig,
    at: Location,
    errors: list[SiteBuilderError],
    text: list[str] = [],  # noqa: B006 - read only
) -> Unit | None:
    def fail(message: str, hint: str, **fields: object) -> None:
        """`message` and `hint` are msg() ids; `%(unit)s` in them is the unit's id. The
        error points at the line of the unit's key (`key`) when it has one."""
        key = fields.get("key")
        line = _key_line(text, at.line, str(key)) if key and at.line else None
        errors.append(
            ConfigError(message, at.at_line(line or at.line), hint, unit=unit_id, **fields)
        )

    if not isinstance(data, dict):
        fail(
            msg("unit '%(unit)s' must have name, phone, email and address"),
            msg("see README: Content format"),
        )
        return None
    name = data.get("name")
    if isinstance(name, str):
        name = {config.source_language: name}
    if not isinstance(name, dict) or not isinstance(name.get(config.source_language), str):
        fail(
            msg("unit '%(unit)s': 'name' needs at least the name in %(language)s"),
            msg("write name: {sv: …, fi: …, en: …}"),
            language=config.source_language,
            key="name",
        )
        name = {}
    fields: dict[str, str] = {}
    for key, pattern, missing, wrong in (
        (
            "phone",
            _PHONE,
            msg('add phone: a direct number in quotes, like "0591-641 00"'),
            msg('write a direct number in quotes, like "0591-641 00"'),
        ),
        (
            "email",
            _EMAIL,
            msg("add email: an address like kommun@hellefors.se"),
            msg("write an address like kommun@hellefors.se"),
        ),
        ("address", None, msg("add address: the visiting address on one line"), ""),
    ):
        value = data.get(key)
        if not isinstance(value, str) or not value.strip():
            fail(msg("unit '%(unit)s': '%(key)s' is missing"), missing, key=key)
            fields[key] = ""
        elif pattern is not None and not pattern.match(value.strip()):
            fail(
                msg("unit '%(unit)s': '%(key)s' does not look right: %(value)s"),
                wrong,
                key=key,
                value=repr(value),
            )
            fields[key] = value.strip()
        else:
            fields[key] = value.strip()
    return Unit(
        id=unit_id,
        name={str(k): str(v) for k, v in name.items()},
        phone=fields["phone"],
        email=fields["email"],
        address=fields["address"],
        line=at.line,
    )


def _text_lines(path: Path) -> list[str]:
    try:
        return path.read_text("utf-8").split("\n")
    except (OSError, UnicodeDecodeError):
        return []


def _key_line(text: list[str], unit_line: int, key: str) -> int | None:
    """The line of `key:` among the lines indented below the unit at `unit_line`."""
    indent = len(text[unit_line - 1]) - len(text[unit_line - 1].lstrip()) if text else 0
    pattern = re.compile(rf"^\s+{re.escape(key)}\s*:")
    for number in range(unit_line + 1, len(text) + 1):
        line = text[number - 1]
        if line.strip() and len(line) - len(line.lstrip()) <= indent:
            return None
        if pattern.match(line):
            return number
    return None


def _unit_lines(path: Path) -> dict[str, int]:
    """Line of each unit id under `units:` (indented keys with a nested mapping)."""
    lines: dict[str, int] = {}
    pattern = re.compile(r"^ {2,4}([\w-]+):\s*$")
    try:
        text = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError):
        return lines
    for number, line in enumerate(text.split("\n"), start=1):
        match = pattern.match(line)
        if match:
            lines.setdefault(match.group(1), number)
    return lines
