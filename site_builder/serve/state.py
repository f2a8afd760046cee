"""What the preview server knows between builds, shared by its threads.

Every finished build, good or failed, bumps an *epoch*. An open page knows the
epoch it was served at and long-polls for a newer one; it reloads only when
something it shows changed since then: its own file, a stylesheet or image
(any file that is not HTML), or whether it shows an error. Other open pages
stay where they are, scrolled where the editor left them.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ..errors import BuildFailed, SiteBuilderError

#: How many builds back an open page can be and still be told precisely what changed.
HISTORY = 200
#: Files a page loads besides itself: when one changes, every open page reloads.
SUBRESOURCES = (
    ".css", ".js", ".mjs", ".svg", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif",
    ".ico", ".woff", ".woff2",
)  # fmt: skip


@dataclass(frozen=True)
class Failure:
    """A failed build: its errors, and the pages that show them instead of themselves."""

    errors: tuple[SiteBuilderError, ...]
    pages: frozenset[str] | None
    """Output files (relative to the output folder) that show the error page;
    `None` when the failure is not one page's (configuration, template, a new
    file): then every page shows it."""

    def covers(self, rel: str) -> bool:
        return self.pages is None or rel in self.pages


def errors_of(error: BaseException) -> tuple[SiteBuilderError, ...]:
    if isinstance(error, BuildFailed):
        return error.errors
    if isinstance(error, SiteBuilderError):
        return (error,)
    return (
        SiteBuilderError(
            f"internal error in site_builder: {type(error).__name__}: {error}",
            hint="this is a bug, not a problem with your files; the terminal shows the details",
        ),
    )


def pages_of_failure(
    errors: Iterable[SiteBuilderError], origins: Mapping[str, str]
) -> frozenset[str] | None:
    """The output files of the pages whose sources failed, with their translations.

    `origins` maps each output file of the last good build to its source. An
    error without a file, or in a file that made no page (site.yaml, a
    template, a page never built before), concerns the whole site: `None`.
    """
    by_stem: dict[str, set[str]] = {}
    for rel, origin in origins.items():
        if origin.endswith(".md") and rel.endswith(".html"):
            by_stem.setdefault(_stem(origin), set()).add(rel)
    pages: set[str] = set()
    for error in errors:
        if error.location is None:
            return None
        found = by_stem.get(_stem(error.location.path))
        if not found:
            return None
        pages |= found
    return frozenset(pages)


def _stem(source: str) -> str:
    """`content/a/b.sv.md` → `content/a/b`: the same page in every language."""
    parts = source.rsplit(".", 2)
    return parts[0] if len(parts) == 3 and parts[2] == "md" else source


class ServeState:
    """Epochs, what each build changed, and the current failure; thread-safe."""

    def __init__(self, lang: str = "en") -> None:
        self.lang = lang
        """The language of the error page's messages ("en" or "sv")."""
        self._cond = threading.Condition()
        self.epoch = 0
        self._history: deque[tuple[int, frozenset[str] | None]] = deque(maxlen=HISTORY)
        self.failure: Failure | None = None
        self.origins: dict[str, str] = {}
        self.building = False
        self.stopped = False

    def build_started(self) -> None:
        with self._cond:
            self.building = True

    def build_cancelled(self) -> None:
        """Nothing was built after all (an idle moment with nothing to do)."""
        with self._cond:
            self.building = False
            self._cond.notify_all()

    def build_succeeded(self, outputs: Mapping[str, str], changed: Iterable[str]) -> int:
        """Record a good build: `outputs` maps every file to its source."""
        with self._cond:
            removed = set(self.origins) - set(outputs)
            touched: set[str] | None = {*changed, *removed}
            if self.failure is not None:
                touched = _union(touched, self.failure.pages)
            self.origins = dict(outputs)
            self.failure = None
            return self._bump(touched)

    def build_failed(self, error: BaseException) -> Failure:
        """Record a failed build; the files on disk stay those of the last good one."""
        with self._cond:
            errors = errors_of(error)
            failure = Failure(errors, pages_of_failure(errors, self.origins))
            touched = None if failure.pages is None else set(failure.pages)
            if self.failure is not None:
                touched = _union(touched, self.failure.pages)
            self.failure = failure
            self._bump(touched)
            return failure

    def _bump(self, touched: set[str] | frozenset[str] | None) -> int:
        self.epoch += 1
        self._history.append((self.epoch, None if touched is None else frozenset(touched)))
        self.building = False
        self._cond.notify_all()
        return self.epoch

    def stop(self) -> None:
        with self._cond:
            self.stopped = True
            self._cond.notify_all()

    def wait_for_newer(self, epoch: int, timeout: float) -> int:
        """Block until the epoch passes `epoch` (or timeout, or stop); return the current one."""
        with self._cond:
            self._cond.wait_for(lambda: self.epoch > epoch or self.stopped, timeout)
            return self.epoch

    def wait_while_building(self, timeout: float) -> None:
        with self._cond:
            self._cond.wait_for(lambda: not self.building or self.stopped, timeout)

    def changed_since(self, epoch: int, candidates: Iterable[str]) -> bool:
        """True when a page served at `epoch` from one of `candidates` should reload."""
        wanted = set(candidates)
        with self._cond:
            if epoch >= self.epoch:
                return False
            newer = [touched for number, touched in self._history if number > epoch]
            if len(newer) < self.epoch - epoch:  # older than the history we keep
                return True
            for touched in newer:
                if touched is None or touched & wanted:
                    return True
                if any(rel.endswith(SUBRESOURCES) for rel in touched):
                    return True  # a stylesheet, script or image: it may show on any page
            return False


def _union(a: Iterable[str] | None, b: Iterable[str] | None) -> set[str] | None:
    if a is None or b is None:
        return None
    return {*a, *b}
