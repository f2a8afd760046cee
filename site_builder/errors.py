"""Errors that name the place where the problem is.

Every problem an editor can cause is raised (or collected) where it is found,
as an exception carrying a `Location`, and rendered exactly once by the CLI.
A build keeps going after a content error so that one run reports every
problem at once; `BuildFailed` carries them all.

Messages are English message ids, marked with `msg()` where they are raised,
with `%(name)s` fields given as keyword arguments; they are translated once,
where they are shown (the CLI, the preview's error page, the checks' report),
from the `site_builder` gettext domain (see checks/messages.py). `message`
and `hint` hold the English text, filled in; `message_id`, `hint_id` and
`fields` let a renderer show them in another language.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any


def msg(message: str) -> str:
    """Mark a message id for extraction into the `site_builder` catalog; translated when shown."""
    return message


def fill(message: str, fields: Sequence[tuple[str, str]]) -> str:
    """A message id with its `%(name)s` fields filled in (ids without fields are literal).

    A field whose name ends in `_msg` is itself a message id (a part of a message that
    is translated too, like "a message" or "message '%(id)s'"), filled from the others."""
    if not message or not fields:
        return message
    args = dict(fields)
    for name, value in fields:
        if name.endswith("_msg"):
            args[name] = fill(value, [f for f in fields if not f[0].endswith("_msg")])
    try:
        return message % args
    except (KeyError, ValueError, TypeError):  # a wrong id must not hide the error
        return message


@dataclass(frozen=True, order=True)
class Location:
    """A file relative to the site root, and a 1-based line when one is known."""

    path: str
    line: int | None = None

    def __str__(self) -> str:
        return f"{self.path}:{self.line}" if self.line else self.path

    def at_line(self, line: int | None) -> Location:
        return Location(self.path, line)


class SiteBuilderError(Exception):
    """Base of every error the CLI prints as a message instead of a traceback."""

    exit_code = 1

    def __init__(
        self,
        message: str,
        location: Location | None = None,
        hint: str | None = None,
        **fields: object,
    ) -> None:
        self.message_id = message
        self.hint_id = hint or None
        self.fields: tuple[tuple[str, str], ...] = tuple(
            (name, str(value)) for name, value in sorted(fields.items())
        )
        self.message = fill(message, self.fields)
        super().__init__(self.message)
        self.location = location
        self.hint = fill(hint, self.fields) if hint else hint

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickle by state, not by `args`: subclasses take other arguments than the message,
        and errors cross process boundaries (parallel rendering) and the build cache."""
        return (_restore_error, (type(self), self.__dict__.copy()))

    def __str__(self) -> str:
        where = f"{self.location}: " if self.location else ""
        fix = f"\n  → {self.hint}" if self.hint else ""
        return f"{where}{self.message}{fix}"


def _restore_error(cls: type[SiteBuilderError], state: dict[str, Any]) -> SiteBuilderError:
    error = cls.__new__(cls)
    Exception.__init__(error, state.get("message", ""))
    error.__dict__.update(state)
    # errors pickled before messages were translatable: shown in English as they are
    error.__dict__.setdefault("message_id", state.get("message", ""))
    error.__dict__.setdefault("hint_id", state.get("hint"))
    error.__dict__.setdefault("fields", ())
    return error


class ConfigError(SiteBuilderError):
    """`site.yaml` or a data file is missing, unreadable or invalid."""


class ContentError(SiteBuilderError):
    """A page, its front matter or its Markdown is invalid."""


class TemplateError(SiteBuilderError):
    """The theme's templates failed to load or render."""


class UsageError(SiteBuilderError):
    """The command line was used wrongly."""

    exit_code = 2


class BuildFailed(SiteBuilderError):
    """One or more errors stopped the build; the previous output is untouched."""

    def __init__(self, errors: Sequence[SiteBuilderError]) -> None:
        self.errors = tuple(sorted(errors, key=_sort_key))
        count = len(self.errors)
        super().__init__(f"the build stopped with {count} error{'s' if count != 1 else ''}")
        self.count = count


def _sort_key(error: SiteBuilderError) -> tuple[str, int, str]:
    loc = error.location
    return (loc.path if loc else "", (loc.line or 0) if loc else 0, error.message)


def raise_if_any(errors: Iterable[SiteBuilderError]) -> None:
    """Raise `BuildFailed` when the iterable holds at least one error."""
    collected = list(errors)
    if collected:
        raise BuildFailed(collected)


def display_path(path: PurePosixPath | str) -> str:
    """Paths in messages use forward slashes, relative to the site root."""
    return str(path).replace("\\", "/")
