"""Reading the editors' files: UTF-8 text and YAML, with located errors.

Editors save files from many programs; a file that is not UTF-8, or YAML
with a typo, must produce a message with the file and line, not a traceback.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from .errors import ConfigError, ContentError, Location, SiteBuilderError

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
            "the file is not UTF-8 text",
            location.at_line(line),
            "save it as UTF-8 (in most editors: Save as… → Encoding: UTF-8)",
        ) from None
    return text.removeprefix("\ufeff").replace("\r\n", "\n")


def read_text(path: Path, root: Path, error: type[SiteBuilderError] = ContentError) -> str:
    location = Location(relative(path, root))
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise error(f"cannot read the file: {exc.strerror}", location) from None
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
        mark = exc.problem_mark or exc.context_mark
        line = first_line + mark.line if mark is not None else None
        problem = exc.problem or exc.context or "invalid YAML"
        raise error(
            f"invalid YAML: {problem}",
            location.at_line(line),
            "check the indentation and quote values that contain ':' or '#'",
        ) from None
    except yaml.YAMLError as exc:
        raise error(f"invalid YAML: {exc}", location) from None
    except (ValueError, TypeError, OverflowError, RecursionError) as exc:
        # PyYAML builds dates and numbers with Python constructors, which raise
        # these for values like 2026-13-45.
        raise error(
            f"invalid value in YAML: {exc}",
            location.at_line(first_line),
            "check dates (YYYY-MM-DD) and numbers",
        ) from None


def load_yaml_file(path: Path, root: Path) -> Any:
    """Read and parse a data or configuration file; errors are `ConfigError`s."""
    text = read_text(path, root, ConfigError)
    return parse_yaml(text, Location(relative(path, root)), ConfigError)
