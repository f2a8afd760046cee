"""Reading the editors' files: UTF-8 text and YAML, with located errors.

Editors save files from many programs; a file that is not UTF-8, or YAML
with a typo, must produce a message with the file and line, not a traceback.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from .errors import ConfigError, ContentError, Location, SiteBuilderError, msg
from .yamlerrors import bad_value, explain

try:  # the C loader is several times faster; fall back where libyaml is missing
    _Loader: type[yaml.SafeLoader] = yaml.CSafeLoader  # type: ignore[assignment]
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Loader = yaml.SafeLoader


def relative(path: Path, root: Path) -> str:
    """The path as shown to editors: relative to the site root, forward slashes."""
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def decode_utf8(data: bytes, location: Location, error: type[SiteBuilderError]) -> str:
    """Decode bytes as UTF-8 (a BOM is dropped) or name the line of the first bad byte."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise error(
            msg("the file is not UTF-8 text"),
            location.at_line(line),
            msg("save it as UTF-8 (in most editors: Save as… → Encoding: UTF-8)"),
        ) from None
    return text.removeprefix("\ufeff").replace("\r\n", "\n")


def read_text(path: Path, root: Path, error: type[SiteBuilderError] = ContentError) -> str:
    location = Location(relative(path, root))
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise error(
            msg("cannot read the file: %(reason)s"),
            location,
            msg("check that the file exists and that you may read it"),
            reason=exc.strerror or exc,
        ) from None
    return decode_utf8(data, location, error)


def parse_yaml(
    text: str,
    location: Location,
    error: type[SiteBuilderError] = ContentError,
    first_line: int = 1,
) -> Any:
    """Parse YAML; `first_line` is the file line where `text` starts (for front matter)."""
    try:
        return yaml.load(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        why = explain(exc, text)
        line = first_line + why.line if why.line is not None else None
        raise error(why.message, location.at_line(line), why.hint, **why.fields) from None
    except yaml.YAMLError as exc:
        raise error(
            msg("This file cannot be read as YAML (YAML says: %(problem)s)."),
            location,
            msg("check the indentation, and put values with special characters in quotes"),
            problem=exc,
        ) from None
    except (ValueError, TypeError, OverflowError, RecursionError) as exc:
        # PyYAML builds dates and numbers with Python constructors, which raise
        # these for values like 2026-13-45; find the value to name its line.
        bad = bad_value(text, _Loader)
        if bad is None:
            raise error(
                msg("A value in this file cannot be read (%(problem)s)."),
                location.at_line(first_line),
                msg("check the dates (YYYY-MM-DD) and numbers"),
                problem=exc,
            ) from None
        line, key, value = bad
        if "-" in value:
            raise error(
                msg("'%(key)s': %(value)s is not a date that exists."),
                location.at_line(first_line + line),
                msg(
                    "write the date as YYYY-MM-DD, with a month from 01 to 12 and a day "
                    "the month has, like 2026-11-01"
                ),
                key=key,
                value=value,
            ) from None
        raise error(
            msg("'%(key)s': %(value)s is not a number that can be read."),
            location.at_line(first_line + line),
            msg("write a whole number like 10, or put the value in quotes if it is text"),
            key=key,
            value=value,
        ) from None


def load_yaml_file(path: Path, root: Path) -> Any:
    """Read and parse a data or configuration file; errors are `ConfigError`s."""
    text = read_text(path, root, ConfigError)
    return parse_yaml(text, Location(relative(path, root)), ConfigError)


_TOP_KEY = re.compile(r"^([A-Za-z_][\w-]*)\s*:", re.MULTILINE)


def top_key_lines(path: Path) -> dict[str, int]:
    """The 1-based line of each top-level key of a YAML file, to locate its problems."""
    try:
        text = path.read_text("utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return {}
    lines: dict[str, int] = {}
    for match in _TOP_KEY.finditer(text):
        lines.setdefault(match.group(1), text.count("\n", 0, match.start()) + 1)
    return lines
