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
from ..errors import BuildFailed, ConfigError, Location, SiteBuilderError
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
            f"{ORGANISATION_FILE} is missing",
            where,
            "create it with the units that send pages (see README: Content format)",
        )
    raw = load_yaml_file(path, config.root)
    units_raw = raw.get("units") if isinstance(raw, dict) else None
    if not isinstance(units_raw, dict) or not units_raw:
        raise ConfigError(
            "the file must have 'units:' with at least one unit",
            where,
            "see README: Content format, data/organisation.yaml",
        )
    lines = _unit_lines(path)
    errors: list[SiteBuilderError] = []
    units: dict[str, Unit] = {}
    for unit_id, data in units_raw.items():
        at = where.at_line(lines.get(str(unit_id)))
        unit = _unit(str(unit_id), data, config, at, errors)
        if unit is not None:
            units[unit.id] = unit
    if errors:
        raise BuildFailed(errors)
    return Organisation(units=units)


def _unit(
    unit_id: str, data: Any, config: SiteConfig, at: Location, errors: list[SiteBuilderError]
) -> Unit | None:
    def fail(message: str, hint: str) -> None:
        errors.append(ConfigError(f"unit '{unit_id}': {message}", at, hint))

    if not isinstance(data, dict):
        fail("must have name, phone, email and address", "see README: Content format")
        return None
    name = data.get("name")
    if isinstance(name, str):
        name = {config.source_language: name}
    if not isinstance(name, dict) or not isinstance(name.get(config.source_language), str):
        fail(
            f"'name' needs at least the {config.source_language} name",
            "write name: {sv: …, fi: …, en: …}",
        )
        name = {}
    fields: dict[str, str] = {}
    for key, pattern, hint in (
        ("phone", _PHONE, 'a direct number in quotes, like "0591-641 00"'),
        ("email", _EMAIL, "an address like kommun@hellefors.se"),
        ("address", None, "the visiting address on one line"),
    ):
        value = data.get(key)
        if not isinstance(value, str) or not value.strip():
            fail(f"'{key}' is missing", f"add {key}: {hint}")
            fields[key] = ""
        elif pattern is not None and not pattern.match(value.strip()):
            fail(f"'{key}' does not look right: {value!r}", f"write {hint}")
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
